"""Spotify in the pages: a calm banner when it fails, the embed player in a session."""

import pytest
from helpers import click, page, signed_in_app, texts

from reminisce import playlists
from reminisce.catalog import spotify
from reminisce.catalog.base import TrackQuery
from reminisce.engine.scoring import Suggestion
from reminisce.people import SYSTEM


@pytest.fixture
def fake(fake_spotify):
    return fake_spotify


@pytest.fixture
def connected(spotify_connected):
    return spotify_connected


def test_a_spotify_fault_shows_a_calm_banner_and_the_catalog_answers(connected, fake, admin, peggy):
    fake.mode = "429"
    app = signed_in_app(admin, resident_id=peggy).run().switch_page(page("suggestions")).run()
    assert not app.exception
    assert any("Spotify is unavailable" in i for i in texts(app.info))
    assert "Have to Go" in " ".join(texts(app.markdown))


def test_a_spotify_track_plays_in_the_embed(connected, admin, peggy):
    tracks = spotify.SpotifySource(connected).find(TrackQuery(artists=("Jim Reeves",)))
    playlist = playlists.create(connected, SYSTEM, peggy, "Evening", "calm", songs=[Suggestion(tracks[0], 1, 20, ())])
    app = signed_in_app(admin, resident_id=peggy).run().switch_page(page("session")).run()
    app.selectbox(key="start_playlist").set_value(playlist)
    click(app, "Start session")
    [frame] = app.get("iframe")
    assert frame.proto.src == f"https://open.spotify.com/embed/track/{tracks[0].spotify_id}"


def test_admin_connects_the_care_home_account(connected, admin):
    app = signed_in_app(admin).run().switch_page(page("catalog_admin")).run()
    click(app, "Connect the care home's Spotify account")
    [url] = [c.value for c in app.code]
    assert url.startswith(f"{spotify.config.spotify_auth_url()}/authorize?")
    app.text_input(key="spotify_pasted").set_value("http://127.0.0.1:8501/callback?code=abc")
    click(app, "Connect")
    assert spotify.is_connected(connected)
    assert any("connected" in s for s in texts(app.success))
