"""From families: review what relatives shared (approve, edit, decline), and invite a
family member with a one-time code."""

import streamlit as st

from reminisce import contributions, people, residents
from reminisce.errors import ReminisceError
from reminisce.text import escape_markdown
from reminisce.ui import state


def _decide(item_id: int, approve: bool) -> None:
    values = st.session_state
    edits = {field: values.get(f"edit_{field}_{item_id}") for field in ("title", "artist", "text")}
    try:
        if approve:
            contributions.approve(state.db(), state.actor(), item_id, {k: v for k, v in edits.items() if v is not None})
            state.flash("Approved.")
        else:
            contributions.decline(state.db(), state.actor(), item_id)
            state.flash("Declined.")
    except ReminisceError as exc:
        st.session_state["contributions_error"] = str(exc)


def _invite() -> None:
    resident_id = st.session_state.get("invite_resident")
    if resident_id is None:
        st.session_state["contributions_error"] = "Choose the resident first."
        return
    st.session_state["new_invitation"] = (resident_id, people.create_invitation(state.db(), state.actor(), resident_id))


st.title("From families")
state.show_flashes()
if error := st.session_state.pop("contributions_error", None):
    st.error(escape_markdown(error))
db = state.db()
names = {p.id: p.preferred_name or p.name for p in residents.list_residents(db, state.actor())}
waiting = contributions.pending(db, state.actor())
if not waiting:
    st.info(
        "Nothing waiting. Memories, songs and songs to avoid that families share appear here.", icon=":material/inbox:"
    )
for item in waiting:
    with st.container(border=True):
        st.markdown(
            f"**{escape_markdown(contributions.KIND_LABELS[item.kind])}** for "
            f"**{escape_markdown(names.get(item.resident_id, '?'))}**, from {escape_markdown(item.author_name)}"
        )
        if item.kind == "red_flag":
            st.warning("Already in force as a precaution: it is not being suggested or played.", icon=":material/flag:")
        if item.photo:
            st.image(item.photo, width=320)
        if item.kind == "memory":
            st.text_area("Memory", value=item.text, key=f"edit_text_{item.id}", height=120)
            st.caption(escape_markdown(" · ".join(str(p) for p in (item.year, item.place) if p)))
        else:
            st.text_input("Song", value=item.title, key=f"edit_title_{item.id}")
            st.text_input("Singer", value=item.artist, key=f"edit_artist_{item.id}")
            st.text_area(
                "Story" if item.kind == "song" else "Reason", value=item.text, key=f"edit_text_{item.id}", height=90
            )
        with st.container(horizontal=True):
            st.button(
                "Approve",
                key=f"approve_{item.id}",
                type="primary",
                icon=":material/check:",
                on_click=_decide,
                args=(item.id, True),
            )
            st.button(
                "Decline", key=f"decline_{item.id}", icon=":material/close:", on_click=_decide, args=(item.id, False)
            )

st.header("Invite a family member")
st.write(
    f'Create a one-time code for a relative. They open Reminisce, choose "I have an invitation code" and set '
    f"their own password. The code works once and expires in {people.INVITATION_DAYS} days. A relative sees only "
    "the resident they were invited for."
)
st.selectbox(
    "For",
    list(names),
    key="invite_resident",
    index=None,
    format_func=names.__getitem__,
    placeholder="Choose a resident",
)
st.button("Create invitation code", icon=":material/key:", on_click=_invite)
if invitation := st.session_state.pop("new_invitation", None):
    resident_id, code = invitation
    st.success(
        f"Invitation for {escape_markdown(names.get(resident_id, ''))}. Give them this code (shown once):",
        icon=":material/key:",
    )
    st.code(code, language=None)
