"""Summaries from the records: songs that work or to drop, per-rater MiDAS, goals,
handover and the home overview."""

from __future__ import annotations

import pytest
from helpers import carer

from reminisce import insights, playlists, residents, sessions
from reminisce.catalog.base import Track
from reminisce.engine.scoring import Suggestion
from reminisce.errors import ValidationError
from reminisce.people import SYSTEM


def run_session(
    db,
    resident_id,
    ratings: dict[str, int],
    *,
    rater="Ann",
    enjoyment=None,
    moods=(None, None),
    cues=None,
    goal_id=None,
):
    playlist = playlists.create(
        db,
        SYSTEM,
        resident_id,
        "P",
        "reminisce",
        songs=[Suggestion(Track(t, "X", 1957, "bundled"), 1, 19, ()) for t in ratings],
    )
    session = sessions.start_session(
        db,
        carer(db, rater),
        [resident_id],
        playlist_id=playlist,
        purpose="reminiscence",
        goal_id=goal_id,
        moods_before={resident_id: moods[0]},
    )
    for position, item in enumerate(playlists.get(db, SYSTEM, playlist).items):
        play = sessions.play_for(db, SYSTEM, session, resident_id, item, position)
        sessions.record_rating(db, SYSTEM, play.id, ratings[item.title])
        if cues and item.title in cues:
            sessions.record_cues(db, SYSTEM, play.id, cues[item.title])
    sessions.end_session(db, SYSTEM, session, {resident_id: {"enjoyment": enjoyment, "mood_after": moods[1]}})
    return session


def test_songs_that_work_and_songs_to_drop(db, peggy):
    run_session(db, peggy, {"Loved": 5, "Meh": 1, "Memory": 6})
    run_session(db, peggy, {"Loved": 4, "Meh": 2, "Memory": 1})
    results = insights.song_results(db, SYSTEM, peggy)
    assert [r.title for r in insights.songs_that_work(results)] == ["Memory", "Loved"]
    assert [r.title for r in insights.songs_to_drop(results)] == ["Meh"]  # a 6 is never dropped


def test_midas_is_kept_per_rater(db, peggy):
    run_session(db, peggy, {"A": 4}, rater="Ann", enjoyment=60)
    run_session(db, peggy, {"A": 4}, rater="Bea", enjoyment=90)
    trend = insights.midas_trend(insights.session_records(db, SYSTEM, peggy))
    assert {(row["rater"], row["score"]) for row in trend if row["item"] == "Enjoyment"} == {("Ann", 60), ("Bea", 90)}


def test_goal_progress_and_plain_summary(db, peggy):
    goal = insights.add_goal(db, SYSTEM, peggy, "Calmer before personal care")
    for enjoyment in (20, 30, 70, 80):
        run_session(db, peggy, {"A": 5}, enjoyment=enjoyment, moods=(2, 4), goal_id=goal)
    [progress] = insights.goal_progress(db, SYSTEM, peggy)
    assert progress.sessions == 4 and "enjoyment rising" in progress.summary and "+2.0" in progress.summary
    summary = insights.plain_summary(
        "Peggy", insights.song_results(db, SYSTEM, peggy), insights.session_records(db, SYSTEM, peggy)
    )
    assert "4 listening sessions" in summary and "Mood is usually better after music" in summary
    with pytest.raises(ValidationError):
        insights.add_goal(db, SYSTEM, peggy, "  ")


def test_handover_shows_what_worked_distress_and_pending_red_flags(db, peggy):
    session = run_session(db, peggy, {"Good": 5, "Bad": 2}, cues={"Bad": ["crying", "restless"]})
    play = next(p for p in db.query("SELECT id FROM song_plays WHERE title = 'Bad'"))
    sessions.stop_and_red_flag(db, carer(db, "Ann"), play["id"])
    shifts, pending = insights.since_last_shift(db, SYSTEM, hours=8)
    [shift] = shifts
    assert shift.sessions == 1 and shift.worked == ["Good (5)"]
    assert shift.distress == ["Bad: crying, restless"] and shift.stopped == ["Bad"]
    assert [p.title for p in pending] == ["Bad"]
    assert session


def test_home_overview(db, peggy):
    joe = residents.create_resident(db, SYSTEM, residents.validate_profile({"name": "Joe", "birth_year": 1933}))
    run_session(db, peggy, {"Shared": 5})
    overview = insights.home_overview(db, SYSTEM)
    assert overview.sessions_this_week == {"Joe": 0, "Peggy": 1}
    assert overview.without_playlist == ["Joe"] and overview.without_recent_session == ["Joe"]
    assert overview.songs_that_work[0][:2] == ("Shared", "X")
    assert joe
