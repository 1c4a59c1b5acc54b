"""Turning a life story and candidate tracks into a ranked longlist with reasons.

Score = era weight x place/language x genre x purpose x feedback x rotation,
within tiers: named songs first, then favourite artists, then everything else.
Red flags, avoided themes and (for high low-mood risk) sad songs never appear.
Deterministic: the same inputs always give the same list.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reminisce import care_model as cm
from reminisce.catalog.base import Track
from reminisce.engine.era import era_weight
from reminisce.matching import normalise_artist, normalise_title
from reminisce.model import Profile
from reminisce.reference import country_name, language_name

SongKey = tuple[str, str]  # (normalised title, normalised artist)


def song_key(title: str, artist: str) -> SongKey:
    return normalise_title(title), normalise_artist(artist)


def track_key(track: Track) -> SongKey:
    """The song's key, using the keys stored with the track when it has them."""
    return (track.title_key or normalise_title(track.title), track.artist_key or normalise_artist(track.artist))


@dataclass(frozen=True)
class NamedSong:
    title_key: str
    artist_key: str  # empty: any recording of this title
    reason: str


@dataclass(frozen=True)
class Listener:
    """What the engine needs to know about one person."""

    name: str
    birth_year: int
    regions: frozenset[str] = frozenset()
    languages: tuple[str, ...] = ()
    named_songs: tuple[NamedSong, ...] = ()
    favourite_artists: dict[str, str] = field(default_factory=dict)  # artist_key -> as written
    favourite_genres: frozenset[str] = frozenset()
    red_flags: tuple[SongKey, ...] = ()
    avoid_themes: frozenset[str] = frozenset()
    low_mood_risk: str = "not assessed"
    parents_age_at_birth: float = cm.PARENTS_MEAN_AGE_AT_BIRTH


@dataclass(frozen=True)
class Response:
    """One recorded reaction to a song (1-6) during a listening session."""

    title_key: str
    artist_key: str
    rating: int
    at: datetime


@dataclass(frozen=True)
class Suggestion:
    track: Track
    score: float
    age_at_release: int | None
    reasons: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    tier: int = cm.TIER_ERA
    pinned: bool = False


def regions_lived_in_youth(profile: Profile) -> frozenset[str]:
    """Countries lived in at ages 5-30; every place if none has years."""
    low, high = (profile.birth_year + age for age in cm.PLACE_AGES)
    dated = [p for p in profile.places if p.from_year or p.to_year]
    youth = {p.country for p in dated if (p.from_year or profile.birth_year) <= high and (p.to_year or 9999) >= low}
    undated = {p.country for p in profile.places if not (p.from_year or p.to_year)}
    return frozenset(youth | undated) if youth or undated else frozenset(p.country for p in profile.places)


def listener_from_profile(profile: Profile, approved_family_songs: Iterable[tuple[str, str]] = ()) -> Listener:
    named: list[NamedSong] = []
    for label, songs in (
        ("one of {name}'s favourite songs", profile.favourite_songs),
        ("from {name}'s family (inheritance song)", profile.inheritance_tracks),
        ("part of who {name} is (identity song)", profile.identity_tracks),
    ):
        for song in songs:
            story = f": {song.story}" if song.story else ""
            named.append(
                NamedSong(
                    normalise_title(song.title),
                    normalise_artist(song.artist),
                    label.format(name=profile.short_name) + story,
                )
            )
    for title, artist in approved_family_songs:
        named.append(NamedSong(normalise_title(title), normalise_artist(artist), "suggested by family"))
    return Listener(
        name=profile.short_name,
        birth_year=profile.birth_year,
        regions=regions_lived_in_youth(profile),
        languages=tuple(profile.languages),
        named_songs=tuple(named),
        favourite_artists={normalise_artist(a): a for a in profile.favourite_artists},
        favourite_genres=frozenset(g.casefold() for g in profile.favourite_genres),
        red_flags=tuple(song_key(f.title, f.artist) for f in profile.red_flags),
        avoid_themes=frozenset(t.theme for t in profile.avoid_themes),
        low_mood_risk=profile.low_mood_risk,
    )


