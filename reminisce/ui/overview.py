"""Home overview for the activity coordinator: sessions this week, who has no playlist
or no recent session, and the songs that work across the home."""

import pandas as pd
import streamlit as st

from reminisce import insights
from reminisce.text import escape_markdown
from reminisce.ui import state

st.title("Home overview")
overview = insights.home_overview(state.db(), state.actor())
if not overview.sessions_this_week:
    st.info("No residents yet.", icon=":material/info:")
    st.stop()
st.header("Sessions in the last 7 days")
st.dataframe(
    pd.DataFrame(sorted(overview.sessions_this_week.items(), key=lambda kv: kv[1]), columns=["Resident", "Sessions"]),
    hide_index=True,
)
with st.container(horizontal=True):
    with st.container(border=True):
        st.markdown("**No playlist yet**")
        st.markdown(escape_markdown(", ".join(overview.without_playlist)) or "Everyone has one.")
    with st.container(border=True):
        st.markdown("**No session in 7 days**")
        st.markdown(escape_markdown(", ".join(overview.without_recent_session)) or "Everyone has listened.")
st.header("Songs that work across the home")
if overview.songs_that_work:
    st.dataframe(
        pd.DataFrame(overview.songs_that_work, columns=["Song", "Artist", "Average (1-6)", "Residents"]),
        hide_index=True,
    )
else:
    st.caption("Songs rated 4 or more on average appear here.")
