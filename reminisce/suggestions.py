"""Suggestions for a resident: gather candidates from the stored sources, then ask
the pure engine. Candidate gathering is what keeps this fast on a huge catalog:
per year, per region or language, at most a fixed number of tracks, found by
index seeks, so the work grows with the resident's years, not the catalog size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from reminisce import care_model as cm
from reminisce import contributions, residents, sessions
from reminisce.accounts import User
from reminisce.catalog import store
from reminisce.catalog.base import Track
from reminisce.engine import group, playlist, scoring
from reminisce.engine.era import ages_above_floor
from reminisce.errors import ValidationError
from reminisce.matching import normalise_artist
from reminisce.reference import is_country, is_language

CANDIDATES_PER_YEAR = 60
CHUNK = 500


def _ids(db: Database, sql: str, params: Sequence) -> list[int]:
    return [row[0] for row in db.execute(sql, params).fetchall()]


def candidate_tracks(db: Database, listener: scoring.Listener, sources: Sequence[str] = ()) -> list[Track]:
    low_age, high_age = ages_above_floor(listener.parents_age_at_birth)
    years = range(listener.birth_year + low_age, listener.birth_year + high_age + 1)
    source_filter = f" AND t.source IN ({', '.join('?' * len(sources))})" if sources else ""
    ids: set[int] = set()
    for region in sorted(listener.regions):
        for year in years:
            ids.update(
                _ids(
                    db,
                    "SELECT r.track_id FROM track_regions r JOIN tracks t ON t.id = r.track_id "
                    f"WHERE r.region = ? AND r.year = ?{source_filter} LIMIT ?",
                    [region, year, *sources, CANDIDATES_PER_YEAR],
                )
            )
    for language in listener.languages:
        for year in years:
            ids.update(
                _ids(
                    db,
                    f"SELECT t.id FROM tracks t WHERE t.language = ? AND t.year = ?{source_filter} LIMIT ?",
                    [language, year, *sources, CANDIDATES_PER_YEAR],
                )
            )
    if not listener.regions and not listener.languages:
        for year in years:
            ids.update(
                _ids(
                    db,
                    f"SELECT t.id FROM tracks t WHERE t.year = ?{source_filter} LIMIT ?",
                    [year, *sources, CANDIDATES_PER_YEAR],
                )
            )
    artist_keys = list(listener.favourite_artists) + [s.artist_key for s in listener.named_songs if s.artist_key]
    if artist_keys:
        ids.update(
            _ids(
                db,
                f"SELECT t.id FROM tracks t WHERE t.artist_key IN ({', '.join('?' * len(artist_keys))})"
                f"{source_filter} LIMIT 2000",
                [*artist_keys, *sources],
            )
        )
    title_keys = [s.title_key for s in listener.named_songs]
    if title_keys:
        ids.update(
            _ids(
                db,
                f"SELECT t.id FROM tracks t WHERE t.title_key IN ({', '.join('?' * len(title_keys))})"
                f"{source_filter} LIMIT 2000",
                [*title_keys, *sources],
            )
        )
    ordered = sorted(ids)
    tracks: list[Track] = []
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        tracks.extend(
            store.row_to_track(row)
            for row in db.query(f"SELECT * FROM tracks WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        )
    return tracks


def listener_for(db: Database, actor: User, resident_id: int) -> scoring.Listener:
    """The engine's view of a resident: the life story plus family songs staff approved."""
    profile = residents.get_resident(db, actor, resident_id)
    approved = contributions.approved_songs(db, actor, resident_id)
    family_flags = contributions.active_family_red_flags(db, actor, resident_id)
    listener = scoring.listener_from_profile(profile, approved_family_songs=approved)
    if family_flags:
        flags = tuple(scoring.song_key(title, artist) for title, artist in family_flags)
        listener = dataclasses.replace(listener, red_flags=listener.red_flags + flags)
    return listener


def adhoc_listener(
    birth_year: int, regions: Iterable[str] = (), languages: Iterable[str] = (), artists: Iterable[str] = ()
) -> scoring.Listener:
    """For ``suggest --birth-year``: a person described only on the command line."""
    errors = {}
    if not isinstance(birth_year, int) or not residents.EARLIEST_BIRTH_YEAR <= birth_year <= residents.current_year():
        errors["birth_year"] = f"must be between {residents.EARLIEST_BIRTH_YEAR} and {residents.current_year()}."
    regions = [r.upper() for r in regions]
    if bad := [r for r in regions if not is_country(r)]:
        errors["region"] = f"({', '.join(bad)}) is not an ISO 3166 country code like GB or IE."
    languages = [lang.lower() for lang in languages]
    if bad := [lang for lang in languages if not is_language(lang)]:
        errors["language"] = f"({', '.join(bad)}) is not an ISO 639-1 language code like en or hi."
    if errors:
        raise ValidationError(errors)
    return scoring.Listener(
        name="this person",
        birth_year=birth_year,
        regions=frozenset(regions),
        languages=tuple(languages),
        favourite_artists={normalise_artist(a): a for a in artists},
    )


