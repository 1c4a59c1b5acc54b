"""First run: name the care home and create the first administrator."""

import streamlit as st

from reminisce import accounts
from reminisce.errors import ValidationError
from reminisce.ui import components, state


def _set_up() -> None:
    values = st.session_state
    if values["setup_password"] != values["setup_password_again"]:
        components.set_errors("setup", {"password_again": "does not match the password."})
        return
    try:
        user = accounts.set_up_care_home(
            state.db(),
            values["setup_home_name"],
            values["setup_username"],
            values["setup_password"],
            values["setup_display_name"],
        )
    except ValidationError as exc:
        components.set_errors("setup", exc.errors)
        return
    components.set_errors("setup", {})
    state.sign_in_as(user)
    state.flash("Welcome! Reminisce is set up. Add your first resident to begin.")


st.title("Welcome to Reminisce")
st.write(
    "Reminisce helps care staff find the music of a resident's youth and keep track of what "
    "brings comfort and joy. First, tell us the name of your care home and create the "
    "administrator account. You can add staff and family accounts later."
)
errors = components.get_errors("setup")
with st.form("setup"):
    st.text_input("Care home name", key="setup_home_name", max_chars=accounts.HOME_NAME_LIMIT)
    components.field_error(errors, "home_name")
    st.text_input("Your name (shown to colleagues)", key="setup_display_name")
    st.text_input("Administrator username", key="setup_username", autocomplete="username")
    components.field_error(errors, "username")
    st.text_input(
        "Password",
        type="password",
        key="setup_password",
        autocomplete="new-password",
        help=f"At least {accounts.MIN_PASSWORD_LENGTH} characters. It is stored only as a secure hash.",
    )
    components.field_error(errors, "password")
    st.text_input("Password again", type="password", key="setup_password_again", autocomplete="new-password")
    components.field_error(errors, "password_again")
    components.field_error(errors, "setup")
    st.form_submit_button("Set up Reminisce", type="primary", on_click=_set_up, width="stretch")
