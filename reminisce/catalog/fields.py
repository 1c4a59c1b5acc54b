"""The catalog's columns and their allowed values, and one row's validation.

Shared by the bundled loader, the CSV importer and the data checks, so a row
means the same thing wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Mapping

from reminisce import reference
from reminisce.catalog.base import Track

REQUIRED_COLUMNS = ("title", "artist", "year")
OPTIONAL_COLUMNS = ("regions", "language", "genre", "kind", "tempo", "bpm", "mood", "themes")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
EXPORT_COLUMNS = (*COLUMNS, "source")

EARLIEST_YEAR = 1900
LATEST_YEAR = 2030
KINDS = frozenset(
    {
        "chart hit",
        "standard",
        "hymn",
        "spiritual",
        "folk",
        "wartime",
        "music hall",
        "film song",
        "tv theme",
        "radio theme",
        "children's",
        "national",
        "carol",
        "football",
    }
)
TEMPOS = frozenset({"slow", "medium", "fast"})
MOODS = frozenset({"uplifting", "tender", "melancholy", "rousing", "calm"})
TEXT_LIMIT = 300


class RowError(ValueError):
    """One row is unusable; the message says why, for a report by line number."""


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def parse_row(row: Mapping[str, str | None], source: str, *, strict: bool = False) -> Track:
    """A Track from a CSV row, or RowError.

    ``strict`` (the bundled catalog) requires every tag to use our vocabulary;
    an imported catalog may leave optional columns empty or use its own genres.
    """
    problems = []

    def text(column: str) -> str:
        return (row.get(column) or "").strip()

    title, artist = text("title"), text("artist")
    if not title:
        problems.append("title is missing")
    if not artist:
        problems.append("artist is missing")
    if len(title) > TEXT_LIMIT or len(artist) > TEXT_LIMIT:
        problems.append(f"title or artist is longer than {TEXT_LIMIT} characters")
    year_text = text("year")
    year = None
    if not year_text:
        problems.append("year is missing")
    elif not year_text.isdigit():
        problems.append(f"year '{year_text[:20]}' is not a number")
    else:
        year = int(year_text)
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            problems.append(f"year {year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}")
    regions = [code.upper() for code in _split(text("regions"))]
    bad_regions = [code for code in regions if not reference.is_country(code)]
    if bad_regions:
        problems.append(f"unknown region code(s) {', '.join(bad_regions)}")
    language = text("language").lower()
    if language and not reference.is_language(language):
        problems.append(f"unknown language code '{language}'")
    bpm_text = text("bpm")
    bpm = None
    if bpm_text:
        if bpm_text.isdigit() and 20 <= int(bpm_text) <= 300:
            bpm = int(bpm_text)
        else:
            problems.append(f"bpm '{bpm_text[:20]}' is not a tempo between 20 and 300")
    kind, tempo, mood = text("kind").lower(), text("tempo").lower(), text("mood").lower()
    themes = [theme.lower() for theme in _split(text("themes"))]
    for value, allowed, column in ((kind, KINDS, "kind"), (tempo, TEMPOS, "tempo"), (mood, MOODS, "mood")):
        if value and value not in allowed:
            problems.append(f"{column} '{value}' is not one of {', '.join(sorted(allowed))}")
    unknown_themes = [theme for theme in themes if theme not in reference.THEMES]
    if unknown_themes:
        problems.append(f"unknown theme(s) {', '.join(unknown_themes)}")
    genre = text("genre")
    if strict:
        for column, value in (("regions", regions), ("genre", genre), ("kind", kind), ("tempo", tempo), ("mood", mood)):
            if not value:
                problems.append(f"{column} is missing")
        if genre != genre.lower():
            problems.append("genre must be lower case")
    if problems:
        raise RowError("; ".join(problems))
    return Track(
        title=title,
        artist=artist,
        year=year,
        source=source,
        regions=tuple(dict.fromkeys(regions)),
        language=language,
        genre=genre.lower(),
        kind=kind,
        tempo=tempo,
        bpm=bpm,
        mood=mood,
        themes=tuple(dict.fromkeys(themes)),
    )
