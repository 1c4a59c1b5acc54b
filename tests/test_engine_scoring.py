"""The engine's rules, each pinned: place, favourites, red flags, purpose, feedback,
variety, determinism."""

from __future__ import annotations

from datetime import datetime, timedelta

from reminisce.catalog.base import Track
from reminisce.engine import scoring
from reminisce.engine.scoring import Listener, NamedSong, Response, song_key, suggest
from reminisce.model import Place, Profile, RedFlag, SongStory


def track(
    title,
    artist,
    year,
    regions=("GB",),
    *,
    language="en",
    genre="pop",
    tempo="medium",
    mood="tender",
    themes=(),
    bpm=None,
    id=None,
) -> Track:
    return Track(
        title,
        artist,
        year,
        "bundled",
        tuple(regions),
        language,
        genre,
        "chart hit",
        tempo,
        bpm,
        mood,
        tuple(themes),
        id=id,
    )


PEGGY = Listener(name="Peggy", birth_year=1940, regions=frozenset({"IE"}), languages=("en",))


def titles(suggestions):
    return [s.track.title for s in suggestions]


def test_youth_outranks_later_life():
    songs = [track("Late", "A", 1990, ("IE",)), track("Young", "B", 1957, ("IE",)), track("Child", "C", 1948, ("IE",))]
    assert titles(suggest(PEGGY, songs)) == ["Young", "Child", "Late"]


def test_songs_from_where_they_lived_outrank_elsewhere():
    songs = [track("Elsewhere", "A", 1957, ("US",), language=""), track("Home", "B", 1957, ("IE",))]
    ranked = suggest(PEGGY, songs)
    assert titles(ranked) == ["Home", "Elsewhere"]
    assert ranked[0].score > 3 * ranked[1].score
    assert any("Ireland" in reason for reason in ranked[0].reasons)


def test_first_language_counts_like_a_place():
    harjit = Listener(name="Harjit", birth_year=1950, regions=frozenset({"GB"}), languages=("pa", "hi"))
    songs = [track("Filmi", "Lata", 1966, ("IN",), language="hi"), track("Other", "X", 1966, ("US",))]
    ranked = suggest(harjit, songs)
    assert titles(ranked) == ["Filmi", "Other"]
    assert any("Hindi" in reason for reason in ranked[0].reasons)


def test_places_count_only_for_the_years_they_lived_there_young():
    profile = Profile(
        name="Joe", birth_year=1933, places=[Place("IT", "Naples", 1933, 1954), Place("GB", "Bedford", 1954)]
    )
    assert scoring.regions_lived_in_youth(profile) == {"IT", "GB"}
    late = Profile(name="Ann", birth_year=1933, places=[Place("IE", "", 1933, 1970), Place("ES", "", 1990)])
    assert scoring.regions_lived_in_youth(late) == {"IE"}


def test_named_songs_then_favourite_artists_outrank_any_era_only_song():
    listener = Listener(
        name="Peggy",
        birth_year=1940,
        regions=frozenset({"IE"}),
        named_songs=(NamedSong(*song_key("Late Favourite", ""), "one of Peggy's favourite songs: first dance"),),
        favourite_artists={"jim reeves": "Jim Reeves"},
    )
    songs = [
        track("Perfect Era", "Z", 1957, ("IE",)),
        track("Late Favourite", "Y", 1985, ("US",)),
        track("Four Walls", "Jim Reeves", 1980, ("US",)),
    ]
    ranked = suggest(listener, songs)
    assert titles(ranked) == ["Late Favourite", "Four Walls", "Perfect Era"]
    assert ranked[0].reasons[0].startswith("One of Peggy's favourite songs: first dance")
    assert "Peggy loves Jim Reeves" in ranked[1].reasons


def test_red_flags_are_never_returned_however_written():
    profile = Profile(
        name="Peggy", birth_year=1940, red_flags=[RedFlag("danny boy", ""), RedFlag("Wild Rover", "The Dubliners")]
    )
    listener = scoring.listener_from_profile(profile)
    songs = [
        track("Danny Boy", "Jim Reeves", 1957, ("IE",)),
        track("DANNY BOY (Remastered)", "Someone", 1958),
        track("Dánny Boy!", "X", 1959),
        track("The Wild Rover", "Dubliners feat. Luke Kelly", 1964),
        track("Wild Rover", "Other Band", 1960, ("IE",)),
    ]
    assert titles(suggest(listener, songs)) == ["Wild Rover"]


def test_avoided_themes_and_high_risk_sad_songs_are_excluded_moderate_is_warned():
    listener = Listener(
        name="Win", birth_year=1946, regions=frozenset({"GB"}), avoid_themes=frozenset({"war"}), low_mood_risk="high"
    )
    songs = [
        track("War Song", "A", 1965, themes=("war",)),
        track("Sad", "B", 1965, mood="melancholy"),
        track("Fine", "C", 1965),
    ]
    assert titles(suggest(listener, songs)) == ["Fine"]
    moderate = Listener(name="Win", birth_year=1946, regions=frozenset({"GB"}), low_mood_risk="moderate")
    [sad] = [s for s in suggest(moderate, songs) if s.track.title == "Sad"]
    assert sad.warnings and "low mood" in sad.warnings[0]


