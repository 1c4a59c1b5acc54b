"""The family portal: for a relative at home, on a phone. Share a memory, suggest a
song you remember, say which songs to avoid; see the playlist and how music is going."""

import streamlit as st

from reminisce import contributions, insights, playlists, residents
from reminisce.catalog import search
from reminisce.errors import ReminisceError, ValidationError
from reminisce.text import escape_markdown
from reminisce.ui import components, state

STATUS = {"pending": "waiting for staff", "approved": "added by staff", "declined": "not used"}


def _share(resident_id: int, kind: str, fields: dict, keys: list[str], message: str) -> None:
    try:
        contributions.add(state.db(), state.actor(), resident_id, kind, fields)
    except ValidationError as exc:
        components.set_errors(f"family_{kind}", exc.errors)
        return
    except ReminisceError as exc:
        components.set_errors(f"family_{kind}", {"": str(exc)})
        return
    components.set_errors(f"family_{kind}", {})
    for key in keys:
        st.session_state[key] = None if key.endswith("year") else ""
    state.flash(message)


def _memory(resident_id: int) -> None:
    values = st.session_state
    _share(
        resident_id,
        "memory",
        {
            "text": values.get("fam_memory_text"),
            "year": values.get("fam_memory_year"),
            "place": values.get("fam_memory_place"),
            "photo": values["fam_memory_photo"].getvalue() if values.get("fam_memory_photo") else None,
        },
        ["fam_memory_text", "fam_memory_year", "fam_memory_place"],
        "Thank you. Staff will add your memory to the life story.",
    )


def _song(resident_id: int, title: str, artist: str, track_id: int | None) -> None:
    _share(
        resident_id,
        "song",
        {"title": title, "artist": artist, "text": st.session_state.get("fam_song_story"), "track_id": track_id},
        ["fam_song_text", "fam_song_story"],
        f"Thank you. Staff will look at {title}.",
    )


def _avoid(resident_id: int) -> None:
    values = st.session_state
    _share(
        resident_id,
        "red_flag",
        {
            "title": values.get("fam_avoid_title"),
            "artist": values.get("fam_avoid_artist"),
            "text": values.get("fam_avoid_reason"),
        },
        ["fam_avoid_title", "fam_avoid_artist", "fam_avoid_reason"],
        "Thank you. That song will not be played from now on; staff will review it.",
    )


db = state.db()
me = state.actor()
relatives = residents.list_residents(db, me)
if not relatives:
    st.title("Welcome")
    st.info("Your account is not linked to a resident yet. Please ask the care home.", icon=":material/info:")
    st.stop()
names = {p.id: p.preferred_name or p.name for p in relatives}
if (asked := st.query_params.get("id")) is not None:
    # Someone typed a resident's id into the address: the data layer decides (and audits).
    try:
        asked_id = int(asked)
        residents.get_resident(db, me, asked_id)
        st.session_state["family_resident"] = asked_id
    except (ValueError, ReminisceError) as exc:
        st.error(escape_markdown(str(exc) if isinstance(exc, ReminisceError) else "That address is not valid."))
        st.stop()
if len(relatives) > 1:
    resident_id = st.segmented_control(
        "Who", list(names), key="family_resident", format_func=names.__getitem__, default=relatives[0].id, required=True
    )
else:
    resident_id = relatives[0].id
st.title(escape_markdown(names[resident_id]))
state.show_flashes()
st.info(escape_markdown(insights.family_summary(db, me, resident_id)), icon=":material/favorite:")

st.header("Share a memory")
errors = components.get_errors("family_memory")
with st.form("family_memory", clear_on_submit=True):
    st.text_area(
        "Your memory",
        key="fam_memory_text",
        height=150,
        placeholder="e.g. Mum and Dad danced to this at their wedding in 1962",
    )
    components.field_error(errors, "text", "The memory")
    st.number_input("Year (if you know it)", key="fam_memory_year", value=None, step=1, format="%d")
    components.field_error(errors, "year", "The year")
    st.text_input("Place (if you know it)", key="fam_memory_place")
    st.file_uploader("A photo (optional)", type=["jpg", "jpeg", "png", "webp", "gif"], key="fam_memory_photo")
    components.field_error(errors, "photo", "The photo")
    components.other_errors(errors, ("text", "year"))
    st.form_submit_button("Share this memory", type="primary", on_click=_memory, args=(resident_id,), width="stretch")

st.header("Suggest a song")
st.caption("Type what you remember: a title, a singer, or a line. We will look for it.")
remembered = st.text_input(
    "What do you remember of the song?", key="fam_song_text", placeholder="e.g. the one about white cliffs"
)
st.text_input("Why it matters (optional)", key="fam_song_story")
components.other_errors(components.get_errors("family_song"), ())
if remembered and remembered.strip():
    hits = search.search(db, remembered, limit=5)
    for index, hit in enumerate(hits):
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            st.markdown(
                f"**{escape_markdown(hit.track.title)}**, {escape_markdown(hit.track.artist)} ({hit.track.year or '?'})"
            )
            st.button(
                "This one",
                key=f"fam_pick_{index}",
                on_click=_song,
                args=(resident_id, hit.track.title, hit.track.artist, hit.track.id),
            )
    st.button(
        "None of these: send what I typed",
        key="fam_free_text",
        on_click=_song,
        args=(resident_id, remembered.strip(), "", None),
    )

st.header("A song to avoid")
st.caption("If a song might upset them, tell us. It will not be played from now on.")
errors = components.get_errors("family_red_flag")
with st.form("family_avoid"):
    st.text_input("Song title", key="fam_avoid_title")
    components.field_error(errors, "title", "The song title")
    st.text_input("Singer (if you know)", key="fam_avoid_artist")
    st.text_area("Why should we avoid it?", key="fam_avoid_reason", height=100)
    st.form_submit_button("Tell the staff", type="primary", on_click=_avoid, args=(resident_id,), width="stretch")

st.header("Their playlists")
lists = playlists.for_resident(db, me, resident_id)
if not lists:
    st.caption("Staff have not made a playlist yet.")
for playlist in lists:
    with st.expander(escape_markdown(playlist.name)):
        for item in playlist.items:
            st.markdown(escape_markdown(f"{item.title}, {item.artist}"))

shared = contributions.for_resident(db, me, resident_id)
if shared:
    st.header("What you have shared")
    for item in shared:
        label = item.title or item.text[:80]
        st.markdown(
            f"{escape_markdown(contributions.KIND_LABELS[item.kind])}: {escape_markdown(label)} "
            f"· _{STATUS[item.status]}_"
        )
