"""Group sessions: overlapping eras and places; every member's red flags excluded."""

from reminisce.catalog.base import Track
from reminisce.engine.group import suggest_group
from reminisce.engine.scoring import Listener, song_key


def track(title, year, regions=("GB",), themes=()):
    return Track(
        title, f"{title} singer", year, "bundled", regions, "en", "pop", "chart hit", "medium", None, "tender", themes
    )


PEGGY = Listener(name="Peggy", birth_year=1938, regions=frozenset({"IE", "GB"}), red_flags=(song_key("Danny Boy", ""),))
JOE = Listener(name="Joe", birth_year=1933, regions=frozenset({"GB", "IT"}), avoid_themes=frozenset({"war"}))


def test_songs_fitting_both_rank_first_and_say_whose_era_they_fit():
    songs = [track("Only Peggy's youth", 1962, ("IE",)), track("Both", 1953), track("Neither", 1995)]
    ranked = suggest_group([PEGGY, JOE], songs)
    assert ranked[0].track.title == "Both"
    assert {name for name, _ in ranked[0].fits} == {"Peggy", "Joe"}
    assert "Fits the youth of Peggy (15), Joe (20)" in ranked[0].reasons


def test_every_members_red_flags_and_avoided_themes_are_excluded():
    songs = [track("Danny Boy", 1955), track("War Song", 1955, themes=("war",)), track("Fine", 1955)]
    assert [s.track.title for s in suggest_group([PEGGY, JOE], songs)] == ["Fine"]


def test_no_members_no_suggestions():
    assert suggest_group([], [track("Fine", 1955)]) == []
