"""The Songs page: search, filters, empty results, playable folder tracks."""

import pytest
from audio_files import mp3
from helpers import page, signed_in_app, texts

from reminisce.catalog import bundled, local_folder


@pytest.fixture
def songs(db):
    bundled.load_bundled(db)  # the four-song test catalog (conftest)
    return db


def open_songs(admin):
    return signed_in_app(admin).run().switch_page(page("catalog")).run()


def shown(app):
    return " ".join(texts(app.markdown))


def test_search_filters_and_typos(songs, admin):
    app = open_songs(admin)
    assert not app.exception
    assert "Heartbreak Hotel" in shown(app) and "Have to Go" in shown(app)
    app.text_input(key="catalog_text").set_value("hartbreak").run()
    assert "Heartbreak Hotel" in shown(app) and "Have to Go" not in shown(app)
    app.text_input(key="catalog_text").set_value("").run()
    app.segmented_control(key="catalog_decade").set_value("1960s").run()
    assert "Have to Go" in shown(app) and "Heartbreak" not in shown(app) and "Israelites" in shown(app)
    app.selectbox(key="catalog_region").set_value("IE").run()
    assert "Have to Go" in shown(app) and "Israelites" not in shown(app)


def test_no_results_says_what_to_try(songs, admin):
    app = open_songs(admin)
    app.text_input(key="catalog_text").set_value("zzqx vvkk").run()
    assert any("No songs found" in message for message in texts(app.info))


def test_folder_tracks_can_be_played(songs, admin, tmp_path):
    mp3(tmp_path / "music" / "a.mp3", "Diana", "Paul Anka", "1957")
    local_folder.scan_folder(songs, tmp_path / "music", "lounge")
    app = open_songs(admin)
    app.text_input(key="catalog_text").set_value("diana").run()
    assert len(app.get("audio")) == 1
