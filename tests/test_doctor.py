from helpers import ROOT  # noqa: F401 - the project root is on the path

from reminisce import backup, doctor
from reminisce.catalog import bundled
from reminisce.cli import main
from reminisce.people import SYSTEM


def findings(db):
    return {f.what.split(":")[0].split(" (")[0]: f for f in doctor.check(db)}


def test_a_fresh_database_needs_the_catalog_and_a_backup(db, capsys):
    found = doctor.check(db)
    problems = [f for f in found if not f.ok]
    assert {p.advice for p in problems} == {
        "Run: python -m reminisce init",
        "Run: python -m reminisce backup /a/safe/folder/",
    }
    assert main(["doctor"]) == 1
    assert "2 things to fix." in capsys.readouterr().out


def test_a_healthy_installation(db, db_path, tmp_path, capsys):
    bundled.load_bundled(db)
    backup.backup(db, SYSTEM, str(tmp_path / "b") + "/")
    assert all(f.ok for f in doctor.check(db))
    assert main(["doctor"]) == 0
    assert "All is well." in capsys.readouterr().out