def check_request(purpose: str, limit: int) -> None:
    errors = {}
    if purpose not in cm.PURPOSES:
        errors["purpose"] = f"must be one of {', '.join(cm.PURPOSES)}."
    if not 1 <= limit <= 500:
        errors["limit"] = "must be between 1 and 500."
    if errors:
        raise ValidationError(errors)


def spotify_candidates(db: Database, listener: scoring.Listener) -> tuple[list[Track], list[str]]:
    """Spotify search for this person's youth and favourite artists, in their market."""
    from reminisce.catalog.base import TrackQuery, find_in_all
    from reminisce.catalog.spotify import SpotifySource

    market = sorted(listener.regions)[0] if listener.regions else "GB"
    youth = (listener.birth_year + 10, listener.birth_year + 25)
    artists = tuple(list(listener.favourite_artists.values())[:3])
    result = find_in_all(
        [SpotifySource(db, market=market)],
        TrackQuery(years=youth, artists=artists, limit=200) if artists else TrackQuery(years=youth, limit=200),
    )
    if artists and not result.failures:
        more = find_in_all([SpotifySource(db, market=market)], TrackQuery(years=youth, limit=200))
        result.tracks.extend(more.tracks)
        result.failures.update(more.failures)
    return result.tracks, list(result.failures.values())


def suggest_with_notices(
    db: Database,
    listener: scoring.Listener,
    *,
    purpose: str = "reminisce",
    limit: int = 50,
    sources: Sequence[str] = (),
    history: Iterable[scoring.Response] = (),
    recently_played: Iterable[scoring.SongKey] = (),
) -> tuple[list[scoring.Suggestion], list[str]]:
    """Suggestions plus any notice a carer should see ("Spotify is unavailable...").

    Spotify joins when asked for, or by default when it is configured; if it fails,
    the stored catalog answers instead, at once.
    """
    from reminisce.catalog import spotify

    check_request(purpose, limit)
    stored = tuple(s for s in sources if s != spotify.SOURCE_NAME)
    want_spotify = spotify.SOURCE_NAME in sources or (not sources and spotify.is_configured(db))
    notices: list[str] = []
    tracks = candidate_tracks(db, listener, stored) if (stored or not sources) else []
    if want_spotify:
        found, failures = spotify_candidates(db, listener)
        tracks.extend(found)
        if failures:
            notices.extend(failures)
            if not tracks:
                tracks = candidate_tracks(db, listener, ())
    ranked = scoring.suggest(
        listener, tracks, purpose=purpose, history=history, recently_played=recently_played, limit=limit
    )
    return ranked, notices


def suggest(db: Database, listener: scoring.Listener, **options) -> list[scoring.Suggestion]:
    return suggest_with_notices(db, listener, **options)[0]


def suggest_for_resident(
    db: Database,
    actor: User,
    resident_id: int,
    *,
    purpose: str = "reminisce",
    limit: int = 50,
    sources: Sequence[str] = (),
) -> list[scoring.Suggestion]:
    """Suggestions that learn: this resident's recorded responses re-rank, recent plays rotate down."""
    return suggest_for_resident_with_notices(db, actor, resident_id, purpose=purpose, limit=limit, sources=sources)[0]


def suggest_for_resident_with_notices(
    db: Database,
    actor: User,
    resident_id: int,
    *,
    purpose: str = "reminisce",
    limit: int = 50,
    sources: Sequence[str] = (),
) -> tuple[list[scoring.Suggestion], list[str]]:
    return suggest_with_notices(
        db,
        listener_for(db, actor, resident_id),
        purpose=purpose,
        limit=limit,
        sources=sources,
        history=sessions.response_history(db, actor, resident_id),
        recently_played=sessions.recently_played(db, actor, resident_id),
    )


def suggest_for_group(
    db: Database, actor: User, resident_ids: Sequence[int], *, purpose: str = "reminisce", limit: int = 30
) -> list[group.GroupSuggestion]:
    listeners = [listener_for(db, actor, resident_id) for resident_id in resident_ids]
    tracks: dict[int, Track] = {}
    for listener in listeners:
        for track in candidate_tracks(db, listener):
            tracks[track.id] = track
    return group.suggest_group(listeners, sorted(tracks.values(), key=lambda t: t.id), purpose=purpose, limit=limit)


def build_for_resident(
    db: Database, actor: User, resident_id: int, purpose: str, size: int | None = None
) -> list[scoring.Suggestion]:
    longlist = suggest_for_resident(db, actor, resident_id, purpose=purpose, limit=60)
    return playlist.build_playlist(longlist, purpose, size)


def suggestion_json(suggestion: scoring.Suggestion) -> dict:
    track = suggestion.track
    return {
        "title": track.title,
        "artist": track.artist,
        "year": track.year,
        "regions": list(track.regions),
        "language": track.language,
        "genre": track.genre,
        "source": track.source,
        "track_id": track.id,
        "score": suggestion.score,
        "age_at_release": suggestion.age_at_release,
        "reasons": list(suggestion.reasons),
        "warnings": list(suggestion.warnings),
        "pinned": suggestion.pinned,
    }
