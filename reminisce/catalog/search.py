"""Finding songs from what staff type: words, a typo, or a half-remembered line.

Full-text search answers exact words fast, however big the catalog. When that
finds nothing ("whte clifs", "something about a white cliff"), rapidfuzz scores
titles and artists so near misses still come up, best first.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from sqlite_utils import Database

from reminisce.catalog import store
from reminisce.catalog.base import Track

FUZZY_CUTOFF = 60
FULL_SCAN_LIMIT = 200_000
PREFIX_SCAN_LIMIT = 50_000
#: Words that carry no meaning in a remembered fragment ("the one about...").
FILLER_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "about",
        "something",
        "song",
        "one",
        "that",
        "this",
        "with",
        "of",
        "and",
        "by",
        "in",
        "on",
        "it",
        "is",
        "was",
        "its",
        "his",
        "her",
        "their",
        "called",
        "goes",
        "like",
        "sung",
        "sings",
        "sang",
    }
)


@dataclass(frozen=True)
class Hit:
    track: Track
    score: float
    how: str  # "words" or "close match"


_choices_lock = threading.Lock()
_choices_cache: dict[tuple, tuple[list[int], list[str]]] = {}


def _all_choices(db: Database) -> tuple[list[int], list[str]]:
    """Every track as "title artist", cached until the tracks table changes."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    max_id, count = db.execute("SELECT max(id), count(*) FROM tracks").fetchone()
    key = (path or id(db), max_id, count)
    with _choices_lock:
        if key not in _choices_cache:
            _choices_cache.clear()
            ids, texts = [], []
            for track_id, title, artist in db.execute("SELECT id, title, artist FROM tracks ORDER BY id"):
                ids.append(track_id)
                texts.append(f"{title} {artist}")
            _choices_cache[key] = (ids, texts)
        return _choices_cache[key]


def _scan_choices(db: Database, words: list[str]) -> tuple[list[int], list[str]]:
    """What the typo scan compares against: every track in a home-sized catalog; in a
    huge one (over FULL_SCAN_LIMIT), the tracks sharing the first three letters of a
    word, so a million-track catalog still answers quickly."""
    total = db.execute("SELECT max(id) FROM tracks").fetchone()[0] or 0
    if total <= FULL_SCAN_LIMIT or not words:
        return _all_choices(db)
    prefixes = sorted({w[:3] for w in words if len(w) >= 3})
    if not prefixes:
        return _all_choices(db)
    rows = db.execute(
        "SELECT t.id, t.title, t.artist FROM tracks_fts f JOIN tracks t ON t.id = f.rowid WHERE tracks_fts MATCH ?"
        " LIMIT ?",
        [" OR ".join(f'"{p}"*' for p in prefixes), PREFIX_SCAN_LIMIT],
    ).fetchall()
    return [r[0] for r in rows], [f"{r[1]} {r[2]}" for r in rows]


def _filters(decade: int | None, region: str | None) -> tuple[list[str], list]:
    where, params = [], []
    if decade is not None:
        where.append("t.year BETWEEN ? AND ?")
        params.extend([decade, decade + 9])
    if region:
        where.append("t.id IN (SELECT track_id FROM track_regions WHERE region = ?)")
        params.append(region)
    return where, params


def _fts(db: Database, expression: str, decade, region, limit: int) -> list[Track]:
    if not expression:
        return []
    where, params = _filters(decade, region)
    sql = (
        "SELECT t.* FROM tracks_fts f JOIN tracks t ON t.id = f.rowid WHERE tracks_fts MATCH ?"
        + "".join(f" AND {w}" for w in where)
        + " ORDER BY bm25(tracks_fts), t.year LIMIT ?"
    )
    return [store.row_to_track(row) for row in db.query(sql, [expression, *params, limit])]


def search(
    db: Database, text: str, *, decade: int | None = None, region: str | None = None, limit: int = 30
) -> list[Hit]:
    """Songs for ``text`` (title and artist words), optionally within a decade and region."""
    text = (text or "").strip()
    if not text:
        where, params = _filters(decade, region)
        sql = "SELECT t.* FROM tracks t" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY t.year, t.title_key LIMIT ?"
        return [Hit(store.row_to_track(row), 100.0, "browse") for row in db.query(sql, [*params, limit])]
    exact = _fts(db, store.fts_expression(text), decade, region, limit)
    if exact:
        return [Hit(track, 100.0, "words") for track in exact]
    return fuzzy_search(db, text, decade=decade, region=region, limit=limit)


def fuzzy_search(
    db: Database, text: str, *, decade: int | None = None, region: str | None = None, limit: int = 30
) -> list[Hit]:
    """Typo-tolerant and fragment-tolerant matching, scored 0-100."""
    words = [w for w in re.findall(r"\w+", text.casefold()) if w not in FILLER_WORDS]
    query = " ".join(words) or text
    candidates: dict[int, float] = {}
    if words:  # tracks sharing any meaningful word (prefix), however the rest was remembered
        any_word = " OR ".join(f'"{w}"*' for w in words[:12])
        for track in _fts(db, any_word, decade, region, 200):
            candidates[track.id] = 0.0
    ids, texts = _scan_choices(db, words)
    for _, score, index in process.extract(
        query, texts, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit * 4, score_cutoff=FUZZY_CUTOFF
    ):
        candidates[ids[index]] = score
    tracks = [store.get_track(db, track_id) for track_id in candidates]
    hits = []
    for track in tracks:
        if track is None:
            continue
        if decade is not None and not (track.year and decade <= track.year <= decade + 9):
            continue
        if region and region not in track.regions:
            continue
        score = max(
            fuzz.token_set_ratio(query, f"{track.title} {track.artist}", processor=utils.default_process),
            fuzz.WRatio(query, f"{track.title} {track.artist}", processor=utils.default_process),
        )
        if score >= FUZZY_CUTOFF:
            hits.append(Hit(track, round(score, 1), "close match"))
    hits.sort(key=lambda hit: (-hit.score, hit.track.year or 0, hit.track.title))
    return hits[:limit]
