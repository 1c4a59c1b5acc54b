"""The life story screens: one topic per screen, saves confirmed, user text shown as text."""

import pytest
from helpers import click, page, png, signed_in_app, texts

from reminisce import residents
from reminisce.people import SYSTEM


def open_story(admin, resident_id, section="about"):
    app = signed_in_app(admin, resident_id=resident_id, life_story_section=section).run()
    return app.switch_page(page("resident")).run()


@pytest.mark.parametrize("section", residents.SECTION_KEYS)
def test_every_screen_renders_with_progress(db, admin, peggy, section):
    app = open_story(admin, peggy, section)
    assert not app.exception
    assert texts(app.header) == [next(s.title for s in residents.SECTIONS if s.key == section)]
    assert any("Screen" in p.proto.text for p in app.get("progress"))


def test_about_screen_saves_and_confirms(db, admin, peggy):
    app = open_story(admin, peggy)
    app.text_input(key="about_faith").set_value("Catholic")
    click(app, "Save")
    assert "Saved\\." in texts(app.success)
    assert residents.get_resident(db, SYSTEM, peggy).faith == "Catholic"


def test_about_screen_refuses_a_birth_year_after_the_places_and_keeps_the_old_one(db, admin, peggy):
    app = open_story(admin, peggy)
    app.number_input(key="about_birth_year").set_value(1960)
    click(app, "Save")
    assert any("before they were born" in e for e in texts(app.error))
    assert residents.get_resident(db, SYSTEM, peggy).birth_year == 1938


def test_place_with_reversed_years_is_refused_next_to_the_field(db, admin, peggy):
    app = open_story(admin, peggy, "places")
    app.selectbox(key="places_field_country").set_value("GB")
    app.number_input(key="places_field_from_year").set_value(1960)
    app.number_input(key="places_field_to_year").set_value(1950)
    click(app, "Add place")
    assert any("wrong way round" in e for e in texts(app.error))
    assert len(residents.get_resident(db, SYSTEM, peggy).places) == 1


def test_adding_editing_and_removing_a_favourite_song(db, admin, peggy):
    app = open_story(admin, peggy, "favourite_songs")
    app.text_input(key="favourite_songs_field_title").set_value("He'll Have to Go")
    app.text_input(key="favourite_songs_field_artist").set_value("Jim Reeves")
    app.text_area(key="favourite_songs_field_story").set_value("First dance with Tom, 1960.")
    click(app, "Add favourite song")
    assert residents.get_resident(db, SYSTEM, peggy).favourite_songs[0].story == "First dance with Tom, 1960."
    app.button(key="favourite_songs_edit_0").click().run()
    assert app.text_input(key="favourite_songs_field_title").value == "He'll Have to Go"
    app.text_area(key="favourite_songs_field_story").set_value("First dance, Galtymore, 1960.")
    click(app, "Save changes")
    assert residents.get_resident(db, SYSTEM, peggy).favourite_songs[0].story == "First dance, Galtymore, 1960."
    app.button(key="favourite_songs_remove_0").click().run()
    assert any("cannot be undone" in w for w in texts(app.warning))
    assert len(residents.get_resident(db, SYSTEM, peggy).favourite_songs) == 1  # not yet: asks first
    app.button(key="favourite_songs_yes_0").click().run()
    assert residents.get_resident(db, SYSTEM, peggy).favourite_songs == []


def test_memory_with_html_and_markdown_is_shown_as_text(db, admin, peggy):
    hostile = "<script>alert('x')</script> **not bold** [link](javascript:x)"
    residents.add_memory(db, SYSTEM, peggy, {"text": hostile})
    app = open_story(admin, peggy, "memories")
    shown = [m for m in app.markdown if "script" in m.value]
    assert shown and all(not m.proto.allow_html for m in shown)
    assert all("\\<script\\>" in m.value and "\\*\\*not bold\\*\\*" in m.value for m in shown)


def test_ten_thousand_character_memory_is_kept_intact(db, admin, peggy):
    app = open_story(admin, peggy, "memories")
    long_text = "She told the story of the dance hall. " * 270
    app.text_area(key="memories_field_text").set_value(long_text)
    click(app, "Add memory")
    assert residents.list_memories(db, SYSTEM, peggy)[0].text == long_text.strip()


def test_next_and_previous_move_between_screens(db, admin, peggy):
    app = open_story(admin, peggy, "about")
    click(app, "Next")
    assert texts(app.header) == ["Places lived"]
    click(app, "Previous")
    assert texts(app.header) == ["About them"]


def test_erasing_asks_for_the_residents_name_first(db, admin, peggy):
    app = open_story(admin, peggy)
    app.button(key="delete_resident").click().run()
    assert app.button(key="delete_yes").disabled
    app.button(key="delete_no").click().run()
    assert residents.count_residents(db) == 1
    app.button(key="delete_resident").click().run()
    app.text_input(key="delete_confirm_name").set_value("Margaret").run()
    assert app.button(key="delete_yes").disabled  # not the full name
    app.text_input(key="delete_confirm_name").set_value("Margaret O'Brien").run()
    app.button(key="delete_yes").click().run()
    assert residents.count_residents(db) == 0
    assert texts(app.title) == ["Residents"]
    erased = list(db.query("SELECT * FROM audit_log WHERE action = 'erase'"))
    assert len(erased) == 1 and erased[0]["resident_id"] == peggy and "Margaret" not in str(erased[0])


def test_unknown_resident_id_gets_a_clear_message(db, admin):
    app = signed_in_app(admin).run()
    app.query_params["id"] = "9999"
    app.switch_page(page("resident")).run()
    assert any("could not be found" in w for w in texts(app.warning))


def test_memory_photos_are_shown_on_the_memories_screen(db, admin, peggy):
    residents.add_memory(db, SYSTEM, peggy, {"text": "Wedding day", "photo": png()})
    app = open_story(admin, peggy, "memories")
    assert not app.exception
    assert len(app.get("image")) == 1
