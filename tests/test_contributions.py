"""Family contributions: pending until staff decide; songs count once approved; a song
to avoid works at once."""

import pytest
from helpers import png

from reminisce import contributions, people, residents, suggestions
from reminisce.catalog import bundled
from reminisce.errors import AccessDenied, ValidationError
from reminisce.people import SYSTEM


@pytest.fixture
def family(db, peggy):
    return people.add_user(db, SYSTEM, "siobhan", "a-family-password", "family", "Siobhan", (peggy,))


def test_a_memory_waits_for_approval_then_joins_the_life_story(db, peggy, family):
    item = contributions.add(db, family, peggy, "memory", {"text": "Danced at the Galtymore", "year": 1958})
    assert residents.list_memories(db, SYSTEM, peggy) == []
    assert [c.status for c in contributions.for_resident(db, family, peggy)] == ["pending"]
    contributions.approve(db, SYSTEM, item, {"text": "Danced at the Galtymore, Cricklewood"})
    [memory] = residents.list_memories(db, SYSTEM, peggy)
    assert memory.text == "Danced at the Galtymore, Cricklewood" and memory.contributed_by == "Siobhan (family)"
    with pytest.raises(ValidationError):
        contributions.approve(db, SYSTEM, item)


def test_family_cannot_approve_their_own_contribution(db, peggy, family):
    item = contributions.add(db, family, peggy, "song", {"title": "Moon River"})
    with pytest.raises(AccessDenied):
        contributions.approve(db, family, item)


def test_a_song_counts_for_suggestions_only_once_approved(db, peggy, family):
    bundled.load_bundled(db)  # the four-song test catalog
    item = contributions.add(db, family, peggy, "song", {"title": "Israelites", "artist": "Desmond Dekker"})
    first = suggestions.suggest_for_resident(db, SYSTEM, peggy)
    assert not any("suggested by family" in " ".join(s.reasons) for s in first)
    contributions.approve(db, SYSTEM, item)
    top = suggestions.suggest_for_resident(db, SYSTEM, peggy)[0]
    assert top.track.title == "Israelites" and "Suggested by family" in top.reasons


def test_a_song_to_avoid_works_at_once_and_declining_restores_it(db, peggy, family):
    bundled.load_bundled(db)
    before = [s.track.title for s in suggestions.suggest_for_resident(db, SYSTEM, peggy)]
    assert "He'll Have to Go" in before
    item = contributions.add(db, family, peggy, "red_flag", {"title": "hell have to go", "text": "Reminds her of Tom"})
    assert "He'll Have to Go" not in [s.track.title for s in suggestions.suggest_for_resident(db, SYSTEM, peggy)]
    contributions.decline(db, SYSTEM, item)
    assert "He'll Have to Go" in [s.track.title for s in suggestions.suggest_for_resident(db, SYSTEM, peggy)]


def test_approving_a_song_to_avoid_adds_it_to_the_red_flags(db, peggy, family):
    item = contributions.add(db, family, peggy, "red_flag", {"title": "Danny Boy", "text": "Her brother's funeral"})
    contributions.approve(db, SYSTEM, item)
    assert [(f.title, f.reason) for f in residents.get_resident(db, SYSTEM, peggy).red_flags] == [
        ("Danny Boy", "Her brother's funeral")
    ]


def test_bad_contributions_are_refused_and_nothing_is_saved(db, peggy, family):
    with pytest.raises(ValidationError):
        contributions.add(db, family, peggy, "memory", {"text": "  "})
    with pytest.raises(ValidationError):
        contributions.add(db, family, peggy, "song", {"title": ""})
    with pytest.raises(ValidationError):
        contributions.add(db, family, peggy, "gift", {})
    assert db["contributions"].count == 0


def test_staff_see_everything_pending_family_see_their_own(db, peggy, family):
    other = people.add_user(db, SYSTEM, "tom", "a-family-password", "family", "Tom", (peggy,))
    contributions.add(db, family, peggy, "memory", {"text": "From Siobhan"})
    contributions.add(db, other, peggy, "memory", {"text": "From Tom"})
    assert [c.text for c in contributions.pending(db, SYSTEM)] == ["From Siobhan", "From Tom"]
    assert [c.text for c in contributions.for_resident(db, family, peggy)] == ["From Siobhan"]
    with pytest.raises(AccessDenied):
        contributions.pending(db, family)


PNG = png()


def test_a_memory_with_a_photo_keeps_it_through_approval(db, peggy, family):
    item = contributions.add(db, family, peggy, "memory", {"text": "Their wedding, 1962", "photo": PNG})
    [pending] = contributions.pending(db, SYSTEM)
    assert pending.photo == PNG
    contributions.approve(db, SYSTEM, item)
    [memory] = residents.list_memories(db, SYSTEM, peggy)
    assert (memory.photo, memory.photo_type) == (PNG, "image/png")


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        (b"%PDF-1.7 not a picture", "not a photo"),
        (b"\xff\xd8\xff" + bytes(6 * 1024 * 1024), "limit is 5 MB"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "could not be opened"),
    ],
)
def test_something_that_is_not_a_photo_is_refused(db, peggy, family, photo, message):
    with pytest.raises(ValidationError, match=message):
        contributions.add(db, family, peggy, "memory", {"text": "x", "photo": photo})
    assert db["contributions"].count == 0
