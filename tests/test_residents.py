"""The life story: validation at the edge, storage round trips, all-or-nothing writes."""

from __future__ import annotations

import json

import pytest

from reminisce import residents
from reminisce.errors import NotFound, ValidationError
from reminisce.people import SYSTEM

FULL_PROFILE = {
    "name": "Winston Campbell",
    "preferred_name": "Win",
    "birth_year": 1946,
    "room": "12",
    "faith": "Pentecostal",
    "music_importance": "very important",
    "instruments": ["guitar"],
    "dancing": "Blues dances in Handsworth.",
    "hearing_notes": "Good hearing.",
    "headphones_notes": "Likes headphones.",
    "low_mood_risk": "moderate",
    "places": [
        {"place": "Kingston", "country": "JM", "from_year": 1946, "to_year": 1962},
        {"place": "Birmingham", "country": "GB", "from_year": 1962, "to_year": None},
    ],
    "languages": ["en"],
    "favourite_artists": ["Desmond Dekker", "Jim Reeves"],
    "favourite_genres": ["ska"],
    "favourite_songs": [{"title": "Israelites", "artist": "Desmond Dekker & The Aces", "story": "Jukebox, 1969."}],
    "inheritance_tracks": [{"title": "How Great Thou Art", "artist": "", "story": "Mother's hymn."}],
    "identity_tracks": [],
    "red_flags": [{"title": "Danny Boy", "artist": "", "reason": "A funeral."}],
    "avoid_themes": [{"theme": "war", "reason": "Family request."}],
    "memories": [{"text": "Drove the number 16 bus.", "year": 1970, "place": "Birmingham", "contributed_by": "Son"}],
}


def errors_of(raw) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        residents.validate_profile(raw)
    return caught.value.errors


# --- validation -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"name": "A"}, "birth_year"),
        ({"name": "A", "birth_year": 1899}, "birth_year"),
        ({"name": "A", "birth_year": 2999}, "birth_year"),
        ({"name": "A", "birth_year": "nineteen forty"}, "birth_year"),
        ({"name": "   ", "birth_year": 1940}, "name"),
        ({"birth_year": 1940}, "name"),
    ],
)
def test_bad_name_or_birth_year_is_refused_with_the_field_named(raw, field):
    assert field in errors_of(raw)


def test_place_years_reversed_or_before_birth_are_refused():
    errors = errors_of(
        {
            "name": "A",
            "birth_year": 1940,
            "places": [
                {"country": "GB", "from_year": 1960, "to_year": 1950},
                {"country": "GB", "from_year": 1930},
            ],
        }
    )
    assert "wrong way round" in errors["places[0].to_year"]
    assert "before they were born" in errors["places[1].from_year"]


def test_countries_are_iso_codes_looked_up_by_name_or_code():
    profile = residents.validate_profile(
        {"name": "A", "birth_year": 1940, "places": [{"country": "Ireland"}, {"country": "jm"}]}
    )
    assert [p.country for p in profile.places] == ["IE", "JM"]
    assert "places[0].country" in errors_of({"name": "A", "birth_year": 1940, "places": [{"country": "Narnia"}]})
    assert "places[0].country" in errors_of({"name": "A", "birth_year": 1940, "places": [{"country": "XX"}]})


def test_languages_must_be_iso_639_1():
    assert residents.validate_profile({"name": "A", "birth_year": 1940, "languages": ["EN", "pa"]}).languages == [
        "en",
        "pa",
    ]
    assert "languages[0]" in errors_of({"name": "A", "birth_year": 1940, "languages": ["english"]})


def test_avoid_themes_must_be_known_themes():
    assert "avoid_themes[0].theme" in errors_of({"name": "A", "birth_year": 1940, "avoid_themes": ["sadness"]})


def test_songs_need_a_title():
    errors = errors_of({"name": "A", "birth_year": 1940, "favourite_songs": [{"artist": "Elvis"}]})
    assert "favourite_songs[0].title" in errors


def test_long_text_has_a_stated_limit():
    long_story = "x" * (residents.LONG_TEXT_LIMIT + 1)
    errors = errors_of({"name": "A", "birth_year": 1940, "dancing": long_story})
    assert "20,000" in errors["dancing"]


def test_every_problem_is_reported_at_once():
    errors = errors_of({"name": "", "birth_year": 1800, "languages": ["zz"]})
    assert set(errors) == {"name", "birth_year", "languages[0]"}


def test_unknown_keys_are_refused_rather_than_silently_dropped():
    assert "birthyear" in errors_of({"name": "A", "birth_year": 1940, "birthyear": 1941})["profile"]


# --- storage --------------------------------------------------------------------


def test_full_profile_round_trips(db):
    resident_id = residents.create_resident(db, SYSTEM, residents.validate_profile(FULL_PROFILE))
    stored = residents.profile_to_dict(residents.get_resident(db, SYSTEM, resident_id))
    for key, value in FULL_PROFILE.items():
        if key == "memories":
            assert [{k: m[k] for k in value[0]} for m in stored[key]] == value
        else:
            assert stored[key] == value, key


