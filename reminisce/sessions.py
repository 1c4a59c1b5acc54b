"""Listening sessions: start, one song per screen, one-tap responses, stop and
red-flag, end with MiDAS. Every tap is its own small transaction, so a tablet that
sleeps or reloads loses nothing already recorded, and two tablets recording at
once never overwrite each other's taps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from reminisce import care_model as cm
from reminisce import people, playlists, residents
from reminisce.accounts import User
from reminisce.db import now_iso, transaction
from reminisce.engine.scoring import Response, SongKey
from reminisce.errors import NotFound, ValidationError
from reminisce.matching import normalise_artist, normalise_title

CUES = cm.POSITIVE_CUES + cm.NEGATIVE_CUES
NOTE_LIMIT = residents.LONG_TEXT_LIMIT


@dataclass(frozen=True)
class Session:
    id: int
    playlist_id: int | None
    goal_id: int | None
    purpose: str
    activity: str
    audio: str
    place: str
    recorded_by: str
    rater_id: int | None
    position: int
    started_at: str
    ended_at: str | None
    member_ids: tuple[int, ...]

    @property
    def is_group(self) -> bool:
        return len(self.member_ids) > 1


@dataclass(frozen=True)
class Play:
    id: int
    session_id: int
    resident_id: int
    position: int
    title: str
    artist: str
    year: int | None
    track_id: int | None
    rating: int | None
    cues: tuple[str, ...]
    note: str
    stopped: bool
    skipped: bool
    listened_seconds: int | None
    started_at: str


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _choice(errors: dict, key: str, value: str, allowed: Sequence[str]) -> None:
    if value not in allowed:
        errors[key] = f"must be one of: {', '.join(allowed)}."


# --- starting --------------------------------------------------------------------


def start_session(
    db: Database,
    actor: User,
    resident_ids: Sequence[int],
    *,
    playlist_id: int,
    purpose: str,
    activity: str = "listening",
    audio: str = "speaker",
    place: str = "lounge",
    goal_id: int | None = None,
    moods_before: Mapping[int, int | None] | None = None,
) -> int:
    errors: dict[str, str] = {}
    members = list(dict.fromkeys(resident_ids))
    if not members:
        errors["residents"] = "choose at least one resident."
    _choice(errors, "purpose", purpose, cm.SESSION_PURPOSES)
    _choice(errors, "activity", activity, cm.ACTIVITIES)
    _choice(errors, "audio", audio, cm.AUDIO_SETTINGS)
    _choice(errors, "place", place, cm.PLACES)
    for resident_id, mood in (moods_before or {}).items():
        if mood is not None and mood not in cm.MOOD_SCALE:
            errors[f"mood_before[{resident_id}]"] = "must be 1 to 5."
    if errors:
        raise ValidationError(errors)
    for resident_id in members:
        people.require(db, actor, resident_id, "record session")
    recorded_by, rater_id = actor.display_name, actor.id or None
    with transaction(db):
        playlist = playlists._load(db, playlist_id)
        if not playlist.items:
            raise ValidationError({"playlist": "has no songs yet; add some first."})
        for resident_id in members:
            residents.load_profile(db, resident_id)  # NotFound for a wrong id
        cursor = db.execute(
            "INSERT INTO listening_sessions (playlist_id, goal_id, purpose, activity, audio, place, recorded_by,"
            " rater_id, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [playlist_id, goal_id, purpose, activity, audio, place, recorded_by.strip(), rater_id, now_iso()],
        )
        session_id = int(cursor.lastrowid)
        for resident_id in members:
            db.execute(
                "INSERT INTO session_members (session_id, resident_id, mood_before) VALUES (?, ?, ?)",
                [session_id, resident_id, (moods_before or {}).get(resident_id)],
            )
    return session_id


def get_session(db: Database, actor: User, session_id: int) -> Session:
    session = _load_session(db, session_id)
    for resident_id in session.member_ids:
        people.require(db, actor, resident_id, "view")
    return session


def _guard(db: Database, actor: User, play_id: int, action: str) -> None:
    people.require(db, actor, people.resident_of(db, "song_plays", play_id), action)


def _guard_session(db: Database, actor: User, session_id: int, action: str) -> Session:
    session = _load_session(db, session_id)
    for resident_id in session.member_ids:
        people.require(db, actor, resident_id, action)
    return session


def _load_session(db: Database, session_id: int) -> Session:
    rows = list(db.query("SELECT * FROM listening_sessions WHERE id = ?", [session_id]))
    if not rows:
        raise NotFound(f"No listening session with id {session_id}.")
    row = rows[0]
    members = tuple(
        r[0]
        for r in db.execute(
            "SELECT resident_id FROM session_members WHERE session_id = ? ORDER BY rowid", [session_id]
        ).fetchall()
    )
    return Session(
        row["id"],
        row["playlist_id"],
        row["goal_id"],
        row["purpose"],
        row["activity"],
        row["audio"],
        row["place"],
        row["recorded_by"],
        row["rater_id"],
        row["position"],
        row["started_at"],
        row["ended_at"],
        members,
    )


def open_sessions(db: Database, actor: User, resident_id: int) -> list[Session]:
    """Sessions never ended (a tablet put down, a page reloaded): they can be resumed or closed."""
    people.require(db, actor, resident_id, "view")
    sql = "SELECT DISTINCT s.id FROM listening_sessions s JOIN session_members m ON m.session_id = s.id"
    sql += " WHERE s.ended_at IS NULL" + (" AND m.resident_id = ?" if resident_id is not None else "")
    sql += " ORDER BY s.started_at DESC"
    return [_load_session(db, row[0]) for row in db.execute(sql, [resident_id] if resident_id is not None else [])]


def session_songs(db: Database, actor: User, session: Session) -> list[playlists.PlaylistItem]:
    if session.playlist_id is None:
        return []
    try:
        return list(playlists.get(db, actor, session.playlist_id).items)
    except NotFound:
        return []


# --- one song per screen ------------------------------------------------------------


def _play_from_row(row: Mapping[str, Any]) -> Play:
    return Play(
        row["id"],
        row["session_id"],
        row["resident_id"],
        row["position"],
        row["title"],
        row["artist"],
        row["year"],
        row["track_id"],
        row["rating"],
        tuple(filter(None, row["cues"].split(";"))),
        row["note"],
        bool(row["stopped"]),
        bool(row["skipped"]),
        row["listened_seconds"],
        row["started_at"],
    )


def get_play(db: Database, actor: User, play_id: int) -> Play:
    _guard(db, actor, play_id, "view")
    return _load_play(db, play_id)


def _load_play(db: Database, play_id: int) -> Play:
    rows = list(db.query("SELECT * FROM song_plays WHERE id = ?", [play_id]))
    if not rows:
        raise NotFound("That song record no longer exists.")
    return _play_from_row(rows[0])


def play_for(
    db: Database, actor: User, session_id: int, resident_id: int, item: playlists.PlaylistItem, position: int
) -> Play:
    """The record of this song for this resident, created the first time the song is shown."""
    people.require(db, actor, resident_id, "view")
    with transaction(db):
        db.execute(
            "INSERT OR IGNORE INTO song_plays (session_id, resident_id, position, track_id, title, artist, year,"
            " title_key, artist_key, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                session_id,
                resident_id,
                position,
                item.track_id,
                item.title,
                item.artist,
                item.year,
                normalise_title(item.title),
                normalise_artist(item.artist),
                now_iso(),
                now_iso(),
            ],
        )
        row = next(
            db.query(
                "SELECT * FROM song_plays WHERE session_id = ? AND resident_id = ? AND position = ?",
                [session_id, resident_id, position],
            )
        )
    return _play_from_row(row)


def record_rating(db: Database, actor: User, play_id: int, rating: int | None) -> None:
    """One tap: the 1-6 response (None clears a mistaken tap)."""
    if rating is not None and rating not in cm.RESPONSE_SCALE:
        raise ValidationError({"rating": "must be from 1 to 6."})
    _guard(db, actor, play_id, "record session")
    with transaction(db):
        db.execute("UPDATE song_plays SET rating = ?, updated_at = ? WHERE id = ?", [rating, now_iso(), play_id])


def record_cues(db: Database, actor: User, play_id: int, cues: Iterable[str]) -> None:
    """One tap per cue: the whole set of cues seen during this song."""
    chosen = list(dict.fromkeys(cues))
    if unknown := [c for c in chosen if c not in CUES]:
        raise ValidationError({"cues": f"unknown cue(s): {', '.join(unknown)}."})
    _guard(db, actor, play_id, "record session")
    with transaction(db):
        db.execute(
            "UPDATE song_plays SET cues = ?, updated_at = ? WHERE id = ?", [";".join(chosen), now_iso(), play_id]
        )


def save_note(db: Database, actor: User, play_id: int, note: str) -> None:
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise ValidationError({"note": f"is {len(note):,} characters; the limit is {NOTE_LIMIT:,}."})
    _guard(db, actor, play_id, "record session")
    with transaction(db):
        db.execute("UPDATE song_plays SET note = ?, updated_at = ? WHERE id = ?", [note, now_iso(), play_id])


def save_note_as_memory(db: Database, actor: User, play_id: int, note: str) -> int:
    """The memory a song brought back, kept in the life story with the song named."""
    play = get_play(db, actor, play_id)
    save_note(db, actor, play_id, note)
    text = f"{note.strip()} (on hearing {play.title}" + (f" by {play.artist})" if play.artist else ")")
    return residents.add_memory(db, actor, play.resident_id, {"text": text, "contributed_by": actor.display_name})


def _listened(play: Play, now: datetime) -> int:
    return max(0, int((now - _parse_time(play.started_at)).total_seconds()))


def stop_and_red_flag(db: Database, actor: User, play_id: int, reason: str = "") -> int:
    """Stop the song, record the moment, and propose a red flag for staff to confirm."""
    now = datetime.now(UTC)
    proposed_by = actor.display_name
    _guard(db, actor, play_id, "record session")
    with transaction(db):
        play = _load_play(db, play_id)
        db.execute(
            "UPDATE song_plays SET stopped = 1, listened_seconds = coalesce(listened_seconds, ?), updated_at = ?"
            " WHERE id = ?",
            [_listened(play, now), now_iso(), play_id],
        )
        cursor = db.execute(
            "INSERT INTO red_flag_proposals (resident_id, session_id, title, artist, reason, proposed_by, proposed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                play.resident_id,
                play.session_id,
                play.title,
                play.artist,
                reason.strip() or f"Stopped during a session: {', '.join(play.cues) or 'signs of distress'}.",
                proposed_by,
                now_iso(),
            ],
        )
    return int(cursor.lastrowid)


def advance(db: Database, actor: User, session_id: int, *, skipped: bool = False) -> int:
    """Next song: how long the current one was heard is recorded; returns the new position."""
    now = datetime.now(UTC)
    _guard_session(db, actor, session_id, "record session")
    with transaction(db):
        session = _load_session(db, session_id)
        for row in db.query(
            "SELECT * FROM song_plays WHERE session_id = ? AND position = ?", [session_id, session.position]
        ):
            play = _play_from_row(row)
            db.execute(
                "UPDATE song_plays SET listened_seconds = coalesce(listened_seconds, ?), skipped = ?, updated_at = ?"
                " WHERE id = ?",
                [_listened(play, now), int(skipped or play.skipped), now_iso(), play.id],
            )
        db.execute("UPDATE listening_sessions SET position = position + 1 WHERE id = ?", [session_id])
    return session.position + 1


def go_back(db: Database, actor: User, session_id: int) -> None:
    _guard_session(db, actor, session_id, "record session")
    with transaction(db):
        db.execute("UPDATE listening_sessions SET position = max(position - 1, 0) WHERE id = ?", [session_id])


# --- ending ----------------------------------------------------------------------


def end_session(db: Database, actor: User, session_id: int, results: Mapping[int, Mapping[str, Any]]) -> None:
    """MiDAS (0-100 each), mood after (1-5) and minutes engaged, per resident present.

    Any value may be left out (None) if it was not observed; a session that was never
    ended can be closed later this way and keeps every song record.
    """
    errors: dict[str, str] = {}
    cleaned: dict[int, dict[str, int | None]] = {}
    for resident_id, values in results.items():
        row: dict[str, int | None] = {}
        for item in cm.MIDAS_ITEMS:
            value = values.get(item)
            if value is not None and not (isinstance(value, int) and 0 <= value <= 100):
                errors[f"{resident_id}.{item}"] = "must be from 0 to 100."
            row[f"midas_{item}"] = value
        mood = values.get("mood_after")
        if mood is not None and mood not in cm.MOOD_SCALE:
            errors[f"{resident_id}.mood_after"] = "must be 1 to 5."
        minutes = values.get("minutes_engaged")
        if minutes is not None and not (isinstance(minutes, int) and 0 <= minutes <= 600):
            errors[f"{resident_id}.minutes_engaged"] = "must be from 0 to 600 minutes."
        row["mood_after"], row["minutes_engaged"] = mood, minutes
        cleaned[resident_id] = row
    if errors:
        raise ValidationError(errors)
    _guard_session(db, actor, session_id, "record session")
    with transaction(db):
        session = _load_session(db, session_id)
        for resident_id, row in cleaned.items():
            if resident_id not in session.member_ids:
                raise ValidationError({"resident": f"{resident_id} was not in this session."})
            db.execute(
                "UPDATE session_members SET " + ", ".join(f"{k} = ?" for k in row) + " WHERE session_id = ?"
                " AND resident_id = ?",
                [*row.values(), session_id, resident_id],
            )
        db.execute(
            "UPDATE listening_sessions SET ended_at = coalesce(ended_at, ?) WHERE id = ?", [now_iso(), session_id]
        )


# --- red flags proposed in sessions ----------------------------------------------


@dataclass(frozen=True)
class Proposal:
    id: int
    resident_id: int
    title: str
    artist: str
    reason: str
    proposed_by: str
    proposed_at: str
    status: str


def proposals(db: Database, actor: User, resident_id: int | None = None, status: str = "pending") -> list[Proposal]:
    """Red flags proposed in sessions; the whole home's only for staff."""
    if resident_id is None:
        people.require_staff(actor)
    else:
        people.require(db, actor, resident_id, "view")
    return _proposals(db, resident_id, status)


