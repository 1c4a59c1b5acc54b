"""What the records say: per resident (songs that work, trends, goals), the shift
handover and the home overview. Plain data out; pages draw it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from statistics import mean

from sqlite_utils import Database

from reminisce import care_model as cm
from reminisce import people, residents, sessions
from reminisce.accounts import User
from reminisce.db import now_iso, transaction
from reminisce.errors import NotFound, ValidationError
from reminisce.text import count


@dataclass(frozen=True)
class SongResult:
    title: str
    artist: str
    plays: int
    rated: int
    mean_rating: float | None
    low_ratings: int
    best: int | None
    positive_cues: int
    negative_cues: int


def song_results(db: Database, actor: User, resident_id: int) -> list[SongResult]:
    people.require(db, actor, resident_id, "view")
    grouped: dict[tuple[str, str], list] = defaultdict(list)
    names: dict[tuple[str, str], tuple[str, str]] = {}
    for row in db.query(
        "SELECT title, artist, title_key, artist_key, rating, cues FROM song_plays WHERE resident_id = ?"
        " ORDER BY started_at, id",
        [resident_id],
    ):
        key = (row["title_key"], row["artist_key"])
        grouped[key].append(row)
        names.setdefault(key, (row["title"], row["artist"]))
    results = []
    for key, rows in grouped.items():
        ratings = [r["rating"] for r in rows if r["rating"] is not None]
        cues = [c for r in rows for c in filter(None, r["cues"].split(";"))]
        results.append(
            SongResult(
                *names[key],
                plays=len(rows),
                rated=len(ratings),
                mean_rating=round(mean(ratings), 2) if ratings else None,
                low_ratings=sum(r <= cm.DEMOTE_AT_OR_BELOW for r in ratings),
                best=max(ratings) if ratings else None,
                positive_cues=sum(c in cm.POSITIVE_CUES for c in cues),
                negative_cues=sum(c in cm.NEGATIVE_CUES for c in cues),
            )
        )
    return results


def songs_that_work(results: list[SongResult]) -> list[SongResult]:
    """Rated 4+ on average, or a 6 once (a key song); best first."""
    good = [r for r in results if r.mean_rating is not None and (r.mean_rating >= cm.PROMOTE_AT or r.best == cm.PIN_AT)]
    return sorted(good, key=lambda r: (-(r.best == cm.PIN_AT), -r.mean_rating, -r.rated, r.title))


def songs_to_drop(results: list[SongResult]) -> list[SongResult]:
    """Rated 1-2 on two or more occasions, and never a 6."""
    return sorted(
        (r for r in results if r.low_ratings >= cm.DEMOTE_AFTER_OCCASIONS and r.best != cm.PIN_AT),
        key=lambda r: (r.mean_rating or 0, r.title),
    )


@dataclass(frozen=True)
class SessionRecord:
    session_id: int
    started_at: str
    ended: bool
    purpose: str
    activity: str
    audio: str
    place: str
    recorded_by: str
    goal_id: int | None
    mood_before: int | None
    mood_after: int | None
    midas: dict[str, int | None]
    minutes_engaged: int | None
    songs: int
    mean_rating: float | None


def session_records(db: Database, actor: User, resident_id: int) -> list[SessionRecord]:
    people.require(db, actor, resident_id, "view")
    rows = db.query(
        """SELECT s.*, m.*,
                  (SELECT count(*) FROM song_plays p WHERE p.session_id = s.id AND p.resident_id = m.resident_id)
                  AS songs,
                  (SELECT avg(rating) FROM song_plays p WHERE p.session_id = s.id AND p.resident_id = m.resident_id)
                  AS mean_rating
           FROM listening_sessions s JOIN session_members m ON m.session_id = s.id
           WHERE m.resident_id = ? ORDER BY s.started_at, s.id""",
        [resident_id],
    )
    return [
        SessionRecord(
            row["session_id"],
            row["started_at"],
            row["ended_at"] is not None,
            row["purpose"],
            row["activity"],
            row["audio"],
            row["place"],
            row["recorded_by"],
            row["goal_id"],
            row["mood_before"],
            row["mood_after"],
            {item: row[f"midas_{item}"] for item in cm.MIDAS_ITEMS},
            row["minutes_engaged"],
            row["songs"],
            round(row["mean_rating"], 2) if row["mean_rating"] is not None else None,
        )
        for row in rows
    ]


def midas_trend(records: list[SessionRecord]) -> list[dict]:
    """Long format for a chart: one row per session, rater and MiDAS item. Raters agree
    little with each other (care model 4), so trends are drawn per rater."""
    return [
        {"date": r.started_at[:10], "rater": r.recorded_by or "unknown", "item": item.capitalize(), "score": value}
        for r in records
        for item, value in r.midas.items()
        if value is not None
    ]


def mood_changes(records: list[SessionRecord]) -> list[dict]:
    return [
        {"date": r.started_at[:10], "before": r.mood_before, "after": r.mood_after}
        for r in records
        if r.mood_before is not None and r.mood_after is not None
    ]


def time_of_day(started_at: str) -> str:
    hour = datetime.fromisoformat(started_at).hour
    return "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"


def best_conditions(records: list[SessionRecord]) -> dict[str, list[tuple[str, float, int]]]:
    """Mean song rating by time of day, place and audio: (label, mean, sessions)."""
    buckets: dict[str, dict[str, list[float]]] = {
        "time of day": defaultdict(list),
        "place": defaultdict(list),
        "audio": defaultdict(list),
    }
    for r in records:
        if r.mean_rating is None:
            continue
        buckets["time of day"][time_of_day(r.started_at)].append(r.mean_rating)
        buckets["place"][r.place].append(r.mean_rating)
        buckets["audio"][r.audio].append(r.mean_rating)
    return {
        name: sorted(((label, round(mean(v), 2), len(v)) for label, v in values.items()), key=lambda t: -t[1])
        for name, values in buckets.items()
    }


# --- goals -------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    id: int
    resident_id: int
    text: str
    active: bool


@dataclass
class GoalProgress:
    goal: Goal
    sessions: int = 0
    enjoyment: list[int] = field(default_factory=list)
    mood_change: list[int] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if not self.sessions:
            return "No sessions linked to this goal yet."
        parts = [count(self.sessions, "session")]
        if len(self.enjoyment) >= 2:
            half = len(self.enjoyment) // 2
            first, last = mean(self.enjoyment[:half]), mean(self.enjoyment[half:])
            trend = "rising" if last > first + 5 else "falling" if last < first - 5 else "steady"
            parts.append(f"enjoyment {trend} ({first:.0f} then {last:.0f} of 100)")
        if self.mood_change:
            parts.append(f"mood after minus before: {mean(self.mood_change):+.1f} on average")
        return "; ".join(parts) + "."


def add_goal(db: Database, actor: User, resident_id: int, text: str) -> int:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"goal": "is required."})
    if len(text) > residents.SHORT_TEXT_LIMIT:
        raise ValidationError({"goal": f"must be at most {residents.SHORT_TEXT_LIMIT} characters."})
    people.require(db, actor, resident_id, "change goals")
    with transaction(db):
        residents.load_profile(db, resident_id)
        cursor = db.execute(
            "INSERT INTO goals (resident_id, text, created_at) VALUES (?, ?, ?)", [resident_id, text, now_iso()]
        )
    return int(cursor.lastrowid)


def goals(db: Database, actor: User, resident_id: int, *, active_only: bool = False) -> list[Goal]:
    people.require(db, actor, resident_id, "view")
    sql = "SELECT * FROM goals WHERE resident_id = ?" + (" AND active = 1" if active_only else "") + " ORDER BY id"
    return [Goal(r["id"], r["resident_id"], r["text"], bool(r["active"])) for r in db.query(sql, [resident_id])]


def set_goal_active(db: Database, actor: User, goal_id: int, active: bool) -> None:
    people.require(db, actor, people.resident_of(db, "goals", goal_id), "change goals")
    with transaction(db):
        if db.execute("UPDATE goals SET active = ? WHERE id = ?", [int(active), goal_id]).rowcount == 0:
            raise NotFound("That goal no longer exists.")


def goal_progress(db: Database, actor: User, resident_id: int) -> list[GoalProgress]:
    progress = {goal.id: GoalProgress(goal) for goal in goals(db, actor, resident_id)}
    for record in session_records(db, actor, resident_id):
        if record.goal_id in progress:
            item = progress[record.goal_id]
            item.sessions += 1
            if record.midas["enjoyment"] is not None:
                item.enjoyment.append(record.midas["enjoyment"])
            if record.mood_before is not None and record.mood_after is not None:
                item.mood_change.append(record.mood_after - record.mood_before)
    return list(progress.values())


def plain_summary(name: str, results: list[SongResult], records: list[SessionRecord]) -> str:
    """A few sentences a new carer can read in the corridor."""
    if not records:
        return f"No listening sessions recorded for {name} yet."
    parts = [f"{name} has had {count(len(records), 'listening session')}."]
    works = songs_that_work(results)
    if works:
        parts.append("Songs that reach them: " + ", ".join(r.title for r in works[:3]) + ".")
    drops = songs_to_drop(results)
    if drops:
        parts.append("Little response to: " + ", ".join(r.title for r in drops[:3]) + "; try others.")
    moods = mood_changes(records)
    if moods:
        change = mean(m["after"] - m["before"] for m in moods)
        if change > 0.2:
            parts.append("Mood is usually better after music.")
        elif change < -0.2:
            parts.append("Mood is often lower after music: review the playlists and red flags.")
        else:
            parts.append("Mood is about the same before and after music.")
    conditions = best_conditions(records)
    if conditions["time of day"] and len(conditions["time of day"]) > 1:
        parts.append(f"Best time of day so far: {conditions['time of day'][0][0]}.")
    if sum(r.rated for r in results) < cm.JUDGE_AFTER_PLAYS:
        parts.append(f"Still early: judge songs after about {cm.JUDGE_AFTER_PLAYS} plays.")
    parts.append(cm.MODEST_CLAIM)
    return " ".join(parts)


# --- handover and home overview -----------------------------------------------------


@dataclass
class ResidentShift:
    resident_id: int
    name: str
    sessions: int = 0
    worked: list[str] = field(default_factory=list)
    distress: list[str] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)


def since_last_shift(
    db: Database, actor: User, hours: int = 8, now: datetime | None = None
) -> tuple[list[ResidentShift], list]:
    """Who listened, what worked, any distress, and red flags waiting for a decision."""
    people.require_staff(actor)
    since = ((now or datetime.now(UTC)) - timedelta(hours=hours)).isoformat(timespec="seconds")
    everyone = {p.id: p for p in residents.list_residents(db, actor)}
    shifts: dict[int, ResidentShift] = {}
    for row in db.query(
        "SELECT DISTINCT m.resident_id, s.id FROM listening_sessions s JOIN session_members m ON m.session_id = s.id"
        " WHERE s.started_at >= ?",
        [since],
    ):
        person = everyone.get(row["resident_id"])
        if person:
            shift = shifts.setdefault(person.id, ResidentShift(person.id, person.preferred_name or person.name))
            shift.sessions += 1
    for row in db.query(
        "SELECT p.* FROM song_plays p JOIN listening_sessions s ON s.id = p.session_id WHERE s.started_at >= ?"
        " ORDER BY p.started_at, p.id",
        [since],
    ):
        shift = shifts.get(row["resident_id"])
        if shift is None:
            continue
        cues = [c for c in row["cues"].split(";") if c]
        if row["rating"] is not None and row["rating"] >= cm.PROMOTE_AT:
            shift.worked.append(f"{row['title']} ({row['rating']})")
        negative = [c for c in cues if c in cm.NEGATIVE_CUES]
        if negative:
            shift.distress.append(f"{row['title']}: {', '.join(negative)}")
        if row["stopped"]:
            shift.stopped.append(row["title"])
    pending = sessions.proposals(db, actor)
    return sorted(shifts.values(), key=lambda s: s.name), pending


@dataclass(frozen=True)
class HomeOverview:
    sessions_this_week: dict[str, int]
    without_playlist: list[str]
    without_recent_session: list[str]
    songs_that_work: list[tuple[str, str, float, int]]  # title, artist, mean, residents


def home_overview(db: Database, actor: User, now: datetime | None = None) -> HomeOverview:
    people.require_staff(actor)
    week_ago = ((now or datetime.now(UTC)) - timedelta(days=7)).isoformat(timespec="seconds")
    everyone = residents.list_residents(db, actor)
    counts = dict(
        db.execute(
            "SELECT m.resident_id, count(*) FROM listening_sessions s JOIN session_members m ON m.session_id = s.id"
            " WHERE s.started_at >= ? GROUP BY m.resident_id",
            [week_ago],
        ).fetchall()
    )
    name = {p.id: p.preferred_name or p.name for p in everyone}
    with_playlist = {
        row[0] for row in db.execute("SELECT DISTINCT resident_id FROM playlists WHERE archived = 0").fetchall()
    }
    without_playlist = [name[p.id] for p in everyone if p.id not in with_playlist]
    songs = [
        (row[0], row[1], round(row[2], 2), row[3])
        for row in db.execute(
            "SELECT title, artist, avg(rating), count(DISTINCT resident_id) FROM song_plays WHERE rating IS NOT NULL"
            " GROUP BY title_key, artist_key HAVING avg(rating) >= ? ORDER BY count(DISTINCT resident_id) DESC,"
            " avg(rating) DESC, title LIMIT 15",
            [cm.PROMOTE_AT],
        ).fetchall()
    ]
    return HomeOverview(
        sessions_this_week={name[p.id]: counts.get(p.id, 0) for p in everyone},
        without_playlist=without_playlist,
        without_recent_session=[name[p.id] for p in everyone if not counts.get(p.id)],
        songs_that_work=songs,
    )


def family_summary(db: Database, actor: User, resident_id: int) -> str:
    """A gentle, non-clinical note for family: how often music happens and what they enjoy."""
    people.require(db, actor, resident_id, "view")
    profile = residents.load_profile(db, resident_id)
    month_ago = (datetime.now(UTC) - timedelta(days=30)).isoformat(timespec="seconds")
    sessions_this_month = db.execute(
        "SELECT count(*) FROM listening_sessions s JOIN session_members m ON m.session_id = s.id"
        " WHERE m.resident_id = ? AND s.started_at >= ?",
        [resident_id, month_ago],
    ).fetchone()[0]
    liked = [
        row[0]
        for row in db.execute(
            "SELECT title FROM song_plays WHERE resident_id = ? AND rating IS NOT NULL GROUP BY title_key, artist_key"
            " HAVING avg(rating) >= ? ORDER BY avg(rating) DESC, title LIMIT 3",
            [resident_id, cm.PROMOTE_AT],
        )
    ]
    name = profile.short_name
    if not sessions_this_month:
        return f"{name} has not had a music session this month yet. The songs you share help staff choose well."
    times = "once" if sessions_this_month == 1 else f"{sessions_this_month} times"
    text = f"{name} has listened to music with staff {times} in the last month."
    if liked:
        text += " Songs that seem to bring joy: " + ", ".join(liked) + "."
    return text + " Thank you for the memories and songs you share."
