"""Spotify through the real spotipy client against a fake Web API on 127.0.0.1:
era search and matching, caching, faults within 3 s, export and re-export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from urllib.parse import parse_qs, urlparse

import pytest
from helpers import ROOT

from reminisce import playlists, residents, suggestions
from reminisce.catalog import bundled, spotify
from reminisce.catalog.base import SourceError, TrackQuery
from reminisce.engine.scoring import Suggestion
from reminisce.people import SYSTEM


@pytest.fixture
def fake(fake_spotify):
    return fake_spotify


@pytest.fixture
def connected(spotify_connected):
    return spotify_connected


def test_era_search_takes_our_tags_and_the_original_year(connected, fake):
    found = spotify.SpotifySource(connected).find(TrackQuery(years=(1955, 1965), artists=("Jim Reeves",)))
    by_title = {t.title: t for t in found}
    assert set(by_title) == {"He'll Have to Go", "Four Walls"}  # the karaoke version is left out
    reeves = by_title["He'll Have to Go"]
    assert (reeves.year, reeves.regions, reeves.mood, reeves.source) == (
        1960,
        ("US", "GB", "IE", "JM"),
        "tender",
        "spotify",
    )
    assert reeves.spotify_id == "0000000000000000000001" and reeves.id is not None
    row = connected.execute("SELECT spotify_id FROM tracks WHERE source = 'bundled' AND title_key = 'hell have to go'")
    assert row.fetchone()[0] == "0000000000000000000001"  # the catalog row gained its Spotify id
    assert by_title["Four Walls"].year == 1957  # unmatched: Spotify's own (non-compilation) year
    assert all(c.endswith("/v1/search") for c in fake.api_calls())


def test_search_pages_ten_at_a_time_and_repeats_cost_no_calls(connected, fake):
    source = spotify.SpotifySource(connected)
    source.find(TrackQuery(years=(1950, 1970)))
    first = len(fake.api_calls())
    assert first >= 1
    again = spotify.SpotifySource(connected).find(TrackQuery(years=(1950, 1970)))
    assert len(fake.api_calls()) == first and again


@pytest.mark.parametrize("mode", ["429", "500", "timeout", "badjson", "badcreds"])
def test_every_fault_falls_back_to_the_bundled_catalog_within_three_seconds(connected, fake, peggy, mode):
    fake.mode = mode
    started = time.monotonic()
    found, notices = suggestions.suggest_for_resident_with_notices(connected, SYSTEM, peggy, sources=("spotify",))
    elapsed = time.monotonic() - started
    assert elapsed < 3, f"{mode} took {elapsed:.1f} s"
    assert found and all(s.track.source == "bundled" for s in found)
    assert notices and "Spotify is unavailable" in notices[0]
    calls = len(fake.calls)
    with pytest.raises(SourceError, match="unavailable"):  # resting: no further calls
        spotify.SpotifySource(connected).find(TrackQuery(years=(1950, 1960)))
    assert len(fake.calls) == calls


def test_quota_429_rests_for_the_retry_after(connected, fake):
    fake.mode = "429"
    with pytest.raises(SourceError):
        spotify.SpotifySource(connected).find(TrackQuery(years=(1950, 1960)))
    until = spotify.resting_until(connected)
    assert until is not None and 3500 < (until - spotify.datetime.now(spotify.UTC)).total_seconds() <= 3600
    assert "quota used up" in spotify.status_message(connected)


def test_without_credentials_the_app_works_as_before(db, peggy, monkeypatch):
    monkeypatch.delenv("SPOTIPY_CLIENT_ID", raising=False)
    monkeypatch.delenv("SPOTIPY_CLIENT_SECRET", raising=False)
    bundled.load_bundled(db)
    assert spotify.status_message(db) == "Spotify is not connected."
    found, notices = suggestions.suggest_for_resident_with_notices(db, SYSTEM, peggy)
    assert found and notices == []


def test_embed_url_only_from_a_valid_id():
    assert spotify.embed_url("0000000000000000000004").endswith("/embed/track/0000000000000000000004")
    for bad in ("javascript:alert(1)", "https://evil.example/x", "short", "0000000000000000000004/../x"):
        with pytest.raises(ValueError):
            spotify.embed_url(bad)


def connect_account(db):
    url = spotify.authorize_url(db, SYSTEM)
    assert "code_challenge=" in url and "code_challenge_method=S256" in url
    state = parse_qs(urlparse(url).query).get("state", [""])[0]
    spotify.connect(db, SYSTEM, f"http://127.0.0.1:8501/callback?code=the-code&state={state}")


def test_export_creates_a_private_playlist_and_sending_again_updates_it(connected, fake, peggy):
    connect_account(connected)
    assert spotify.is_connected(connected)
    tracks = spotify.SpotifySource(connected).find(TrackQuery(years=(1955, 1965), artists=("Jim Reeves",)))
    playlist = playlists.create(
        connected, SYSTEM, peggy, "Evening", "calm", songs=[Suggestion(t, 1, 20, ()) for t in tracks]
    )
    remote, sent, missing = spotify.send_playlist(connected, SYSTEM, playlist)
    assert (sent, missing) == (2, 0) and len(fake.playlists[remote]) == 2
    assert "POST /v1/me/playlists" in fake.calls
    playlists.remove_song(connected, SYSTEM, playlist, playlists.get(connected, SYSTEM, playlist).items[0].id)
    again, sent, _ = spotify.send_playlist(connected, SYSTEM, playlist)
    assert again == remote and len(fake.playlists) == 1 and len(fake.playlists[remote]) == 1


def test_a_pasted_address_without_a_code_is_refused(connected):
    spotify.authorize_url(connected, SYSTEM)
    with pytest.raises(spotify.ReminisceError, match="no code"):
        spotify.connect(connected, SYSTEM, "http://127.0.0.1:8501/callback")


def test_suggest_command_with_spotify_returns_spotify_tracks_with_our_tags(fake, tmp_path):
    fake.mode = ""
    env = {
        **os.environ,
        "REMINISCE_DB": str(tmp_path / "cli.db"),
        "SPOTIPY_CLIENT_ID": "id",
        "SPOTIPY_CLIENT_SECRET": "secret",
        "REMINISCE_SPOTIFY_API_URL": f"{fake.url}/v1",
        "REMINISCE_SPOTIFY_AUTH_URL": fake.url,
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "reminisce",
            "suggest",
            "--birth-year",
            "1942",
            "--region",
            "GB",
            "--artist",
            "Jim Reeves",
            "--source",
            "spotify",
            "--json",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout)
    reeves = next(s for s in found if s["title"] == "He'll Have to Go")
    assert reeves["source"] == "spotify" and reeves["year"] == 1960 and "GB" in reeves["regions"]
    assert residents  # the CLI used the real catalog, loaded on first use


def test_a_server_error_is_reported_as_one(connected, fake):
    fake.mode = "500"
    with pytest.raises(SourceError, match="not answering properly"):
        spotify.SpotifySource(connected).find(TrackQuery(years=(1950, 1960)))
