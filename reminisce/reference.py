"""Code lists: countries and languages from pycountry, and our own small vocabularies."""

from __future__ import annotations

from functools import cache

import pycountry

#: Themes a song can carry (the catalog's ``themes`` column) and a resident can avoid.
#: war, death, farewell, faith and heartbreak are what keeps a song away from someone
#: for whom it is distressing (care model section 6).
THEMES: tuple[str, ...] = (
    "love",
    "heartbreak",
    "war",
    "death",
    "farewell",
    "faith",
    "home",
    "place",
    "dance",
    "children",
    "celebration",
    "christmas",
    "nature",
    "sea",
    "travel",
    "work",
    "humour",
    "friendship",
    "longing",
    "nostalgia",
    "freedom",
    "protest",
    "youth",
    "wedding",
)

#: Depression-screen outcome that decides whether sad songs are excluded (care model section 5).
LOW_MOOD_RISKS: tuple[str, ...] = ("not assessed", "low", "moderate", "high")

MUSIC_IMPORTANCE: tuple[str, ...] = ("", "very important", "quite important", "a little", "not at all")


@cache
def _countries() -> dict[str, str]:
    return {country.alpha_2: getattr(country, "common_name", country.name) for country in pycountry.countries}


@cache
def _languages() -> dict[str, str]:
    return {language.alpha_2: language.name for language in pycountry.languages if hasattr(language, "alpha_2")}


def is_country(code: str) -> bool:
    return code in _countries()


def country_name(code: str) -> str:
    return _countries().get(code, code)


def country_choices() -> list[str]:
    """ISO 3166-1 alpha-2 codes sorted by the country's English name."""
    names = _countries()
    return sorted(names, key=lambda code: names[code])


def find_country(text: str) -> str | None:
    """A code from a code, a name or a close spelling ("uk", "Ireland", "Jamaica")."""
    text = text.strip()
    if not text:
        return None
    if text.upper() in _countries():
        return text.upper()
    if text.upper() == "UK":
        return "GB"
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        pass
    try:
        return pycountry.countries.search_fuzzy(text)[0].alpha_2
    except LookupError:
        return None


def is_language(code: str) -> bool:
    return code in _languages()


def language_name(code: str) -> str:
    return _languages().get(code, code)


def language_choices() -> list[str]:
    names = _languages()
    return sorted(names, key=lambda code: names[code])
