"""Property tests with hypothesis: no input crashes the app or writes a partial record,
and every refusal is a clear error."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reminisce import accounts, residents
from reminisce.catalog import csv_import, search
from reminisce.cli import main
from reminisce.db import open_database
from reminisce.errors import ReminisceError, ValidationError
from reminisce.people import SYSTEM

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
profile_keys = st.sampled_from(sorted(residents.PROFILE_KEYS)) | st.text(max_size=12)
profiles = st.dictionaries(profile_keys, json_values, max_size=8)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    yield db
    db.close()


@FUZZ
@given(raw=profiles)
def test_any_profile_is_accepted_or_refused_clearly(fuzz_db, raw):
    before = residents.count_residents(fuzz_db)
    try:
        profile = residents.validate_profile(raw)
    except ValidationError as exc:
        assert exc.errors and all(isinstance(m, str) and m for m in exc.errors.values())
        return
    residents.create_resident(fuzz_db, SYSTEM, profile)
    assert residents.count_residents(fuzz_db) == before + 1


@FUZZ
@given(text=st.text(max_size=300) | profiles.map(json.dumps))
def test_any_import_file_is_imported_or_refused_with_nothing_written(fuzz_db, text):
    before = residents.count_residents(fuzz_db)
    try:
        residents.import_profile(fuzz_db, SYSTEM, text)
    except ValidationError:
        assert residents.count_residents(fuzz_db) == before


@FUZZ
@given(memory=st.dictionaries(st.sampled_from(["text", "year", "place", "contributed_by"]), json_values))
def test_any_memory_is_validated_without_crashing(memory):
    try:
        valid = residents.validate_memory(memory, 1940)
    except ValidationError as exc:
        assert exc.errors
        return
    assert valid.text.strip() and len(valid.text) <= residents.LONG_TEXT_LIMIT
    assert valid.year is None or 1840 <= valid.year <= residents.current_year()


@FUZZ
@given(username=st.text(max_size=80), password=st.text(max_size=40), role=st.text(max_size=8))
def test_any_account_form_is_validated_without_crashing(fuzz_db, username, password, role):
    try:
        accounts.create_user(fuzz_db, username, password, role)
    except ValidationError as exc:
        assert set(exc.errors) <= {"username", "password", "role"}


rows = st.lists(st.lists(st.text(max_size=15) | st.integers(-5, 3000).map(str), min_size=0, max_size=5), max_size=8)


@FUZZ
@given(
    header=st.sampled_from(["title,artist,year", "title,artist,year,regions,mood", "year,title", ""]),
    body=rows,
    raw=st.binary(max_size=200),
    use_raw=st.booleans(),
)
def test_any_csv_is_imported_whole_or_not_at_all(fuzz_db, header, body, raw, use_raw):
    if use_raw:
        data = raw
    else:
        out = io.StringIO()
        out.write(header + "\n")
        for row in body:
            out.write(",".join(json.dumps(cell) if "," in cell else cell for cell in row) + "\n")
        data = out.getvalue().encode("utf-8")
    name = "fuzzed"
    try:
        report = csv_import.import_stream(fuzz_db, io.BytesIO(data), name)
    except ReminisceError:
        count = fuzz_db.execute("SELECT count(*) FROM tracks WHERE source = ?", [name]).fetchone()[0]
        before = fuzz_db.execute("SELECT count(*) FROM sources WHERE name = ?", [name]).fetchone()[0]
        assert count == 0 or before == 1  # a refused import leaves any earlier import of that name untouched
        return
    assert report.imported == fuzz_db.execute("SELECT count(*) FROM tracks WHERE source = ?", [name]).fetchone()[0]


@FUZZ
@given(
    text=st.text(max_size=60),
    decade=st.none() | st.sampled_from([1920, 1950, 1990]),
    region=st.none() | st.sampled_from(["GB", "IE", "ZZ"]),
)
def test_any_search_text_is_safe(fuzz_db, text, decade, region):
    assert isinstance(search.search(fuzz_db, text, decade=decade, region=region), list)


cli_words = st.sampled_from(
    [
        "--birth-year",
        "--region",
        "--language",
        "--artist",
        "--purpose",
        "--limit",
        "--resident",
        "--json",
        "--source",
        "1940",
        "GB",
        "xx",
        "0",
        "-1",
        "calm",
        "spotify",
        "1850",
        "Elvis",
    ]
)


@FUZZ
@given(args=st.lists(cli_words | st.text(max_size=8), max_size=8))
def test_any_suggest_arguments_give_a_result_or_a_clear_error(fuzz_db, db_path, capsys, args):
    capsys.readouterr()  # hypothesis reuses the fixture: start each example with empty buffers
    try:
        code = main(["--db", str(db_path), "suggest", *args])
    except SystemExit as exc:  # argparse's usage error
        assert exc.code == 2
        return
    _, err = capsys.readouterr()
    assert code in (0, 1)
    if code == 1:
        assert err.startswith("error: ") and "Traceback" not in err
