"""Settings read from the environment, with defaults that work on a fresh clone."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
CATALOG_DIR = DATA_DIR / "catalog"
DEFAULT_DB_PATH = DATA_DIR / "reminisce.db"
DEFAULT_STAFF_IDLE_MINUTES = 10
FAMILY_IDLE_MINUTES = 30  # family use their own phones, not a shared tablet


def database_path() -> Path:
    """Where the SQLite file lives: ``REMINISCE_DB`` or ``data/reminisce.db``."""
    configured = os.environ.get("REMINISCE_DB", "").strip()
    return Path(configured) if configured else DEFAULT_DB_PATH


def staff_idle_minutes() -> int:
    """Minutes without a tap before a shared tablet signs its user out."""
    raw = os.environ.get("REMINISCE_IDLE_MINUTES", "").strip()
    if not raw:
        return DEFAULT_STAFF_IDLE_MINUTES
    try:
        minutes = int(raw)
    except ValueError:
        return DEFAULT_STAFF_IDLE_MINUTES
    return minutes if minutes > 0 else DEFAULT_STAFF_IDLE_MINUTES


SPOTIFY_API_URL = "https://api.spotify.com/v1"
SPOTIFY_AUTH_URL = "https://accounts.spotify.com"
SPOTIFY_REDIRECT_URI = "http://127.0.0.1:8501/callback"


def spotify_api_url() -> str:
    """Spotify's Web API, or a stand-in (tests, a proxy): ``REMINISCE_SPOTIFY_API_URL``."""
    return os.environ.get("REMINISCE_SPOTIFY_API_URL", "").strip().rstrip("/") or SPOTIFY_API_URL


def spotify_auth_url() -> str:
    """Spotify's accounts service (token and authorise): ``REMINISCE_SPOTIFY_AUTH_URL``."""
    return os.environ.get("REMINISCE_SPOTIFY_AUTH_URL", "").strip().rstrip("/") or SPOTIFY_AUTH_URL


def spotify_credentials() -> tuple[str, str]:
    """The app's client id and secret from ``SPOTIPY_CLIENT_ID`` / ``SPOTIPY_CLIENT_SECRET``."""
    return os.environ.get("SPOTIPY_CLIENT_ID", "").strip(), os.environ.get("SPOTIPY_CLIENT_SECRET", "").strip()
