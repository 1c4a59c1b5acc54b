"""Suggestions for one resident: a longlist with reasons, filters, add to a playlist,
and "Build a playlist" for a purpose."""

from __future__ import annotations

import streamlit as st

from reminisce import care_model, playlists, suggestions
from reminisce.catalog import spotify, store
from reminisce.engine.scoring import Suggestion
from reminisce.text import escape_markdown
from reminisce.ui import components, state

NEW_PLAYLIST = -1
PAGE_SIZE = 30


def _build(resident_id: int, purpose: str) -> None:
    db = state.db()
    built = suggestions.build_for_resident(db, state.actor(), resident_id, purpose)
    if not built:
        st.session_state["suggestions_message"] = "There are no songs to build a playlist from yet."
        return
    playlist_id = playlists.create(
        db, state.actor(), resident_id, playlists.default_name(purpose), purpose, songs=built
    )
    st.session_state["open_playlist"] = playlist_id
    state.flash(f"Built a {purpose} playlist of {len(built)} songs. Remove, pin or reorder songs below.")
    st.session_state["go_to_playlists"] = resident_id


def _add(resident_id: int, suggestion: Suggestion, purpose: str) -> None:
    db = state.db()
    target = st.session_state.get("add_to_playlist", NEW_PLAYLIST)
    if target in (None, NEW_PLAYLIST):
        target = playlists.create(db, state.actor(), resident_id, playlists.default_name(purpose), purpose)
        st.session_state["add_to_playlist"] = target
    added = playlists.add_song(db, state.actor(), target, suggestion.track, "; ".join(suggestion.reasons))
    name = playlists.get(db, state.actor(), target).name
    state.flash(
        f"Added {suggestion.track.title} to {name}." if added else f"{suggestion.track.title} is already on {name}."
    )


def _show_more() -> None:
    st.session_state["suggestions_limit"] = st.session_state.get("suggestions_limit", PAGE_SIZE) + PAGE_SIZE


def main() -> None:
    if (resident_id := st.session_state.pop("go_to_playlists", None)) is not None:
        st.switch_page("reminisce/ui/playlists.py", query_params={"id": resident_id})
    profile = components.resident_page("suggestions", lambda p: f"Suggestions for {p.called}")
    if profile is None:
        return
    resident_id, db = profile.id, state.db()
    st.caption(care_model.MODEST_CLAIM)

    purpose = st.segmented_control(
        "What is the music for?",
        care_model.PURPOSES,
        key="suggestions_purpose",
        required=True,
        default="reminisce",
        format_func=lambda p: playlists.PURPOSE_LABELS[p].split(" (")[0],
    )
    sources = [s.name for s in store.stored_sources(db)]
    if spotify.is_configured(db) and spotify.SOURCE_NAME not in sources:
        sources.append(spotify.SOURCE_NAME)
    with st.container(horizontal=True):
        decade = st.selectbox(
            "Decade",
            [None, *range(1920, 2000, 10)],
            key="suggestions_decade",
            format_func=lambda d: "Any decade" if d is None else f"{d}s",
        )
        source = st.selectbox(
            "Source",
            [None, *sources],
            key="suggestions_source",
            format_func=lambda s: "All sources" if s is None else s,
        )
    st.button(
        "Build a playlist", icon=":material/playlist_add:", type="primary", on_click=_build, args=(resident_id, purpose)
    )
    if message := st.session_state.pop("suggestions_message", None):
        st.info(message)

    limit = st.session_state.get("suggestions_limit", PAGE_SIZE)
    found, notices = suggestions.suggest_for_resident_with_notices(
        db,
        state.actor(),
        resident_id,
        purpose=purpose,
        limit=limit if decade is None else 300,
        sources=(source,) if source else (),
    )
    for notice in notices:
        st.info(escape_markdown(notice), icon=":material/cloud_off:")
    if decade is not None:
        found = [s for s in found if s.track.year and decade <= s.track.year <= decade + 9][:limit]
    if not found:
        st.info(
            "No suggestions yet. Add a birth year and the places they lived on the Life story screen; "
            "if this persists, an administrator can check the catalog (Music sources).",
            icon=":material/info:",
        )
        return

    active = playlists.for_resident(db, state.actor(), resident_id)
    options = [NEW_PLAYLIST, *[p.id for p in active]]
    names = {p.id: p.name for p in active}
    if st.session_state.get("add_to_playlist") not in options:
        st.session_state["add_to_playlist"] = options[1] if len(options) > 1 else NEW_PLAYLIST
    st.selectbox(
        "Add songs to",
        options,
        key="add_to_playlist",
        format_func=lambda i: "A new playlist" if i == NEW_PLAYLIST else names[i],
    )

    for index, suggestion in enumerate(found):
        track = suggestion.track
        with st.container(border=True):
            with st.container(horizontal=True, vertical_alignment="center"):
                heading = f"**{escape_markdown(track.title)}**, {escape_markdown(track.artist)} ({track.year or '?'})"
                st.markdown(heading)
                st.button(
                    "Add",
                    key=f"add_{index}",
                    icon=":material/add:",
                    on_click=_add,
                    args=(resident_id, suggestion, purpose),
                )
            st.caption(escape_markdown(" · ".join(suggestion.reasons)))
            for warning in suggestion.warnings:
                st.warning(escape_markdown(warning), icon=":material/warning:")
    if len(found) >= limit:
        st.button("Show more", icon=":material/expand_more:", on_click=_show_more)


main()
