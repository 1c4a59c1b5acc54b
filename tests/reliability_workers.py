"""Worker processes for the concurrency and crash tests (run as separate processes)."""

from __future__ import annotations

import sys

from reminisce import db as database
from reminisce import playlists, sessions
from reminisce.catalog import csv_import
from reminisce.people import SYSTEM


def record(db_path: str, session_id: int, resident_id: int, playlist_id: int, count: int, offset: int) -> None:
    """Record ``count`` song responses (rating and note), printing each acknowledged id."""
    db = database.connect(db_path)
    item = playlists.get(db, SYSTEM, playlist_id).items[0]
    for n in range(count):
        play = sessions.play_for(db, SYSTEM, session_id, resident_id, item, offset + n)
        sessions.record_rating(db, SYSTEM, play.id, 1 + n % 6)
        sessions.save_note(db, SYSTEM, play.id, f"note {offset + n}")
        print(play.id, flush=True)  # acknowledged: both writes committed


def import_catalog(db_path: str, csv_path: str) -> None:
    db = database.connect(db_path)
    print("started", flush=True)
    csv_import.import_csv(db, csv_path, "big import")
    print("finished", flush=True)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "record":
        record(args[0], *(int(a) for a in args[1:]))
    else:
        import_catalog(*args)
