"""Connections and migrations: safe settings on every connection, upgrades keep rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reminisce import db as database
from reminisce import residents
from reminisce.migrations import migrations
from reminisce.people import SYSTEM

FIXTURES = Path(__file__).parent / "fixtures"


def test_every_connection_has_foreign_keys_wal_and_a_busy_timeout(db):
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_empty_database_is_migrated_to_the_current_schema(db_path):
    db = database.open_database(db_path)
    assert database.pending_migrations(db) == []
    assert database.applied_migrations(db) == [m.name for m in migrations._migrations]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_migrating_twice_changes_nothing(db):
    assert database.ensure_schema(db) == []


def test_first_released_schema_upgrades_in_place_keeping_every_row(tmp_path):
    copy = tmp_path / "old.db"
    with sqlite3.connect(copy) as raw:
        raw.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    with sqlite3.connect(copy) as raw:
        before = {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("residents", "users", "memories")}
    assert before["residents"] >= 3
    db = database.connect(copy)
    database.ensure_schema(db)
    assert database.pending_migrations(db) == []
    for table, count in before.items():
        assert db[table].count == count, table
    peggy = next(p for p in residents.list_residents(db, SYSTEM) if p.preferred_name == "Peggy")
    assert residents.get_resident(db, SYSTEM, peggy.id).favourite_songs[0].title == "He'll Have to Go"


def test_transaction_rolls_back_everything_on_error(db):
    with pytest.raises(RuntimeError), database.transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        raise RuntimeError("boom")
    assert db["settings"].count == 0


def test_nested_transactions_roll_back_only_the_inner_part(db):
    with database.transaction(db):
        db.execute("INSERT INTO settings (key, value) VALUES ('outer', '1')")
        with pytest.raises(RuntimeError), database.transaction(db):
            db.execute("INSERT INTO settings (key, value) VALUES ('inner', '1')")
            raise RuntimeError("boom")
    assert [r["key"] for r in db.query("SELECT key FROM settings")] == ["outer"]


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO memories (resident_id, text, created_at) VALUES (999, 'x', 'now')")


def test_database_file_location_comes_from_the_environment(db_path):
    from reminisce import config

    assert config.database_path() == db_path
