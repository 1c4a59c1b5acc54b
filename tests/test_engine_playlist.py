"""Playlist building: 10-15 songs, ordered for the purpose, and "more like this"."""

from reminisce.catalog.base import Track
from reminisce.engine.playlist import build_playlist, energy, more_like, playlist_size
from reminisce.engine.scoring import Suggestion


def suggestion(title, *, tempo="medium", mood="tender", artist=None, genre="pop", year=1957, bpm=None):
    track = Track(
        title, artist or f"{title} singer", year, "bundled", ("GB",), "en", genre, "chart hit", tempo, bpm, mood
    )
    return Suggestion(track, 1.0, 17, ())


def test_ten_to_fifteen_songs_when_there_are_enough():
    longlist = [suggestion(f"S{n}") for n in range(40)]
    assert len(build_playlist(longlist, "reminisce")) == 12
    assert len(build_playlist(longlist, "reminisce", size=30)) == 15
    assert len(build_playlist(longlist, "reminisce", size=3)) == 10
    assert playlist_size(longlist[:4]) == 4


def test_calm_playlists_end_calmer():
    longlist = [
        suggestion("Lively", tempo="fast", mood="uplifting"),
        suggestion("Gentle", tempo="slow", mood="calm"),
        suggestion("Middle", tempo="medium", mood="tender"),
    ]
    ordered = build_playlist(longlist, "calm")
    assert [s.track.title for s in ordered] == ["Lively", "Middle", "Gentle"]
    assert energy(ordered[-1].track) < energy(ordered[0].track)


def test_reminiscence_keeps_the_ranking():
    longlist = [suggestion(f"S{n}") for n in range(12)]
    assert build_playlist(longlist, "reminisce") == longlist


def test_more_like_a_song_prefers_same_artist_then_genre_and_era():
    seed = suggestion("Seed", artist="Jim Reeves", genre="country").track
    longlist = [
        suggestion("Unrelated", genre="opera", year=1990),
        suggestion("Same artist", artist="Jim Reeves", genre="x", year=1980),
        suggestion("Same genre", genre="country", year=1959),
        suggestion("Seed", artist="Jim Reeves", genre="country"),
    ]
    assert [s.track.title for s in more_like(seed, longlist)] == ["Same artist", "Same genre"]
