"""Sign in on a shared tablet, or join with a family invitation code. One message for
every refusal, so it reveals nothing about which accounts or codes exist."""

import streamlit as st

from reminisce import accounts, people
from reminisce.errors import ValidationError
from reminisce.text import escape_markdown
from reminisce.ui import components, state


def _sign_in() -> None:
    try:
        user = accounts.sign_in(state.db(), st.session_state["sign_in_username"], st.session_state["sign_in_password"])
    except accounts.SignInRefused:
        st.session_state["sign_in_failed"] = True
        return
    st.session_state.pop("sign_in_failed", None)
    state.sign_in_as(user)


def _join() -> None:
    values = st.session_state
    if (values.get("join_password") or "") != (values.get("join_password_again") or ""):
        components.set_errors("join", {"password_again": "does not match the password."})
        return
    try:
        user = people.accept_invitation(
            state.db(),
            values.get("join_code") or "",
            values.get("join_username") or "",
            values.get("join_password") or "",
            values.get("join_name") or "",
        )
    except people.InvitationRefused:
        components.set_errors("join", {"code": "is not valid: it may have expired or been used. Ask the care home."})
        return
    except ValidationError as exc:
        components.set_errors("join", exc.errors)
        return
    components.set_errors("join", {})
    state.sign_in_as(user)


st.title(escape_markdown(accounts.care_home_name(state.db())))
state.show_flashes()
joining = st.toggle("I have an invitation code", key="joining")
if not joining:
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
else:
    st.subheader("Join as a family member")
    errors = components.get_errors("join")
    with st.form("join"):
        st.text_input("Invitation code", key="join_code", placeholder="ABCD-EFGH-JKLM")
        components.field_error(errors, "code", "The code")
        st.text_input("Your name", key="join_name", placeholder="e.g. Siobhan (daughter)")
        st.text_input("Choose a username", key="join_username", autocomplete="username")
        components.field_error(errors, "username", "The username")
        st.text_input(
            "Choose a password",
            type="password",
            key="join_password",
            autocomplete="new-password",
            help=f"At least {accounts.MIN_PASSWORD_LENGTH} characters.",
        )
        components.field_error(errors, "password", "The password")
        st.text_input("Password again", type="password", key="join_password_again", autocomplete="new-password")
        components.field_error(errors, "password_again", "The password")
        st.form_submit_button("Join", type="primary", on_click=_join, width="stretch")
