"""Listening sessions: each tap saved at once, stop and red-flag, ending with MiDAS,
and what the engine learns from it."""

from __future__ import annotations

import pytest
from helpers import carer

from reminisce import playlists, residents, sessions, suggestions
from reminisce.catalog import bundled
from reminisce.catalog.base import Track
from reminisce.engine.scoring import Suggestion
from reminisce.errors import NotFound, ValidationError
from reminisce.people import SYSTEM


def songs(*titles):
    return [Suggestion(Track(t, "Someone", 1957, "bundled"), 1.0, 19, ()) for t in titles]


@pytest.fixture
def playlist(db, peggy):
    return playlists.create(db, SYSTEM, peggy, "Afternoon", "reminisce", songs=songs("A", "B", "C"))


@pytest.fixture
def session(db, peggy, playlist):
    return sessions.start_session(
        db, carer(db, "Ann"), [peggy], playlist_id=playlist, purpose="reminiscence", moods_before={peggy: 2}
    )


def first_play(db, session, peggy):
    item = sessions.session_songs(db, SYSTEM, sessions.get_session(db, SYSTEM, session))[0]
    return sessions.play_for(db, SYSTEM, session, peggy, item, 0)


def test_start_validates_and_needs_songs(db, peggy, playlist):
    with pytest.raises(ValidationError) as caught:
        sessions.start_session(db, SYSTEM, [peggy], playlist_id=playlist, purpose="party", audio="radio")
    assert set(caught.value.errors) == {"purpose", "audio"}
    empty = playlists.create(db, SYSTEM, peggy, "Empty", "calm")
    with pytest.raises(ValidationError, match="no songs"):
        sessions.start_session(db, SYSTEM, [peggy], playlist_id=empty, purpose="reminiscence")
    with pytest.raises(NotFound):
        sessions.start_session(db, SYSTEM, [999], playlist_id=playlist, purpose="reminiscence")
    assert db["listening_sessions"].count == 0


def test_each_tap_is_saved_immediately(db, peggy, session):
    play = first_play(db, session, peggy)
    sessions.record_rating(db, SYSTEM, play.id, 5)
    sessions.record_cues(db, SYSTEM, play.id, ["sings", "smiles"])
    stored = sessions.get_play(db, SYSTEM, play.id)
    assert (stored.rating, stored.cues) == (5, ("sings", "smiles"))
    sessions.record_rating(db, SYSTEM, play.id, None)  # a mistaken tap can be cleared
    assert sessions.get_play(db, SYSTEM, play.id).rating is None
    with pytest.raises(ValidationError):
        sessions.record_rating(db, SYSTEM, play.id, 7)
    with pytest.raises(ValidationError):
        sessions.record_cues(db, SYSTEM, play.id, ["screams"])


def test_showing_a_song_again_keeps_what_was_tapped(db, peggy, session):
    play = first_play(db, session, peggy)
    sessions.record_rating(db, SYSTEM, play.id, 4)
    again = first_play(db, session, peggy)  # a reload shows the same song
    assert again.id == play.id and again.rating == 4


def test_note_can_become_a_memory(db, peggy, session):
    play = first_play(db, session, peggy)
    sessions.save_note_as_memory(db, carer(db, "Ann"), play.id, "Talked about her wedding in Cork")
    [memory] = residents.list_memories(db, SYSTEM, peggy)
    assert memory.text == "Talked about her wedding in Cork (on hearing A by Someone)"
    assert sessions.get_play(db, SYSTEM, play.id).note == "Talked about her wedding in Cork"


def test_stop_and_red_flag_proposes_and_confirming_removes_everywhere(db, peggy, session, playlist):
    play = first_play(db, session, peggy)
    sessions.record_cues(db, SYSTEM, play.id, ["crying"])
    proposal_id = sessions.stop_and_red_flag(db, carer(db, "Ann"), play.id)
    assert sessions.get_play(db, SYSTEM, play.id).stopped
    [proposal] = sessions.proposals(db, SYSTEM, peggy)
    assert proposal.reason == "Stopped during a session: crying."
    assert "A" in [i.title for i in playlists.get(db, SYSTEM, playlist).items]  # not until staff confirm
    removed = sessions.confirm_red_flag(db, carer(db, "Bea"), proposal_id)
    assert removed == 1
    assert [f.title for f in residents.get_resident(db, SYSTEM, peggy).red_flags] == ["A"]
    assert [i.title for i in playlists.get(db, SYSTEM, playlist).items] == ["B", "C"]
    with pytest.raises(NotFound):
        sessions.confirm_red_flag(db, carer(db, "Bea"), proposal_id)


