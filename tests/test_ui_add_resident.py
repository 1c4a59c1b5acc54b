"""Adding a resident through the form: errors next to fields, nothing saved on bad input."""

import pytest
from helpers import click, page, signed_in_app, texts

from reminisce import residents
from reminisce.people import SYSTEM


def open_form(admin):
    app = signed_in_app(admin).run()
    return app.switch_page(page("add_resident")).run()


@pytest.mark.parametrize(("birth_year", "message"), [(None, "is required"), (1850, "1900"), (2999, "future")])
def test_bad_birth_year_is_explained_and_nothing_is_saved(db, admin, birth_year, message):
    app = open_form(admin)
    app.text_input(key="add_name").set_value("Ann")
    app.number_input(key="add_birth_year").set_value(birth_year)
    click(app, "Add resident")
    assert any(message in e for e in texts(app.error))
    assert residents.count_residents(db) == 0


def test_empty_name_is_explained(db, admin):
    app = open_form(admin)
    app.number_input(key="add_birth_year").set_value(1940)
    click(app, "Add resident")
    assert any("Full name is required" in e for e in texts(app.error))
    assert residents.count_residents(db) == 0


def test_a_valid_resident_is_saved_and_the_life_story_opens(db, admin):
    app = open_form(admin)
    app.text_input(key="add_name").set_value("Zoë <i>Ní</i> Bhriain 😊")
    app.number_input(key="add_birth_year").set_value(1944)
    click(app, "Add resident")
    assert not app.exception
    [stored] = residents.list_residents(db, SYSTEM)
    assert stored.name == "Zoë <i>Ní</i> Bhriain 😊"
    assert any("Added" in message for message in texts(app.success))
