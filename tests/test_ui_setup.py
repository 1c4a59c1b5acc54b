"""First run: an empty database opens on the setup screen."""

from helpers import ROOT, click, texts
from streamlit.testing.v1 import AppTest

from reminisce import accounts


def fill_setup(app: AppTest, password: str, again: str) -> AppTest:
    app.text_input(key="setup_home_name").set_value("Rose House")
    app.text_input(key="setup_username").set_value("manager")
    app.text_input(key="setup_password").set_value(password)
    app.text_input(key="setup_password_again").set_value(again)
    return click(app, "Set up Reminisce")


def test_empty_database_opens_on_setup_and_creates_the_admin(db):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert texts(app.title) == ["Welcome to Reminisce"]
    fill_setup(app, "a-long-password", "a-long-password")
    assert not app.exception
    assert texts(app.title) == ["Residents"]
    assert any("set up" in message for message in texts(app.success))
    assert not accounts.needs_setup(db)
    assert any("No residents yet" in message for message in texts(app.info))


def test_mismatched_or_short_passwords_are_explained_and_nothing_is_saved(db):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    fill_setup(app, "a-long-password", "another-password")
    assert any("does not match" in e for e in texts(app.error))
    fill_setup(app, "short", "short")
    assert any("at least 8" in e for e in texts(app.error))
    assert accounts.needs_setup(db)
