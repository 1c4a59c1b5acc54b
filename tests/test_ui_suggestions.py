"""Suggestions page: longlist with reasons, add to a playlist, build a playlist."""

import pytest
from helpers import click, page, signed_in_app, texts

from reminisce import playlists, residents
from reminisce.catalog import bundled
from reminisce.people import SYSTEM


@pytest.fixture
def winston(db):
    bundled.load_bundled(db)  # the four-song test catalog
    profile = residents.validate_profile(
        {
            "name": "Winston Campbell",
            "birth_year": 1946,
            "places": [{"country": "JM", "from_year": 1946, "to_year": 1962}, {"country": "GB", "from_year": 1962}],
            "avoid_themes": ["war"],
        }
    )
    return residents.create_resident(db, SYSTEM, profile)


def open_page(admin, resident_id, name="suggestions"):
    return signed_in_app(admin, resident_id=resident_id).run().switch_page(page(name)).run()


def test_suggestions_show_reasons_and_leave_out_avoided_themes(db, admin, winston):
    app = open_page(admin, winston)
    assert not app.exception
    shown = " ".join(texts(app.markdown))
    assert "Israelites" in shown and "Have to Go" in shown
    assert "White Cliffs" not in shown  # tagged war: Winston's family asked us to avoid war songs
    assert any("when Winston was 22" in caption for caption in texts(app.caption))


def test_add_a_song_to_a_new_playlist(db, admin, winston):
    app = open_page(admin, winston)
    click(app, "Add")
    [playlist] = playlists.for_resident(db, SYSTEM, winston)
    assert len(playlist.items) == 1
    assert any("Added" in s for s in texts(app.success))


def test_build_a_playlist_opens_it(db, admin, winston):
    app = open_page(admin, winston)
    click(app, "Build a playlist")
    assert not app.exception
    [playlist] = playlists.for_resident(db, SYSTEM, winston)
    assert playlist.purpose == "reminisce" and len(playlist.items) >= 1
    assert any("Playlists for Winston" in t for t in texts(app.title))


def test_purpose_changes_the_list(db, admin, winston):
    app = open_page(admin, winston)
    app.segmented_control(key="suggestions_purpose").set_value("sleep").run()
    assert not app.exception
    assert "Israelites" not in " ".join(texts(app.markdown))  # medium tempo, uplifting: not for sleep
