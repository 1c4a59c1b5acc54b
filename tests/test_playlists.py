"""Playlists: create from suggestions, edit, reorder, pin, duplicate, archive, delete."""

import pytest

from reminisce import playlists
from reminisce.catalog.base import Track
from reminisce.engine.scoring import Suggestion
from reminisce.errors import NotFound, ValidationError
from reminisce.people import SYSTEM


def song(title, artist="Someone", year=1957):
    return Suggestion(Track(title, artist, year, "bundled"), 1.0, 17, ("Released 1957",))


@pytest.fixture
def playlist(db, peggy):
    return playlists.create(
        db,
        SYSTEM,
        peggy,
        "Calm before bath",
        "calm",
        when_to_use="Before personal care",
        songs=[song("A"), song("B"), song("C")],
    )


def titles(db, playlist_id):
    return [item.title for item in playlists.get(db, SYSTEM, playlist_id).items]


def test_created_with_songs_in_order_and_reasons(db, playlist):
    stored = playlists.get(db, SYSTEM, playlist)
    assert (stored.name, stored.purpose, stored.when_to_use) == ("Calm before bath", "calm", "Before personal care")
    assert titles(db, playlist) == ["A", "B", "C"]
    assert stored.items[0].reasons == "Released 1957"


def test_bad_name_or_purpose_is_refused(db, peggy):
    with pytest.raises(ValidationError):
        playlists.create(db, SYSTEM, peggy, "  ", "calm")
    with pytest.raises(ValidationError):
        playlists.create(db, SYSTEM, peggy, "Party", "party")
    with pytest.raises(NotFound):
        playlists.create(db, SYSTEM, 999, "x", "calm")


def test_reorder_remove_pin(db, playlist):
    items = playlists.get(db, SYSTEM, playlist).items
    playlists.move_song(db, SYSTEM, playlist, items[2].id, -2)
    assert titles(db, playlist) == ["C", "A", "B"]
    playlists.move_song(db, SYSTEM, playlist, items[2].id, -5)  # already first: stays
    assert titles(db, playlist) == ["C", "A", "B"]
    playlists.remove_song(db, SYSTEM, playlist, items[0].id)
    assert titles(db, playlist) == ["C", "B"]
    playlists.set_pinned(db, SYSTEM, playlist, items[1].id, True)
    assert [i.pinned for i in playlists.get(db, SYSTEM, playlist).items] == [False, True]


def test_adding_a_song_twice_changes_nothing(db, playlist):
    assert playlists.add_song(db, SYSTEM, playlist, Track("b", "SOMEONE", 1957, "bundled")) is None
    assert playlists.add_song(db, SYSTEM, playlist, Track("D", "Other", 1960, "bundled")) is not None
    assert titles(db, playlist) == ["A", "B", "C", "D"]


def test_duplicate_archive_and_delete(db, peggy, playlist):
    copy = playlists.duplicate(db, SYSTEM, playlist)
    assert playlists.get(db, SYSTEM, copy).name == "Calm before bath (copy)" and titles(db, copy) == ["A", "B", "C"]
    playlists.set_archived(db, SYSTEM, playlist, True)
    assert [p.id for p in playlists.for_resident(db, SYSTEM, peggy)] == [copy]
    assert [p.id for p in playlists.for_resident(db, SYSTEM, peggy, archived=True)] == [playlist]
    playlists.delete(db, SYSTEM, copy)
    with pytest.raises(NotFound):
        playlists.get(db, SYSTEM, copy)


def test_deleting_the_resident_deletes_their_playlists(db, peggy, playlist):
    from reminisce import residents

    residents.delete_resident(db, SYSTEM, peggy)
    assert db["playlists"].count == 0 and db["playlist_items"].count == 0
