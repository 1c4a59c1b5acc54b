"""``python -m reminisce doctor``: is this installation healthy, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from reminisce import backup
from reminisce import db as database
from reminisce.catalog import bundled, spotify

BACKUP_WARN_AFTER = timedelta(days=7)


@dataclass(frozen=True)
class Finding:
    ok: bool
    what: str
    advice: str = ""


def check(db: Database) -> list[Finding]:
    findings = []
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    findings.append(
        Finding(
            integrity == "ok",
            f"Database integrity: {integrity}",
            "" if integrity == "ok" else "Restore the latest backup (see the README).",
        )
    )
    pending = database.pending_migrations(db)
    findings.append(
        Finding(
            not pending,
            "Database schema is up to date" if not pending else f"{len(pending)} schema update(s) waiting",
            "Run: python -m reminisce init",
        )
    )
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    findings.append(
        Finding(
            mode == "wal",
            f"Journal mode: {mode}",
            "" if mode == "wal" else "Restart the app; it switches the database to WAL.",
        )
    )
    source = db.execute("SELECT fingerprint FROM sources WHERE name = 'bundled'").fetchone()
    current = bundled.fingerprint(bundled.catalog_files())
    count = db.execute("SELECT count(*) FROM tracks WHERE source = 'bundled'").fetchone()[0]
    findings.append(
        Finding(
            bool(source) and source[0] == current and count > 0,
            f"Bundled catalog: {count:,} songs"
            + ("" if source and source[0] == current else " (not loaded or out of date)"),
            "Run: python -m reminisce init",
        )
    )
    last = backup.last_backup(db)
    if not last:
        findings.append(Finding(False, "No backup has been made", "Run: python -m reminisce backup /a/safe/folder/"))
    else:
        age = datetime.now(UTC) - datetime.fromisoformat(last)
        findings.append(
            Finding(
                age <= BACKUP_WARN_AFTER,
                f"Last backup {age.days} day(s) ago ({last[:16]} UTC)",
                "Make a backup now: python -m reminisce backup /a/safe/folder/",
            )
        )
    findings.append(Finding(True, spotify.status_message(db)))
    return findings
