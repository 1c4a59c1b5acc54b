"""Add a resident: just the essentials, then on to the life story screens."""

import streamlit as st

from reminisce import residents
from reminisce.errors import ValidationError
from reminisce.ui import components, state

FIELDS = ("name", "preferred_name", "birth_year", "room")


def _add() -> None:
    values = {field: st.session_state.get(f"add_{field}") for field in FIELDS}
    try:
        profile = residents.validate_profile(values)
        resident_id = residents.create_resident(state.db(), state.actor(), profile)
    except ValidationError as exc:
        components.set_errors("add_resident", exc.errors)
        return
    components.set_errors("add_resident", {})
    for field in FIELDS:
        st.session_state.pop(f"add_{field}", None)
    st.session_state["resident_id"] = resident_id
    st.session_state["life_story_section"] = residents.SECTION_KEYS[0]
    st.session_state["go_to_resident"] = resident_id
    state.flash(f"Added {profile.called}. Next, tell us where they lived.")


if (resident_id := st.session_state.pop("go_to_resident", None)) is not None:
    st.session_state["life_story_section"] = "places"
    st.switch_page("reminisce/ui/resident.py", query_params={"id": resident_id})

st.title("Add a resident")
st.write("Start with their name and birth year. You can fill in the rest of the life story next, a screen at a time.")
errors = components.get_errors("add_resident")
with st.form("add_resident"):
    st.text_input("Full name (required)", key="add_name", max_chars=residents.SHORT_TEXT_LIMIT)
    components.field_error(errors, "name", "Full name")
    st.text_input("Preferred name", key="add_preferred_name", help="What they like to be called, e.g. Peggy.")
    st.number_input(
        "Year of birth (required)",
        key="add_birth_year",
        value=None,
        step=1,
        format="%d",
        placeholder="e.g. 1941",
        help="Their music is chosen from the years they were about 10 to 30.",
    )
    components.field_error(errors, "birth_year", "Year of birth")
    st.text_input("Room", key="add_room")
    components.other_errors(errors, FIELDS)
    st.form_submit_button("Add resident", type="primary", icon=":material/person_add:", on_click=_add, width="stretch")
