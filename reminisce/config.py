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
