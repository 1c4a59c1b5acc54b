"""Spotify as one more music source, through spotipy, and exporting playlists to it.

Spotify's Web API (development mode, 2026) offers search, ten results a page, and
playlist export; no recommendations, genres or popularity. So search results are
matched to our own catalog and take our year, places, mood and themes.

Faults never freeze a tablet: requests time out after 2 s, spotipy never retries or
sleeps (a Retry-After of an hour would otherwise block the page), and any fault puts
the source to rest until a recorded time, during which the app answers from the
bundled catalog at once.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import requests
import spotipy
from rapidfuzz import fuzz
from spotipy.cache_handler import CacheHandler, MemoryCacheHandler
from spotipy.oauth2 import SpotifyClientCredentials, SpotifyOauthError, SpotifyPKCE
from sqlite_utils import Database

from reminisce import accounts, config, people
from reminisce.accounts import User
from reminisce.catalog import store
from reminisce.catalog.base import MusicSource, SourceError, SourceStatus, Track, TrackQuery
from reminisce.db import now_iso, transaction
from reminisce.errors import ReminisceError
from reminisce.matching import normalise_artist, normalise_title

# spotipy logs request headers (the bearer token) at debug level and queries on errors.
logging.getLogger("spotipy").setLevel(logging.CRITICAL)

SOURCE_NAME = "spotify"
REQUEST_TIMEOUT_SECONDS = 2
PAGE_SIZE = 10  # the 2026 development-mode maximum
PAGES_PER_SEARCH = 2
CACHE_TTL = timedelta(days=1)
FAULT_REST = timedelta(minutes=1)
BAD_CREDENTIALS_REST = timedelta(minutes=15)
LONGEST_REST = timedelta(hours=24)
MATCH_SCORE = 90
EXPORT_SCOPE = "playlist-modify-private"
EXPORT_BATCH = 100
SPOTIFY_ID = re.compile(r"[0-9A-Za-z]{22}")
#: Not the recording a resident knew: karaoke, covers, live takes, sound-alikes.
NOT_ORIGINAL = re.compile(
    r"\b(karaoke|tribute|cover(ed)?|live|in the style of|made famous|re-?recorded|sound-?alike)\b", re.IGNORECASE
)
#: " - Remastered 2009", " - Mono", " - Single Version": extras after a dash in a title.
TITLE_EXTRAS = re.compile(r"\s+-\s+(.*(remaster|mono|stereo|version|edit|mix|single).*)$", re.IGNORECASE)

_BACKOFF_UNTIL = "spotify_rest_until"
_BACKOFF_REASON = "spotify_rest_reason"


def embed_url(spotify_id: str) -> str:
    """The embed player's address, built only from a validated base-62 track id."""
    if not SPOTIFY_ID.fullmatch(spotify_id or ""):
        raise ValueError("not a Spotify track id")
    return f"https://open.spotify.com/embed/track/{spotify_id}"


def credentials(db: Database) -> tuple[str, str]:
    """Client id and secret: environment first, else what an admin saved."""
    client_id, secret = config.spotify_credentials()
    if client_id and secret:
        return client_id, secret
    return accounts.get_setting(db, "spotify_client_id"), _secret(db, "spotify_client_secret") or ""


def is_configured(db: Database) -> bool:
    return all(credentials(db))


def save_credentials(db: Database, actor: User, client_id: str, secret: str) -> None:
    people.require_admin(actor)
    if not client_id.strip() or not secret.strip():
        raise ReminisceError("Both the client id and the client secret are needed.")
    accounts.set_setting(db, "spotify_client_id", client_id.strip())
    _set_secret(db, "spotify_client_secret", secret.strip())
    clear_rest(db)
    people.audit(db, actor, "spotify credentials")


