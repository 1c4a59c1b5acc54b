"""Session mode: one song per screen, very large controls, every tap saved at once."""

from __future__ import annotations

from urllib.parse import quote_plus

import streamlit as st

from reminisce import care_model as cm
from reminisce import insights, playlists, residents, sessions, suggestions
from reminisce.catalog import spotify
from reminisce.errors import NotFound, ReminisceError, ValidationError
from reminisce.matching import normalise_artist, normalise_title
from reminisce.text import escape_markdown
from reminisce.ui import components, state

SCALE = {n: f"{n}" for n in cm.RESPONSE_SCALE}


def _who() -> str:
    user = state.current_user()
    return user.display_name if user else ""


def find_song_url(title: str, artist: str) -> str:
    """A search link built only from our own quoted text (never a user-supplied URL)."""
    return "https://www.youtube.com/results?search_query=" + quote_plus(f"{title} {artist}".strip())


def playable(item) -> tuple[str | None, str | None]:
    """The best way to play a song: a local file, else a Spotify id (from any catalog row)."""
    db = state.db()
    rows = db.execute(
        "SELECT file_path, spotify_id FROM tracks WHERE id = ? OR (title_key = ? AND artist_key = ?)"
        " ORDER BY file_path != '' DESC, spotify_id != '' DESC LIMIT 1",
        [item.track_id, normalise_title(item.title), normalise_artist(item.artist)],
    ).fetchall()
    if not rows:
        return None, None
    path, spotify_id = rows[0]
    return path or None, spotify_id if spotify_id and spotify.SPOTIFY_ID.fullmatch(spotify_id) else None


def _start(resident_id: int) -> None:
    values = st.session_state
    members = [resident_id, *values.get("start_others", [])]
    moods = {}
    for member in members:
        face = values.get(f"mood_before_{member}")
        moods[member] = face + 1 if face is not None else None
    try:
        session_id = sessions.start_session(
            state.db(),
            state.actor(),
            members,
            playlist_id=values.get("start_playlist"),
            purpose=values["start_purpose"],
            activity=values["start_activity"],
            audio=values["start_audio"],
            place=values["start_place"],
            goal_id=values.get("start_goal"),
            moods_before=moods,
        )
    except (ValidationError, NotFound) as exc:
        st.session_state["session_error"] = str(exc)
        return
    st.session_state["session_id"] = session_id


def _rate(play_id: int, key: str) -> None:
    sessions.record_rating(state.db(), state.actor(), play_id, st.session_state.get(key))


def _cues(play_id: int, positive_key: str, negative_key: str) -> None:
    chosen = list(st.session_state.get(positive_key) or []) + list(st.session_state.get(negative_key) or [])
    sessions.record_cues(state.db(), state.actor(), play_id, chosen)


def _note(play_id: int, key: str, as_memory: bool) -> None:
    note = st.session_state.get(key) or ""
    try:
        if as_memory:
            if not note.strip():
                raise ValidationError({"note": "is empty: write the memory first."})
            sessions.save_note_as_memory(state.db(), state.actor(), play_id, note)
            state.flash("Saved to the life story's memories.")
        else:
            sessions.save_note(state.db(), state.actor(), play_id, note)
            state.flash("Note saved.")
    except ReminisceError as exc:
        st.session_state["session_error"] = str(exc)


def _stop(play_id: int, resident_id: int) -> None:
    sessions.stop_and_red_flag(state.db(), state.actor(), play_id)
    st.session_state[f"stopped_{play_id}"] = resident_id


def _move(session_id: int, skipped: bool = False, back: bool = False) -> None:
    if back:
        sessions.go_back(state.db(), state.actor(), session_id)
    else:
        sessions.advance(state.db(), state.actor(), session_id, skipped=skipped)


def _finish(session: sessions.Session) -> None:
    values = st.session_state
    results = {}
    for member in session.member_ids:
        face = values.get(f"mood_after_{member}")
        results[member] = {
            **{item: values.get(f"midas_{item}_{member}") for item in cm.MIDAS_ITEMS},
            "mood_after": face + 1 if face is not None else None,
            "minutes_engaged": values.get(f"minutes_{member}"),
        }
    try:
        sessions.end_session(state.db(), state.actor(), session.id, results)
    except ReminisceError as exc:
        st.session_state["session_error"] = str(exc)
        return
    st.session_state.pop("session_id", None)
    state.flash("Session saved. Thank you.")
    st.session_state["go_to_insights"] = True


def soothing_song(resident_id: int) -> str | None:
    """The resident's known soothing song: their best-rated song, else the top calm suggestion."""
    works = insights.songs_that_work(insights.song_results(state.db(), state.actor(), resident_id))
    if works:
        return f"{works[0].title} ({works[0].artist})"
    calm = suggestions.suggest_for_resident(state.db(), state.actor(), resident_id, purpose="calm", limit=1)
    return f"{calm[0].track.title} ({calm[0].track.artist})" if calm else None


