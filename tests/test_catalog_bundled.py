"""Loading the bundled catalog: idempotent, picks up changes, keeps track ids."""

from __future__ import annotations

from reminisce.catalog import bundled, store
from reminisce.catalog.base import TrackQuery

HEADER = "title,artist,year,regions,language,genre,kind,tempo,bpm,mood,themes\n"
ROWS = (
    "He'll Have to Go,Jim Reeves,1960,US;GB;IE,en,country,chart hit,slow,,tender,love\n"
    "Israelites,Desmond Dekker & The Aces,1968,JM;GB,en,rocksteady,chart hit,medium,,uplifting,\n"
)


def write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(HEADER + text, encoding="utf-8")


def test_loads_every_file_and_indexes_regions(db, tmp_path):
    folder = tmp_path / "catalog"
    write(folder, "a.csv", ROWS)
    report = bundled.load_bundled(db, folder)
    assert report.loaded and report.tracks == 2 and not report.problems
    assert [t.title for t in store.query_tracks(db, TrackQuery(regions=("JM",)))] == ["Israelites"]
    assert [t.title for t in store.query_tracks(db, TrackQuery(years=(1955, 1962)))] == ["He'll Have to Go"]


def test_second_load_of_an_unchanged_catalog_does_nothing(db, tmp_path):
    folder = tmp_path / "catalog"
    write(folder, "a.csv", ROWS)
    bundled.load_bundled(db, folder)
    assert not bundled.load_bundled(db, folder).loaded
    assert db["tracks"].count == 2


def test_a_changed_csv_is_picked_up_and_surviving_tracks_keep_their_ids(db, tmp_path):
    folder = tmp_path / "catalog"
    write(folder, "a.csv", ROWS)
    bundled.load_bundled(db, folder)
    reeves = store.query_tracks(db, TrackQuery(text="Reeves"))[0]
    write(folder, "a.csv", ROWS.replace("1968", "1969").replace("Israelites", "Israelites (Remastered)"))
    write(folder, "b.csv", "Moon River,Andy Williams,1962,US;GB,en,crooner,standard,slow,,tender,\n")
    report = bundled.load_bundled(db, folder)
    assert report.loaded and report.tracks == 3
    assert store.query_tracks(db, TrackQuery(text="Reeves"))[0].id == reeves.id
    assert store.query_tracks(db, TrackQuery(text="Israelites"))[0].year == 1969


def test_removed_rows_disappear(db, tmp_path):
    folder = tmp_path / "catalog"
    write(folder, "a.csv", ROWS)
    bundled.load_bundled(db, folder)
    write(folder, "a.csv", ROWS.splitlines(keepends=True)[0])
    bundled.load_bundled(db, folder)
    assert [t.title for t in store.query_tracks(db, TrackQuery())] == ["He'll Have to Go"]
    assert db["track_regions"].count == 3


def test_bad_and_duplicate_rows_are_reported_not_loaded(db, tmp_path):
    folder = tmp_path / "catalog"
    write(folder, "a.csv", ROWS + "Bad Year,Someone,19x0,GB,en,pop,chart hit,fast,,uplifting,\n")
    write(folder, "b.csv", "HE'LL HAVE TO GO,Jim Reeves,1960,US,en,country,chart hit,slow,,tender,\n")
    report = bundled.load_bundled(db, folder)
    assert report.tracks == 2
    assert any("a.csv:4" in p and "not a number" in p for p in report.problems)
    assert any("b.csv:2" in p and "duplicate of a.csv:2" in p for p in report.problems)
