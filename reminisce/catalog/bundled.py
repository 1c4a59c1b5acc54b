"""The catalog we ship in data/catalog/*.csv, loaded into SQLite by ``init``.

Loading is idempotent: a fingerprint of the files is stored, so an unchanged
catalog costs one hash; a changed CSV is picked up on the next ``init`` (or app
start), keeping the ids of tracks that are still there.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from reminisce import config
from reminisce.catalog import store
from reminisce.catalog.base import Track
from reminisce.catalog.fields import COLUMNS, RowError, parse_row
from reminisce.db import transaction
from reminisce.matching import normalise_artist, normalise_title

SOURCE_NAME = "bundled"


@dataclass
class LoadReport:
    loaded: bool
    tracks: int
    files: int
    problems: list[str] = field(default_factory=list)


def catalog_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or config.CATALOG_DIR).glob("*.csv"))


def fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_catalog(folder: Path | None = None) -> Iterator[tuple[Path, int, Track | RowError]]:
    """Every row of every bundled file: (file, line, Track or the row's error)."""
    for path in catalog_files(folder):
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                yield path, 1, RowError(f"header must be {','.join(COLUMNS)}")
                continue
            for row in reader:
                try:
                    yield path, reader.line_num, parse_row(row, SOURCE_NAME, strict=True)
                except RowError as exc:
                    yield path, reader.line_num, exc


def load_bundled(db: Database, folder: Path | None = None, *, force: bool = False) -> LoadReport:
    """Load or refresh the bundled catalog in one transaction; skip if unchanged."""
    files = catalog_files(folder)
    print_ = fingerprint(files)
    existing = store.source_row(db, SOURCE_NAME)
    if existing and existing["fingerprint"] == print_ and not force:
        count = db.execute("SELECT count(*) FROM tracks WHERE source = ?", [SOURCE_NAME]).fetchone()[0]
        return LoadReport(False, count, len(files))
    problems: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    with transaction(db):
        store.register_source(
            db, SOURCE_NAME, "bundled", description="The catalog shipped with Reminisce", fingerprint=print_
        )
        generation = (
            db.execute("SELECT coalesce(max(generation), 0) FROM tracks WHERE source = ?", [SOURCE_NAME]).fetchone()[0]
            + 1
        )
        for path, line, item in read_catalog(folder):
            where = f"{path.name}:{line}"
            if isinstance(item, RowError):
                problems.append(f"{where}: {item}")
                continue
            key = (normalise_title(item.title), normalise_artist(item.artist))
            if key in seen:
                problems.append(f"{where}: duplicate of {seen[key]}")
                continue
            seen[key] = where
            store.upsert_track(db, item, line, generation)
        db.execute("DELETE FROM tracks WHERE source = ? AND generation != ?", [SOURCE_NAME, generation])
    return LoadReport(True, len(seen), len(files), problems)


_checked: set[str] = set()


def ensure_loaded(db: Database, path: str) -> None:
    """Load the bundled catalog the first time this process opens a database file.

    A fresh install then suggests music without anyone running ``init`` first.
    """
    if path in _checked:
        return
    load_bundled(db)
    _checked.add(path)
