"""The residents list: search, open a life story, add a resident."""

import streamlit as st

from reminisce import reference, residents
from reminisce.text import escape_markdown
from reminisce.ui import state


def _open(resident_id: int) -> None:
    st.session_state["resident_id"] = resident_id
    st.session_state["life_story_section"] = residents.SECTION_KEYS[0]


st.title("Residents")
state.show_flashes()
db = state.db()

with st.container(horizontal=True, vertical_alignment="bottom"):
    search = st.text_input(
        "Find a resident", key="resident_search", placeholder="Name or room", icon=":material/search:"
    )
    if st.button("Add resident", icon=":material/person_add:", type="primary"):
        st.switch_page("reminisce/ui/add_resident.py")

people = residents.list_residents(db, state.actor(), search or "")
if not people and not search:
    st.info(
        "No residents yet. Tap **Add resident** to start someone's life story: their birth year and "
        "the places they lived are enough to begin suggesting music.",
        icon=":material/waving_hand:",
    )
elif not people:
    st.info("Nobody matches that search. Check the spelling, or search by room.", icon=":material/search:")
else:
    st.caption(f"{len(people)} resident{'s' if len(people) != 1 else ''}")
for person in people:
    with st.container(border=True, horizontal=True, vertical_alignment="center"):
        called = f" ({person.preferred_name})" if person.preferred_name else ""
        places = ", ".join(reference.country_name(code) for code in person.countries)
        details = " · ".join(part for part in (f"born {person.birth_year}", person.room, places) if part)
        st.markdown(f"**{escape_markdown(person.name + called)}**  \n{escape_markdown(details)}")
        if st.button("Open", key=f"open_{person.id}", icon=":material/menu_book:", on_click=_open, args=(person.id,)):
            st.switch_page("reminisce/ui/resident.py", query_params={"id": person.id})
