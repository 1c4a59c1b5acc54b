"""Search: words, typos, half-remembered fragments, decade and region filters."""

from __future__ import annotations

import pytest

from reminisce.catalog import bundled, search

ROWS = """title,artist,year,regions,language,genre,kind,tempo,bpm,mood,themes
(There'll Be Bluebirds Over) The White Cliffs of Dover,Vera Lynn,1942,GB;IE,en,wartime,wartime,slow,,tender,war;home
He'll Have to Go,Jim Reeves,1960,US;GB;IE;JM,en,country,chart hit,slow,,tender,love
Heartbreak Hotel,Elvis Presley,1956,US;GB,en,rock and roll,chart hit,medium,,melancholy,heartbreak
"Non, je ne regrette rien",Édith Piaf,1960,FR;BE,fr,chanson,chart hit,slow,,rousing,
Israelites,Desmond Dekker & The Aces,1968,JM;GB,en,rocksteady,chart hit,medium,,uplifting,
"""


@pytest.fixture
def catalog(db, tmp_path):
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "a.csv").write_text(ROWS, encoding="utf-8")
    bundled.load_bundled(db, folder)
    return db


def titles(hits):
    return [hit.track.title for hit in hits]


def test_words_in_title_or_artist_match_as_prefixes(catalog):
    assert titles(search.search(catalog, "white cliffs")) == ["(There'll Be Bluebirds Over) The White Cliffs of Dover"]
    assert titles(search.search(catalog, "reev")) == ["He'll Have to Go"]
    assert titles(search.search(catalog, "edith piaf")) == ["Non, je ne regrette rien"]  # accents folded


def test_typos_find_the_closest_songs_first(catalog):
    hits = search.search(catalog, "hartbrake hotell")
    assert hits[0].track.title == "Heartbreak Hotel" and hits[0].how == "close match"


def test_a_half_remembered_fragment_finds_the_song(catalog):
    assert titles(search.search(catalog, "something about a white cliff"))[0].endswith("White Cliffs of Dover")
    assert titles(search.search(catalog, "the elvis one about a hotel"))[0] == "Heartbreak Hotel"


def test_decade_and_region_filters(catalog):
    assert titles(search.search(catalog, "", decade=1960)) == [
        "He'll Have to Go",
        "Non, je ne regrette rien",
        "Israelites",
    ]
    assert titles(search.search(catalog, "", region="JM")) == ["He'll Have to Go", "Israelites"]
    assert titles(search.search(catalog, "go", region="FR")) == []


@pytest.mark.parametrize("text", ['"', "*", "NEAR(", "a OR", "^", "-", "title:x", "💃", "' OR 1=1 --"])
def test_any_text_is_safe_to_search(catalog, text):
    search.search(catalog, text)


def test_nothing_close_returns_nothing(catalog):
    assert search.search(catalog, "zzqx vvkk") == []


def test_a_huge_catalog_scans_only_tracks_sharing_a_word_start(catalog, monkeypatch):
    monkeypatch.setattr(search, "FULL_SCAN_LIMIT", 2)
    assert titles(search.search(catalog, "hartbreak hotell"))[0] == "Heartbreak Hotel"
    ids, _ = search._scan_choices(catalog, ["hartbreak", "hotell"])
    assert len(ids) == 1  # only "Heartbreak Hotel" shares a three-letter start ("hot")
