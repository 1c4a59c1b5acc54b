"""Playlists page: reorder, pin, remove, more like this, rename, archive, delete with confirmation."""

import pytest
from helpers import click, page, signed_in_app, texts

from reminisce import playlists
from reminisce.catalog.base import Track
from reminisce.engine.scoring import Suggestion
from reminisce.people import SYSTEM


@pytest.fixture
def calm(db, peggy):
    songs = [Suggestion(Track(t, "Someone", 1957, "bundled"), 1.0, 19, ("Released 1957",)) for t in "ABC"]
    return playlists.create(db, SYSTEM, peggy, "Calm before bath", "calm", songs=songs)


def open_playlists(admin, peggy):
    return signed_in_app(admin, resident_id=peggy).run().switch_page(page("playlists")).run()


def titles(db, playlist_id):
    return [i.title for i in playlists.get(db, SYSTEM, playlist_id).items]


def test_empty_state_guides(db, admin, peggy):
    app = open_playlists(admin, peggy)
    assert any("No playlists yet" in i for i in texts(app.info))


def test_reorder_pin_and_remove(db, admin, peggy, calm):
    app = open_playlists(admin, peggy)
    items = playlists.get(db, SYSTEM, calm).items
    app.button(key=f"down_{items[0].id}").click().run()
    assert titles(db, calm) == ["B", "A", "C"]
    app.button(key=f"pin_{items[2].id}").click().run()
    assert playlists.get(db, SYSTEM, calm).items[2].pinned
    app.button(key=f"remove_{items[1].id}").click().run()
    assert titles(db, calm) == ["A", "C"]
    assert not app.exception


def test_rename_and_archive(db, admin, peggy, calm):
    app = open_playlists(admin, peggy)
    app.text_input(key="pl_name").set_value("Bath time")
    click(app, "Save")
    assert playlists.get(db, SYSTEM, calm).name == "Bath time"
    click(app, "Archive")
    assert playlists.get(db, SYSTEM, calm).archived


def test_delete_asks_first(db, admin, peggy, calm):
    app = open_playlists(admin, peggy)
    app.button(key="playlist_delete").click().run()
    assert playlists.for_resident(db, SYSTEM, peggy)
    app.button(key="playlist_delete_yes").click().run()
    assert playlists.for_resident(db, SYSTEM, peggy) == []


def test_more_like_this_opens_without_error(db, admin, peggy, calm):
    app = open_playlists(admin, peggy)
    item = playlists.get(db, SYSTEM, calm).items[0]
    app.button(key=f"like_{item.id}").click().run()
    assert not app.exception
    assert any("More like" in m for m in texts(app.markdown))
