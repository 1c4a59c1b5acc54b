"""Helpers for page tests (imported by test modules; fixtures live in conftest.py)."""

from __future__ import annotations

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from reminisce import accounts

ROOT = Path(__file__).resolve().parent.parent
ADMIN_PASSWORD = "tea-and-biscuits"


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


def carer(db, name: str) -> accounts.User:
    """A staff account called ``name`` (created once), to act as a rater."""
    row = db.execute("SELECT id FROM users WHERE username = ?", [name.lower()]).fetchone()
    if row:
        return accounts.User(row[0], name.lower(), "staff", name)
    return accounts.create_user(db, name.lower(), "password-123", "staff", name)


def png(width: int = 4, height: int = 3) -> bytes:
    """A real, tiny PNG image."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, format="PNG")
    return out.getvalue()
