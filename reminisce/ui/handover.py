"""Since last shift: who listened, what worked, any distress, red flags to decide.
Readable in under a minute."""

import streamlit as st

from reminisce import insights
from reminisce.text import count, escape_markdown
from reminisce.ui import components, state

st.title("Since last shift")
state.show_flashes()
hours = st.segmented_control(
    "Looking back", [8, 12, 24, 72], key="handover_hours", default=8, required=True, format_func=lambda h: f"{h} hours"
)
shifts, pending = insights.since_last_shift(state.db(), state.actor(), hours=hours)
if not shifts:
    st.info(f"No listening sessions in the last {hours} hours.", icon=":material/info:")
for shift in shifts:
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(shift.name)}** · {count(shift.sessions, 'session')}")
        if shift.worked:
            st.markdown("✅ Worked: " + escape_markdown(", ".join(shift.worked)))
        if shift.distress:
            st.markdown("⚠️ Distress: " + escape_markdown("; ".join(shift.distress)))
        if shift.stopped:
            st.markdown("🛑 Stopped: " + escape_markdown(", ".join(shift.stopped)))
        if not (shift.worked or shift.distress or shift.stopped):
            st.caption("Nothing of note recorded.")
st.header("Red flags to decide")
components.red_flag_decisions()
