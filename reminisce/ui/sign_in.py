"""Sign in on a shared tablet. One message for every refusal, so it reveals nothing."""

import streamlit as st

from reminisce import accounts
from reminisce.text import escape_markdown
from reminisce.ui import state


def _sign_in() -> None:
    try:
        user = accounts.sign_in(state.db(), st.session_state["sign_in_username"], st.session_state["sign_in_password"])
    except accounts.SignInRefused:
        st.session_state["sign_in_failed"] = True
        return
    st.session_state.pop("sign_in_failed", None)
    state.sign_in_as(user)


st.title(escape_markdown(accounts.care_home_name(state.db())))
state.show_flashes()
st.subheader("Sign in")
with st.form("sign_in", clear_on_submit=True):
    st.text_input("Username", key="sign_in_username", autocomplete="username")
    st.text_input("Password", type="password", key="sign_in_password", autocomplete="current-password")
    st.form_submit_button("Sign in", type="primary", on_click=_sign_in, width="stretch")
if st.session_state.get("sign_in_failed"):
    st.error(
        f"Wrong username or password. After {accounts.MAX_FAILED_ATTEMPTS} failed tries an account "
        "is locked for 15 minutes; an administrator can help."
    )