def test_text_is_stored_exactly_including_emoji_rtl_html_and_long_notes(db):
    text = "שלום, مرحبا 🎶 <b>Dad</b> *always* [sang](javascript:alert(1)) " + "é" * 10_000
    resident_id = residents.create_resident(
        db, SYSTEM, residents.validate_profile({"name": "Zoë 😊 أحمد", "birth_year": 1940, "dancing": text})
    )
    profile = residents.get_resident(db, SYSTEM, resident_id)
    assert profile.name == "Zoë 😊 أحمد"
    assert profile.dancing == text


def test_export_then_import_gives_the_same_profile(db):
    first = residents.create_resident(db, SYSTEM, residents.validate_profile(FULL_PROFILE))
    exported = residents.export_profile(db, SYSTEM, first)
    second = residents.import_profile(db, SYSTEM, exported)
    assert second != first
    assert residents.export_profile(db, SYSTEM, second) == exported


def test_import_names_the_missing_key_and_writes_nothing(db):
    with pytest.raises(ValidationError) as caught:
        residents.import_profile(db, SYSTEM, json.dumps({"name": "No Birth Year"}))
    assert "birth_year" in caught.value.errors
    assert residents.count_residents(db) == 0


def test_import_of_a_file_that_is_not_json_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        residents.import_profile(db, SYSTEM, "name,birth_year\nA,1940\n")
    assert "not valid JSON" in str(caught.value)
    with pytest.raises(ValidationError):
        residents.import_profile(db, SYSTEM, "[1, 2]")
    assert residents.count_residents(db) == 0


def test_a_failure_mid_write_leaves_no_half_record(db, monkeypatch):
    profile = residents.validate_profile(FULL_PROFILE)

    def explode(*args, **kwargs):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(residents, "_insert_memory", explode)
    with pytest.raises(RuntimeError):
        residents.create_resident(db, SYSTEM, profile)
    for table in ("residents", "resident_places", "resident_songs", "red_flags", "resident_list_items"):
        assert db[table].count == 0, table


def test_section_update_writes_only_that_section(db, peggy):
    other_tablet = residents.get_resident(db, SYSTEM, peggy)
    residents.update_fields(db, SYSTEM, peggy, "music", {"favourite_artists": ["Jim Reeves"]})
    other_tablet.places = []  # a stale copy on another tablet, edited elsewhere
    other_tablet.faith = "Catholic"
    residents.update_resident(db, SYSTEM, peggy, other_tablet, ["about"])
    profile = residents.get_resident(db, SYSTEM, peggy)
    assert profile.faith == "Catholic"
    assert profile.favourite_artists == ["Jim Reeves"]
    assert len(profile.places) == 1


def test_update_fields_refuses_bad_input_and_changes_nothing(db, peggy):
    before = residents.export_profile(db, SYSTEM, peggy)
    with pytest.raises(ValidationError):
        residents.update_fields(db, SYSTEM, peggy, "about", {"birth_year": 1960})  # Cork from 1938 is now before birth
    assert residents.export_profile(db, SYSTEM, peggy) == before


def test_list_and_search_residents(db, peggy):
    residents.create_resident(
        db, SYSTEM, residents.validate_profile({"name": "Joe Rossi", "birth_year": 1933, "room": "7B"})
    )
    assert [p.name for p in residents.list_residents(db, SYSTEM)] == ["Joe Rossi", "Margaret O'Brien"]
    assert [p.name for p in residents.list_residents(db, SYSTEM, "peg")] == ["Margaret O'Brien"]
    assert [p.name for p in residents.list_residents(db, SYSTEM, "7b")] == ["Joe Rossi"]
    assert residents.list_residents(db, SYSTEM, "nobody") == []
    assert residents.list_residents(db, SYSTEM, "peg")[0].countries == ("IE",)


def test_delete_removes_everything_about_the_resident(db):
    resident_id = residents.create_resident(db, SYSTEM, residents.validate_profile(FULL_PROFILE))
    residents.delete_resident(db, SYSTEM, resident_id)
    for table in ("residents", "resident_places", "resident_songs", "red_flags", "memories", "avoid_themes"):
        assert db[table].count == 0, table
    with pytest.raises(NotFound):
        residents.get_resident(db, SYSTEM, resident_id)


def test_memories_are_added_edited_and_deleted_one_at_a_time(db, peggy):
    memory_id = residents.add_memory(db, SYSTEM, peggy, {"text": "Dances at the Galtymore", "year": 1958})
    residents.update_memory(
        db, SYSTEM, peggy, memory_id, {"text": "Dances at the Galtymore, Cricklewood", "year": 1958}
    )
    assert [m.text for m in residents.list_memories(db, SYSTEM, peggy)] == ["Dances at the Galtymore, Cricklewood"]
    with pytest.raises(ValidationError):
        residents.add_memory(db, SYSTEM, peggy, {"text": "   "})
    residents.delete_memory(db, SYSTEM, peggy, memory_id)
    assert residents.list_memories(db, SYSTEM, peggy) == []
    with pytest.raises(NotFound):
        residents.delete_memory(db, SYSTEM, peggy, memory_id)


def test_section_progress_reflects_what_is_filled(db, peggy):
    profile = residents.get_resident(db, SYSTEM, peggy)
    filled = {s.key for s in residents.SECTIONS if residents.section_is_filled(profile, s)}
    assert filled == {"about", "places"}
