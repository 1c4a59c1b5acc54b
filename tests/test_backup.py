import sqlite3

import pytest

from reminisce import backup, residents
from reminisce.errors import AccessDenied, ReminisceError
from reminisce.people import SYSTEM


def test_backup_is_a_complete_consistent_copy(db, peggy, tmp_path):
    path = backup.backup(db, SYSTEM, str(tmp_path / "backups") + "/")
    copy = sqlite3.connect(path)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT name FROM residents").fetchall() == [("Margaret O'Brien",)]
    assert backup.last_backup(db)
    with pytest.raises(ReminisceError, match="already exists"):
        backup.backup(db, SYSTEM, path)


def test_only_admins_back_up(db, admin, tmp_path):
    from reminisce import people

    staff = people.add_user(db, SYSTEM, "sam", "a-long-password", "staff")
    with pytest.raises(AccessDenied):
        backup.backup(db, staff, tmp_path / "x.db")
    assert residents.count_residents(db) == 0
