"""Session mode through AppTest: start, one-tap rating saved at once, red-flag, finish."""

import pytest
from helpers import click, page, signed_in_app, texts

from reminisce import playlists, residents, sessions
from reminisce.catalog.base import Track
from reminisce.engine.scoring import Suggestion
from reminisce.people import SYSTEM


@pytest.fixture
def playlist(db, peggy):
    songs = [Suggestion(Track(t, "Someone", 1957, "bundled"), 1.0, 19, ()) for t in ("First", "Second")]
    return playlists.create(db, SYSTEM, peggy, "Afternoon", "reminisce", songs=songs)


def open_session_page(admin, peggy):
    return signed_in_app(admin, resident_id=peggy).run().switch_page(page("session")).run()


def only_play(db, title):
    return next(db.query("SELECT * FROM song_plays WHERE title = ?", [title]))


def test_no_playlist_guides_to_suggestions(db, admin, peggy):
    app = open_session_page(admin, peggy)
    assert any("Make a playlist first" in i for i in texts(app.info))


def test_a_whole_session(db, admin, peggy, playlist):
    app = open_session_page(admin, peggy)
    click(app, "Start session")
    assert not app.exception
    assert "First" in " ".join(texts(app.header))
    [session] = sessions.open_sessions(db, SYSTEM, peggy)

    play_id = only_play(db, "First")["id"]
    app.segmented_control(key=f"rating_{play_id}").set_value(5).run()  # one tap
    assert only_play(db, "First")["rating"] == 5  # saved at once, no submit button
    app.pills(key=f"pos_{play_id}").set_value(["sings"]).run()
    assert only_play(db, "First")["cues"] == "sings"
    assert any(
        link.proto.url.startswith("https://www.youtube.com/results?search_query=First+Someone")
        for link in app.get("link_button")
    )

    click(app, "Next")
    second = only_play(db, "Second")["id"]
    app.button(key=f"stop_{second}").click().run()
    assert [p.title for p in sessions.proposals(db, SYSTEM, peggy)] == ["Second"]
    assert any("red flag is proposed" in w for w in texts(app.warning))

    click(app, "Next")
    assert "How did the session go?" in texts(app.header)
    app.slider(key=f"midas_enjoyment_{peggy}").set_value(85).run()
    click(app, "Finish and save")
    assert not app.exception
    assert sessions.open_sessions(db, SYSTEM, peggy) == []
    row = next(db.query("SELECT * FROM session_members WHERE session_id = ?", [session.id]))
    assert row["midas_enjoyment"] == 85
    assert any("Insights for" in t for t in texts(app.title))


def test_reloading_mid_session_offers_to_continue_with_taps_kept(db, admin, peggy, playlist):
    app = open_session_page(admin, peggy)
    click(app, "Start session")
    play_id = only_play(db, "First")["id"]
    app.segmented_control(key=f"rating_{play_id}").set_value(3).run()
    fresh = open_session_page(admin, peggy)  # a new browser session after the tablet slept
    click(fresh, "Continue that session")
    assert fresh.segmented_control(key=f"rating_{play_id}").value == 3


def test_insights_confirm_red_flag_and_pdf(db, admin, peggy, playlist):
    session = sessions.start_session(db, SYSTEM, [peggy], playlist_id=playlist, purpose="reminiscence")
    play = sessions.play_for(db, SYSTEM, session, peggy, playlists.get(db, SYSTEM, playlist).items[0], 0)
    sessions.record_rating(db, SYSTEM, play.id, 6)
    sessions.stop_and_red_flag(db, SYSTEM, play.id)
    app = signed_in_app(admin, resident_id=peggy).run().switch_page(page("insights")).run()
    assert not app.exception
    assert any("First" in m for m in texts(app.markdown))
    [proposal] = sessions.proposals(db, SYSTEM, peggy)
    app.button(key=f"confirm_{proposal.id}").click().run()
    assert [f.title for f in residents.get_resident(db, SYSTEM, peggy).red_flags] == ["First"]
    assert len(app.get("download_button")) == 2


def test_handover_and_overview_pages(db, admin, peggy, playlist):
    session = sessions.start_session(db, SYSTEM, [peggy], playlist_id=playlist, purpose="reminiscence")
    play = sessions.play_for(db, SYSTEM, session, peggy, playlists.get(db, SYSTEM, playlist).items[0], 0)
    sessions.record_rating(db, SYSTEM, play.id, 5)
    app = signed_in_app(admin).run().switch_page(page("handover")).run()
    assert not app.exception and any("Worked" in m and "First" in m for m in texts(app.markdown))
    app = signed_in_app(admin).run().switch_page(page("overview")).run()
    assert not app.exception and app.dataframe
