"""Scanning a music folder: tags read with mutagen, bad files reported, not fatal."""

from __future__ import annotations

import pytest
from audio_files import mp3, wav

from reminisce.catalog import bundled, local_folder, store
from reminisce.catalog.base import TrackQuery
from reminisce.errors import ReminisceError


def test_tagged_files_become_playable_tracks(db, tmp_path):
    music = tmp_path / "music"
    mp3(music / "reeves.mp3", "He'll Have to Go", "Jim Reeves", "1960")
    wav(music / "sub" / "moon.wav", "Moon River", "Andy Williams", "1962-01-01")
    report = local_folder.scan_folder(db, music, "Lounge iPod")
    assert report.added == 2 and report.problems == []
    tracks = {t.title: t for t in store.query_tracks(db, TrackQuery())}
    assert tracks["Moon River"].year == 1962
    assert tracks["He'll Have to Go"].file_path.endswith("reeves.mp3")
    assert store.stats(db)["by_source"] == {"Lounge iPod": 2}


def test_unreadable_and_tagless_files_are_reported_not_fatal(db, tmp_path):
    music = tmp_path / "music"
    mp3(music / "good.mp3", "Diana", "Paul Anka", "1957")
    (music / "broken.mp3").write_bytes(b"this is not audio")
    mp3(music / "untagged.mp3")
    (music / "cover.jpg").write_bytes(b"\xff\xd8")
    report = local_folder.scan_folder(db, music)
    assert report.added == 1
    assert any(p.startswith("broken.mp3") for p in report.problems)
    assert any(p.startswith("untagged.mp3") and "no title or artist" in p for p in report.problems)
    assert not any("cover.jpg" in p for p in report.problems)


def test_a_file_matching_the_bundled_catalog_inherits_its_tags(db, tmp_path):
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "a.csv").write_text(
        "title,artist,year,regions,language,genre,kind,tempo,bpm,mood,themes\n"
        "He'll Have to Go,Jim Reeves,1960,US;GB;IE,en,country,chart hit,slow,,tender,love\n",
        encoding="utf-8",
    )
    bundled.load_bundled(db, folder)
    mp3(tmp_path / "music" / "x.mp3", "Hell Have To Go", "JIM REEVES")  # no year tag
    report = local_folder.scan_folder(db, tmp_path / "music", "folder")
    [track] = store.query_tracks(db, TrackQuery(), ("folder",))
    assert report.problems == []
    assert (track.year, track.regions, track.mood) == (1960, ("US", "GB", "IE"), "tender")


def test_rescanning_replaces_the_folder_and_a_missing_folder_is_an_error(db, tmp_path):
    music = tmp_path / "music"
    mp3(music / "a.mp3", "Diana", "Paul Anka", "1957")
    local_folder.scan_folder(db, music, "f")
    (music / "a.mp3").unlink()
    mp3(music / "b.mp3", "Lonely Boy", "Paul Anka", "1959")
    local_folder.scan_folder(db, music, "f")
    assert [t.title for t in store.query_tracks(db, TrackQuery())] == ["Lonely Boy"]
    with pytest.raises(ReminisceError, match="not a folder"):
        local_folder.scan_folder(db, tmp_path / "nowhere")
