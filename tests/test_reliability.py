"""Several tablets at once, and power cuts: nothing acknowledged is lost, nothing is half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from helpers import ROOT

from reminisce import db as database
from reminisce import playlists, residents, sessions
from reminisce.catalog.base import Track
from reminisce.engine.scoring import Suggestion
from reminisce.people import SYSTEM

WORKER = str(ROOT / "tests" / "reliability_workers.py")
PROCESSES, RECORDS = 8, 500


def worker(*args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, WORKER, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def sessions_for(db, count: int) -> list[tuple[int, int, int]]:
    """(session, resident, playlist) for each worker; four residents, so they overlap."""
    people = [
        residents.create_resident(db, SYSTEM, residents.validate_profile({"name": f"R{n}", "birth_year": 1940}))
        for n in range(4)
    ]
    out = []
    for n in range(count):
        resident = people[n % 4]
        song = Suggestion(Track("Moon River", "Andy Williams", 1962, "bundled"), 1, 22, ())
        playlist = playlists.create(db, SYSTEM, resident, f"P{n}", "calm", songs=[song])
        out.append(
            (sessions.start_session(db, SYSTEM, [resident], playlist_id=playlist, purpose="sleep"), resident, playlist)
        )
    return out


def test_eight_processes_recording_at_once_lose_nothing(db, db_path):
    jobs = [worker("record", db_path, s, r, p, RECORDS, 0) for s, r, p in sessions_for(db, PROCESSES)]
    outputs = [job.communicate(timeout=600) for job in jobs]
    for job, (out, err) in zip(jobs, outputs, strict=True):
        assert job.returncode == 0, err
        assert "locked" not in err
        assert len(out.split()) == RECORDS
    rows = db.execute("SELECT count(*), count(rating), sum(note != '') FROM song_plays").fetchone()
    assert rows == (PROCESSES * RECORDS,) * 3
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_killed_mid_burst_every_acknowledged_write_is_there(db, db_path):
    [(session, resident, playlist)] = sessions_for(db, 1)
    job = worker("record", db_path, session, resident, playlist, 100_000, 0)
    acknowledged = []
    while len(acknowledged) < 300:
        line = job.stdout.readline()
        assert line, job.stderr.read()
        acknowledged.append(int(line))
    os.kill(job.pid, signal.SIGKILL)
    job.wait()
    database.forget_migrated()
    after = database.open_database(db_path)
    assert after.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0]: (row[1], row[2]) for row in after.execute("SELECT id, rating, note FROM song_plays")}
    for play_id in acknowledged:
        assert stored[play_id][0] is not None and stored[play_id][1].startswith("note ")


@pytest.fixture
def big_csv(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("title,artist,year\n")
        for n in range(300_000):
            handle.write(f"Song number {n},Singer {n % 997},{1920 + n % 80}\n")
    return path


def test_killed_mid_import_nothing_of_it_is_kept(db, db_path, big_csv):
    job = worker("import", db_path, big_csv)
    assert job.stdout.readline().strip() == "started"
    time.sleep(1.5)  # well into the rows, long before the end
    assert job.poll() is None, "the import finished before it could be interrupted"
    os.kill(job.pid, signal.SIGKILL)
    job.wait()
    database.forget_migrated()
    after = database.open_database(db_path)
    assert after.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert after.execute("SELECT count(*) FROM tracks WHERE source = 'big import'").fetchone()[0] == 0
    assert after.execute("SELECT count(*) FROM sources WHERE name = 'big import'").fetchone()[0] == 0
