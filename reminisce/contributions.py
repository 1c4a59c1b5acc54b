"""What families add from home: memories, songs they remember, songs to avoid.

Everything arrives "pending" and staff approve (possibly after editing) or decline it.
Only approved songs count as named favourites for suggestions. A song to avoid takes
effect at once, before review, because safety comes first; staff then confirm it
into the life story or decline it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from reminisce import people, residents
from reminisce.accounts import User
from reminisce.db import now_iso, transaction
from reminisce.errors import NotFound, ValidationError
from reminisce.matching import normalise_artist, normalise_title

KINDS = ("memory", "song", "red_flag")
KIND_LABELS = {"memory": "Memory", "song": "Song suggestion", "red_flag": "Song to avoid"}


@dataclass(frozen=True)
class Contribution:
    id: int
    resident_id: int
    author_name: str
    kind: str
    title: str
    artist: str
    text: str
    year: int | None
    place: str
    status: str
    created_at: str
    photo: bytes | None = field(default=None, repr=False, compare=False)


def _row(row: dict[str, Any]) -> Contribution:
    return Contribution(
        row["id"],
        row["resident_id"],
        row["author_name"],
        row["kind"],
        row["title"],
        row["artist"],
        row["text"],
        row["year"],
        row["place"],
        row["status"],
        row["created_at"],
        row["photo"],
    )


def _text(value: Any, name: str, limit: int, required: bool = False) -> str:
    text = (value or "").strip() if isinstance(value, str) or value is None else None
    if text is None:
        raise ValidationError({name: "must be text."})
    if required and not text:
        raise ValidationError({name: "is required."})
    if len(text) > limit:
        raise ValidationError({name: f"is {len(text):,} characters; the limit is {limit:,}."})
    return text


def add(db: Database, actor: User, resident_id: int, kind: str, fields: dict[str, Any]) -> int:
    """A family member's (or staff member's) contribution, pending review."""
    if kind not in KINDS:
        raise ValidationError({"kind": f"must be one of {', '.join(KINDS)}."})
    people.require(db, actor, resident_id, "contribute")
    values: dict[str, Any] = {
        "title": "",
        "artist": "",
        "text": "",
        "year": None,
        "place": "",
        "photo": None,
        "photo_type": "",
    }
    if kind == "memory":
        memory = residents.validate_memory(
            {
                "text": fields.get("text"),
                "year": fields.get("year"),
                "place": fields.get("place"),
                "photo": fields.get("photo"),
            }
        )
        values.update(
            text=memory.text, year=memory.year, place=memory.place, photo=memory.photo, photo_type=memory.photo_type
        )
    else:
        values["title"] = _text(fields.get("title"), "title", residents.SHORT_TEXT_LIMIT, required=True)
        values["artist"] = _text(fields.get("artist"), "artist", residents.SHORT_TEXT_LIMIT)
        values["text"] = _text(fields.get("text"), "story" if kind == "song" else "reason", residents.LONG_TEXT_LIMIT)
    with transaction(db):
        residents.load_profile(db, resident_id)
        cursor = db.execute(
            "INSERT INTO contributions (resident_id, author_id, author_name, kind, title, artist, text, year, place,"
            " track_id, created_at, photo, photo_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                resident_id,
                actor.id or None,
                actor.display_name,
                kind,
                values["title"],
                values["artist"],
                values["text"],
                values["year"],
                values["place"],
                fields.get("track_id"),
                now_iso(),
                values["photo"],
                values["photo_type"],
            ],
        )
    people.audit(db, actor, f"contribute {kind}", resident_id)
    return int(cursor.lastrowid)


def for_resident(db: Database, actor: User, resident_id: int, status: str | None = None) -> list[Contribution]:
    """Staff see every contribution; a family member sees their own."""
    people.require(db, actor, resident_id, "view")
    sql, params = "SELECT * FROM contributions WHERE resident_id = ?", [resident_id]
    if actor.role == "family":
        sql += " AND author_id = ?"
        params.append(actor.id)
    if status:
        sql += " AND status = ?"
        params.append(status)
    return [_row(r) for r in db.query(sql + " ORDER BY created_at DESC, id DESC", params)]


def pending(db: Database, actor: User) -> list[Contribution]:
    """Everything waiting for a staff decision, across the home."""
    people.require_staff(actor)
    return [_row(r) for r in db.query("SELECT * FROM contributions WHERE status = 'pending' ORDER BY created_at, id")]


def _load(db: Database, contribution_id: int) -> Contribution:
    rows = list(db.query("SELECT * FROM contributions WHERE id = ?", [contribution_id]))
    if not rows:
        raise NotFound("That contribution no longer exists.")
    return _row(rows[0])


def approve(db: Database, actor: User, contribution_id: int, edits: dict[str, Any] | None = None) -> None:
    """Approve, optionally after editing: a memory joins the life story, a song becomes a
    named favourite for suggestions, a song to avoid joins the red flags."""
    resident_id = people.resident_of(db, "contributions", contribution_id)
    people.require(db, actor, resident_id, "review contribution")
    with transaction(db):
        item = _load(db, contribution_id)
        if item.status != "pending":
            raise ValidationError({"status": f"was already {item.status}."})
        changes = {k: v for k, v in (edits or {}).items() if k in ("title", "artist", "text", "year", "place")}
        if changes:
            db.execute(
                "UPDATE contributions SET " + ", ".join(f"{k} = ?" for k in changes) + " WHERE id = ?",
                [*changes.values(), contribution_id],
            )
            item = _load(db, contribution_id)
        if item.kind == "memory":
            residents.add_memory(
                db,
                actor,
                resident_id,
                {
                    "text": item.text,
                    "year": item.year,
                    "place": item.place,
                    "contributed_by": f"{item.author_name} (family)",
                    "photo": item.photo,
                },
            )
        elif item.kind == "red_flag":
            profile = residents.load_profile(db, resident_id)
            flags = [vars(flag) for flag in profile.red_flags]
            key = (normalise_title(item.title), normalise_artist(item.artist))
            if key not in {(normalise_title(f["title"]), normalise_artist(f["artist"])) for f in flags}:
                flags.append(
                    {
                        "title": item.title,
                        "artist": item.artist,
                        "reason": item.text or f"Asked by {item.author_name} (family)",
                    }
                )
                residents.update_fields(db, actor, resident_id, "avoid", {"red_flags": flags})
        db.execute(
            "UPDATE contributions SET status = 'approved', decided_by = ?, decided_at = ? WHERE id = ?",
            [actor.display_name, now_iso(), contribution_id],
        )


def decline(db: Database, actor: User, contribution_id: int) -> None:
    resident_id = people.resident_of(db, "contributions", contribution_id)
    people.require(db, actor, resident_id, "review contribution")
    with transaction(db):
        if _load(db, contribution_id).status != "pending":
            raise ValidationError({"status": "was already decided."})
        db.execute(
            "UPDATE contributions SET status = 'declined', decided_by = ?, decided_at = ? WHERE id = ?",
            [actor.display_name, now_iso(), contribution_id],
        )


def approved_songs(db: Database, actor: User, resident_id: int) -> list[tuple[str, str]]:
    people.require(db, actor, resident_id, "view")
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT title, artist FROM contributions WHERE resident_id = ? AND kind = 'song' AND status = 'approved'",
            [resident_id],
        ).fetchall()
    ]


def active_family_red_flags(db: Database, actor: User, resident_id: int) -> list[tuple[str, str]]:
    """Songs to avoid from family not yet reviewed: in force already, as a precaution."""
    people.require(db, actor, resident_id, "view")
    return [
        (r[0], r[1])
        for r in db.execute(
            "SELECT title, artist FROM contributions"
            " WHERE resident_id = ? AND kind = 'red_flag' AND status = 'pending'",
            [resident_id],
        ).fetchall()
    ]
