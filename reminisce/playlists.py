"""Per-resident playlists: create, edit, reorder, pin, duplicate, archive.

Every change is one transaction and is saved the moment it is made, so a
tablet that sleeps mid-edit loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from reminisce import care_model as cm
from reminisce import people
from reminisce.accounts import User
from reminisce.catalog.base import Track
from reminisce.db import now_iso, transaction
from reminisce.engine.scoring import Suggestion, song_key
from reminisce.errors import NotFound, ValidationError

NAME_LIMIT = 80
PURPOSE_LABELS = {
    "reminisce": "Reminiscing",
    "uplifting": "Uplifting (mornings, low energy)",
    "calm": "Calm (anxiety, agitation, before care)",
    "sleep": "Sleep (settling at night)",
}


@dataclass(frozen=True)
class PlaylistItem:
    id: int
    position: int
    title: str
    artist: str
    year: int | None
    pinned: bool
    reasons: str
    track_id: int | None


@dataclass(frozen=True)
class Playlist:
    id: int
    resident_id: int
    name: str
    purpose: str
    when_to_use: str
    archived: bool
    items: tuple[PlaylistItem, ...] = ()

    @property
    def minutes(self) -> float:
        return len(self.items) * cm.DEFAULT_SONG_MINUTES


def _check(name: str, purpose: str) -> str:
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = "is required."
    elif len(name) > NAME_LIMIT:
        errors["name"] = f"must be at most {NAME_LIMIT} characters."
    if purpose not in cm.PURPOSES:
        errors["purpose"] = f"must be one of {', '.join(cm.PURPOSES)}."
    if errors:
        raise ValidationError(errors)
    return name


def default_name(purpose: str, today: date | None = None) -> str:
    today = today or date.today()
    return f"{PURPOSE_LABELS[purpose].split(' (')[0]}, {today.day} {today:%b %Y}"


def create(
    db: Database,
    actor: User,
    resident_id: int,
    name: str,
    purpose: str,
    *,
    when_to_use: str = "",
    songs: list[Suggestion] | None = None,
) -> int:
    name = _check(name, purpose)
    stamp = now_iso()
    people.require(db, actor, resident_id, "change playlists")
    with transaction(db):
        if not list(db.query("SELECT id FROM residents WHERE id = ?", [resident_id])):
            raise NotFound(f"No resident with id {resident_id}.")
        cursor = db.execute(
            "INSERT INTO playlists (resident_id, name, purpose, when_to_use, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [resident_id, name, purpose, when_to_use.strip(), stamp, stamp],
        )
        playlist_id = int(cursor.lastrowid)
        for suggestion in songs or []:
            _append(db, playlist_id, suggestion.track, "; ".join(suggestion.reasons), suggestion.pinned)
    return playlist_id


def _append(db: Database, playlist_id: int, track: Track, reasons: str = "", pinned: bool = False) -> int:
    position = db.execute(
        "SELECT coalesce(max(position), -1) + 1 FROM playlist_items WHERE playlist_id = ?", [playlist_id]
    ).fetchone()[0]
    cursor = db.execute(
        "INSERT INTO playlist_items (playlist_id, position, track_id, title, artist, year, pinned, reasons, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [playlist_id, position, track.id, track.title, track.artist, track.year, int(pinned), reasons, now_iso()],
    )
    db.execute("UPDATE playlists SET updated_at = ? WHERE id = ?", [now_iso(), playlist_id])
    return int(cursor.lastrowid)


def add_song(db: Database, actor: User, playlist_id: int, track: Track, reasons: str = "") -> int | None:
    """Add a song at the end; None (and no change) if it is already on the playlist."""
    _guard(db, actor, playlist_id, "change playlists")
    with transaction(db):
        playlist = _load(db, playlist_id)
        if song_key(track.title, track.artist) in {song_key(i.title, i.artist) for i in playlist.items}:
            return None
        return _append(db, playlist_id, track, reasons)


def _guard(db: Database, actor: User, playlist_id: int, action: str) -> None:
    people.require(db, actor, people.resident_of(db, "playlists", playlist_id), action)


def get(db: Database, actor: User, playlist_id: int) -> Playlist:
    _guard(db, actor, playlist_id, "view")
    return _load(db, playlist_id)


def _load(db: Database, playlist_id: int) -> Playlist:
    rows = list(db.query("SELECT * FROM playlists WHERE id = ?", [playlist_id]))
    if not rows:
        raise NotFound(f"No playlist with id {playlist_id}.")
    row = rows[0]
    items = tuple(
        PlaylistItem(
            i["id"], i["position"], i["title"], i["artist"], i["year"], bool(i["pinned"]), i["reasons"], i["track_id"]
        )
        for i in db.query("SELECT * FROM playlist_items WHERE playlist_id = ? ORDER BY position, id", [playlist_id])
    )
    return Playlist(
        row["id"], row["resident_id"], row["name"], row["purpose"], row["when_to_use"], bool(row["archived"]), items
    )


def for_resident(db: Database, actor: User, resident_id: int, *, archived: bool = False) -> list[Playlist]:
    people.require(db, actor, resident_id, "view")
    ids = [
        row["id"]
        for row in db.query(
            "SELECT id FROM playlists WHERE resident_id = ? AND archived = ? ORDER BY updated_at DESC, id DESC",
            [resident_id, int(archived)],
        )
    ]
    return [_load(db, playlist_id) for playlist_id in ids]


def _item(db: Database, playlist_id: int, item_id: int) -> dict:
    rows = list(db.query("SELECT * FROM playlist_items WHERE id = ? AND playlist_id = ?", [item_id, playlist_id]))
    if not rows:
        raise NotFound("That song is no longer on this playlist.")
    return rows[0]


def remove_song(db: Database, actor: User, playlist_id: int, item_id: int) -> None:
    _guard(db, actor, playlist_id, "change playlists")
    with transaction(db):
        _item(db, playlist_id, item_id)
        db.execute("DELETE FROM playlist_items WHERE id = ?", [item_id])
        _renumber(db, playlist_id)


def set_pinned(db: Database, actor: User, playlist_id: int, item_id: int, pinned: bool) -> None:
    _guard(db, actor, playlist_id, "change playlists")
    with transaction(db):
        _item(db, playlist_id, item_id)
        db.execute("UPDATE playlist_items SET pinned = ? WHERE id = ?", [int(pinned), item_id])


def move_song(db: Database, actor: User, playlist_id: int, item_id: int, steps: int) -> None:
    """Move a song up (negative) or down (positive) the list."""
    _guard(db, actor, playlist_id, "change playlists")
    with transaction(db):
        ids = [
            row[0]
            for row in db.execute(
                "SELECT id FROM playlist_items WHERE playlist_id = ? ORDER BY position, id", [playlist_id]
            ).fetchall()
        ]
        if item_id not in ids:
            raise NotFound("That song is no longer on this playlist.")
        index = ids.index(item_id)
        ids.insert(max(0, min(len(ids) - 1, index + steps)), ids.pop(index))
        for position, each in enumerate(ids):
            db.execute("UPDATE playlist_items SET position = ? WHERE id = ?", [position, each])


def _renumber(db: Database, playlist_id: int) -> None:
    ids = [
        row[0]
        for row in db.execute(
            "SELECT id FROM playlist_items WHERE playlist_id = ? ORDER BY position, id", [playlist_id]
        ).fetchall()
    ]
    for position, each in enumerate(ids):
        db.execute("UPDATE playlist_items SET position = ? WHERE id = ?", [position, each])


def update(db: Database, actor: User, playlist_id: int, *, name: str, purpose: str, when_to_use: str = "") -> None:
    name = _check(name, purpose)
    _guard(db, actor, playlist_id, "change playlists")
    with transaction(db):
        _load(db, playlist_id)
        db.execute(
            "UPDATE playlists SET name = ?, purpose = ?, when_to_use = ?, updated_at = ? WHERE id = ?",
            [name, purpose, when_to_use.strip(), now_iso(), playlist_id],
        )


def set_archived(db: Database, actor: User, playlist_id: int, archived: bool) -> None:
    _guard(db, actor, playlist_id, "change playlists")
    with transaction(db):
        _load(db, playlist_id)
        db.execute(
            "UPDATE playlists SET archived = ?, updated_at = ? WHERE id = ?", [int(archived), now_iso(), playlist_id]
        )


def duplicate(db: Database, actor: User, playlist_id: int) -> int:
    _guard(db, actor, playlist_id, "change playlists")
    with transaction(db):
        original = _load(db, playlist_id)
        copy_id = create(
            db,
            actor,
            original.resident_id,
            f"{original.name} (copy)"[:NAME_LIMIT],
            original.purpose,
            when_to_use=original.when_to_use,
        )
        for item in original.items:
            db.execute(
                "INSERT INTO playlist_items (playlist_id, position, track_id, title, artist, year, pinned, reasons,"
                " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    copy_id,
                    item.position,
                    item.track_id,
                    item.title,
                    item.artist,
                    item.year,
                    int(item.pinned),
                    item.reasons,
                    now_iso(),
                ],
            )
    return copy_id


def delete(db: Database, actor: User, playlist_id: int) -> None:
    _guard(db, actor, playlist_id, "change playlists")
    with transaction(db):
        _load(db, playlist_id)
        db.execute("DELETE FROM playlists WHERE id = ?", [playlist_id])