def start_screen(resident_id: int, profile) -> None:
    db = state.db()
    lists = playlists.for_resident(db, state.actor(), resident_id)
    if not lists or not any(p.items for p in lists):
        st.info("Make a playlist first: open Suggestions and tap Build a playlist.", icon=":material/queue_music:")
        return
    with_songs = [p for p in lists if p.items]
    names = {p.id: f"{p.name} ({len(p.items)} songs)" for p in with_songs}
    st.selectbox("Playlist", list(names), key="start_playlist", format_func=names.__getitem__)
    st.segmented_control("Purpose", cm.SESSION_PURPOSES, key="start_purpose", default="reminiscence", required=True)
    st.segmented_control("Activity", cm.ACTIVITIES, key="start_activity", default="listening", required=True)
    with st.container(horizontal=True):
        st.segmented_control("Sound", cm.AUDIO_SETTINGS, key="start_audio", default="speaker", required=True)
        st.segmented_control("Where", cm.PLACES, key="start_place", default="lounge", required=True)
    goal_options = {g.id: g.text for g in insights.goals(db, state.actor(), resident_id, active_only=True)}
    if goal_options:
        st.selectbox(
            "Goal (optional)",
            [None, *goal_options],
            key="start_goal",
            format_func=lambda g: "No particular goal" if g is None else goal_options[g],
        )
    others = {
        p.id: p.preferred_name or p.name for p in residents.list_residents(db, state.actor()) if p.id != resident_id
    }
    if others:
        st.multiselect(
            "Others joining (group session)",
            list(others),
            key="start_others",
            format_func=others.__getitem__,
            placeholder="Nobody else: one-to-one",
        )
    for member in [resident_id, *st.session_state.get("start_others", [])]:
        name = profile.called if member == resident_id else others[member]
        st.markdown(f"Mood before: **{escape_markdown(name)}**")
        st.feedback("faces", key=f"mood_before_{member}")
    st.caption(f"Check hearing aids; keep the volume below about {cm.VOLUME_CAP_PERCENT}%. {cm.MODEST_CLAIM}")
    st.button(
        "Start session",
        type="primary",
        icon=":material/play_arrow:",
        on_click=_start,
        args=(resident_id,),
        width="stretch",
    )


def song_screen(session: sessions.Session, songs: list, names: dict[int, str]) -> None:
    db = state.db()
    item = songs[session.position]
    st.progress((session.position + 1) / len(songs), text=f"Song {session.position + 1} of {len(songs)}")
    st.header(escape_markdown(item.title))
    st.subheader(escape_markdown(f"{item.artist}" + (f" ({item.year})" if item.year else "")))
    path, spotify_id = playable(item)
    if path:
        st.audio(path)
    elif spotify_id and spotify.is_configured(db):
        st.iframe(spotify.embed_url(spotify_id), height=152)
    else:
        st.link_button("Find this song", find_song_url(item.title, item.artist), icon=":material/search:")
    for member in session.member_ids:
        play = sessions.play_for(db, state.actor(), session.id, member, item, session.position)
        with st.container(border=True):
            if session.is_group:
                st.markdown(f"**{escape_markdown(names[member])}**")
            rating_key, positive_key, negative_key = f"rating_{play.id}", f"pos_{play.id}", f"neg_{play.id}"
            st.session_state.setdefault(rating_key, play.rating)
            st.session_state.setdefault(positive_key, [c for c in play.cues if c in cm.POSITIVE_CUES])
            st.session_state.setdefault(negative_key, [c for c in play.cues if c in cm.NEGATIVE_CUES])
            st.segmented_control(
                "Response (1 = no interest, 6 = a specific memory)",
                list(cm.RESPONSE_SCALE),
                key=rating_key,
                on_change=_rate,
                args=(play.id, rating_key),
                width="stretch",
            )
            if (rating := st.session_state.get(rating_key)) is not None:
                st.caption(f"{rating}: {cm.RESPONSE_SCALE[rating]}")
            st.pills(
                "Good signs",
                cm.POSITIVE_CUES,
                selection_mode="multi",
                key=positive_key,
                on_change=_cues,
                args=(play.id, positive_key, negative_key),
            )
            st.pills(
                "Signs of distress",
                cm.NEGATIVE_CUES,
                selection_mode="multi",
                key=negative_key,
                on_change=_cues,
                args=(play.id, positive_key, negative_key),
            )
            if st.session_state.get(f"stopped_{play.id}") or play.stopped:
                st.warning(
                    "Stopped. A red flag is proposed for staff to confirm (Insights or Handover).",
                    icon=":material/flag:",
                )
                if soothing := soothing_song(member):
                    st.info(escape_markdown(f"A song known to soothe: {soothing}."), icon=":material/favorite:")
            else:
                st.button(
                    "Stop & red-flag",
                    key=f"stop_{play.id}",
                    icon=":material/flag:",
                    type="primary",
                    on_click=_stop,
                    args=(play.id, member),
                )
            note_key = f"note_{play.id}"
            st.session_state.setdefault(note_key, play.note)
            st.text_area("Note", key=note_key, height=90, placeholder="What did they say or do?")
            with st.container(horizontal=True):
                st.button("Save note", key=f"save_note_{play.id}", on_click=_note, args=(play.id, note_key, False))
                st.button(
                    "Save as a memory",
                    key=f"memory_{play.id}",
                    icon=":material/auto_stories:",
                    on_click=_note,
                    args=(play.id, note_key, True),
                )
    with st.container(horizontal=True):
        st.button(
            "Previous",
            icon=":material/arrow_back:",
            disabled=session.position == 0,
            on_click=_move,
            args=(session.id,),
            kwargs={"back": True},
        )
        st.button("Skip", icon=":material/skip_next:", on_click=_move, args=(session.id,), kwargs={"skipped": True})
        st.button("Next", icon=":material/arrow_forward:", type="primary", on_click=_move, args=(session.id,))
    st.button(
        "End session now",
        icon=":material/stop_circle:",
        key="end_now",
        on_click=_jump_to_end,
        args=(session.id, len(songs) - session.position),
    )


