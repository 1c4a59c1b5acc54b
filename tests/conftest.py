"""Shared fixtures: a fresh temporary database per test, a set-up home, a resident."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ADMIN_PASSWORD

from reminisce import accounts, config, residents
from reminisce import db as database
from reminisce.people import SYSTEM

FIXTURE_CATALOG = Path(__file__).parent / "fixtures" / "catalog"


@pytest.fixture(autouse=True)
def small_bundled_catalog(monkeypatch):
    """Pages load the bundled catalog on first use; tests get a four-song one (fast)."""
    monkeypatch.setattr(config, "CATALOG_DIR", FIXTURE_CATALOG)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "reminisce.db"
    monkeypatch.setenv("REMINISCE_DB", str(path))
    database.forget_migrated()
    return path


@pytest.fixture
def db(db_path):
    connection = database.open_database(db_path)
    yield connection
    connection.close()


@pytest.fixture
def admin(db) -> accounts.User:
    return accounts.set_up_care_home(db, "Rose House", "manager", ADMIN_PASSWORD)


@pytest.fixture
def peggy(db) -> int:
    return residents.create_resident(
        db,
        SYSTEM,
        residents.validate_profile(
            {
                "name": "Margaret O'Brien",
                "preferred_name": "Peggy",
                "birth_year": 1938,
                "places": [{"place": "Cork", "country": "IE", "from_year": 1938, "to_year": 1957}],
            }
        ),
    )


@pytest.fixture(scope="session")
def fake_spotify():
    """A stand-in Spotify Web API on 127.0.0.1 (tests/spotify_fake.py)."""
    import spotify_fake

    server = spotify_fake.start()
    yield server
    server.shutdown()


@pytest.fixture
def spotify_connected(db, fake_spotify, monkeypatch):
    """Spotify configured against the stand-in, and the four-song test catalog loaded."""
    from reminisce.catalog import bundled

    fake_spotify.mode, fake_spotify.calls[:] = "", []
    monkeypatch.setenv("SPOTIPY_CLIENT_ID", "test-client")
    monkeypatch.setenv("SPOTIPY_CLIENT_SECRET", "test-secret")
    monkeypatch.setenv("REMINISCE_SPOTIFY_API_URL", f"{fake_spotify.url}/v1")
    monkeypatch.setenv("REMINISCE_SPOTIFY_AUTH_URL", fake_spotify.url)
    bundled.load_bundled(db)
    return db
