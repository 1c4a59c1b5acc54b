"""The family portal through AppTest: share a memory, suggest a song, avoid a song,
and no route to another resident."""

import pytest
from helpers import click, png, signed_in_app, texts

from reminisce import contributions, people, residents
from reminisce.catalog import bundled
from reminisce.people import SYSTEM


@pytest.fixture
def family(db, admin, peggy):
    bundled.load_bundled(db)
    return people.add_user(db, SYSTEM, "siobhan", "a-family-password", "family", "Siobhan", (peggy,))


@pytest.fixture
def other(db):
    return residents.create_resident(db, SYSTEM, residents.validate_profile({"name": "Bob Other", "birth_year": 1935}))


def test_family_sees_only_their_relative(db, family, peggy, other):
    app = signed_in_app(family).run()
    assert not app.exception
    assert texts(app.title) == ["Peggy"]
    assert "Bob Other" not in " ".join(texts(app.markdown) + texts(app.title))


def test_typing_another_residents_id_is_refused_and_audited(db, family, other):
    app = signed_in_app(family)
    app.query_params["id"] = str(other)
    app.run()
    assert any("only see the residents you are linked to" in e for e in texts(app.error))
    assert "Bob Other" not in " ".join(texts(app.title) + texts(app.markdown))
    assert (
        db.execute("SELECT count(*) FROM audit_log WHERE action = 'refused' AND resident_id = ?", [other]).fetchone()[0]
        == 1
    )


def test_share_a_memory_suggest_a_song_and_avoid_one(db, family, peggy):
    app = signed_in_app(family).run()
    app.text_area(key="fam_memory_text").set_value("Mum and Dad danced to Jim Reeves in 1960")
    app.number_input(key="fam_memory_year").set_value(1960)
    click(app, "Share this memory")
    assert any("Thank you" in s for s in texts(app.success))
    app.text_input(key="fam_song_text").set_value("have to go reeves").run()
    click(app, "This one")
    app.text_input(key="fam_avoid_title").set_value("Danny Boy")
    app.text_area(key="fam_avoid_reason").set_value("Her brother's funeral")
    click(app, "Tell the staff")
    kinds = {(c.kind, c.title or c.text) for c in contributions.for_resident(db, family, peggy)}
    assert kinds == {
        ("memory", "Mum and Dad danced to Jim Reeves in 1960"),
        ("song", "He'll Have to Go"),
        ("red_flag", "Danny Boy"),
    }
    assert any("waiting for staff" in m for m in texts(app.markdown))


def test_an_empty_memory_is_explained(db, family):
    app = signed_in_app(family).run()
    click(app, "Share this memory")
    assert any("is required" in e for e in texts(app.error))


def test_a_memory_with_a_photo(db, family, peggy):
    app = signed_in_app(family).run()
    app.text_area(key="fam_memory_text").set_value("Wedding day")
    app.file_uploader(key="fam_memory_photo").set_value(("wedding.png", png(), "image/png"))
    click(app, "Share this memory")
    [item] = contributions.for_resident(db, family, peggy)
    assert item.photo.startswith(b"\x89PNG")
