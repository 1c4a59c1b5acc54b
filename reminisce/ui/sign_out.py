"""Sign out, so the next person on a shared tablet starts fresh."""

import streamlit as st

from reminisce.ui import state

state.sign_out("You are signed out.")
st.rerun()
