"""The residents list: empty state, list, search, opening a life story."""

from helpers import signed_in_app, texts

from reminisce import residents
from reminisce.people import SYSTEM


def test_empty_home_says_what_to_do_next(db, admin):
    app = signed_in_app(admin).run()
    assert any("Add resident" in message for message in texts(app.info))


def test_residents_are_listed_and_searchable(db, admin, peggy):
    residents.create_resident(db, SYSTEM, residents.validate_profile({"name": "Joe Rossi", "birth_year": 1933}))
    app = signed_in_app(admin).run()
    listed = " ".join(texts(app.markdown))
    assert "Margaret O" in listed and "Joe Rossi" in listed and "Ireland" in listed
    app.text_input(key="resident_search").set_value("rossi").run()
    listed = " ".join(texts(app.markdown))
    assert "Joe Rossi" in listed and "Margaret" not in listed
    app.text_input(key="resident_search").set_value("zzz").run()
    assert any("Nobody matches" in message for message in texts(app.info))


def test_open_goes_to_the_life_story(db, admin, peggy):
    app = signed_in_app(admin).run()
    app.button(key=f"open_{peggy}").click().run()
    assert not app.exception
    assert any("Margaret O" in title for title in texts(app.title))