# --- exclusion -------------------------------------------------------------------


def artist_matches(wanted: str, actual: str) -> bool:
    """Normalised artists match if equal, or one is the other plus more names
    ("desmond dekker" and "desmond dekker and the aces"); no artist matches anyone."""
    return not wanted or wanted == actual or actual.startswith(wanted + " ") or wanted.startswith(actual + " ")


def is_red_flagged(key: SongKey, red_flags: Iterable[SongKey]) -> bool:
    """A red flag with no artist blocks every recording of that title."""
    return any(key[0] == title and artist_matches(artist, key[1]) for title, artist in red_flags)


def exclusion(listener: Listener, track: Track, key: SongKey) -> str | None:
    """Why this track must never be offered to this person, or None."""
    if is_red_flagged(key, listener.red_flags):
        return "red flag"
    if listener.avoid_themes.intersection(track.themes):
        return "avoided theme"
    if listener.low_mood_risk == "high" and track.mood in cm.SAD_MOODS:
        return "sad song, high low-mood risk"
    return None


def purpose_fit(track: Track, purpose: str) -> tuple[float | None, str | None]:
    """(factor, reason); factor None means the song must not be used for this purpose."""
    bpm, tempo, mood = track.bpm, track.tempo, track.mood
    if purpose == "calm":
        if (bpm and bpm > cm.AGITATION_CEILING_BPM) or tempo == "fast" or mood == "rousing":
            return None, None
        if (bpm and bpm < cm.CALM_MAX_BPM) or (tempo == "slow" and mood in ("calm", "tender")):
            return cm.PURPOSE_FIT_FACTOR, "slow and gentle, for a calm time"
        return (1.0 if tempo == "slow" else cm.PURPOSE_MISFIT_FACTOR), None
    if purpose == "sleep":
        if (bpm and bpm > cm.CALM_MAX_BPM) or tempo in ("medium", "fast") or mood in ("rousing", "uplifting"):
            return None, None
        if (bpm and bpm < cm.SLEEP_MAX_BPM) or (tempo == "slow" and mood in ("calm", "tender")):
            return cm.PURPOSE_FIT_FACTOR, "slow and soft, for settling to sleep"
        return cm.PURPOSE_MISFIT_FACTOR, None
    if purpose == "uplifting":
        low, high = cm.UPLIFTING_BPM
        if (bpm and low <= bpm <= high) or (tempo in ("medium", "fast") and mood in ("uplifting", "rousing")):
            return cm.PURPOSE_FIT_FACTOR, "lively and cheerful, to lift the mood"
        if mood in ("melancholy", "calm") or tempo == "slow":
            return cm.PURPOSE_MISFIT_FACTOR, None
        return 1.0, None
    return 1.0, None


# --- feedback --------------------------------------------------------------------


@dataclass(frozen=True)
class Feedback:
    mean: float  # exponentially weighted, newest heaviest
    plays: int
    low_ratings: int
    best: int


def summarise_feedback(history: Iterable[Response]) -> dict[SongKey, Feedback]:
    by_song: dict[SongKey, list[Response]] = {}
    for response in history:
        by_song.setdefault((response.title_key, response.artist_key), []).append(response)
    summary = {}
    for key, responses in by_song.items():
        responses.sort(key=lambda r: r.at)
        weight, total, weights = 1.0, 0.0, 0.0
        for response in reversed(responses):
            total += weight * response.rating
            weights += weight
            weight *= cm.FEEDBACK_DECAY
        summary[key] = Feedback(
            mean=total / weights,
            plays=len(responses),
            low_ratings=sum(r.rating <= cm.DEMOTE_AT_OR_BELOW for r in responses),
            best=max(r.rating for r in responses),
        )
    return summary