def _jump_to_end(session_id: int, remaining: int) -> None:
    for _ in range(remaining):
        sessions.advance(state.db(), state.actor(), session_id)


def end_screen(session: sessions.Session, names: dict[int, str]) -> None:
    st.header("How did the session go?")
    st.caption(
        f"MiDAS: each from {cm.MIDAS_ANCHORS[0]} (0) to {cm.MIDAS_ANCHORS[1]} (100). Raters often differ: "
        "trends are shown per rater."
    )
    for member in session.member_ids:
        with st.container(border=True):
            if session.is_group:
                st.markdown(f"**{escape_markdown(names[member])}**")
            for item in cm.MIDAS_ITEMS:
                st.slider(
                    item.capitalize(),
                    0,
                    100,
                    key=f"midas_{item}_{member}",
                    value=50,
                    help=f"0 = {cm.MIDAS_ANCHORS[0]}, 100 = {cm.MIDAS_ANCHORS[1]}",
                )
            st.markdown("Mood after")
            st.feedback("faces", key=f"mood_after_{member}")
            st.number_input(
                "Minutes listened before losing interest",
                0,
                600,
                key=f"minutes_{member}",
                value=None,
                step=1,
                placeholder="e.g. 20",
            )
    st.caption(f"Recorded by {escape_markdown(session.recorded_by or _who())}")
    st.button(
        "Finish and save", type="primary", icon=":material/check:", on_click=_finish, args=(session,), width="stretch"
    )
    st.button(
        "Back to the songs", icon=":material/arrow_back:", on_click=_move, args=(session.id,), kwargs={"back": True}
    )


def main() -> None:
    if st.session_state.pop("go_to_insights", False):
        st.switch_page("reminisce/ui/insights.py", query_params={"id": st.session_state.get("resident_id")})
    profile = components.resident_page("session", lambda p: f"Listening with {p.called}")
    if profile is None:
        return
    resident_id, db = profile.id, state.db()
    if error := st.session_state.pop("session_error", None):
        st.error(escape_markdown(error))

    session_id = st.session_state.get("session_id")
    session = None
    if session_id is not None:
        try:
            session = sessions.get_session(db, state.actor(), session_id)
        except NotFound:
            session = None
        if session and (session.ended_at or resident_id not in session.member_ids):
            session = None
    if session is None:
        unfinished = sessions.open_sessions(db, state.actor(), resident_id)
        if unfinished:
            latest = unfinished[0]
            st.info(
                f"A session started at {latest.started_at[11:16]} UTC was not finished. Its taps are saved.",
                icon=":material/history:",
            )
            st.button(
                "Continue that session",
                type="primary",
                icon=":material/play_arrow:",
                on_click=st.session_state.__setitem__,
                args=("session_id", latest.id),
            )
            st.divider()
        start_screen(resident_id, profile)
        return
    songs = sessions.session_songs(db, state.actor(), session)
    people = {p.id: p.preferred_name or p.name for p in residents.list_residents(db, state.actor())}
    if session.position < len(songs):
        song_screen(session, songs, people)
    else:
        end_screen(session, people)


main()
