"""A resident's playlists: reorder, pin, remove, more like a song, rename, duplicate, archive."""

from __future__ import annotations

import streamlit as st

from reminisce import care_model, exports, playlists, suggestions
from reminisce.catalog import spotify
from reminisce.catalog.base import Track
from reminisce.engine.playlist import more_like
from reminisce.engine.scoring import song_key
from reminisce.errors import ReminisceError, ValidationError
from reminisce.text import count, escape_markdown
from reminisce.ui import components, state


def _do(action, *args, message: str | None = None) -> None:
    try:
        action(state.db(), state.actor(), *args)
    except ReminisceError as exc:
        st.session_state["playlist_error"] = str(exc)
        return
    if message:
        state.flash(message)


def _save_details(playlist_id: int) -> None:
    values = st.session_state
    try:
        playlists.update(
            state.db(),
            state.actor(),
            playlist_id,
            name=values["pl_name"],
            purpose=values["pl_purpose"],
            when_to_use=values.get("pl_when") or "",
        )
    except ValidationError as exc:
        components.set_errors("playlist_details", exc.errors)
        return
    components.set_errors("playlist_details", {})
    state.flash("Saved.")


def _send_to_spotify(playlist_id: int) -> None:
    try:
        _, sent, missing = spotify.send_playlist(state.db(), state.actor(), playlist_id)
    except ReminisceError as exc:
        st.session_state["playlist_error"] = str(exc)
        return
    note = f" Not on Spotify yet: {count(missing, 'song')}." if missing else ""
    state.flash(f"Sent {count(sent, 'song')} to the care home's Spotify account (a private playlist).{note}")


def _duplicate(playlist_id: int) -> None:
    st.session_state["open_playlist"] = playlists.duplicate(state.db(), state.actor(), playlist_id)
    state.flash("Made a copy. It is open now.")


def _add_similar(playlist_id: int, title: str, artist: str, year: int | None, track_id: int | None) -> None:
    track = Track(title, artist, year, "", id=track_id)
    playlists.add_song(state.db(), state.actor(), playlist_id, track, "Like a song that is already on the list")
    state.flash(f"Added {title}.")


def _song_row(playlist: playlists.Playlist, position: int, item: playlists.PlaylistItem) -> None:
    with st.container(border=True):
        pin = "📌 " if item.pinned else ""
        st.markdown(
            f"**{position + 1}. {pin}{escape_markdown(item.title)}**, {escape_markdown(item.artist)} "
            f"({item.year or '?'})"
        )
        if item.reasons:
            st.caption(escape_markdown(item.reasons))
        with st.container(horizontal=True):
            st.button(
                "Up",
                key=f"up_{item.id}",
                icon=":material/arrow_upward:",
                disabled=position == 0,
                on_click=_do,
                args=(playlists.move_song, playlist.id, item.id, -1),
            )
            st.button(
                "Down",
                key=f"down_{item.id}",
                icon=":material/arrow_downward:",
                disabled=position == len(playlist.items) - 1,
                on_click=_do,
                args=(playlists.move_song, playlist.id, item.id, 1),
            )
            st.button(
                "Unpin" if item.pinned else "Pin",
                key=f"pin_{item.id}",
                icon=":material/push_pin:",
                on_click=_do,
                args=(playlists.set_pinned, playlist.id, item.id, not item.pinned),
            )
            st.button(
                "More like this",
                key=f"like_{item.id}",
                icon=":material/library_add:",
                on_click=st.session_state.__setitem__,
                args=("more_like", item.id),
            )
            st.button(
                "Remove",
                key=f"remove_{item.id}",
                icon=":material/remove_circle:",
                on_click=_do,
                args=(playlists.remove_song, playlist.id, item.id),
                kwargs={"message": f"Removed {item.title}."},
            )


def _more_like(playlist: playlists.Playlist, item: playlists.PlaylistItem) -> None:
    longlist = suggestions.suggest_for_resident(
        state.db(), state.actor(), playlist.resident_id, purpose=playlist.purpose, limit=200
    )
    seed = next(
        (s.track for s in longlist if song_key(s.track.title, s.track.artist) == song_key(item.title, item.artist)),
        Track(item.title, item.artist, item.year, ""),
    )
    similar = more_like(seed, longlist, exclude=[song_key(i.title, i.artist) for i in playlist.items])
    with st.container(border=True):
        st.markdown(f"**More like {escape_markdown(item.title)}**")
        if not similar:
            st.info("Nothing similar left to add for this person. Try the Suggestions screen.")
        for index, suggestion in enumerate(similar):
            track = suggestion.track
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(f"{escape_markdown(track.title)}, {escape_markdown(track.artist)} ({track.year or '?'})")
                st.button(
                    "Add",
                    key=f"similar_{index}",
                    icon=":material/add:",
                    on_click=_add_similar,
                    args=(playlist.id, track.title, track.artist, track.year, track.id),
                )
        st.button("Close", key="close_more_like", on_click=st.session_state.pop, args=("more_like", None))


