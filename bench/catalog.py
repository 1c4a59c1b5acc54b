"""Benchmark: import a synthetic 1,000,000-track CSV, then search it.

    python bench/catalog.py [--rows 1000000]

Prints a table: import time and the import process's peak memory, then title/artist
search times (full-text path and the typo-tolerant fallback). The synthetic rows
are random word titles; they are never part of the shipped catalog.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "love heart moon river blue night dance home rose summer rain dream sweet kiss star road sea song "
    "golden little old girl boy tears smile morning evening wind fire heaven angel tender wild lonely "
    "yellow green silver memory shadow harbour island valley mountain city bell train letter garden"
).split()
NAMES = "Joe Mary Frank Peggy Elvis Vera Bing Nat Doris Patsy Jim Connie Dean Cliff Lata Edith Tino Hank".split()
SURNAMES = "Reeves Lynn Crosby Cole Day Cline Martin Richard Piaf Rossi Kumar Williams Brown Murphy Dekker".split()
REGIONS = "GB US IE CA AU DE FR IT NL PL IN JM PH ES MX PT GR".split()


def write_synthetic(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "artist", "year", "regions", "language", "genre", "mood"])
        for n in range(rows):
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5))).title() + f" {n}"
            artist = f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"
            regions = ";".join(sorted(rng.sample(REGIONS, rng.randint(1, 3))))
            writer.writerow([title, artist, rng.randint(1920, 1999), regions, "en", "pop", "tender"])


def child_import(csv_path: str, db_path: str) -> None:
    from reminisce.catalog import csv_import
    from reminisce.db import open_database

    db = open_database(db_path)
    started = time.perf_counter()
    report = csv_import.import_csv(db, csv_path, "synthetic")
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"imported": report.imported, "seconds": elapsed, "peak_mib": peak_mib}))


def time_searches(db_path: str, queries: list[str], fuzzy: bool) -> list[float]:
    from reminisce.catalog import search
    from reminisce.db import open_database

    db = open_database(db_path)
    run = search.fuzzy_search if fuzzy else search.search
    run(db, queries[0])  # warm caches (the fuzzy path builds its list of titles once)
    times = []
    for query in queries:
        started = time.perf_counter()
        run(db, query, limit=20)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_import(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, db_path = Path(tmp) / "synthetic.csv", Path(tmp) / "bench.db"
        started = time.perf_counter()
        write_synthetic(csv_path, args.rows)
        generated = time.perf_counter() - started
        size_mib = csv_path.stat().st_size / 2**20
        result = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--child", str(csv_path), str(db_path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        rng = random.Random(11)
        word_queries = [f"{rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(30)]
        artist_queries = [f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}" for _ in range(30)]
        fts = time_searches(str(db_path), word_queries + artist_queries, fuzzy=False)
        fuzzy = time_searches(str(db_path), [q[:-1] + "x" for q in word_queries[:10]], fuzzy=True)

    def pct(values, p):
        return sorted(values)[max(0, round(p / 100 * len(values)) - 1)]

    print(
        f"Machine: {platform.processor() or platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )
    print(f"Synthetic CSV: {args.rows:,} rows, {size_mib:.0f} MiB (generated in {generated:.0f} s)")
    print()
    print("| measure | result |")
    print("|---|---|")
    print(f"| import {result['imported']:,} rows (one transaction) | {result['seconds']:.0f} s |")
    print(f"| import process peak memory (RSS) | {result['peak_mib']:.0f} MiB |")
    print(
        f"| title/artist search, full-text (60 queries) | median {statistics.median(fts):.1f} ms, "
        f"p95 {pct(fts, 95):.1f} ms |"
    )
    print(
        f"| typo-tolerant fallback (10 queries) | median {statistics.median(fuzzy):.0f} ms, "
        f"p95 {pct(fuzzy, 95):.0f} ms |"
    )


if __name__ == "__main__":
    main()
