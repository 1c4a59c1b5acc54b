"""Browse and search the music catalog: by words, a half-remembered title, decade and region."""

import streamlit as st

from reminisce import reference
from reminisce.catalog import search, store
from reminisce.text import count, escape_markdown
from reminisce.ui import state

DECADES = [f"{year}s" for year in range(1920, 2000, 10)]

st.title("Songs")
db = state.db()
numbers = store.stats(db)
if not numbers["total"]:
    st.info("The catalog is empty. An administrator can load it with: python -m reminisce init", icon=":material/info:")
    st.stop()
st.caption(f"{numbers['total']:,} songs from {count(len(numbers['by_source']), 'source')}")

text = st.text_input(
    "Search by title, singer, or what you remember",
    key="catalog_text",
    placeholder="e.g. white cliffs, Jim Reeves, something about a red rose",
    icon=":material/search:",
)
decade = st.segmented_control("Decade", DECADES, key="catalog_decade")
regions = [code for code in numbers["by_region"] if reference.is_country(code)]
region = st.selectbox(
    "Where it was known",
    regions,
    key="catalog_region",
    index=None,
    placeholder="Any country",
    format_func=lambda code: f"{reference.country_name(code)} ({numbers['by_region'][code]:,})",
)

hits = search.search(db, text or "", decade=int(decade[:4]) if decade else None, region=region, limit=40)
if not hits:
    st.info(
        "No songs found. Try fewer words, another spelling, or clear the decade and country.",
        icon=":material/search_off:",
    )
elif hits[0].how == "close match":
    st.caption("No exact match; these are the closest.")
for hit in hits:
    track = hit.track
    with st.container(border=True):
        where = ", ".join(reference.country_name(code) for code in track.regions[:6])
        details = " · ".join(str(p) for p in (track.year, track.genre, track.kind, where) if p)
        st.markdown(
            f"**{escape_markdown(track.title)}**, {escape_markdown(track.artist)}  \n{escape_markdown(details)}"
        )
        if track.file_path:
            st.audio(track.file_path)
