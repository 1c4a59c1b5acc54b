"""Music sources page (admins): upload a CSV, see errors by line, remove with confirmation."""

import pytest
from helpers import click, page, signed_in_app, texts

from reminisce.catalog import store


@pytest.fixture
def sources_page(db, admin):
    return signed_in_app(admin).run().switch_page(page("catalog_admin")).run()


def upload(app, data: bytes, name: str):
    app.file_uploader(key="import_file").set_value(("home.csv", data, "text/csv"))
    app.text_input(key="import_name").set_value(name)
    return click(app, "Import")


def test_a_good_csv_is_imported(db, sources_page):
    app = upload(sources_page, b"title,artist,year\nMoon River,Andy Williams,1962\n", "Rose records")
    assert any("Imported 1" in s for s in texts(app.success))
    assert store.stats(db)["by_source"]["Rose records"] == 1


def test_bad_rows_are_listed_and_nothing_is_imported(db, sources_page):
    app = upload(sources_page, b"title,artist,year\n,Nobody,1950\n", "Rose records")
    assert any("line 2" in e and "title is missing" in e for e in texts(app.error))
    assert "Rose records" not in store.stats(db)["by_source"]


def test_removing_a_source_asks_first(db, sources_page):
    app = upload(sources_page, b"title,artist,year\nMoon River,Andy Williams,1962\n", "Rose records")
    app.button(key="remove_Rose records").click().run()
    assert store.stats(db)["by_source"]["Rose records"] == 1
    app.button(key="remove_yes").click().run()
    assert "Rose records" not in store.stats(db)["by_source"]
    assert any("Removed" in s for s in texts(app.success))
