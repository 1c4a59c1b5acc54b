"""People and data (admins): accounts, the audit log, backups."""

import pandas as pd
import streamlit as st

from reminisce import accounts, backup, config, people, residents
from reminisce.errors import ReminisceError, ValidationError
from reminisce.text import escape_markdown
from reminisce.ui import components, state


def _add_user() -> None:
    values = st.session_state
    try:
        people.add_user(
            state.db(),
            state.actor(),
            values.get("new_username") or "",
            values.get("new_password") or "",
            values.get("new_role") or "",
            values.get("new_display") or "",
            tuple(values.get("new_residents") or ()),
        )
    except ValidationError as exc:
        components.set_errors("add_user", exc.errors)
        return
    except ReminisceError as exc:
        components.set_errors("add_user", {"": str(exc)})
        return
    components.set_errors("add_user", {})
    for key in ("new_username", "new_password", "new_display"):
        values[key] = ""
    state.flash("Account added.")


def _account(action: str, username: str) -> None:
    try:
        if action == "reset":
            people.reset_password(state.db(), state.actor(), username, st.session_state.get(f"reset_{username}") or "")
            state.flash(f"New password set for {username}.")
        else:
            people.set_disabled(state.db(), state.actor(), username, action == "disable")
            state.flash(f"{username} {'disabled' if action == 'disable' else 'enabled'}.")
    except ReminisceError as exc:
        st.session_state["admin_error"] = str(exc)


def _backup() -> None:
    try:
        path = backup.backup(state.db(), state.actor(), (st.session_state.get("backup_folder") or "").rstrip("/") + "/")
    except ReminisceError as exc:
        st.session_state["admin_error"] = str(exc)
        return
    state.flash(f"Backed up to {path}.")


st.title("People and data")
state.show_flashes()
if error := st.session_state.pop("admin_error", None):
    st.error(escape_markdown(error))
db = state.db()
me = state.actor()

st.header("Accounts")
for user in people.list_users(db, me):
    with st.container(border=True):
        status = " · disabled" if user["disabled"] else ""
        linked = f" · resident(s) {user['residents']}" if user["residents"] else ""
        st.markdown(f"**{escape_markdown(user['username'])}** ({user['role']}){escape_markdown(status + linked)}")
        with st.container(horizontal=True, vertical_alignment="bottom"):
            action = "enable" if user["disabled"] else "disable"
            st.button(
                action.capitalize(),
                key=f"{action}_{user['username']}",
                on_click=_account,
                args=(action, user["username"]),
                disabled=user["id"] == me.id,
            )
            st.text_input("New password", type="password", key=f"reset_{user['username']}")
            st.button(
                "Reset password",
                key=f"reset_button_{user['username']}",
                on_click=_account,
                args=("reset", user["username"]),
            )

errors = components.get_errors("add_user")
with st.form("add_user"):
    st.subheader("Add an account")
    st.text_input("Username", key="new_username")
    components.field_error(errors, "username", "Username")
    st.text_input("Name colleagues see", key="new_display")
    st.segmented_control("Role", accounts.ROLES, key="new_role", default="staff", required=True)
    st.text_input(
        "Password",
        type="password",
        key="new_password",
        help=f"At least {accounts.MIN_PASSWORD_LENGTH} characters; they can be given a new one later.",
    )
    components.field_error(errors, "password", "Password")
    everyone = {p.id: p.name for p in residents.list_residents(db, me)}
    st.multiselect(
        "Family accounts: which residents", list(everyone), key="new_residents", format_func=everyone.__getitem__
    )
    components.other_errors(errors, ("username", "password"))
    st.form_submit_button("Add account", type="primary", on_click=_add_user)

st.header("Audit log")
st.caption("Who viewed or changed which resident's record, and when. It cannot be edited.")
with st.container(horizontal=True):
    who = st.text_input("Username", key="audit_user")
    resident = st.number_input("Resident number", key="audit_resident", value=None, step=1, format="%d")
    action = st.text_input("Action", key="audit_action", placeholder="e.g. refused, view, erase")
entries = people.audit_entries(db, me, username=who or "", resident_id=resident, action=action or "")
st.dataframe(pd.DataFrame([vars(e) for e in entries]) if entries else pd.DataFrame(), hide_index=True)

st.header("Backups")
st.write(f"Last backup: {backup.last_backup(db) or 'never'}.")
st.text_input("Folder for backups", key="backup_folder", value=str(config.DATA_DIR / "backups"))
st.button("Back up now", icon=":material/backup:", on_click=_backup)
