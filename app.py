"""Reminisce: the Streamlit entry point. Page setup, sign-in gate, navigation by role.

The menu only offers what a role needs; the access rules themselves are enforced
in the data layer (reminisce/people.py), whatever page or URL is used.
"""

import streamlit as st

from reminisce import accounts
from reminisce.ui import state

st.set_page_config(page_title="Reminisce", page_icon="🎵", layout="wide")
# Our own constant CSS (never user text): less empty space above the title on a tablet.
st.html("<style>[data-testid='stMainBlockContainer'] { padding-top: 3rem; }</style>")


def page(name: str, title: str, icon: str, *, hidden: bool = False, default: bool = False) -> st.Page:
    return st.Page(
        f"reminisce/ui/{name}.py",
        title=title,
        icon=f":material/{icon}:",
        default=default,
        url_path=name,
        visibility="hidden" if hidden else "visible",
    )


db = state.db()
state.enforce_idle_timeout()
user = state.current_user()

if accounts.needs_setup(db):
    pages = [page("setup", "Set up", "home", default=True)]
elif user is None:
    pages = [page("sign_in", "Sign in", "login", default=True)]
elif user.role == "family":
    pages = [page("family", "My relative", "favorite", default=True), page("sign_out", "Sign out", "logout")]
else:
    pages = {
        "Residents": [
            page("residents", "Residents", "groups", default=True),
            page("add_resident", "Add resident", "person_add"),
            page("resident", "Life story", "menu_book", hidden=True),
            page("suggestions", "Suggestions", "auto_awesome", hidden=True),
            page("playlists", "Playlists", "queue_music", hidden=True),
            page("session", "Listen", "headphones", hidden=True),
            page("insights", "Insights", "insights", hidden=True),
        ],
        "Care": [
            page("handover", "Handover", "swap_horiz"),
            page("contributions", "From families", "family_restroom"),
            page("group", "Group session", "diversity_3"),
            page("overview", "Overview", "dashboard"),
        ],
        "Music": [page("catalog", "Songs", "library_music")],
        "Account": [page("sign_out", "Sign out", "logout")],
    }
    if user.role == "admin":
        pages["Music"].append(page("catalog_admin", "Music sources", "settings"))
        pages["Account"].insert(0, page("admin", "People and data", "shield_person"))


@st.fragment(run_every="60s")
def _sign_out_when_idle() -> None:
    """A tablet left on one screen still signs out: this ticks without counting as activity."""
    if state.current_user() and state.idle_expired():
        st.rerun(scope="app")


_sign_out_when_idle()
st.navigation(pages, position="top").run()