def _proposals(db: Database, resident_id: int | None = None, status: str = "pending") -> list[Proposal]:
    sql = "SELECT * FROM red_flag_proposals WHERE status = ?" + (" AND resident_id = ?" if resident_id else "")
    rows = db.query(sql + " ORDER BY proposed_at, id", [status, resident_id] if resident_id else [status])
    return [
        Proposal(
            r["id"],
            r["resident_id"],
            r["title"],
            r["artist"],
            r["reason"],
            r["proposed_by"],
            r["proposed_at"],
            r["status"],
        )
        for r in rows
    ]


def _proposal(db: Database, proposal_id: int) -> Proposal:
    found = [p for p in _proposals(db, status="pending") if p.id == proposal_id]
    if not found:
        raise NotFound("That red flag has already been decided.")
    return found[0]


def confirm_red_flag(db: Database, actor: User, proposal_id: int) -> int:
    """The song joins the life story's red flags and leaves every playlist of this
    resident; the engine then never suggests it, alone or in a group. Returns how
    many playlist entries were removed."""
    people.require(db, actor, people.resident_of(db, "red_flag_proposals", proposal_id), "confirm red flag")
    decided_by = actor.display_name
    with transaction(db):
        proposal = _proposal(db, proposal_id)
        profile = residents.load_profile(db, proposal.resident_id)
        flags = [vars(flag) for flag in profile.red_flags]
        key = (normalise_title(proposal.title), normalise_artist(proposal.artist))
        if key not in {(normalise_title(f["title"]), normalise_artist(f["artist"])) for f in flags}:
            flags.append({"title": proposal.title, "artist": proposal.artist, "reason": proposal.reason})
            residents.update_fields(db, actor, proposal.resident_id, "avoid", {"red_flags": flags})
        removed = 0
        for playlist in playlists.for_resident(db, actor, proposal.resident_id) + playlists.for_resident(
            db, actor, proposal.resident_id, archived=True
        ):
            for item in playlist.items:
                if (normalise_title(item.title), normalise_artist(item.artist)) == key:
                    playlists.remove_song(db, actor, playlist.id, item.id)
                    removed += 1
        db.execute(
            "UPDATE red_flag_proposals SET status = 'confirmed', decided_by = ?, decided_at = ? WHERE id = ?",
            [decided_by, now_iso(), proposal_id],
        )
    return removed


