"""Insights for one resident: what works, what to drop, red flags to decide, trends,
goals, and the printable Music Profile."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from reminisce import accounts, exports, insights
from reminisce.errors import ReminisceError
from reminisce.text import escape_markdown
from reminisce.ui import components, state


def _add_goal(resident_id: int) -> None:
    try:
        insights.add_goal(state.db(), state.actor(), resident_id, st.session_state.get("new_goal") or "")
    except ReminisceError as exc:
        st.session_state["insights_error"] = str(exc)
        return
    st.session_state["new_goal"] = ""
    state.flash("Goal added.")


def main() -> None:
    profile = components.resident_page("insights", lambda p: f"Insights for {p.called}")
    if profile is None:
        return
    resident_id, db = profile.id, state.db()
    if error := st.session_state.pop("insights_error", None):
        st.error(escape_markdown(error))

    results = insights.song_results(db, state.actor(), resident_id)
    records = insights.session_records(db, state.actor(), resident_id)
    st.info(escape_markdown(insights.plain_summary(profile.short_name, results, records)), icon=":material/summarize:")

    st.header("Red flags to decide")
    components.red_flag_decisions(resident_id)

    st.header("Songs that work")
    works = insights.songs_that_work(results)
    if works:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Song": r.title,
                        "Artist": r.artist,
                        "Average (1-6)": r.mean_rating,
                        "Times rated": r.rated,
                        "Best": r.best,
                    }
                    for r in works
                ]
            ),
            hide_index=True,
        )
    else:
        st.caption("None yet: songs rated 4 or more on average appear here.")
    drops = insights.songs_to_drop(results)
    if drops:
        st.subheader("Songs to drop")
        st.dataframe(
            pd.DataFrame([{"Song": r.title, "Artist": r.artist, "Low ratings": r.low_ratings} for r in drops]),
            hide_index=True,
        )

    st.header("Trends")
    trend = insights.midas_trend(records)
    if trend:
        chart = (
            alt.Chart(pd.DataFrame(trend))
            .mark_line(point=True)
            .encode(
                x="date:T",
                y=alt.Y("score:Q", scale=alt.Scale(domain=[0, 100])),
                color="rater:N",
                facet=alt.Facet("item:N", columns=3),
            )
            .properties(width=220, height=140, title="MiDAS by rater")
        )
        st.altair_chart(chart)
    moods = insights.mood_changes(records)
    if moods:
        frame = pd.DataFrame(moods).melt(id_vars="date", var_name="when", value_name="mood")
        st.altair_chart(
            alt.Chart(frame)
            .mark_line(point=True)
            .encode(x="date:T", y=alt.Y("mood:Q", scale=alt.Scale(domain=[1, 5])), color="when:N")
            .properties(title="Mood before and after (1-5)")
        )
    if not trend and not moods:
        st.caption("Trends appear after the first sessions are finished with MiDAS and mood.")
    conditions = insights.best_conditions(records)
    for name, rows in conditions.items():
        if rows:
            st.caption(f"By {name}: " + ", ".join(f"{label} {avg} ({n})" for label, avg, n in rows))

    st.header("Goals")
    for progress in insights.goal_progress(db, state.actor(), resident_id):
        with st.container(border=True):
            status = "" if progress.goal.active else " (stopped)"
            st.markdown(f"**{escape_markdown(progress.goal.text)}**{status}")
            st.caption(escape_markdown(progress.summary))
            st.button(
                "Stop this goal" if progress.goal.active else "Restart this goal",
                key=f"goal_{progress.goal.id}",
                on_click=insights.set_goal_active,
                args=(db, state.actor(), progress.goal.id, not progress.goal.active),
            )
    with st.form("add_goal", clear_on_submit=False):
        st.text_input("New goal", key="new_goal", placeholder="e.g. calmer before personal care; joins in singing")
        st.form_submit_button("Add goal", icon=":material/add:", on_click=_add_goal, args=(resident_id,))

    st.header("Print and export")
    with st.container(horizontal=True):
        st.download_button(
            "Music Profile (PDF)",
            state.deferred(exports.music_profile_pdf, resident_id, accounts.care_home_name(db)),
            file_name=f"music-profile-{resident_id}.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
        )
        st.download_button(
            "Session records (CSV)",
            state.deferred(exports.sessions_csv, resident_id),
            file_name=f"sessions-{resident_id}.csv",
            mime="text/csv",
            icon=":material/table:",
        )


main()
