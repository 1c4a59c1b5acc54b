"""Sign in, refusals, sign out and the idle timeout on a shared tablet."""

import time

from helpers import ADMIN_PASSWORD, ROOT, click, page, signed_in_app, texts
from streamlit.testing.v1 import AppTest


def sign_in(app: AppTest, username: str, password: str) -> AppTest:
    app.text_input(key="sign_in_username").set_value(username)
    app.text_input(key="sign_in_password").set_value(password)
    return click(app, "Sign in")


def test_sign_in_opens_the_residents_list(db, admin):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert "Rose House" in texts(app.title)
    sign_in(app, "manager", ADMIN_PASSWORD)
    assert not app.exception
    assert texts(app.title) == ["Residents"]


def test_wrong_password_gets_one_generic_message(db, admin):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    sign_in(app, "manager", "not-the-password")
    assert any("Wrong username or password" in e for e in texts(app.error))
    assert "Residents" not in texts(app.title)


def test_idle_tablet_is_signed_out(db, admin):
    app = signed_in_app(admin)
    app.session_state["last_seen"] = time.monotonic() - 11 * 60
    app.run()
    assert "Residents" not in texts(app.title)
    assert any("without activity" in message for message in texts(app.info))


def test_sign_out_returns_to_the_sign_in_screen(db, admin):
    app = signed_in_app(admin).run()
    app.switch_page(page("sign_out")).run()
    assert app.text_input(key="sign_in_username") is not None
    assert any("signed out" in message for message in texts(app.info))


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one_next(db, admin):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    for _ in range(5):
        sign_in(app, "manager", "not-the-password")
    sign_in(app, "manager", ADMIN_PASSWORD)
    assert "Residents" not in texts(app.title)
    assert any("locked for 15 minutes" in e for e in texts(app.error))


def test_a_disabled_account_cannot_sign_in(db, admin):
    from reminisce import people
    from reminisce.people import SYSTEM

    people.add_user(db, SYSTEM, "sam", "a-long-password", "staff")
    people.set_disabled(db, SYSTEM, "sam", True)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    sign_in(app, "sam", "a-long-password")
    assert "Residents" not in texts(app.title)
