"""Suggestions on the real bundled catalog for the demo residents, and the service layer."""

from __future__ import annotations

import pytest

from reminisce import config, demo, residents, suggestions
from reminisce.catalog import bundled
from reminisce.db import open_database
from reminisce.errors import ValidationError
from reminisce.people import SYSTEM

REAL_CATALOG = config.PROJECT_ROOT / "data" / "catalog"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("real") / "real.db")
    bundled.load_bundled(db, REAL_CATALOG)
    demo.add_demo_residents(db)
    yield db
    db.close()


@pytest.mark.parametrize("name", [r["name"] for r in demo.DEMO_RESIDENTS])
def test_top_thirty_are_from_their_youth_and_their_places(home, name):
    person = next(p for p in residents.list_residents(home, SYSTEM) if p.name == name)
    profile = residents.get_resident(home, SYSTEM, person.id)
    listener = suggestions.listener_for(home, SYSTEM, person.id)
    top = suggestions.suggest_for_resident(home, SYSTEM, person.id, limit=30)
    assert len(top) == 30
    in_youth = [s for s in top if s.age_at_release is not None and 8 <= s.age_at_release <= 32]
    local = [s for s in top if listener.regions & set(s.track.regions) or s.track.language in profile.languages]
    assert len(in_youth) >= 0.8 * 30, [(s.track.title, s.age_at_release) for s in top]
    assert len(local) >= 0.9 * 30
    assert all(s.reasons for s in top)


def test_demo_residents_come_from_at_least_four_countries(home):
    countries = {p.countries for p in residents.list_residents(home, SYSTEM)}
    assert len({c for pair in countries for c in pair} - {"GB"}) >= 4


def test_red_flag_and_avoided_theme_never_suggested_on_the_real_catalog(home):
    peggy = next(p for p in residents.list_residents(home, SYSTEM) if p.preferred_name == "Peggy")
    winston = next(p for p in residents.list_residents(home, SYSTEM) if p.name == "Winston Campbell")
    assert not any(
        s.track.title == "Danny Boy" for s in suggestions.suggest_for_resident(home, SYSTEM, peggy.id, limit=300)
    )
    assert not any(
        "war" in s.track.themes for s in suggestions.suggest_for_resident(home, SYSTEM, winston.id, limit=300)
    )


def test_group_excludes_every_members_red_flags(home):
    ids = [p.id for p in residents.list_residents(home, SYSTEM)]
    group = suggestions.suggest_for_group(home, SYSTEM, ids, limit=40)
    assert group and not any(s.track.title == "Danny Boy" for s in group)
    assert not any("war" in s.track.themes for s in group)


def test_building_a_calm_playlist_for_a_resident(home):
    person = residents.list_residents(home, SYSTEM)[0]
    built = suggestions.build_for_resident(home, SYSTEM, person.id, "calm")
    assert 10 <= len(built) <= 15
    assert all(s.track.tempo != "fast" for s in built)


def test_bad_requests_are_refused_clearly():
    with pytest.raises(ValidationError, match="birth_year"):
        suggestions.adhoc_listener(1850)
    with pytest.raises(ValidationError, match="region"):
        suggestions.adhoc_listener(1940, regions=["XX"])
    with pytest.raises(ValidationError, match="limit"):
        suggestions.check_request("reminisce", 0)
    with pytest.raises(ValidationError, match="purpose"):
        suggestions.check_request("party", 10)