def _secret(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM secrets WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _set_secret(db: Database, key: str, value: str) -> None:
    with transaction(db):
        db.execute(
            "INSERT INTO secrets (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


# --- resting after a fault ----------------------------------------------------------


def rest(db: Database, seconds: float, reason: str) -> None:
    until = datetime.now(UTC) + min(timedelta(seconds=max(seconds, 1)), LONGEST_REST)
    accounts.set_setting(db, _BACKOFF_UNTIL, until.isoformat(timespec="seconds"))
    accounts.set_setting(db, _BACKOFF_REASON, reason)


def clear_rest(db: Database) -> None:
    accounts.set_setting(db, _BACKOFF_UNTIL, "")


def resting_until(db: Database) -> datetime | None:
    text = accounts.get_setting(db, _BACKOFF_UNTIL)
    if not text:
        return None
    until = datetime.fromisoformat(text)
    return until if until > datetime.now(UTC) else None


# --- the client --------------------------------------------------------------------


def make_client(client_id: str, secret: str) -> spotipy.Spotify:
    auth = SpotifyClientCredentials(
        client_id, secret, cache_handler=MemoryCacheHandler(), requests_timeout=REQUEST_TIMEOUT_SECONDS
    )
    auth.OAUTH_TOKEN_URL = f"{config.spotify_auth_url()}/api/token"
    client = spotipy.Spotify(
        auth_manager=auth, requests_timeout=REQUEST_TIMEOUT_SECONDS, retries=0, status_forcelist=(500, 502, 503, 504)
    )
    client.prefix = f"{config.spotify_api_url()}/"
    return client


def _call(db: Database, action):
    """Run one API call; on any fault, rest and raise SourceError (never wait here)."""
    try:
        result = action()
    except spotipy.SpotifyException as exc:
        # A real 429 carries Retry-After; spotipy also reports repeated 5xx answers as a
        # header-less 429 ("too many 500 error responses"), which is a server fault.
        if exc.http_status == 429 and (exc.headers or {}).get("Retry-After") is not None:
            try:
                wait = float((exc.headers or {}).get("Retry-After", 60))
            except (TypeError, ValueError):
                wait = 60
            reason = "quota used up" if exc.reason == "QUOTA_EXCEEDED" else "too many requests"
            rest(db, wait, reason)
        elif exc.http_status in (400, 401, 403):
            rest(db, BAD_CREDENTIALS_REST.total_seconds(), "Spotify refused our credentials")
        else:
            rest(db, FAULT_REST.total_seconds(), "Spotify is not answering properly")
        raise SourceError(status_message(db)) from None
    except SpotifyOauthError:
        rest(db, BAD_CREDENTIALS_REST.total_seconds(), "Spotify refused our credentials")
        raise SourceError(status_message(db)) from None
    except (requests.exceptions.RequestException, ValueError, OSError):
        rest(db, FAULT_REST.total_seconds(), "Spotify did not answer in time")
        raise SourceError(status_message(db)) from None
    if not isinstance(result, dict):
        rest(db, FAULT_REST.total_seconds(), "Spotify sent an answer we could not read")
        raise SourceError(status_message(db))
    return result


def status_message(db: Database) -> str:
    if not is_configured(db):
        return "Spotify is not connected."
    until = resting_until(db)
    if until:
        reason = accounts.get_setting(db, _BACKOFF_REASON) or "a problem"
        return f"Spotify is unavailable ({reason}) until {until:%H:%M} UTC; using the bundled catalog."
    return "Spotify is connected."


# --- searching and matching --------------------------------------------------------


def search_strings(query: TrackQuery) -> list[str]:
    """Spotify's ``year:`` filter is the album's year, and old songs now mostly live on
    compilations, so artist searches go without it: our catalog supplies the real year."""
    years = f" year:{query.years[0]}-{query.years[1]}" if query.years else ""
    if query.artists:
        return [f'artist:"{artist}"' for artist in query.artists]
    if query.text.strip():
        return [f"{query.text.strip()}{years}"]
    return [years.strip()] if years else []


def _clean_title(title: str) -> str:
    return TITLE_EXTRAS.sub("", title).strip()


def _from_item(item: dict) -> Track | None:
    try:
        title = _clean_title(item["name"])
        artist = item["artists"][0]["name"]
        track_id = item["id"]
        album = item.get("album") or {}
        year_text = (album.get("release_date") or "")[:4]
    except (KeyError, IndexError, TypeError):
        return None
    if not SPOTIFY_ID.fullmatch(track_id or "") or NOT_ORIGINAL.search(
        f"{item.get('name', '')} {album.get('name', '')}"
    ):
        return None
    year = int(year_text) if year_text.isdigit() else None
    if album.get("album_type") == "compilation":
        year = None  # a "Best of" year says nothing about when the song was new
    return Track(title=title, artist=artist, year=year, source=SOURCE_NAME, spotify_id=track_id)


def match_to_catalog(db: Database, track: Track) -> Track | None:
    """The bundled (or imported) row for this recording, matched on normalised title and artist."""
    title_key, artist_key = normalise_title(track.title), normalise_artist(track.artist)
    rows = list(
        db.query(
            "SELECT * FROM tracks WHERE artist_key = ? AND source != ? ORDER BY source = 'bundled' DESC, year",
            [artist_key, SOURCE_NAME],
        )
    )
    best, best_score = None, 0.0
    for row in rows:
        score = 100.0 if row["title_key"] == title_key else fuzz.ratio(row["title_key"], title_key)
        if score > best_score:
            best, best_score = row, score
    return store.row_to_track(best) if best is not None and best_score >= MATCH_SCORE else None


def _enrich_and_store(db: Database, found: Track) -> Track:
    """Take our tags (and our year: the original release) from the catalog, remember the
    Spotify id on the catalog row, and keep the track so it can be played and exported."""
    match = match_to_catalog(db, found)
    track = found
    if match:
        year = min(y for y in (match.year, found.year) if y) if (match.year or found.year) else None
        track = replace(
            match, id=None, source=SOURCE_NAME, spotify_id=found.spotify_id, year=year, title_key="", artist_key=""
        )
        if not match.spotify_id:
            db.execute("UPDATE tracks SET spotify_id = ? WHERE id = ?", [found.spotify_id, match.id])
    store.register_source(db, SOURCE_NAME, "spotify", description="Spotify search results we have used")
    track_id = store.insert_track(db, track)
    if track_id is None:
        row = db.execute(
            "SELECT id FROM tracks WHERE source = ? AND title_key = ? AND artist_key = ?",
            [SOURCE_NAME, normalise_title(track.title), normalise_artist(track.artist)],
        ).fetchone()
        track_id = row[0]
    return replace(track, id=track_id)


def _cached(db: Database, key: str) -> list | None:
    row = db.execute("SELECT response, fetched_at FROM spotify_cache WHERE key = ?", [key]).fetchone()
    if row and datetime.fromisoformat(row[1]) > datetime.now(UTC) - CACHE_TTL:
        return json.loads(row[0])
    return None


@dataclass
class SpotifySource(MusicSource):
    """Search Spotify by era, artist or words, in the resident's market."""

    db: Database
    market: str = "GB"
    client: spotipy.Spotify | None = None
    name: str = SOURCE_NAME
    kind: str = "spotify"

    def _client(self) -> spotipy.Spotify:
        if self.client is None:
            self.client = make_client(*credentials(self.db))
        return self.client

    def _items(self, search: str) -> list:
        key = f"{self.market}|{search}"
        if (cached := _cached(self.db, key)) is not None:
            return cached
        items: list = []
        for page in range(PAGES_PER_SEARCH):
            result = _call(
                self.db,
                lambda page=page: self._client().search(
                    search, limit=PAGE_SIZE, offset=page * PAGE_SIZE, type="track", market=self.market
                ),
            )
            block = result.get("tracks") if isinstance(result.get("tracks"), dict) else None
            if block is None or not isinstance(block.get("items"), list):
                rest(self.db, FAULT_REST.total_seconds(), "Spotify sent an answer we could not read")
                raise SourceError(status_message(self.db))
            items.extend(block["items"])
            if not block.get("next"):
                break
        with transaction(self.db):
            self.db.execute(
                "INSERT INTO spotify_cache (key, response, fetched_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE"
                " SET response = excluded.response, fetched_at = excluded.fetched_at",
                [key, json.dumps(items), now_iso()],
            )
        return items

    def find(self, query: TrackQuery) -> list[Track]:
        if not is_configured(self.db):
            raise SourceError("Spotify is not connected.")
        if resting_until(self.db):
            raise SourceError(status_message(self.db))
        tracks: dict[str, Track] = {}
        for search in search_strings(query):
            for item in self._items(search):
                found = _from_item(item) if isinstance(item, dict) else None
                if found and found.spotify_id not in tracks:
                    tracks[found.spotify_id] = found
        with transaction(self.db):
            enriched = [_enrich_and_store(self.db, t) for t in tracks.values()]
        return enriched[: query.limit]

    def status(self) -> SourceStatus:
        available = is_configured(self.db) and resting_until(self.db) is None
        return SourceStatus(self.name, self.kind, available, None, status_message(self.db))


# --- exporting playlists to the care home's account ---------------------------------


class TokenStore(CacheHandler):
    """The care-home account's token, kept server-side in our database."""

    def __init__(self, db: Database):
        self.db = db

    def get_cached_token(self):
        value = _secret(self.db, "spotify_user_token")
        return json.loads(value) if value else None

    def save_token_to_cache(self, token_info) -> None:
        _set_secret(self.db, "spotify_user_token", json.dumps(token_info))


def _pkce(db: Database) -> SpotifyPKCE:
    client_id, _ = credentials(db)
    auth = SpotifyPKCE(
        client_id=client_id,
        redirect_uri=config.SPOTIFY_REDIRECT_URI,
        scope=EXPORT_SCOPE,
        cache_handler=TokenStore(db),
        open_browser=False,
        requests_timeout=REQUEST_TIMEOUT_SECONDS,
    )
    auth.OAUTH_TOKEN_URL = f"{config.spotify_auth_url()}/api/token"
    auth.OAUTH_AUTHORIZE_URL = f"{config.spotify_auth_url()}/authorize"
    return auth


def authorize_url(db: Database, actor: User) -> str:
    """Step 1 for an admin: the address to approve access (PKCE; the verifier is kept server-side)."""
    people.require_admin(actor)
    if not is_configured(db):
        raise ReminisceError("Save the Spotify app's client id and secret first.")
    auth = _pkce(db)
    url = auth.get_authorize_url()
    _set_secret(db, "spotify_pkce_verifier", auth.code_verifier)
    return url


def connect(db: Database, actor: User, pasted_address: str) -> None:
    """Step 2: the address the browser landed on after approval (it contains ?code=)."""
    people.require_admin(actor)
    auth = _pkce(db)
    auth.code_verifier = _secret(db, "spotify_pkce_verifier")
    code = auth.parse_response_code((pasted_address or "").strip())
    if not code or code == (pasted_address or "").strip():
        raise ReminisceError("That address has no code in it. Copy the whole address after approving.")
    try:
        auth.get_access_token(code, check_cache=False)
    except (SpotifyOauthError, requests.exceptions.RequestException) as exc:
        raise ReminisceError(f"Spotify did not accept the code ({type(exc).__name__}). Start again.") from None
    people.audit(db, actor, "spotify connect")


def is_connected(db: Database) -> bool:
    return _secret(db, "spotify_user_token") is not None


def send_playlist(db: Database, actor: User, playlist_id: int) -> tuple[str, int, int]:
    """Create (or, sent again, update) a private Spotify playlist; returns (id, sent, missing)."""
    from reminisce import playlists

    playlist = playlists.get(db, actor, playlist_id)
    people.require(db, actor, playlist.resident_id, "send to Spotify")
    if not is_connected(db):
        raise ReminisceError("Connect the care home's Spotify account first (Music sources).")
    uris, missing = [], 0
    for item in playlist.items:
        row = db.execute(
            "SELECT spotify_id FROM tracks WHERE spotify_id != '' AND ((id = ?) OR (title_key = ? AND artist_key = ?))"
            " LIMIT 1",
            [item.track_id, normalise_title(item.title), normalise_artist(item.artist)],
        ).fetchone()
        if row and SPOTIFY_ID.fullmatch(row[0]):
            uris.append(f"spotify:track:{row[0]}")
        else:
            missing += 1
    client = spotipy.Spotify(
        auth_manager=_pkce(db),
        requests_timeout=REQUEST_TIMEOUT_SECONDS,
        retries=0,
        status_forcelist=(500, 502, 503, 504),
    )
    client.prefix = f"{config.spotify_api_url()}/"
    existing = db.execute("SELECT spotify_playlist_id FROM playlists WHERE id = ?", [playlist_id]).fetchone()[0]
    try:
        if existing:
            remote_id = existing
            client.playlist_replace_items(remote_id, uris[:EXPORT_BATCH])
        else:
            created = client.current_user_playlist_create(
                playlist.name, public=False, description="Made with Reminisce"
            )
            remote_id = created["id"]
            if uris:
                client.playlist_add_items(remote_id, uris[:EXPORT_BATCH])
        for start in range(EXPORT_BATCH, len(uris), EXPORT_BATCH):
            client.playlist_add_items(remote_id, uris[start : start + EXPORT_BATCH])
    except (
        spotipy.SpotifyException,
        SpotifyOauthError,
        requests.exceptions.RequestException,
        KeyError,
        TypeError,
    ) as exc:
        raise ReminisceError(
            f"Spotify did not take the playlist ({type(exc).__name__}); nothing else changed."
        ) from None
    with transaction(db):
        db.execute("UPDATE playlists SET spotify_playlist_id = ? WHERE id = ?", [remote_id, playlist_id])
    return remote_id, len(uris), missing
