"""A home's own music folder (the purchased MP3s of a Music & Memory programme).

Tags are read with mutagen; a file that cannot be read, or has no title or
artist, is reported and skipped, never fatal. A track that matches the bundled
catalog inherits its year, regions and mood tags, so the engine can place it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import mutagen
from sqlite_utils import Database

from reminisce.catalog import store
from reminisce.catalog.base import Track
from reminisce.db import transaction
from reminisce.errors import ReminisceError
from reminisce.matching import normalise_artist, normalise_title

AUDIO_SUFFIXES = frozenset({".mp3", ".m4a", ".mp4", ".aac", ".flac", ".ogg", ".oga", ".opus", ".wav", ".wma"})
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


@dataclass
class ScanReport:
    name: str
    added: int = 0
    problems: list[str] = field(default_factory=list)


def _first(tags, *keys: str) -> str:
    for key in keys:
        value = tags.get(key) if tags is not None else None
        if value:
            text = str(value[0] if isinstance(value, list) else value).strip()
            if text:
                return text
    return ""


def read_tags(path: Path) -> tuple[str, str, int | None]:
    """(title, artist, year) from a file's tags; raises ValueError if unreadable."""
    try:
        audio = mutagen.File(path, easy=True)
    except Exception as exc:  # mutagen raises many types for damaged files
        raise ValueError(f"cannot be read ({type(exc).__name__})") from None
    if audio is None:
        raise ValueError("is not an audio format we can read")
    tags = audio.tags
    # Easy keys cover MP3, MP4, FLAC and Ogg; ID3 frame names cover WAV and AIFF.
    year_text = _first(tags, "date", "originaldate", "year", "TDRC", "TORY", "TYER")
    match = _YEAR.search(year_text)
    title = _first(tags, "title", "TIT2")
    artist = _first(tags, "artist", "albumartist", "TPE1", "TPE2")
    return title, artist, int(match.group(1)) if match else None


def _bundled_match(db: Database, title: str, artist: str) -> Track | None:
    rows = list(
        db.query(
            "SELECT * FROM tracks WHERE source = 'bundled' AND title_key = ? AND artist_key = ? LIMIT 1",
            [normalise_title(title), normalise_artist(artist)],
        )
    )
    return store.row_to_track(rows[0]) if rows else None


def scan_folder(db: Database, folder: Path | str, name: str | None = None) -> ScanReport:
    """Add (or refresh) every readable audio file under ``folder`` as one source."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ReminisceError(f"{folder} is not a folder.")
    name = (name or f"folder: {folder.resolve().name}").strip()
    existing = store.source_row(db, name)
    if existing and existing["kind"] != "folder":
        raise ReminisceError(f"'{name}' is already a {existing['kind']} source; choose another name.")
    report = ScanReport(name)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES)
    with transaction(db):
        db.execute("DELETE FROM sources WHERE name = ?", [name])
        store.register_source(
            db, name, "folder", description=f"Music files in {folder.name}", location=str(folder.resolve())
        )
        for path in files:
            shown = path.relative_to(folder)
            try:
                title, artist, year = read_tags(path)
            except ValueError as exc:
                report.problems.append(f"{shown}: {exc}")
                continue
            if not title or not artist:
                report.problems.append(f"{shown}: no title or artist tag, skipped")
                continue
            track = Track(title=title, artist=artist, year=year, source=name, file_path=str(path.resolve()))
            match = _bundled_match(db, title, artist)
            if match:
                track = replace(match, id=None, source=name, file_path=track.file_path, year=year or match.year)
            elif year is None:
                report.problems.append(f"{shown}: no year tag; added, but it cannot be placed in time")
            if store.insert_track(db, track) is None:
                report.problems.append(f"{shown}: the same song is already in this folder, skipped")
                continue
            report.added += 1
    return report
