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