def dismiss_red_flag(db: Database, actor: User, proposal_id: int) -> None:
    people.require(db, actor, people.resident_of(db, "red_flag_proposals", proposal_id), "dismiss red flag")
    decided_by = actor.display_name
    with transaction(db):
        _proposal(db, proposal_id)
        db.execute(
            "UPDATE red_flag_proposals SET status = 'dismissed', decided_by = ?, decided_at = ? WHERE id = ?",
            [decided_by, now_iso(), proposal_id],
        )


# --- feeding the engine ------------------------------------------------------------


def response_history(db: Database, actor: User, resident_id: int) -> list[Response]:
    people.require(db, actor, resident_id, "view")
    return [
        Response(row["title_key"], row["artist_key"], row["rating"], _parse_time(row["started_at"]))
        for row in db.query(
            "SELECT title_key, artist_key, rating, started_at FROM song_plays"
            " WHERE resident_id = ? AND rating IS NOT NULL ORDER BY started_at, id",
            [resident_id],
        )
    ]


def recently_played(db: Database, actor: User, resident_id: int, now: datetime | None = None) -> set[SongKey]:
    people.require(db, actor, resident_id, "view")
    since = ((now or datetime.now(UTC)) - timedelta(days=cm.RECENT_DAYS)).isoformat(timespec="seconds")
    return {
        (row[0], row[1])
        for row in db.execute(
            "SELECT title_key, artist_key FROM song_plays WHERE resident_id = ? AND started_at >= ?",
            [resident_id, since],
        ).fetchall()
    }