def feedback_factor(feedback: Feedback | None) -> tuple[float, str | None]:
    if feedback is None:
        return 1.0, None
    if feedback.low_ratings >= cm.DEMOTE_AFTER_OCCASIONS and feedback.best < cm.PIN_AT:
        return cm.DEMOTE_FACTOR, None
    if feedback.mean >= cm.PROMOTE_AT:
        factor = 1 + cm.PROMOTE_FACTOR_PER_POINT * (feedback.mean - cm.PROMOTE_AT + 1)
        return factor, f"responded well before ({feedback.mean:.1f} of 6 over {feedback.plays} play(s))"
    return 1.0, None


# --- scoring ---------------------------------------------------------------------


def _place_reason(listener: Listener, track: Track, explain: bool = True) -> tuple[float, str | None]:
    shared = listener.regions.intersection(track.regions)
    language = track.language if track.language and track.language in listener.languages else ""
    if not explain:
        if shared or language:
            return cm.PLACE_OR_LANGUAGE_MATCH, None
        return (cm.NO_PLACE_OR_LANGUAGE_MATCH if track.regions else cm.UNKNOWN_REGION), None
    shared = sorted(shared)
    if shared:
        places = ", ".join(country_name(code) for code in shared[:2])
        reason = f"known in {places}, where {listener.name} lived when young"
        if language and language != "en":
            reason += f"; sung in {language_name(language)}"
        return cm.PLACE_OR_LANGUAGE_MATCH, reason
    if language:
        return cm.PLACE_OR_LANGUAGE_MATCH, f"sung in {language_name(language)}, one of {listener.name}'s languages"
    if not track.regions:
        return cm.UNKNOWN_REGION, None
    return cm.NO_PLACE_OR_LANGUAGE_MATCH, None


def _ignore(_: str) -> None:
    return None


def score_track(
    listener: Listener,
    track: Track,
    *,
    purpose: str = "reminisce",
    feedback: dict[SongKey, Feedback] | None = None,
    recently_played: frozenset[SongKey] = frozenset(),
    explain: bool = True,
) -> Suggestion | None:
    """One track's suggestion for one person, or None if it must not be offered.

    ``explain=False`` skips writing the reasons: ranking thousands of candidates
    needs only the numbers, and only the chosen few need their reasons.
    """
    key = track_key(track)
    if exclusion(listener, track, key):
        return None
    fit, purpose_reason = purpose_fit(track, purpose)
    if fit is None:
        return None
    reasons: list[str] = []
    warnings: list[str] = []
    say = reasons.append if explain else _ignore
    tier = cm.TIER_ERA
    named = next(
        (s for s in listener.named_songs if s.title_key == key[0] and artist_matches(s.artist_key, key[1])),
        None,
    )
    if named:
        tier = cm.TIER_NAMED_SONG
        say(named.reason[0].upper() + named.reason[1:])
    elif key[1] in listener.favourite_artists:
        tier = cm.TIER_FAVOURITE_ARTIST
        say(f"{listener.name} loves {listener.favourite_artists[key[1]]}")
    age = track.year - listener.birth_year if track.year else None
    era = era_weight(age, listener.parents_age_at_birth) if age is not None else cm.FLOOR_NEAR
    if age is not None and explain:
        if age >= 0:
            say(f"Released {track.year}, when {listener.name} was {age}")
        elif era > cm.FLOOR_NEAR:
            say(f"Released {track.year}, {-age} years before {listener.name} was born: their parents' era")
        else:
            say(f"Released {track.year}")
    place, place_reason = _place_reason(listener, track, explain)
    if place_reason:
        say(place_reason[0].upper() + place_reason[1:])
    genre = 1.0
    if track.genre and track.genre.casefold() in listener.favourite_genres:
        genre = cm.FAVOURITE_GENRE_FACTOR
        say(f"{track.genre.capitalize()}, a favourite kind of music")
    if purpose_reason:
        say(purpose_reason[0].upper() + purpose_reason[1:])
    history = (feedback or {}).get(key)
    response, response_reason = feedback_factor(history)
    if response_reason:
        say(response_reason[0].upper() + response_reason[1:])
    pinned = bool(history and history.best >= cm.PIN_AT)
    if pinned:
        reasons.insert(0, "Key song: it once brought back a specific memory")
    rotation = cm.RECENTLY_PLAYED_FACTOR if key in recently_played else 1.0
    if listener.low_mood_risk == "moderate" and track.mood in cm.SAD_MOODS:
        warnings.append("A sad song: watch for low mood (moderate risk)")
    score = era * place * genre * fit * response * rotation
    return Suggestion(track, round(score, 6), age, tuple(reasons), tuple(warnings), tier, pinned)