@st.dialog("Delete this playlist?")
def _confirm_delete(playlist: playlists.Playlist) -> None:
    st.write(
        f"{escape_markdown(playlist.name)} and its {len(playlist.items)} songs will be deleted. "
        "Archiving keeps it out of the way instead."
    )
    with st.container(horizontal=True):
        st.button("Delete", type="primary", key="playlist_delete_yes", on_click=_delete, args=(playlist.id,))
        st.button(
            "Cancel", key="playlist_delete_no", on_click=st.session_state.pop, args=("confirm_delete_playlist", None)
        )


def _delete(playlist_id: int) -> None:
    st.session_state.pop("confirm_delete_playlist", None)
    st.session_state.pop("open_playlist", None)
    _do(playlists.delete, playlist_id, message="Playlist deleted.")


def main() -> None:
    profile = components.resident_page("playlists", lambda p: f"Playlists for {p.called}")
    if profile is None:
        return
    resident_id, db = profile.id, state.db()
    if error := st.session_state.pop("playlist_error", None):
        st.error(escape_markdown(error))

    show_archived = st.toggle("Show archived playlists", key="show_archived")
    lists = playlists.for_resident(db, state.actor(), resident_id, archived=show_archived)
    if not lists:
        st.info(
            "No archived playlists."
            if show_archived
            else "No playlists yet. Open Suggestions and tap Build a playlist, or add songs one at a time.",
            icon=":material/queue_music:",
        )
        return
    ids = [p.id for p in lists]
    if st.session_state.get("open_playlist") not in ids:
        st.session_state["open_playlist"] = ids[0]
    by_id = {p.id: p for p in lists}
    st.pills("Playlist", ids, key="open_playlist", required=True, format_func=lambda i: by_id[i].name)
    playlist = by_id[st.session_state["open_playlist"]]

    st.subheader(escape_markdown(playlist.name))
    st.caption(
        escape_markdown(
            f"{playlists.PURPOSE_LABELS[playlist.purpose]} · {len(playlist.items)} songs, about {playlist.minutes:.0f} "
            f"minutes" + (f" · Use: {playlist.when_to_use}" if playlist.when_to_use else "")
        )
    )
    low, high = care_model.PLAYLIST_SONGS
    if playlist.items and not low <= len(playlist.items) <= high:
        st.caption(f"A playlist of {low}-{high} songs (30-45 minutes) suits most listening sessions.")
    if not playlist.items:
        st.info("This playlist is empty. Add songs from the Suggestions screen.")
    more_like_id = st.session_state.get("more_like")
    for position, item in enumerate(playlist.items):
        _song_row(playlist, position, item)
        if item.id == more_like_id:
            _more_like(playlist, item)

    with st.expander("Name, purpose and when to use it"):
        if st.session_state.get("_pl_loaded") != playlist.id:
            st.session_state.update(
                pl_name=playlist.name, pl_purpose=playlist.purpose, pl_when=playlist.when_to_use, _pl_loaded=playlist.id
            )
        errors = components.get_errors("playlist_details")
        with st.form("playlist_details"):
            st.text_input("Name", key="pl_name", max_chars=playlists.NAME_LIMIT)
            components.field_error(errors, "name", "Name")
            st.selectbox(
                "Purpose", care_model.PURPOSES, key="pl_purpose", format_func=lambda p: playlists.PURPOSE_LABELS[p]
            )
            st.text_input("When to use it", key="pl_when", placeholder="e.g. 4pm, before the usual restlessness")
            st.form_submit_button(
                "Save", type="primary", icon=":material/save:", on_click=_save_details, args=(playlist.id,)
            )
    with st.container(horizontal=True):
        st.download_button(
            "Export M3U",
            state.deferred(exports.playlist_m3u, playlist.id),
            file_name=f"playlist-{playlist.id}.m3u",
            mime="audio/x-mpegurl",
            icon=":material/download:",
        )
        st.download_button(
            "Export CSV",
            state.deferred(exports.playlist_csv, playlist.id),
            file_name=f"playlist-{playlist.id}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
        if spotify.is_connected(db):
            st.button("Send to Spotify", icon=":material/cloud_upload:", on_click=_send_to_spotify, args=(playlist.id,))
        st.button("Duplicate", icon=":material/content_copy:", on_click=_duplicate, args=(playlist.id,))
        st.button(
            "Restore" if playlist.archived else "Archive",
            icon=":material/archive:",
            on_click=_do,
            args=(playlists.set_archived, playlist.id, not playlist.archived),
            kwargs={"message": "Restored." if playlist.archived else "Archived."},
        )
        st.button(
            "Delete",
            icon=":material/delete:",
            key="playlist_delete",
            on_click=st.session_state.__setitem__,
            args=("confirm_delete_playlist", playlist.id),
        )
    if st.session_state.get("confirm_delete_playlist") == playlist.id:
        _confirm_delete(playlist)


main()
