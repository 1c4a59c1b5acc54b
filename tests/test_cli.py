"""The command line: stable commands, JSON out, one-line errors and non-zero exits."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from helpers import ROOT

from reminisce.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_demo_list_on_an_empty_database(tmp_path):
    """The exact chain from the issue, as a new user would type it."""
    env = {**os.environ, "REMINISCE_DB": str(tmp_path / "fresh.db")}
    for args in (["init"], ["demo"]):
        subprocess.run([sys.executable, "-m", "reminisce", *args], cwd=ROOT, env=env, check=True)
    listed = subprocess.run(
        [sys.executable, "-m", "reminisce", "resident", "list", "--json"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    people = json.loads(listed.stdout)
    assert len(people) >= 3
    assert len({p["birth_year"] // 10 for p in people}) >= 3
    assert len({c for p in people for c in p["countries"]}) >= 4


def test_demo_twice_adds_nothing_twice(db_path, capsys):
    assert run(capsys, "demo")[0] == 0
    first = json.loads(run(capsys, "resident", "list", "--json")[1])
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "nothing added" in out
    assert json.loads(run(capsys, "resident", "list", "--json")[1]) == first


def test_export_then_import_round_trips(db_path, capsys, tmp_path):
    run(capsys, "demo")
    people = json.loads(run(capsys, "resident", "list", "--json")[1])
    code, exported, _ = run(capsys, "resident", "export", str(people[0]["id"]))
    assert code == 0
    path = tmp_path / "profile.json"
    path.write_text(exported, encoding="utf-8")
    code, out, _ = run(capsys, "resident", "import", str(path))
    assert code == 0
    new_id = int(out.strip())
    assert run(capsys, "resident", "export", str(new_id))[1] == exported


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"name": "No Year"}', "birth_year is missing"),
        ("not json at all", "not valid JSON"),
        ('{"name": "A", "birth_year": 1850}', "1900 or later"),
    ],
)
def test_bad_import_files_exit_1_with_one_line_and_write_nothing(db_path, capsys, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "resident", "import", str(path))
    assert code == 1 and out == ""
    assert err.startswith("error:") and message in err and err.count("\n") == 1
    assert json.loads(run(capsys, "resident", "list", "--json")[1]) == []


def test_import_accepts_a_byte_order_mark(db_path, capsys, tmp_path):
    path = tmp_path / "bom.json"
    path.write_text('{"name": "Ann", "birth_year": 1940}', encoding="utf-8-sig")
    assert run(capsys, "resident", "import", str(path))[0] == 0


def test_missing_file_and_unknown_resident_are_clear_errors(db_path, capsys):
    code, _, err = run(capsys, "resident", "import", "no-such-file.json")
    assert code == 1 and "does not exist" in err
    code, _, err = run(capsys, "resident", "export", "4242")
    assert code == 1 and "No resident with id 4242" in err


def test_usage_errors_exit_non_zero(db_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["resident", "export", "not-a-number"])
    assert caught.value.code == 2
