"""People and data: accounts, audit log, backups (admins only)."""

from helpers import ADMIN_PASSWORD, ROOT, click, page, signed_in_app, texts
from streamlit.testing.v1 import AppTest

from reminisce import accounts, people
from reminisce.people import SYSTEM


def test_admin_adds_and_disables_an_account(db, admin, peggy):
    app = signed_in_app(admin).run().switch_page(page("admin")).run()
    assert not app.exception
    app.text_input(key="new_username").set_value("sam")
    app.text_input(key="new_password").set_value("a-long-password")
    click(app, "Add account")
    assert accounts.sign_in(db, "sam", "a-long-password").role == "staff"
    app.button(key="disable_sam").click().run()
    assert any("sam disabled" in s for s in texts(app.success))


def test_audit_log_shows_entries_and_backups_run(db, admin, peggy, tmp_path):
    app = signed_in_app(admin).run().switch_page(page("admin")).run()
    assert len(app.dataframe[0].value) >= 1
    app.text_input(key="backup_folder").set_value(str(tmp_path))
    click(app, "Back up now")
    assert any("Backed up" in s for s in texts(app.success))


def test_joining_with_an_invitation_code(db, admin, peggy):
    code = people.create_invitation(db, SYSTEM, peggy)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    app.toggle(key="joining").set_value(True).run()
    app.text_input(key="join_code").set_value(code)
    app.text_input(key="join_username").set_value("siobhan")
    app.text_input(key="join_password").set_value("a-family-password")
    app.text_input(key="join_password_again").set_value("a-family-password")
    click(app, "Join")
    assert not app.exception
    assert texts(app.title) == ["Peggy"]
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    again.toggle(key="joining").set_value(True).run()
    again.text_input(key="join_code").set_value(code)
    again.text_input(key="join_username").set_value("someone")
    again.text_input(key="join_password").set_value("a-family-password")
    again.text_input(key="join_password_again").set_value("a-family-password")
    click(again, "Join")
    assert any("not valid" in e for e in texts(again.error))
    assert ADMIN_PASSWORD
