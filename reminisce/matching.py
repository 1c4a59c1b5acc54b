"""Normalising titles and artists so the same song matches however it is written.

"The Beatles" / "Beatles", "Édith Piaf" / "Edith Piaf", "Israelites (feat. X)" /
"ISRAELITES": red flags must match robustly, and duplicates must be caught.
"""

from __future__ import annotations

import re
import unicodedata

_FEATURING = re.compile(r"\s*[\(\[]?\s*\b(feat\.?|featuring|ft\.)\s.*$", re.IGNORECASE)
_ARTIST_WITH = re.compile(r"\s+with\s.*$", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an|le|la|les|il|el|los|las|die|der|das|de|het)\s+")


_APOSTROPHES = re.compile(r"['’ʼ`´]")


def _fold(text: str) -> str:
    """Case and accents folded; apostrophes dropped so "He'll" and "Hell" meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _APOSTROPHES.sub("", "".join(char for char in decomposed if not unicodedata.combining(char)))


def normalise_title(title: str) -> str:
    """Lower case, no accents or punctuation, bracketed extras and "feat." credits dropped."""
    text = _fold(title or "")
    text = _FEATURING.sub("", text)
    stripped = _BRACKETED.sub("", text)
    text = stripped if stripped.strip() else text
    text = _NON_WORD.sub(" ", text).strip()
    return _LEADING_ARTICLE.sub("", text)


def normalise_artist(artist: str) -> str:
    """Like titles, and "&"/"and" treated the same; featured artists dropped."""
    text = _fold(artist or "").replace("&", " and ")
    text = _ARTIST_WITH.sub("", _FEATURING.sub("", text))
    text = _NON_WORD.sub(" ", text).strip()
    return _LEADING_ARTICLE.sub("", text)
