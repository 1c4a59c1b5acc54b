"""Importing a home's own CSV: bad rows reported by line, all or nothing, streamed."""

from __future__ import annotations

import codecs

import pytest

from reminisce.catalog import csv_import, store
from reminisce.catalog.base import TrackQuery
from reminisce.errors import ReminisceError

GOOD = "title,artist,year,regions\nMoon River,Andy Williams,1962,US;GB\nDelilah,Tom Jones,1968,GB\n"


def write(tmp_path, content, name="home.csv", encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


def test_good_file_is_imported_as_a_named_source(db, tmp_path):
    report = csv_import.import_csv(db, write(tmp_path, GOOD), "Rose House records")
    assert report.imported == 2
    assert store.stats(db)["by_source"] == {"Rose House records": 2}
    assert [t.title for t in store.query_tracks(db, TrackQuery(regions=("US",)))] == ["Moon River"]


def test_only_title_artist_year_are_required(db, tmp_path):
    report = csv_import.import_csv(db, write(tmp_path, "Year,Title,Artist\n1957,Diana,Paul Anka\n"), "mine")
    assert report.imported == 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",Nobody,1950", "title is missing"),
        ("Song,Someone,nineteen fifty", "not a number"),
        ("Song,Someone,1850", "outside"),
        ("Song,Someone,1950,XX", "unknown region"),
        ("Song,Someone,1950,GB,extra", "more values"),
    ],
)
def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(db, tmp_path, row, message):
    path = write(tmp_path, GOOD + row + "\n")
    with pytest.raises(csv_import.ImportRefused) as caught:
        csv_import.import_csv(db, path, "home")
    assert any(error.startswith("line 4:") and message in error for error in caught.value.report.errors)
    assert db["tracks"].count == 0 and store.source_row(db, "home") is None


def test_duplicates_are_reported_with_both_lines(db, tmp_path):
    path = write(tmp_path, GOOD + "MOON RIVER,andy williams,1962,US\n")
    with pytest.raises(csv_import.ImportRefused) as caught:
        csv_import.import_csv(db, path, "home")
    assert caught.value.report.errors == ["line 4: duplicate of line 2"]


def test_wrong_encoding_is_reported_by_line(db, tmp_path):
    content = GOOD.encode() + "Sous le ciel de Paris,Édith Piaf,1954\n".encode("latin-1")
    with pytest.raises(csv_import.ImportRefused) as caught:
        csv_import.import_csv(db, write(tmp_path, content), "home")
    assert caught.value.report.errors[0].startswith("line 4: the text is not UTF-8")


def test_utf8_byte_order_mark_is_accepted_and_utf16_is_explained(db, tmp_path):
    assert csv_import.import_csv(db, write(tmp_path, codecs.BOM_UTF8 + GOOD.encode()), "excel").imported == 2
    with pytest.raises(ReminisceError, match="UTF-16"):
        csv_import.import_csv(db, write(tmp_path, GOOD, "u16.csv", encoding="utf-16"), "u16")


def test_missing_columns_and_empty_files_are_refused(db, tmp_path):
    with pytest.raises(ReminisceError, match="missing: year"):
        csv_import.import_csv(db, write(tmp_path, "title,artist\nA,B\n"), "home")
    with pytest.raises(csv_import.ImportRefused, match="no rows"):
        csv_import.import_csv(db, write(tmp_path, "title,artist,year\n"), "home")
    with pytest.raises(ReminisceError, match="does not exist"):
        csv_import.import_csv(db, tmp_path / "nope.csv", "home")


def test_reimporting_a_name_replaces_it_and_a_failed_reimport_keeps_the_old(db, tmp_path):
    csv_import.import_csv(db, write(tmp_path, GOOD), "home")
    with pytest.raises(csv_import.ImportRefused):
        csv_import.import_csv(db, write(tmp_path, GOOD + ",x,1\n", "bad.csv"), "home")
    assert store.stats(db)["by_source"] == {"home": 2}
    csv_import.import_csv(db, write(tmp_path, "title,artist,year\nDiana,Paul Anka,1957\n", "new.csv"), "home")
    assert [t.title for t in store.query_tracks(db, TrackQuery())] == ["Diana"]


def test_reserved_and_bad_names_are_refused(db, tmp_path):
    for name in ("bundled", "", "x" * 61, "../etc"):
        with pytest.raises(ReminisceError):
            csv_import.import_csv(db, write(tmp_path, GOOD), name)


def test_error_list_is_capped_but_counted(db, tmp_path):
    path = write(tmp_path, "title,artist,year\n" + ",x,1950\n" * 120)
    with pytest.raises(csv_import.ImportRefused) as caught:
        csv_import.import_csv(db, path, "home")
    assert caught.value.report.error_count == 120
    assert len(caught.value.report.errors) == csv_import.MAX_REPORTED
    assert "and 70 more" in str(caught.value)


def test_removing_an_imported_source(db, tmp_path):
    csv_import.import_csv(db, write(tmp_path, GOOD), "home")
    assert csv_import.delete_source(db, "home") == 2
    assert db["tracks"].count == 0 and db["track_regions"].count == 0
    with pytest.raises(ReminisceError):
        csv_import.delete_source(db, "bundled")
