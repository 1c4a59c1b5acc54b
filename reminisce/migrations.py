"""The schema, as an ordered list of migrations that upgrade a database in place.

Never edit a migration that has been released: add a new one. Raw SQL keeps the
constraints (CHECK, ON DELETE CASCADE) visible in one place.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("reminisce")


def _run(db: Database, *statements: str) -> None:
    for statement in statements:
        db.execute(statement)


@migrations()
def m001_life_story(db: Database) -> None:
    """Care home settings, sign-in accounts and the resident's life story."""
    _run(
        db,
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'family')),
            display_name TEXT NOT NULL DEFAULT '',
            disabled INTEGER NOT NULL DEFAULT 0,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE residents (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            preferred_name TEXT NOT NULL DEFAULT '',
            birth_year INTEGER NOT NULL,
            room TEXT NOT NULL DEFAULT '',
            faith TEXT NOT NULL DEFAULT '',
            music_importance TEXT NOT NULL DEFAULT '',
            dancing TEXT NOT NULL DEFAULT '',
            hearing_notes TEXT NOT NULL DEFAULT '',
            headphones_notes TEXT NOT NULL DEFAULT '',
            low_mood_risk TEXT NOT NULL DEFAULT 'not assessed',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX residents_name ON residents (name COLLATE NOCASE)",
        """CREATE TABLE resident_places (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL,
            from_year INTEGER,
            to_year INTEGER
        )""",
        "CREATE INDEX resident_places_resident ON resident_places (resident_id)",
        """CREATE TABLE resident_list_items (
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            position INTEGER NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (resident_id, field, position)
        )""",
        """CREATE TABLE resident_songs (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            category TEXT NOT NULL CHECK (category IN ('favourite', 'inheritance', 'identity')),
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL DEFAULT '',
            story TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX resident_songs_resident ON resident_songs (resident_id)",
        """CREATE TABLE red_flags (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX red_flags_resident ON red_flags (resident_id)",
        """CREATE TABLE avoid_themes (
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            theme TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (resident_id, theme)
        )""",
        """CREATE TABLE memories (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            year INTEGER,
            place TEXT NOT NULL DEFAULT '',
            contributed_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX memories_resident ON memories (resident_id)",
    )


@migrations()
def m002_catalog(db: Database) -> None:
    """Music sources and their tracks, indexed by year and region, with full-text search."""
    _run(
        db,
        """CREATE TABLE sources (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('bundled', 'csv', 'folder', 'spotify')),
            description TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL DEFAULT '',
            loaded_at TEXT NOT NULL
        )""",
        """CREATE TABLE tracks (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL REFERENCES sources (name) ON DELETE CASCADE,
            title TEXT NOT NULL,
            artist TEXT NOT NULL,
            year INTEGER,
            regions TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            genre TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT '',
            tempo TEXT NOT NULL DEFAULT '',
            bpm INTEGER,
            mood TEXT NOT NULL DEFAULT '',
            themes TEXT NOT NULL DEFAULT '',
            file_path TEXT NOT NULL DEFAULT '',
            spotify_id TEXT NOT NULL DEFAULT '',
            title_key TEXT NOT NULL,
            artist_key TEXT NOT NULL,
            line INTEGER,
            generation INTEGER NOT NULL DEFAULT 0,
            UNIQUE (source, title_key, artist_key)
        )""",
        "CREATE INDEX tracks_year ON tracks (year)",
        "CREATE INDEX tracks_keys ON tracks (title_key, artist_key)",
        # year is repeated here so "songs known in IE in 1955" is one index seek,
        # which keeps suggestion time flat however large the catalog grows.
        """CREATE TABLE track_regions (
            region TEXT NOT NULL,
            year INTEGER,
            track_id INTEGER NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
            PRIMARY KEY (region, year, track_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX track_regions_track ON track_regions (track_id)",
        "CREATE INDEX tracks_language_year ON tracks (language, year, id)",
        "CREATE INDEX tracks_artist ON tracks (artist_key)",
        """CREATE VIRTUAL TABLE tracks_fts USING fts5(
            title, artist, content='tracks', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER tracks_fts_insert AFTER INSERT ON tracks BEGIN
            INSERT INTO tracks_fts (rowid, title, artist) VALUES (new.id, new.title, new.artist);
        END""",
        """CREATE TRIGGER tracks_fts_delete AFTER DELETE ON tracks BEGIN
            INSERT INTO tracks_fts (tracks_fts, rowid, title, artist) VALUES ('delete', old.id, old.title, old.artist);
        END""",
        """CREATE TRIGGER tracks_fts_update AFTER UPDATE OF title, artist ON tracks BEGIN
            INSERT INTO tracks_fts (tracks_fts, rowid, title, artist) VALUES ('delete', old.id, old.title, old.artist);
            INSERT INTO tracks_fts (rowid, title, artist) VALUES (new.id, new.title, new.artist);
        END""",
    )


@migrations()
def m003_playlists(db: Database) -> None:
    """Per-resident playlists by purpose. Items keep their own title and artist so a
    playlist survives a catalog being removed or re-imported."""
    _run(
        db,
        """CREATE TABLE playlists (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            purpose TEXT NOT NULL CHECK (purpose IN ('reminisce', 'uplifting', 'calm', 'sleep')),
            when_to_use TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX playlists_resident ON playlists (resident_id)",
        """CREATE TABLE playlist_items (
            id INTEGER PRIMARY KEY,
            playlist_id INTEGER NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            track_id INTEGER REFERENCES tracks (id) ON DELETE SET NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL,
            year INTEGER,
            pinned INTEGER NOT NULL DEFAULT 0,
            reasons TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL
        )""",
        "CREATE INDEX playlist_items_playlist ON playlist_items (playlist_id, position)",
    )


@migrations()
def m004_listening_sessions(db: Database) -> None:
    """Therapeutic goals, listening sessions, each song played with its one-tap response,
    and red flags proposed during a session for staff to confirm."""
    _run(
        db,
        """CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX goals_resident ON goals (resident_id)",
        """CREATE TABLE listening_sessions (
            id INTEGER PRIMARY KEY,
            playlist_id INTEGER REFERENCES playlists (id) ON DELETE SET NULL,
            goal_id INTEGER REFERENCES goals (id) ON DELETE SET NULL,
            purpose TEXT NOT NULL,
            activity TEXT NOT NULL DEFAULT 'listening',
            audio TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL DEFAULT '',
            rater_id INTEGER,
            position INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            ended_at TEXT
        )""",
        "CREATE INDEX listening_sessions_started ON listening_sessions (started_at)",
        """CREATE TABLE session_members (
            session_id INTEGER NOT NULL REFERENCES listening_sessions (id) ON DELETE CASCADE,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            mood_before INTEGER CHECK (mood_before BETWEEN 1 AND 5),
            mood_after INTEGER CHECK (mood_after BETWEEN 1 AND 5),
            midas_interest INTEGER CHECK (midas_interest BETWEEN 0 AND 100),
            midas_response INTEGER CHECK (midas_response BETWEEN 0 AND 100),
            midas_initiation INTEGER CHECK (midas_initiation BETWEEN 0 AND 100),
            midas_involvement INTEGER CHECK (midas_involvement BETWEEN 0 AND 100),
            midas_enjoyment INTEGER CHECK (midas_enjoyment BETWEEN 0 AND 100),
            minutes_engaged INTEGER CHECK (minutes_engaged BETWEEN 0 AND 600),
            PRIMARY KEY (session_id, resident_id)
        )""",
        "CREATE INDEX session_members_resident ON session_members (resident_id)",
        """CREATE TABLE song_plays (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES listening_sessions (id) ON DELETE CASCADE,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            track_id INTEGER REFERENCES tracks (id) ON DELETE SET NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL DEFAULT '',
            year INTEGER,
            title_key TEXT NOT NULL,
            artist_key TEXT NOT NULL,
            rating INTEGER CHECK (rating BETWEEN 1 AND 6),
            cues TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            stopped INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            listened_seconds INTEGER,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (session_id, resident_id, position)
        )""",
        "CREATE INDEX song_plays_resident ON song_plays (resident_id, started_at)",
        """CREATE TABLE red_flag_proposals (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            session_id INTEGER REFERENCES listening_sessions (id) ON DELETE SET NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            proposed_by TEXT NOT NULL DEFAULT '',
            proposed_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'dismissed')),
            decided_by TEXT NOT NULL DEFAULT '',
            decided_at TEXT
        )""",
        "CREATE INDEX red_flag_proposals_resident ON red_flag_proposals (resident_id, status)",
    )


@migrations()
def m005_people_and_privacy(db: Database) -> None:
    """Family links, one-time invitations, family contributions awaiting staff review,
    and an audit log the app can only append to."""
    _run(
        db,
        """CREATE TABLE resident_access (
            user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            PRIMARY KEY (user_id, resident_id)
        )""",
        "CREATE INDEX resident_access_resident ON resident_access (resident_id)",
        """CREATE TABLE invitations (
            id INTEGER PRIMARY KEY,
            code_hash TEXT NOT NULL UNIQUE,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            used_by INTEGER REFERENCES users (id) ON DELETE SET NULL
        )""",
        """CREATE TABLE contributions (
            id INTEGER PRIMARY KEY,
            resident_id INTEGER NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
            author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
            author_name TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('memory', 'song', 'red_flag')),
            title TEXT NOT NULL DEFAULT '',
            artist TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            year INTEGER,
            place TEXT NOT NULL DEFAULT '',
            track_id INTEGER REFERENCES tracks (id) ON DELETE SET NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
            created_at TEXT NOT NULL,
            decided_by TEXT NOT NULL DEFAULT '',
            decided_at TEXT
        )""",
        "CREATE INDEX contributions_resident ON contributions (resident_id, status)",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_id INTEGER,
            username TEXT NOT NULL,
            role TEXT NOT NULL,
            action TEXT NOT NULL,
            resident_id INTEGER,
            detail TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX audit_log_at ON audit_log (at)",
        """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
            SELECT RAISE(ABORT, 'the audit log cannot be changed');
        END""",
        """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
            SELECT RAISE(ABORT, 'the audit log cannot be changed');
        END""",
    )


@migrations()
def m006_spotify(db: Database) -> None:
    """Spotify: cached search answers, the care-home account's token (server-side only),
    and the Spotify playlist each of our playlists was sent to."""
    _run(
        db,
        """CREATE TABLE spotify_cache (
            key TEXT PRIMARY KEY,
            response TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        )""",
        """CREATE TABLE secrets (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        "ALTER TABLE playlists ADD COLUMN spotify_playlist_id TEXT NOT NULL DEFAULT ''",
    )


@migrations()
def m007_memory_photos(db: Database) -> None:
    """A photo with a memory (family often have one: a wedding, a dance hall)."""
    _run(
        db,
        "ALTER TABLE memories ADD COLUMN photo BLOB",
        "ALTER TABLE memories ADD COLUMN photo_type TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE contributions ADD COLUMN photo BLOB",
        "ALTER TABLE contributions ADD COLUMN photo_type TEXT NOT NULL DEFAULT ''",
    )