def test_purpose_shapes_tempo_and_mood():
    songs = [
        track("Lively", "A", 1957, ("IE",), tempo="fast", mood="rousing", bpm=140),
        track("Gentle", "B", 1957, ("IE",), tempo="slow", mood="calm", bpm=55),
        track("Bouncy", "C", 1957, ("IE",), tempo="medium", mood="uplifting", bpm=110),
    ]
    assert "Lively" not in titles(suggest(PEGGY, songs, purpose="calm"))
    assert titles(suggest(PEGGY, songs, purpose="sleep")) == ["Gentle"]
    assert titles(suggest(PEGGY, songs, purpose="uplifting"))[0] == "Bouncy"
    assert len(suggest(PEGGY, songs, purpose="reminisce")) == 3


def response(title, artist, rating, days_ago):
    return Response(*song_key(title, artist), rating, datetime(2026, 11, 1) - timedelta(days=days_ago))


def test_feedback_promotes_demotes_and_pins():
    songs = [track(name, name, 1957, ("IE",)) for name in ("Liked", "Disliked", "Neutral", "Memory")]
    history = [
        response("Liked", "Liked", 5, 1),
        response("Liked", "Liked", 4, 8),
        response("Disliked", "Disliked", 2, 1),
        response("Disliked", "Disliked", 1, 9),
        response("Memory", "Memory", 6, 30),
        response("Memory", "Memory", 1, 2),
        response("Memory", "Memory", 2, 1),
    ]
    ranked = suggest(PEGGY, songs, history=history)
    assert titles(ranked) == ["Memory", "Liked", "Neutral", "Disliked"]
    assert ranked[0].pinned and ranked[0].reasons[0].startswith("Key song")
    assert any(r.startswith("Responded well before (4.7 of 6 over 2") for r in ranked[1].reasons)


def test_recent_ratings_weigh_more_than_old_ones():
    summary = scoring.summarise_feedback([response("S", "A", 1, 30), response("S", "A", 5, 1)])
    assert summary[song_key("S", "A")].mean > 3.5


def test_no_artist_more_than_twice_in_any_fifteen_and_years_spread():
    songs = [track(f"Reeves {n}", "Jim Reeves", 1957, ("IE",), id=n) for n in range(10)]
    songs += [track(f"Other {n}", f"Artist {n}", 1950 + n % 12, ("IE",), id=100 + n) for n in range(40)]
    ranked = suggest(PEGGY, songs, limit=40)
    artists = [s.track.artist for s in ranked]
    for start in range(len(artists) - 14):
        assert artists[start : start + 15].count("Jim Reeves") <= 2
    assert len({s.track.year for s in ranked[:15]}) >= 6


def test_recently_played_songs_rotate_down():
    songs = [track("Played", "A", 1957, ("IE",)), track("Fresh", "B", 1957, ("IE",))]
    assert titles(suggest(PEGGY, songs, recently_played=[song_key("Played", "A")])) == ["Fresh", "Played"]


def test_same_inputs_give_the_same_list_whatever_the_input_order():
    songs = [track(f"Song {n}", f"Artist {n % 7}", 1945 + n % 25, ("IE", "GB")[n % 2 :], id=n) for n in range(80)]
    first = suggest(PEGGY, songs, limit=30)
    again = suggest(PEGGY, list(reversed(songs)), limit=30)
    assert [s.track.id for s in first] == [s.track.id for s in again]


def test_reasons_are_true_to_the_track():
    [only] = suggest(PEGGY, [track("Four Walls", "Jim Reeves", 1957, ("IE", "GB"))])
    assert only.age_at_release == 17
    assert "Released 1957, when Peggy was 17" in only.reasons


def test_profile_songs_become_named_songs_with_their_story():
    profile = Profile(
        name="Margaret",
        preferred_name="Peggy",
        birth_year=1938,
        favourite_songs=[SongStory("He'll Have to Go", "Jim Reeves", "First dance, 1960")],
    )
    listener = scoring.listener_from_profile(profile, approved_family_songs=[("Moon River", "")])
    assert listener.name == "Peggy"
    assert [s.reason for s in listener.named_songs] == [
        "one of Peggy's favourite songs: First dance, 1960",
        "suggested by family",
    ]


def test_a_shortened_artist_still_matches_red_flags_and_named_songs():
    listener = Listener(
        name="Win",
        birth_year=1946,
        regions=frozenset({"JM"}),
        red_flags=(song_key("Israelites", "Desmond Dekker"),),
        named_songs=(NamedSong(*song_key("Shanty Town", "Desmond Dekker"), "family song"),),
    )
    songs = [
        track("Israelites", "Desmond Dekker & The Aces", 1968, ("JM",)),
        track("007 (Shanty Town)", "Desmond Dekker and the Aces", 1967, ("JM",)),
        track("Shanty Town", "Desmond Dekker and the Aces", 1967, ("JM",)),
    ]
    ranked = suggest(listener, songs)
    assert "Israelites" not in titles(ranked)
    assert ranked[0].track.title == "Shanty Town" and ranked[0].tier == scoring.cm.TIER_NAMED_SONG
