"""Music sources (admins): what is loaded, upload a home's own CSV, add a music folder."""

import streamlit as st

from reminisce import accounts, config
from reminisce.catalog import csv_import, local_folder, spotify, store
from reminisce.errors import ReminisceError
from reminisce.text import escape_markdown
from reminisce.ui import state


def _import() -> None:
    upload = st.session_state.get("import_file")
    name = st.session_state.get("import_name") or ""
    if upload is None:
        st.session_state["import_result"] = ("error", "Choose a CSV file first.")
        return
    try:
        report = csv_import.import_stream(state.db(), upload, name, description=f"Uploaded {upload.name}")
    except ReminisceError as exc:
        st.session_state["import_result"] = ("error", str(exc))
        return
    st.session_state["import_result"] = ("success", f"Imported {report.imported:,} songs as '{report.name}'.")


def _scan() -> None:
    try:
        report = local_folder.scan_folder(
            state.db(), st.session_state.get("scan_folder") or "", st.session_state.get("scan_name") or None
        )
    except ReminisceError as exc:
        st.session_state["scan_result"] = ("error", str(exc), [])
        return
    st.session_state["scan_result"] = ("success", f"Added {report.added} songs as '{report.name}'.", report.problems)


def _remove(name: str) -> None:
    st.session_state.pop("confirm_remove_source", None)
    try:
        count = csv_import.delete_source(state.db(), name)
    except ReminisceError as exc:
        st.session_state["import_result"] = ("error", str(exc))
        return
    state.flash(f"Removed '{name}' and its {count:,} songs.")


def _show(result) -> None:
    kind, message = result[0], result[1]
    (st.success if kind == "success" else st.error)(escape_markdown(message))


st.title("Music sources")
state.show_flashes()
db = state.db()
for source in store.stored_sources(db):
    status = source.status()
    with st.container(border=True, horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{escape_markdown(source.name)}** ({source.kind}) · {status.tracks:,} songs")
        if source.kind != "bundled":
            st.button(
                "Remove",
                key=f"remove_{source.name}",
                icon=":material/delete:",
                on_click=st.session_state.__setitem__,
                args=("confirm_remove_source", source.name),
            )
    if st.session_state.get("confirm_remove_source") == source.name:
        st.warning(f"Remove {escape_markdown(source.name)} and all its songs from the catalog?")
        with st.container(horizontal=True):
            st.button("Yes, remove", key="remove_yes", type="primary", on_click=_remove, args=(source.name,))
            st.button("Keep it", key="remove_no", on_click=st.session_state.pop, args=("confirm_remove_source", None))

st.header("Import your own catalog")
st.write(
    "A CSV file (UTF-8) with the columns **title, artist, year**, and optionally regions, language, genre, "
    "kind, tempo, bpm, mood and themes. If any row has a problem, nothing is imported and every problem is "
    "listed by line number."
)
with st.form("import_csv"):
    st.file_uploader("CSV file", type=["csv"], key="import_file")
    st.text_input("Name for this catalog", key="import_name", placeholder="e.g. Rose House records")
    st.form_submit_button("Import", type="primary", icon=":material/upload:", on_click=_import)
if result := st.session_state.pop("import_result", None):
    _show(result)

st.header("Add a music folder")
st.write("Music files (MP3, M4A, FLAC, OGG...) on this computer. Songs can then be played in the app.")
with st.form("scan_folder"):
    st.text_input("Folder", key="scan_folder", placeholder="e.g. /srv/music")
    st.text_input("Name (optional)", key="scan_name")
    st.form_submit_button("Scan folder", icon=":material/folder_open:", on_click=_scan)
if result := st.session_state.pop("scan_result", None):
    _show(result)
    for problem in result[2]:
        st.text(problem)


def _save_spotify() -> None:
    try:
        spotify.save_credentials(
            state.db(),
            state.actor(),
            st.session_state.get("spotify_client_id") or "",
            st.session_state.get("spotify_client_secret") or "",
        )
    except ReminisceError as exc:
        st.session_state["spotify_result"] = ("error", str(exc))
        return
    st.session_state["spotify_client_secret"] = ""
    st.session_state["spotify_result"] = ("success", "Saved. Spotify can now be searched.")


def _authorise() -> None:
    try:
        st.session_state["spotify_authorize_url"] = spotify.authorize_url(state.db(), state.actor())
    except ReminisceError as exc:
        st.session_state["spotify_result"] = ("error", str(exc))


def _connect() -> None:
    try:
        spotify.connect(state.db(), state.actor(), st.session_state.get("spotify_pasted") or "")
    except ReminisceError as exc:
        st.session_state["spotify_result"] = ("error", str(exc))
        return
    st.session_state.pop("spotify_authorize_url", None)
    st.session_state["spotify_result"] = ("success", "The care home's Spotify account is connected.")


st.header("Spotify")
st.write(escape_markdown(spotify.status_message(db)))
st.caption(
    "Optional. Spotify's development mode allows search (10 results a page) and playlist export for up to five "
    "users, and needs the app owner to have Premium; suggestions always work from the catalog without it."
)
if not config.spotify_credentials()[0]:
    with st.form("spotify_credentials"):
        st.text_input("Client id", key="spotify_client_id", value=accounts.get_setting(db, "spotify_client_id"))
        st.text_input("Client secret", key="spotify_client_secret", type="password")
        st.form_submit_button("Save", on_click=_save_spotify)
if spotify.is_configured(db):
    st.markdown(
        "**Export playlists to the care home's account**: "
        + ("connected." if spotify.is_connected(db) else "not connected.")
    )
    st.button("Connect the care home's Spotify account", icon=":material/link:", on_click=_authorise)
    if url := st.session_state.get("spotify_authorize_url"):
        st.write(
            "1. Open this address, sign in with the care home's Spotify account and approve. "
            "2. The browser then shows an address starting http://127.0.0.1: copy all of it and paste it below."
        )
        st.code(url, language=None)
        with st.form("spotify_connect"):
            st.text_input("The address after approving", key="spotify_pasted")
            st.form_submit_button("Connect", type="primary", on_click=_connect)
if result := st.session_state.pop("spotify_result", None):
    _show(result)
