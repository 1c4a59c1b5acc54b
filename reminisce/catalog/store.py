"""Tracks in SQLite: writing them, reading them back, stats and export.

The bundled catalog, imported CSVs and scanned folders all live in the one
``tracks`` table, each under its source's name; ``track_regions`` indexes the
regions and ``tracks_fts`` the words of titles and artists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from reminisce.catalog.base import MusicSource, SourceStatus, Track, TrackQuery
from reminisce.catalog.fields import EXPORT_COLUMNS
from reminisce.db import now_iso
from reminisce.matching import normalise_artist, normalise_title

_TRACK_COLUMNS = (
    "source",
    "title",
    "artist",
    "year",
    "regions",
    "language",
    "genre",
    "kind",
    "tempo",
    "bpm",
    "mood",
    "themes",
    "file_path",
    "spotify_id",
    "title_key",
    "artist_key",
    "line",
    "generation",
)
_INSERT = f"INSERT OR IGNORE INTO tracks ({', '.join(_TRACK_COLUMNS)}) VALUES ({', '.join('?' * len(_TRACK_COLUMNS))})"
_UPSERT = (
    _INSERT.replace("INSERT OR IGNORE", "INSERT")
    + " ON CONFLICT (source, title_key, artist_key) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _TRACK_COLUMNS if c not in ("source", "title_key", "artist_key"))
)


def fts_expression(text: str) -> str:
    """An FTS5 query matching every word of ``text`` as a prefix; safe for any input."""
    words = re.findall(r"\w+", text.casefold())
    return " ".join(f'"{word}"*' for word in words[:12])


def register_source(
    db: Database, name: str, kind: str, *, description: str = "", location: str = "", fingerprint: str = ""
) -> None:
    db.execute(
        """INSERT INTO sources (name, kind, description, location, fingerprint, loaded_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, description = excluded.description,
             location = excluded.location, fingerprint = excluded.fingerprint, loaded_at = excluded.loaded_at""",
        [name, kind, description, location, fingerprint, now_iso()],
    )


def source_row(db: Database, name: str) -> dict[str, Any] | None:
    rows = list(db.query("SELECT * FROM sources WHERE name = ?", [name]))
    return rows[0] if rows else None


def _values(track: Track, line: int | None, generation: int) -> list[Any]:
    return [
        track.source,
        track.title,
        track.artist,
        track.year,
        ";".join(track.regions),
        track.language,
        track.genre,
        track.kind,
        track.tempo,
        track.bpm,
        track.mood,
        ";".join(track.themes),
        track.file_path,
        track.spotify_id,
        normalise_title(track.title),
        normalise_artist(track.artist),
        line,
        generation,
    ]


def _write_regions(db: Database, track_id: int, track: Track) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO track_regions (region, year, track_id) VALUES (?, ?, ?)",
        [(region, track.year, track_id) for region in track.regions],
    )


def insert_track(db: Database, track: Track, line: int | None = None) -> int | None:
    """Add a track; None if the source already has this title and artist (a duplicate)."""
    cursor = db.conn.execute(_INSERT, _values(track, line, 0))
    if cursor.rowcount == 0:
        return None
    _write_regions(db, cursor.lastrowid, track)
    return cursor.lastrowid


def upsert_track(db: Database, track: Track, line: int | None, generation: int) -> int:
    """Add or refresh a track keeping its id, so playlists pointing at it stay valid."""
    db.conn.execute(_UPSERT, _values(track, line, generation))
    track_id = db.conn.execute(
        "SELECT id FROM tracks WHERE source = ? AND title_key = ? AND artist_key = ?",
        [track.source, normalise_title(track.title), normalise_artist(track.artist)],
    ).fetchone()[0]
    db.conn.execute("DELETE FROM track_regions WHERE track_id = ?", [track_id])
    _write_regions(db, track_id, track)
    return track_id


def duplicate_line(db: Database, track: Track) -> int | None:
    row = db.conn.execute(
        "SELECT line FROM tracks WHERE source = ? AND title_key = ? AND artist_key = ?",
        [track.source, normalise_title(track.title), normalise_artist(track.artist)],
    ).fetchone()
    return row[0] if row else None


def row_to_track(row: dict[str, Any]) -> Track:
    return Track(
        id=row["id"],
        title=row["title"],
        artist=row["artist"],
        year=row["year"],
        source=row["source"],
        regions=tuple(filter(None, row["regions"].split(";"))),
        language=row["language"],
        genre=row["genre"],
        kind=row["kind"],
        tempo=row["tempo"],
        bpm=row["bpm"],
        mood=row["mood"],
        themes=tuple(filter(None, row["themes"].split(";"))),
        file_path=row["file_path"],
        spotify_id=row["spotify_id"],
        title_key=row["title_key"],
        artist_key=row["artist_key"],
    )


def query_tracks(db: Database, query: TrackQuery, sources: tuple[str, ...] = ()) -> list[Track]:
    """Tracks matching a query from the given stored sources (all of them if none given)."""
    where, params = [], []
    if sources:
        where.append(f"t.source IN ({', '.join('?' * len(sources))})")
        params.extend(sources)
    if query.years:
        where.append("t.year BETWEEN ? AND ?")
        params.extend(query.years)
    if query.regions:
        where.append(
            f"t.id IN (SELECT track_id FROM track_regions WHERE region IN ({', '.join('?' * len(query.regions))}))"
        )
        params.extend(query.regions)
    if query.artists:
        where.append(f"t.artist_key IN ({', '.join('?' * len(query.artists))})")
        params.extend(normalise_artist(a) for a in query.artists)
    if query.text.strip():
        expression = fts_expression(query.text)
        if expression:
            where.append("t.id IN (SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ?)")
            params.append(expression)
    sql = "SELECT t.* FROM tracks t"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY t.year, t.title_key, t.id LIMIT ?"
    params.append(query.limit)
    return [row_to_track(row) for row in db.query(sql, params)]


def get_track(db: Database, track_id: int) -> Track | None:
    rows = list(db.query("SELECT * FROM tracks WHERE id = ?", [track_id]))
    return row_to_track(rows[0]) if rows else None


def stats(db: Database) -> dict[str, Any]:
    """Counts for ``catalog stats --json``: total, by decade, by region, by source."""
    total = db.execute("SELECT count(*) FROM tracks").fetchone()[0]
    by_decade = {
        f"{decade}s": count
        for decade, count in db.execute(
            "SELECT (year / 10) * 10 AS decade, count(*) FROM tracks WHERE year IS NOT NULL GROUP BY decade"
        ).fetchall()
    }
    unknown_year = db.execute("SELECT count(*) FROM tracks WHERE year IS NULL").fetchone()[0]
    if unknown_year:
        by_decade["unknown"] = unknown_year
    by_region = dict(
        db.execute("SELECT region, count(*) AS n FROM track_regions GROUP BY region ORDER BY n DESC, region").fetchall()
    )
    by_source = dict(db.execute("SELECT source, count(*) FROM tracks GROUP BY source ORDER BY source").fetchall())
    return {"total": total, "by_decade": by_decade, "by_region": by_region, "by_source": by_source}


def export_rows(db: Database) -> Iterator[list[Any]]:
    """Every track as a list in EXPORT_COLUMNS order, streamed (no list of a million rows)."""
    columns = ", ".join(EXPORT_COLUMNS)
    cursor = db.conn.execute(f"SELECT {columns} FROM tracks ORDER BY source, year, title_key, id")
    while batch := cursor.fetchmany(1000):
        for row in batch:
            yield ["" if value is None else value for value in row]


class StoredSource(MusicSource):
    """A source whose tracks are in our database: bundled, imported CSV, local folder."""

    def __init__(self, db: Database, name: str, kind: str):
        self.db, self.name, self.kind = db, name, kind

    def find(self, query: TrackQuery) -> list[Track]:
        return query_tracks(self.db, query, (self.name,))

    def status(self) -> SourceStatus:
        count = self.db.execute("SELECT count(*) FROM tracks WHERE source = ?", [self.name]).fetchone()[0]
        return SourceStatus(self.name, self.kind, count > 0, count, "" if count else "no tracks loaded")


def stored_sources(db: Database) -> list[StoredSource]:
    return [StoredSource(db, row["name"], row["kind"]) for row in db.query("SELECT name, kind FROM sources")]
