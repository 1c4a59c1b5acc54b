from helpers import page, signed_in_app, texts

from reminisce import residents
from reminisce.catalog import bundled
from reminisce.people import SYSTEM


def test_group_suggestions_for_two_residents(db, admin, peggy):
    bundled.load_bundled(db)
    joe = residents.create_resident(
        db,
        SYSTEM,
        residents.validate_profile(
            {"name": "Joe Rossi", "birth_year": 1940, "places": [{"country": "GB", "from_year": 1940}]}
        ),
    )
    app = signed_in_app(admin).run().switch_page(page("group")).run()
    assert any("Choose two or more" in i for i in texts(app.info))
    app.multiselect(key="group_members").set_value([peggy, joe]).run()
    assert not app.exception
    assert any("Fits the youth of" in c for c in texts(app.caption))
