"""Benchmark: suggestion time on the bundled catalog and with 1,000,000 extra tracks.

    python bench/suggest.py [--rows 1000000]

For each demo resident: the time to gather candidates from SQLite plus the engine
(median of 5), the engine alone, and the wall time of the `suggest` command.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.catalog import write_synthetic  # noqa: E402
from reminisce import demo, residents, suggestions  # noqa: E402
from reminisce.catalog import bundled, csv_import  # noqa: E402
from reminisce.db import open_database  # noqa: E402
from reminisce.engine import scoring  # noqa: E402
from reminisce.people import SYSTEM  # noqa: E402


def median_ms(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(db_path: Path) -> dict[str, float]:
    db = open_database(db_path)
    totals, engine_only, walls = [], [], []
    for person in residents.list_residents(db, SYSTEM):
        listener = suggestions.listener_for(db, SYSTEM, person.id)
        totals.append(median_ms(lambda listener=listener: suggestions.suggest(db, listener, limit=30)))
        candidates = suggestions.candidate_tracks(db, listener)
        engine_only.append(
            median_ms(lambda listener=listener, candidates=candidates: scoring.suggest(listener, candidates, limit=30))
        )
        command = [
            sys.executable,
            "-m",
            "reminisce",
            "--db",
            str(db_path),
            "suggest",
            "--resident",
            str(person.id),
            "--limit",
            "30",
            "--json",
        ]
        walls.append(
            median_ms(lambda command=command: subprocess.run(command, cwd=ROOT, check=True, capture_output=True), 3)
        )
    return {"total": max(totals), "engine": max(engine_only), "wall": max(walls)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "bundled.db", Path(tmp) / "large.db"
        for path in (small, large):
            db = open_database(path)
            bundled.load_bundled(db)
            demo.add_demo_residents(db)
            db.close()
        csv_path = Path(tmp) / "synthetic.csv"
        write_synthetic(csv_path, args.rows)
        csv_import.import_csv(open_database(large), csv_path, "synthetic")
        on_bundled, on_large = measure(small), measure(large)
    print(
        f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )
    print("Slowest of the four demo residents, top 30 suggestions:")
    print()
    print(f"| measure | bundled catalog | + {args.rows:,} tracks |")
    print("|---|---|---|")
    print(f"| engine only (scoring, variety) | {on_bundled['engine']:.0f} ms | {on_large['engine']:.0f} ms |")
    print(f"| candidates from SQLite + engine | {on_bundled['total']:.0f} ms | {on_large['total']:.0f} ms |")
    print(
        f"| `suggest` command, wall time | {on_bundled['wall']:.0f} ms | {on_large['wall']:.0f} ms "
        f"({on_large['wall'] / on_bundled['wall']:.2f}x) |"
    )


if __name__ == "__main__":
    main()