def _rank_key(suggestion: Suggestion):
    track = suggestion.track
    title_key, artist_key = track_key(track)
    return (
        not suggestion.pinned,
        -suggestion.tier,
        -suggestion.score,
        track.year or 0,
        title_key,
        artist_key,
        track.source,
    )


def _prefer_playable(tracks: Iterable[Track]) -> list[Track]:
    """One track per song: a playable local file first, then Spotify, then the catalog row."""
    best: dict[SongKey, Track] = {}
    for track in tracks:
        key = track_key(track)
        current = best.get(key)
        if current is None or (bool(track.file_path), bool(track.spotify_id)) > (
            bool(current.file_path),
            bool(current.spotify_id),
        ):
            best[key] = track
    return list(best.values())


def pick_with_variety(ranked: Sequence[Suggestion], limit: int) -> list[Suggestion]:
    """Greedy: no artist more than twice in any 15 in a row; repeated years weigh less."""
    remaining = list(ranked)
    chosen: list[Suggestion] = []
    window: deque[str] = deque(maxlen=cm.VARIETY_WINDOW - 1)
    years: Counter[int] = Counter()
    while remaining and len(chosen) < limit:
        artists_in_window = Counter(window)
        best_index, best_value = None, None
        for index, suggestion in enumerate(remaining):
            artist = track_key(suggestion.track)[1]
            if artists_in_window[artist] >= cm.VARIETY_MAX_PER_ARTIST:
                continue
            value = (
                not suggestion.pinned,
                -suggestion.tier,
                -suggestion.score * cm.SAME_YEAR_FACTOR ** years[suggestion.track.year or 0],
            )
            if best_value is None or value < best_value:
                best_index, best_value = index, value
            if suggestion.tier == cm.TIER_ERA and not suggestion.pinned and index > 400:
                break  # far down an already-sorted list nothing can beat the best so far
        if best_index is None:
            break  # only over-represented artists are left
        suggestion = remaining.pop(best_index)
        chosen.append(suggestion)
        window.append(track_key(suggestion.track)[1])
        years[suggestion.track.year or 0] += 1
    return chosen


def suggest(
    listener: Listener,
    tracks: Iterable[Track],
    *,
    purpose: str = "reminisce",
    history: Iterable[Response] = (),
    recently_played: Iterable[SongKey] = (),
    limit: int = 50,
) -> list[Suggestion]:
    """The ranked longlist for one person."""
    if purpose not in cm.PURPOSES:
        raise ValueError(f"purpose must be one of {', '.join(cm.PURPOSES)}")
    feedback = summarise_feedback(history)
    recent = frozenset(recently_played)
    options = {"purpose": purpose, "feedback": feedback, "recently_played": recent}
    scored = [
        suggestion
        for track in _prefer_playable(tracks)
        if (suggestion := score_track(listener, track, explain=False, **options))
    ]
    scored.sort(key=_rank_key)
    return [score_track(listener, chosen.track, **options) for chosen in pick_with_variety(scored, limit)]
