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


def test_catalog_import_stats_search_export_and_remove(db_path, capsys, tmp_path):
    path = tmp_path / "home.csv"
    path.write_text("title,artist,year,regions\nMoon River,Andy Williams,1962,US;GB\n", encoding="utf-8")
    code, out, _ = run(capsys, "catalog", "import", str(path), "--name", "home")
    assert code == 0 and "Imported 1" in out
    code, out, _ = run(capsys, "catalog", "stats", "--json")
    numbers = json.loads(out)
    assert numbers["by_source"]["home"] == 1 and numbers["by_decade"]["1960s"] >= 1
    code, out, _ = run(capsys, "catalog", "search", "moon rivr", "--json")
    assert json.loads(out)[0]["title"] == "Moon River"
    code, out, _ = run(capsys, "catalog", "export")
    header, *rows = out.splitlines()
    assert header.split(",")[:3] == ["title", "artist", "year"] and header.endswith("source")
    assert any(row.startswith("Moon River,Andy Williams,1962,US;GB") and row.endswith(",home") for row in rows)
    assert run(capsys, "catalog", "remove", "home")[0] == 0


def test_catalog_import_with_bad_rows_exits_1_and_lists_lines(db_path, capsys, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("title,artist,year\n,Nobody,1950\nOk,Someone,19x5\n", encoding="utf-8")
    code, _, err = run(capsys, "catalog", "import", str(path), "--name", "home")
    assert code == 1 and "line 2: title is missing" in err and "line 3: year '19x5' is not a number" in err
    assert "home" not in json.loads(run(capsys, "catalog", "stats", "--json")[1])["by_source"]


def test_catalog_scan_reports_bad_files(db_path, capsys, tmp_path):
    from audio_files import mp3

    mp3(tmp_path / "music" / "a.mp3", "Diana", "Paul Anka", "1957")
    (tmp_path / "music" / "b.mp3").write_bytes(b"junk")
    code, out, err = run(capsys, "catalog", "scan", str(tmp_path / "music"), "--name", "lounge")
    assert code == 0 and "Added 1" in out and "b.mp3" in err


def test_bad_decade_is_a_clear_error(db_path, capsys):
    code, _, err = run(capsys, "catalog", "search", "x", "--decade", "fifties")
    assert code == 1 and "not a decade" in err


def test_suggest_for_a_described_person_and_for_a_resident(db_path, capsys):
    run(capsys, "demo")
    code, out, _ = run(capsys, "suggest", "--birth-year", "1940", "--region", "GB", "--limit", "3", "--json")
    found = json.loads(out)
    assert code == 0 and len(found) == 3
    assert set(found[0]) >= {
        "title",
        "artist",
        "year",
        "regions",
        "language",
        "source",
        "score",
        "age_at_release",
        "reasons",
    }
    code, out, _ = run(capsys, "suggest", "--resident", "1", "--purpose", "calm", "--limit", "2")
    assert code == 0 and "1." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--birth-year", "1850"], "birth_year"),
        (["--birth-year", "1940", "--region", "XX"], "region"),
        (["--birth-year", "1940", "--limit", "0"], "limit"),
        (["--birth-year", "1940", "--purpose", "party"], "purpose"),
        ([], "--resident ID or --birth-year"),
        (["--resident", "99"], "No resident"),
    ],
)
def test_suggest_refuses_bad_arguments(db_path, capsys, args, message):
    code, out, err = run(capsys, "suggest", *args)
    assert code == 1 and out == "" and message in err


def test_user_add_disable_and_list(db_path, capsys, monkeypatch):
    run(capsys, "demo")
    monkeypatch.setenv("REMINISCE_PASSWORD", "a-long-password")
    code, out, _ = run(capsys, "user", "add", "--username", "siobhan", "--role", "family", "--resident", "1")
    assert code == 0 and "Added family siobhan" in out
    assert run(capsys, "user", "disable", "siobhan")[0] == 0
    out = run(capsys, "user", "list")[1]
    assert "siobhan\tfamily (disabled)  residents 1" in out
    code, _, err = run(capsys, "user", "add", "--username", "x", "--role", "family", "--resident", "99")
    assert code == 1 and "No resident with id 99" in err


def test_user_add_without_a_password_is_a_clear_error(db_path, capsys, monkeypatch):
    monkeypatch.delenv("REMINISCE_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", open("/dev/null"))  # noqa: SIM115 - not a terminal
    code, _, err = run(capsys, "user", "add", "--username", "x", "--role", "staff")
    assert code == 1 and "REMINISCE_PASSWORD" in err


def test_backup_command(db_path, capsys, tmp_path):
    run(capsys, "demo")
    code, out, _ = run(capsys, "backup", str(tmp_path / "copies") + "/")
    assert code == 0 and "Backed up to" in out
    assert len(list((tmp_path / "copies").glob("reminisce-*.db"))) == 1
