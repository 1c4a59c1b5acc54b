"""Shared fixtures: a fresh temporary database per test, and a signed-in AppTest."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from reminisce import accounts, db as database, residents

ROOT = Path(__file__).resolve().parent.parent
ADMIN_PASSWORD = "tea-and-biscuits"


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
        residents.validate_profile(
            {
                "name": "Margaret O'Brien",
                "preferred_name": "Peggy",
                "birth_year": 1938,
                "places": [{"place": "Cork", "country": "IE", "from_year": 1938, "to_year": 1957}],
            }
        ),
    )


def signed_in_app(admin: accounts.User, **state) -> AppTest:
    """An AppTest of the real entry point with a signed-in user (skips the form)."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.session_state["user"] = admin
    app.session_state["last_seen"] = time.monotonic()
    for key, value in state.items():
        app.session_state[key] = value
    return app


def page(name: str) -> str:
    return str(ROOT / "reminisce" / "ui" / f"{name}.py")


def click(app: AppTest, label: str) -> AppTest:
    """Click the first button with this label (form submit buttons included) and rerun."""
    matches = [button for button in app.button if button.label == label]
    assert matches, f"no button {label!r}; buttons: {[b.label for b in app.button]}"
    return matches[0].click().run()


def texts(elements) -> list[str]:
    return [element.value for element in elements]
