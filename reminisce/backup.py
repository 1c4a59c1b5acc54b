"""Consistent backups while the app runs (SQLite's online backup API)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from reminisce import accounts, people
from reminisce.accounts import User
from reminisce.errors import ReminisceError


def backup(db: Database, actor: User, destination: Path | str) -> Path:
    """Copy the whole database to ``destination`` (a file, or a folder for a dated file)."""
    people.require_admin(actor)
    as_folder = str(destination).endswith(("/", "\\"))
    destination = Path(destination).expanduser()
    if destination.is_dir() or as_folder:
        destination.mkdir(parents=True, exist_ok=True)
        destination = destination / f"reminisce-{datetime.now(UTC):%Y%m%d-%H%M%S}.db"
    if destination.exists():
        raise ReminisceError(f"{destination} already exists; choose a new file name or a folder.")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(destination)
    except OSError as exc:
        raise ReminisceError(f"cannot write to {destination}: {exc.strerror}.") from None
    try:
        db.conn.backup(target)
        if target.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise ReminisceError("the copy failed its integrity check; the original is untouched.")
    finally:
        target.close()
    accounts.set_setting(db, "last_backup_at", datetime.now(UTC).isoformat(timespec="seconds"))
    people.audit(db, actor, "backup")
    return destination


def last_backup(db: Database) -> str:
    return accounts.get_setting(db, "last_backup_at", "")
