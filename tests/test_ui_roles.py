"""Every page, for every role: it opens for the roles that have it and is not even
registered for the others (the data layer refuses anyway: see test_people.py)."""

import pytest
from helpers import page, signed_in_app

from reminisce import people
from reminisce.people import SYSTEM

STAFF_PAGES = [
    "residents",
    "add_resident",
    "resident",
    "suggestions",
    "playlists",
    "session",
    "insights",
    "handover",
    "contributions",
    "group",
    "overview",
    "catalog",
]
ADMIN_ONLY = ["catalog_admin", "admin"]


@pytest.fixture
def users(db, admin, peggy):
    return {
        "admin": admin,
        "staff": people.add_user(db, SYSTEM, "sam", "a-long-password", "staff", "Sam"),
        "family": people.add_user(db, SYSTEM, "siobhan", "a-long-password", "family", "Siobhan", (peggy,)),
    }


@pytest.mark.parametrize("role", ["admin", "staff"])
@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages_open_for_staff_and_admins(db, users, peggy, role, name):
    app = signed_in_app(users[role], resident_id=peggy).run().switch_page(page(name)).run()
    assert not app.exception


@pytest.mark.parametrize("name", ADMIN_ONLY)
def test_admin_pages_open_for_admins_only(db, users, name):
    assert not signed_in_app(users["admin"]).run().switch_page(page(name)).run().exception
    for role in ("staff", "family"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            signed_in_app(users[role]).run().switch_page(page(name))


def test_sign_out_clears_the_session_so_it_cannot_be_reused(db, users):
    app = signed_in_app(users["staff"]).run()
    app.switch_page(page("sign_out")).run()
    assert "user" not in app.session_state
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(page("residents"))


@pytest.mark.parametrize("name", STAFF_PAGES + ADMIN_ONLY)
def test_no_staff_page_is_registered_for_family(db, users, name):
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        signed_in_app(users["family"]).run().switch_page(page(name))
