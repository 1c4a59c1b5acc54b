"""Pages at care-home scale: cold start to first paint, and interactions with 500
residents and 50,000 recorded song responses.

    python bench/pages.py [--residents 500] [--records 50000]

The records are written with plain SQL inserts to keep the set-up short; the app then
reads them through its ordinary functions.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import CHROMIUM_ARGS, PASSWORD, chromium_path, rss_mib, settle, start_server  # noqa: E402
from reminisce import accounts, residents  # noqa: E402
from reminisce.catalog import bundled  # noqa: E402
from reminisce.db import now_iso, open_database, transaction  # noqa: E402
from reminisce.people import SYSTEM  # noqa: E402


def seed(db_path: Path, resident_count: int, records: int) -> None:
    db = open_database(db_path)
    bundled.load_bundled(db)
    accounts.set_up_care_home(db, "Scale House", "manager", PASSWORD)
    ids = [
        residents.create_resident(
            db,
            SYSTEM,
            residents.validate_profile(
                {
                    "name": f"Resident {n:04d}",
                    "birth_year": 1925 + n % 40,
                    "places": [{"country": ("GB", "IE", "JM", "IN")[n % 4], "from_year": 1925 + n % 40}],
                }
            ),
        )
        for n in range(resident_count)
    ]
    songs = db.execute("SELECT id, title, artist, year, title_key, artist_key FROM tracks LIMIT 200").fetchall()
    stamp = now_iso()
    per_session = 10
    with transaction(db):
        for session_number in range(records // per_session):
            resident = ids[session_number % len(ids)]
            cursor = db.execute(
                "INSERT INTO listening_sessions (purpose, recorded_by, started_at, ended_at) VALUES (?, ?, ?, ?)",
                ["reminiscence", "Bench", stamp, stamp],
            )
            session = cursor.lastrowid
            db.execute(
                "INSERT INTO session_members (session_id, resident_id, mood_before, mood_after, midas_enjoyment)"
                " VALUES (?, ?, 3, 4, 70)",
                [session, resident],
            )
            db.conn.executemany(
                "INSERT INTO song_plays (session_id, resident_id, position, track_id, title, artist, year, title_key,"
                " artist_key, rating, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        session,
                        resident,
                        p,
                        *songs[(session_number + p) % len(songs)],
                        1 + (session_number + p) % 6,
                        stamp,
                        stamp,
                    )
                    for p in range(per_session)
                ],
            )
    db.close()


async def measure(url: str) -> dict[str, float]:
    from playwright.async_api import async_playwright, expect

    figures: dict[str, float] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = await (await browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)).new_page()
        started = time.perf_counter()
        await page.goto(url)
        await expect(page.get_by_role("textbox", name="Username")).to_be_visible(timeout=60_000)
        figures["first paint: sign-in form shown"] = (time.perf_counter() - started) * 1000
        await page.get_by_role("textbox", name="Username").fill("manager")
        await page.get_by_role("textbox", name="Password").fill(PASSWORD)
        started = time.perf_counter()
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_text("500 residents")).to_be_visible(timeout=60_000)
        figures["sign in to the list of 500 residents"] = (time.perf_counter() - started) * 1000
        searches = []
        for text in ("Resident 0042", "Resident 0317", "Resident 0499", "Resident 0001", "Resident 0250"):
            box = page.get_by_role("textbox", name="Find a resident")
            await box.fill(text)
            started = time.perf_counter()
            await box.press("Enter")
            await expect(page.get_by_text(text, exact=True)).to_be_visible(timeout=60_000)
            await settle(page)
            searches.append((time.perf_counter() - started) * 1000)
        figures["search the list (median of 5)"] = statistics.median(searches)
        started = time.perf_counter()
        await settle(page)
        await page.get_by_role("button", name="Open").first.click()
        await expect(page.get_by_role("heading", name="Resident 0250")).to_be_visible(timeout=60_000)
        figures["open a life story"] = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        await page.get_by_role("button", name="Insights").click()
        await expect(page.get_by_role("heading", name="Songs that work")).to_be_visible(timeout=60_000)
        await settle(page)
        figures["open one resident's insights"] = (time.perf_counter() - started) * 1000
        await browser.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--residents", type=int, default=500)
    parser.add_argument("--records", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "scale.db"
        seed(db_path, args.residents, args.records)
        started = time.perf_counter()
        proc, url = start_server(db_path)
        cold = (time.perf_counter() - started) * 1000
        try:
            figures = {"cold start: server healthy": cold, **asyncio.run(measure(url))}
            memory = rss_mib(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{args.residents} residents, {args.records:,} recorded song responses:")
    print()
    print("| measure | result |")
    print("|---|---|")
    for name, value in figures.items():
        print(f"| {name} | {value:.0f} ms |")
    print(f"| server memory (RSS) | {memory:.0f} MiB |")


if __name__ == "__main__":
    main()
