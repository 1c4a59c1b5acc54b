"""Building a playlist from suggestions: 10-15 songs, ordered for the purpose."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reminisce import care_model as cm
from reminisce.catalog.base import Track
from reminisce.engine.scoring import SongKey, Suggestion, track_key

_TEMPO_ENERGY = {"slow": 1, "medium": 2, "fast": 3}
_MOOD_ENERGY = {"calm": 0.5, "tender": 1.0, "melancholy": 1.0, "uplifting": 2.0, "rousing": 2.5}


def energy(track: Track) -> float:
    """A rough liveliness from tempo, BPM and mood (higher is livelier)."""
    value = _TEMPO_ENERGY.get(track.tempo, 2) + _MOOD_ENERGY.get(track.mood, 1.5)
    if track.bpm:
        value += track.bpm / 60
    return value


def order_for_purpose(suggestions: Sequence[Suggestion], purpose: str) -> list[Suggestion]:
    """Calm and sleep lists wind down to the gentlest song; uplifting ones build up then
    settle; reminiscence keeps the ranking (key songs first)."""
    items = list(suggestions)
    if purpose in ("calm", "sleep"):
        return sorted(items, key=lambda s: -energy(s.track))
    if purpose == "uplifting":
        rising = sorted(items, key=lambda s: energy(s.track))
        return rising[1:] + rising[:1] if len(rising) > 3 else rising  # end on a gentler song
    return items


def playlist_size(suggestions: Sequence[Suggestion], wanted: int | None = None) -> int:
    low, high = cm.PLAYLIST_SONGS
    size = wanted if wanted is not None else round((low + high) / 2)
    return max(1, min(max(low, min(size, high)), len(suggestions)))


def build_playlist(suggestions: Sequence[Suggestion], purpose: str, size: int | None = None) -> list[Suggestion]:
    """The top suggestions (already varied and ranked), cut to 10-15 and ordered."""
    return order_for_purpose(suggestions[: playlist_size(suggestions, size)], purpose)


def estimated_minutes(count: int) -> float:
    return count * cm.DEFAULT_SONG_MINUTES


def more_like(
    seed: Track, suggestions: Iterable[Suggestion], exclude: Iterable[SongKey] = (), limit: int = 5
) -> list[Suggestion]:
    """Suggestions sharing the seed's artist, or its genre and era, or its place and language."""
    skip = set(exclude) | {track_key(seed)}
    seed_artist = track_key(seed)[1]

    def likeness(track: Track) -> int:
        points = 0
        if track_key(track)[1] == seed_artist:
            points += 3
        if seed.genre and track.genre == seed.genre:
            points += 2
        if seed.year and track.year and abs(track.year - seed.year) <= 5:
            points += 1
        if set(seed.regions) & set(track.regions) and track.language == seed.language:
            points += 1
        return points

    candidates = [
        (likeness(s.track), index, s) for index, s in enumerate(suggestions) if track_key(s.track) not in skip
    ]
    candidates = [c for c in candidates if c[0] >= 2]
    candidates.sort(key=lambda c: (-c[0], c[1]))
    return [s for _, _, s in candidates[:limit]]
