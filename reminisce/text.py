"""Showing people's own words safely.

Streamlit renders Markdown (and its own :colour[...] and :emoji: directives) in
labels, headers and st.markdown. A memory that says ``<b>Dad</b> *always*`` must
appear exactly as typed, so user text is escaped before it goes anywhere near
Markdown; CommonMark lets a backslash escape any ASCII punctuation.
"""

from __future__ import annotations

import string

_ESCAPES = {ord(char): "\\" + char for char in string.punctuation}


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown-significant character backslash-escaped."""
    escaped = (text or "").translate(_ESCAPES)
    # Line breaks inside one paragraph: keep them visible as typed.
    return escaped.replace("\n", "  \n")


def count(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 session", "3 sessions": messages people read should read naturally."""
    return f"{number:,} {singular if number == 1 else plural or singular + 's'}"
