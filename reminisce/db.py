"""Opening the SQLite database safely, and running writes as transactions.

Each Streamlit session and each CLI call gets its own connection (a connection
shared between sessions breaks SQLite's thread rules); WAL lets several tablets
read while one writes, and the busy timeout makes a writer wait its turn instead
of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from reminisce import config
from reminisce.migrations import migrations

BUSY_TIMEOUT_SECONDS = 30.0

_migrated: set[str] = set()
_migrated_lock = threading.Lock()


def connect(path: Path | str | None = None) -> Database:
    """A new connection with foreign keys on, WAL and a busy timeout; no migrations."""
    target = str(path if path is not None else config.database_path())
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    if target != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        # FULL: a record the app has acknowledged survives a power cut, not just a crash.
        db.execute("PRAGMA synchronous = FULL")
    return db


def ensure_schema(db: Database) -> list[str]:
    """Apply pending migrations in place; returns the names applied (empty if current).

    Holding a write lock while migrating keeps two processes that start at the
    same moment from both trying to create the same tables.
    """
    if not migrations.pending(db):
        return []
    with transaction(db):
        names = [migration.name for migration in migrations.pending(db)]
        migrations.apply(db)
    return names


def open_database(path: Path | str | None = None) -> Database:
    """A connection to a database whose schema is current (migrated once per process)."""
    target = str(path if path is not None else config.database_path())
    db = connect(target)
    if target == ":memory:" or target not in _migrated:
        with _migrated_lock:
            ensure_schema(db)
            if target != ":memory:":
                _migrated.add(target)
    return db


def forget_migrated() -> None:
    """For tests that delete or replace database files inside one process."""
    with _migrated_lock:
        _migrated.clear()


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """All the writes inside succeed together or none do.

    ``BEGIN IMMEDIATE`` takes the write lock up front, so a busy database makes
    us wait (busy timeout) rather than fail half-way through; nested use becomes
    a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
    else:
        db.conn.execute("COMMIT")


def now_iso() -> str:
    """The current UTC time as stored in every ``*_at`` column."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def applied_migrations(db: Database) -> list[str]:
    return [migration.name for migration in migrations.applied(db)]


def pending_migrations(db: Database) -> list[str]:
    return [migration.name for migration in migrations.pending(db)]