def test_dismissing_a_proposal_changes_nothing_else(db, peggy, session):
    play = first_play(db, session, peggy)
    proposal_id = sessions.stop_and_red_flag(db, carer(db, "Ann"), play.id, "Looked sad")
    sessions.dismiss_red_flag(db, carer(db, "Bea"), proposal_id)
    assert sessions.proposals(db, SYSTEM, peggy) == [] and residents.get_resident(db, SYSTEM, peggy).red_flags == []


def test_advancing_records_listening_time_and_skips(db, peggy, session):
    play = first_play(db, session, peggy)
    assert sessions.advance(db, SYSTEM, session, skipped=True) == 1
    stored = sessions.get_play(db, SYSTEM, play.id)
    assert stored.skipped and stored.listened_seconds is not None
    assert sessions.get_session(db, SYSTEM, session).position == 1
    sessions.go_back(db, SYSTEM, session)
    assert sessions.get_session(db, SYSTEM, session).position == 0


def test_ending_with_midas_and_mood_validated(db, peggy, session):
    with pytest.raises(ValidationError) as caught:
        sessions.end_session(db, SYSTEM, session, {peggy: {"interest": 120, "mood_after": 9}})
    assert set(caught.value.errors) == {f"{peggy}.interest", f"{peggy}.mood_after"}
    assert sessions.open_sessions(db, SYSTEM, peggy)
    sessions.end_session(
        db,
        SYSTEM,
        session,
        {
            peggy: {
                "interest": 70,
                "response": 60,
                "initiation": 30,
                "involvement": 55,
                "enjoyment": 80,
                "mood_after": 4,
                "minutes_engaged": 20,
            }
        },
    )
    assert sessions.open_sessions(db, SYSTEM, peggy) == []
    row = next(db.query("SELECT * FROM session_members WHERE session_id = ?", [session]))
    assert (row["midas_enjoyment"], row["mood_before"], row["mood_after"]) == (80, 2, 4)


def test_an_abandoned_session_can_be_closed_later_and_keeps_its_records(db, peggy, session):
    play = first_play(db, session, peggy)
    sessions.record_rating(db, SYSTEM, play.id, 3)
    sessions.end_session(db, SYSTEM, session, {peggy: {}})
    assert sessions.get_play(db, SYSTEM, play.id).rating == 3
    assert sessions.get_session(db, SYSTEM, session).ended_at


def test_group_sessions_record_each_resident_separately(db, peggy, playlist):
    joe = residents.create_resident(db, SYSTEM, residents.validate_profile({"name": "Joe", "birth_year": 1933}))
    session = sessions.start_session(db, SYSTEM, [peggy, joe], playlist_id=playlist, purpose="reminiscence")
    item = sessions.session_songs(db, SYSTEM, sessions.get_session(db, SYSTEM, session))[0]
    sessions.record_rating(db, SYSTEM, sessions.play_for(db, SYSTEM, session, peggy, item, 0).id, 6)
    sessions.record_rating(db, SYSTEM, sessions.play_for(db, SYSTEM, session, joe, item, 0).id, 2)
    assert sessions.get_session(db, SYSTEM, session).is_group
    assert [r.rating for r in sessions.response_history(db, SYSTEM, peggy)] == [6]
    assert [r.rating for r in sessions.response_history(db, SYSTEM, joe)] == [2]


def test_responses_re_rank_suggestions_and_pin_a_six(db, peggy):
    bundled.load_bundled(db)  # four-song test catalog
    before = [s.track.title for s in suggestions.suggest_for_resident(db, SYSTEM, peggy)]
    last = before[-1]
    playlist = playlists.create(
        db,
        SYSTEM,
        peggy,
        "Test",
        "reminisce",
        songs=[s for s in suggestions.suggest_for_resident(db, SYSTEM, peggy) if s.track.title == last],
    )
    session = sessions.start_session(db, SYSTEM, [peggy], playlist_id=playlist, purpose="reminiscence")
    item = playlists.get(db, SYSTEM, playlist).items[0]
    sessions.record_rating(db, SYSTEM, sessions.play_for(db, SYSTEM, session, peggy, item, 0).id, 6)
    after = suggestions.suggest_for_resident(db, SYSTEM, peggy)
    assert after[0].track.title == last and after[0].pinned
