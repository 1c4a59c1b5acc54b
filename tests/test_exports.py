"""The Music Profile PDF (parsed back), playlist M3U/CSV, session CSV."""

from __future__ import annotations

import csv
import io

from helpers import carer
from pypdf import PdfReader

from reminisce import exports, playlists, residents, sessions
from reminisce.catalog.base import Track
from reminisce.engine.scoring import Suggestion
from reminisce.people import SYSTEM


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_music_profile_pdf_has_key_songs_and_red_flags(db):
    resident_id = residents.create_resident(
        db,
        SYSTEM,
        residents.validate_profile(
            {
                "name": "Zoë Ní Bhriain",
                "preferred_name": "Zoë",
                "birth_year": 1941,
                "places": [{"place": "Cork", "country": "IE", "from_year": 1941}],
                "favourite_songs": [
                    {"title": "He'll Have to Go", "artist": "Jim Reeves", "story": "First dance, 1960"}
                ],
                "red_flags": [{"title": "Danny Boy", "artist": "", "reason": "Her brother's funeral"}],
                "avoid_themes": [{"theme": "war", "reason": ""}],
            }
        ),
    )
    data = exports.music_profile_pdf(db, SYSTEM, resident_id, "Rose House")
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in (
        "Music Profile: Zoë",
        "He'll Have to Go",
        "First dance, 1960",
        "Danny Boy",
        "Her brother's funeral",
        "Songs about war",
        "Cork, Ireland",
    ):
        assert expected in text, expected


def test_playlist_m3u_lists_local_files_and_csv_lists_all(db, peggy, tmp_path):
    db.execute("INSERT INTO sources (name, kind, loaded_at) VALUES ('folder', 'folder', 'now')")
    db.execute(
        "INSERT INTO tracks (source, title, artist, year, file_path, title_key, artist_key)"
        " VALUES ('folder', 'Local', 'A', 1957, '/music/local.mp3', 'local', 'a')"
    )
    local = Track("Local", "A", 1957, "folder", id=1, file_path="/music/local.mp3")
    playlist = playlists.create(
        db,
        SYSTEM,
        peggy,
        "Mix",
        "calm",
        songs=[Suggestion(local, 1, 19, ()), Suggestion(Track("Stream", "B", 1958, "x"), 1, 20, ())],
    )
    m3u = exports.playlist_m3u(db, SYSTEM, playlist)
    assert m3u.startswith("#EXTM3U") and "/music/local.mp3" in m3u and "# not a local file: B - Stream" in m3u
    rows = list(csv.DictReader(io.StringIO(exports.playlist_csv(db, SYSTEM, playlist))))
    assert [r["title"] for r in rows] == ["Local", "Stream"]


def test_session_records_csv(db, peggy):
    playlist = playlists.create(
        db, SYSTEM, peggy, "P", "reminisce", songs=[Suggestion(Track("A", "X", 1957, "b"), 1, 19, ())]
    )
    session = sessions.start_session(db, carer(db, "Ann"), [peggy], playlist_id=playlist, purpose="reminiscence")
    play = sessions.play_for(db, SYSTEM, session, peggy, playlists.get(db, SYSTEM, playlist).items[0], 0)
    sessions.record_rating(db, SYSTEM, play.id, 5)
    sessions.end_session(db, SYSTEM, session, {peggy: {"enjoyment": 75}})
    [row] = list(csv.DictReader(io.StringIO(exports.sessions_csv(db, SYSTEM, peggy))))
    assert (row["title"], row["rating"], row["midas_enjoyment"], row["recorded_by"]) == ("A", "5", "75", "Ann")


def test_names_in_scripts_the_font_lacks_still_make_a_pdf_and_are_not_logged(db, caplog):
    resident_id = residents.create_resident(
        db, SYSTEM, residents.validate_profile({"name": "ਹਰਜੀਤ Kaur", "birth_year": 1950})
    )
    with caplog.at_level("DEBUG"):
        data = exports.music_profile_pdf(db, SYSTEM, resident_id)
    assert data.startswith(b"%PDF") and "Kaur" in pdf_text(data)
    assert "ਹ" not in caplog.text and "Kaur" not in caplog.text
