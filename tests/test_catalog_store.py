"""Stats and export, and the one interface every source shares."""

from __future__ import annotations

import pytest

from reminisce.catalog import bundled, store
from reminisce.catalog.base import MusicSource, SourceError, SourceStatus, TrackQuery, find_in_all
from reminisce.catalog.fields import EXPORT_COLUMNS, RowError, parse_row

ROWS = """title,artist,year,regions,language,genre,kind,tempo,bpm,mood,themes
He'll Have to Go,Jim Reeves,1960,US;GB;IE,en,country,chart hit,slow,,tender,love
Heartbreak Hotel,Elvis Presley,1956,US;GB,en,rock and roll,chart hit,medium,,melancholy,heartbreak
"""


@pytest.fixture
def catalog(db, tmp_path):
    (tmp_path / "a.csv").write_text(ROWS, encoding="utf-8")
    bundled.load_bundled(db, tmp_path)
    return db


def test_stats_count_by_decade_region_and_source(catalog):
    assert store.stats(catalog) == {
        "total": 2,
        "by_decade": {"1950s": 1, "1960s": 1},
        "by_region": {"GB": 2, "US": 2, "IE": 1},
        "by_source": {"bundled": 2},
    }


def test_export_lists_every_track_with_its_source(catalog):
    rows = list(store.export_rows(catalog))
    assert len(rows) == 2
    first = dict(zip(EXPORT_COLUMNS, rows[0], strict=True))
    assert first["title"] == "Heartbreak Hotel" and first["source"] == "bundled" and first["regions"] == "US;GB"


def test_stored_sources_answer_the_shared_interface(catalog):
    [source] = store.stored_sources(catalog)
    assert isinstance(source, MusicSource)
    assert source.status().tracks == 2
    assert [t.title for t in source.find(TrackQuery(years=(1955, 1959)))] == ["Heartbreak Hotel"]
    assert source.find(TrackQuery(artists=("the jim reeves",)))[0].source == "bundled"


class BrokenSource(MusicSource):
    name, kind = "broken", "spotify"

    def find(self, query):
        raise SourceError("rate limited until 10:15")

    def status(self):
        return SourceStatus(self.name, self.kind, False, message="rate limited")


class CrashingSource(BrokenSource):
    name = "crashing"

    def find(self, query):
        raise KeyError("unexpected")


def test_one_failing_source_does_not_stop_the_others(catalog):
    result = find_in_all([BrokenSource(), CrashingSource(), *store.stored_sources(catalog)], TrackQuery())
    assert len(result.tracks) == 2
    assert result.failures == {"broken": "rate limited until 10:15", "crashing": "this source is not working right now"}


def test_rows_are_validated_strictly_for_the_bundled_catalog_only():
    row = {"title": "A", "artist": "B", "year": "1950"}
    assert parse_row(row, "home").year == 1950
    with pytest.raises(RowError, match="regions is missing"):
        parse_row(row, "bundled", strict=True)
    with pytest.raises(RowError, match="mood 'happy'"):
        parse_row({**row, "mood": "happy"}, "home")
