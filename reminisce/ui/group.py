"""Group sessions: songs for several residents at once, with whose youth each fits.
Every member's red flags and avoided themes are left out."""

import streamlit as st

from reminisce import care_model, playlists, residents, suggestions
from reminisce.text import escape_markdown
from reminisce.ui import state

st.title("Group session")
st.caption(care_model.MODEST_CLAIM)
db = state.db()
people = residents.list_residents(db, state.actor())
if len(people) < 2:
    st.info("Add at least two residents to plan a group session.", icon=":material/groups:")
    st.stop()
names = {p.id: p.preferred_name or p.name for p in people}
chosen = st.multiselect(
    "Who is joining?", list(names), key="group_members", format_func=lambda i: names[i], placeholder="Choose residents"
)
purpose = st.segmented_control(
    "What is the music for?",
    care_model.PURPOSES,
    key="group_purpose",
    required=True,
    default="reminisce",
    format_func=lambda p: playlists.PURPOSE_LABELS[p].split(" (")[0],
)
if len(chosen) < 2:
    st.info("Choose two or more residents. Songs that fit everyone's youth come first.", icon=":material/info:")
    st.stop()
found = suggestions.suggest_for_group(db, state.actor(), chosen, purpose=purpose, limit=30)
if not found:
    st.info("No songs fit this group yet: check their birth years and places on their life stories.")
st.caption("Each member's red-flag songs and themes to avoid are left out.")
for item in found:
    track = item.track
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(track.title)}**, {escape_markdown(track.artist)} ({track.year})")
        st.caption(escape_markdown(" · ".join(item.reasons)))
