"""Reminisce: the Streamlit entry point. Page setup, sign-in gate, navigation by role."""

import streamlit as st

from reminisce import accounts
from reminisce.ui import state

st.set_page_config(page_title="Reminisce", page_icon="🎵", layout="wide")

db = state.db()
state.enforce_idle_timeout()
user = state.current_user()

if accounts.needs_setup(db):
    pages = [st.Page("reminisce/ui/setup.py", title="Set up", icon=":material/home:", default=True)]
elif user is None:
    pages = [st.Page("reminisce/ui/sign_in.py", title="Sign in", icon=":material/login:", default=True)]
else:
    pages = [
        st.Page("reminisce/ui/residents.py", title="Residents", icon=":material/groups:", default=True),
        st.Page("reminisce/ui/add_resident.py", title="Add resident", icon=":material/person_add:"),
        st.Page(
            "reminisce/ui/resident.py",
            title="Life story",
            icon=":material/menu_book:",
            url_path="life-story",
            visibility="hidden",
        ),
        st.Page(
            "reminisce/ui/suggestions.py",
            title="Suggestions",
            icon=":material/auto_awesome:",
            url_path="suggestions",
            visibility="hidden",
        ),
        st.Page(
            "reminisce/ui/playlists.py",
            title="Playlists",
            icon=":material/queue_music:",
            url_path="playlists",
            visibility="hidden",
        ),
        st.Page(
            "reminisce/ui/session.py",
            title="Listen",
            icon=":material/headphones:",
            url_path="session",
            visibility="hidden",
        ),
        st.Page(
            "reminisce/ui/insights.py",
            title="Insights",
            icon=":material/insights:",
            url_path="insights",
            visibility="hidden",
        ),
        st.Page("reminisce/ui/handover.py", title="Handover", icon=":material/swap_horiz:"),
        st.Page("reminisce/ui/group.py", title="Group session", icon=":material/diversity_3:"),
        st.Page("reminisce/ui/overview.py", title="Overview", icon=":material/dashboard:"),
        st.Page("reminisce/ui/catalog.py", title="Songs", icon=":material/library_music:"),
    ]
    if user.role == "admin":
        pages.append(st.Page("reminisce/ui/catalog_admin.py", title="Music sources", icon=":material/settings:"))
    pages.append(st.Page("reminisce/ui/sign_out.py", title="Sign out", icon=":material/logout:"))


@st.fragment(run_every="60s")
def _sign_out_when_idle() -> None:
    """A tablet left on one screen still signs out: this ticks without counting as activity."""
    if state.current_user() and state.idle_expired():
        st.rerun(scope="app")


_sign_out_when_idle()
st.navigation(pages, position="top").run()
