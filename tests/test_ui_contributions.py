"""Staff review what families shared, and create invitations."""

from helpers import click, page, signed_in_app, texts

from reminisce import contributions, people, residents
from reminisce.people import SYSTEM


def test_staff_approve_with_an_edit_and_decline(db, admin, peggy):
    family = people.add_user(db, SYSTEM, "siobhan", "a-family-password", "family", "Siobhan", (peggy,))
    memory = contributions.add(db, family, peggy, "memory", {"text": "Danced in Cork"})
    song = contributions.add(db, family, peggy, "song", {"title": "Moon Rivr"})
    app = signed_in_app(admin).run().switch_page(page("contributions")).run()
    assert not app.exception
    app.text_area(key=f"edit_text_{memory}").set_value("Danced in Cork, 1958")
    app.button(key=f"approve_{memory}").click().run()
    assert [m.text for m in residents.list_memories(db, SYSTEM, peggy)] == ["Danced in Cork, 1958"]
    app.button(key=f"decline_{song}").click().run()
    assert contributions.pending(db, SYSTEM) == []
    assert any("Nothing waiting" in i for i in texts(app.info))


def test_create_an_invitation_code(db, admin, peggy):
    app = signed_in_app(admin).run().switch_page(page("contributions")).run()
    app.selectbox(key="invite_resident").set_value(peggy)
    click(app, "Create invitation code")
    [code] = [c.value for c in app.code]
    assert people.accept_invitation(db, code, "newcomer", "a-family-password").role == "family"
