"""Per-session plumbing: the database connection, who is signed in, messages.

One SQLite connection per browser session (never shared between sessions);
the session's identity lives only in server-side session state, so reloading
the page or closing the tab signs the user out.
"""

from __future__ import annotations

import time

import streamlit as st
from sqlite_utils import Database

from reminisce import config
from reminisce.accounts import User
from reminisce.catalog import bundled
from reminisce.db import open_database
from reminisce.errors import AccessDenied
from reminisce.text import escape_markdown

_SIGNED_IN_KEYS = ("user", "last_seen", "resident_id")


def db() -> Database:
    path = str(config.database_path())
    if st.session_state.get("_db_path") != path:
        connection = open_database(path)
        bundled.ensure_loaded(connection, path)
        st.session_state["_db"] = connection
        st.session_state["_db_path"] = path
    return st.session_state["_db"]


def deferred(function, *args):
    """For download buttons: build the file only when tapped, on Streamlit's worker
    thread, with a connection of its own (never the page's)."""
    path, user = str(config.database_path()), actor()

    def build():
        connection = open_database(path)
        try:
            return function(connection, user, *args)
        finally:
            connection.close()

    return build


def current_user() -> User | None:
    return st.session_state.get("user")


def actor() -> User:
    """The signed-in user, passed to every data function (which checks access itself)."""
    user = current_user()
    if user is None:
        raise AccessDenied("Please sign in again.")
    return user


def sign_in_as(user: User) -> None:
    st.session_state["user"] = user
    st.session_state["last_seen"] = time.monotonic()


def sign_out(reason: str | None = None) -> None:
    for key in list(st.session_state.keys()):
        if key not in ("_db", "_db_path"):
            del st.session_state[key]
    if reason:
        st.session_state["flash_info"] = reason


def idle_minutes() -> int:
    user = current_user()
    return config.FAMILY_IDLE_MINUTES if user and user.role == "family" else config.staff_idle_minutes()


def idle_expired() -> bool:
    last_seen = st.session_state.get("last_seen")
    return last_seen is not None and time.monotonic() - last_seen > idle_minutes() * 60


def enforce_idle_timeout() -> None:
    """Sign out a tablet left alone; called at the top of every full run."""
    if current_user() and idle_expired():
        sign_out(f"Signed out after {idle_minutes()} minutes without activity.")
    elif current_user():
        st.session_state["last_seen"] = time.monotonic()


def flash(message: str) -> None:
    """A success message shown once, on the next run (after a save)."""
    st.session_state["flash_success"] = message


def show_flashes() -> None:
    if message := st.session_state.pop("flash_success", None):
        st.success(escape_markdown(message), icon=":material/check_circle:")
    if message := st.session_state.pop("flash_info", None):
        st.info(escape_markdown(message), icon=":material/info:")
