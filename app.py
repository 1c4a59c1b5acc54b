"""Reminisce: the Streamlit entry point. Page setup, sign-in gate, navigation by role."""

import streamlit as st

from reminisce import accounts
from reminisce.ui import state

st.set_page_config(page_title="Reminisce", page_icon="🎵", layout="wide")

db = state.db()
state.enforce_idle_timeout()
user = state.current_user()

if accounts.needs_setup(db):
    pages = [st.Page("reminisce/ui/setup.py", title="Set up", icon="🏠", default=True)]
elif user is None:
    pages = [st.Page("reminisce/ui/sign_in.py", title="Sign in", icon="🔑", default=True)]
else:
    pages = {
        "Residents": [
            st.Page("reminisce/ui/residents.py", title="Residents", icon="👥", default=True),
            st.Page("reminisce/ui/add_resident.py", title="Add resident", icon="➕"),
            st.Page("reminisce/ui/resident.py", title="Life story", icon="📖", url_path="life-story",
                    visibility="hidden"),
        ],
        "Account": [st.Page("reminisce/ui/sign_out.py", title="Sign out", icon="🚪")],
    }

st.navigation(pages, position="top").run()
