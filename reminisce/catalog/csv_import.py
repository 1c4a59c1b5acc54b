"""Importing a care home's own catalog from CSV: streamed, all or nothing.

The file is read row by row (memory stays flat however large it is) inside one
transaction. Any bad row - missing title, a year that is not a year, text that
is not UTF-8, a duplicate - is reported by line number and nothing is imported.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlite_utils import Database

from reminisce.catalog import store
from reminisce.catalog.fields import REQUIRED_COLUMNS, RowError, parse_row
from reminisce.db import transaction
from reminisce.errors import ReminisceError

MAX_REPORTED = 50
NAME_PATTERN = re.compile(r"[\w][\w .'&()-]{0,59}")
RESERVED_NAMES = frozenset({"bundled", "spotify"})


@dataclass
class ImportReport:
    name: str
    imported: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0

    def add_error(self, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED:
            self.errors.append(message)

    def summary(self) -> str:
        more = self.error_count - len(self.errors)
        lines = [f"Nothing was imported: {self.error_count} problem(s) in the file.", *self.errors]
        if more:
            lines.append(f"... and {more} more.")
        return "\n".join(lines)


class ImportRefused(ReminisceError):
    """The file had problems; ``report`` lists them by line. Nothing was written."""

    def __init__(self, report: ImportReport):
        self.report = report
        super().__init__(report.summary())


def _decoded_lines(stream: BinaryIO, bad_lines: set[int]) -> Iterator[str]:
    """Text lines from bytes; lines that are not UTF-8 are noted, not fatal to the reader."""
    decoder_name = "utf-8"
    for number, raw in enumerate(stream, start=1):
        if number == 1:
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise ReminisceError(
                    "The file is UTF-16 text. Save it as 'CSV UTF-8' (comma delimited) and import it again."
                )
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]  # Excel's "CSV UTF-8" adds one; it is harmless
        try:
            yield raw.decode(decoder_name)
        except UnicodeDecodeError:
            bad_lines.add(number)
            yield raw.decode(decoder_name, errors="replace")


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME_PATTERN.fullmatch(name):
        raise ReminisceError("The catalog name must be 1-60 letters, digits, spaces or - _ . ' & ( ).")
    if name.casefold() in RESERVED_NAMES:
        raise ReminisceError(f"'{name}' is a built-in source; choose another name.")
    return name


def import_stream(db: Database, stream: BinaryIO, name: str, *, description: str = "") -> ImportReport:
    """Import CSV bytes as the source ``name`` (replacing an earlier import of that name)."""
    name = check_name(name)
    existing = store.source_row(db, name)
    if existing and existing["kind"] != "csv":
        raise ReminisceError(f"'{name}' is already a {existing['kind']} source; choose another name.")
    report = ImportReport(name)
    bad_lines: set[int] = set()
    reader = csv.DictReader(_decoded_lines(stream, bad_lines))
    try:
        header = [column.strip().lower() for column in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise ReminisceError(f"The file is not readable as CSV: {exc}.") from None
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ReminisceError(
            f"The first line must name the columns; missing: {', '.join(missing)}. "
            "Required: title, artist, year; optional: regions, language, genre, kind, tempo, bpm, mood, themes."
        )
    reader.fieldnames = header
    with transaction(db):
        db.execute("DELETE FROM sources WHERE name = ?", [name])
        store.register_source(db, name, "csv", description=description or f"Imported from {name}")
        previous_end = 1
        try:
            for row in reader:
                line = previous_end + 1
                previous_end = reader.line_num
                if any(number in bad_lines for number in range(line, previous_end + 1)):
                    report.add_error(f"line {line}: the text is not UTF-8 (save the file as 'CSV UTF-8')")
                    continue
                if None in row:
                    report.add_error(f"line {line}: more values than there are columns")
                    continue
                try:
                    track = parse_row(row, name)
                except RowError as exc:
                    report.add_error(f"line {line}: {exc}")
                    continue
                if store.insert_track(db, track, line) is None:
                    report.add_error(f"line {line}: duplicate of line {store.duplicate_line(db, track)}")
                    continue
                report.imported += 1
        except csv.Error as exc:
            report.add_error(f"line {reader.line_num}: {exc}")
        if report.error_count == 0 and report.imported == 0:
            report.add_error("the file has a header but no rows")
        if report.error_count:
            raise ImportRefused(report)  # rolls the whole transaction back
    return report


def import_csv(db: Database, path: Path | str, name: str) -> ImportReport:
    path = Path(path)
    try:
        with path.open("rb") as stream:
            return import_stream(db, stream, name, description=f"Imported from {path.name}")
    except FileNotFoundError:
        raise ReminisceError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ReminisceError(f"{path} is a folder, not a CSV file.") from None


def delete_source(db: Database, name: str) -> int:
    """Remove an imported or scanned source and its tracks; returns how many tracks went."""
    if name == "bundled":
        raise ReminisceError("The bundled catalog cannot be deleted.")
    with transaction(db):
        count = db.execute("SELECT count(*) FROM tracks WHERE source = ?", [name]).fetchone()[0]
        if store.source_row(db, name) is None:
            raise ReminisceError(f"There is no source called '{name}'.")
        db.execute("DELETE FROM sources WHERE name = ?", [name])
    return count
