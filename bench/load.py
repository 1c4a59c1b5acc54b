"""Load: N simulated tablets (browser contexts in Debian's Chromium) against one real
`streamlit run` server, each finding its resident and recording song responses for a
while. Prints the interaction times, errors and the server's memory.

    python bench/load.py [--sessions 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reminisce import accounts, playlists, residents, sessions, suggestions  # noqa: E402
from reminisce.catalog import bundled  # noqa: E402
from reminisce.db import open_database  # noqa: E402
from reminisce.people import SYSTEM  # noqa: E402

PASSWORD = "load-test-password"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium (or REMINISCE_CHROMIUM): Playwright's own download cannot work here."""
    return os.environ.get("REMINISCE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Result:
    times_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss_mib: float = 0.0


def seed(db_path: Path, count: int) -> None:
    db = open_database(db_path)
    bundled.load_bundled(db)
    accounts.set_up_care_home(db, "Load Test House", "manager", PASSWORD)
    for n in range(count):
        profile = residents.validate_profile(
            {
                "name": f"Load Resident {n:03d}",
                "birth_year": 1935 + n % 20,
                "places": [{"country": "GB", "from_year": 1935 + n % 20}],
            }
        )
        resident = residents.create_resident(db, SYSTEM, profile)
        songs = suggestions.suggest_for_resident(db, SYSTEM, resident, limit=12)
        playlist = playlists.create(db, SYSTEM, resident, "Afternoon", "reminisce", songs=songs)
        sessions.start_session(db, SYSTEM, [resident], playlist_id=playlist, purpose="reminiscence")
    db.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db_path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={port}",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
        ],
        cwd=ROOT,
        env={**os.environ, "REMINISCE_DB": str(db_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not start")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def settle(page) -> None:
    await page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")


async def tablet(browser, url: str, number: int, seconds: float, result: Result) -> None:
    from playwright.async_api import expect

    context = await browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    page = await context.new_page()
    step = "opening the app"
    try:
        await page.goto(url)
        await settle(page)
        step = "signing in"
        await page.get_by_role("textbox", name="Username").fill("manager")
        await page.get_by_role("textbox", name="Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_role("heading", name="Residents")).to_be_visible(timeout=120_000)
        step = "searching"
        search = page.get_by_role("textbox", name="Find a resident")
        await search.fill(f"Load Resident {number:03d}")
        await search.press("Enter")
        await expect(page.get_by_text("1 resident", exact=True)).to_be_visible(timeout=120_000)
        step = "opening the resident"
        await settle(page)
        await page.get_by_role("button", name="Open").first.click()
        await expect(page.get_by_role("heading", name=f"Load Resident {number:03d}")).to_be_visible(timeout=120_000)
        step = "opening the session"
        await settle(page)
        await page.get_by_role("button", name="Listen").click()
        await page.get_by_role("button", name="Continue that session").click(timeout=120_000)
        await expect(page.get_by_text("Song 1 of")).to_be_visible(timeout=120_000)
        until = time.monotonic() + seconds  # the clock starts once this tablet is recording
        rating = 0
        while time.monotonic() < until:
            step = "recording"
            rating = rating % 6 + 1
            await settle(page)  # tap when the screen is ready, as a person would
            started = time.perf_counter()
            await page.get_by_role("radio", name=str(rating), exact=True).click()
            await expect(page.get_by_text(f"{rating}: ")).to_be_visible(timeout=120_000)
            result.times_ms.append((time.perf_counter() - started) * 1000)
            if await page.locator("[data-testid='stException']").count():
                result.errors.append(f"tablet {number}: an error was shown")
                break
    except Exception as exc:  # the load run reports every failure rather than stopping
        result.errors.append(f"tablet {number}, {step}: {type(exc).__name__}: {str(exc).splitlines()[0][:100]}")
    finally:
        await context.close()


async def drive(url: str, count: int, seconds: float, server_pid: int) -> Result:
    from playwright.async_api import async_playwright

    result = Result()
    executable = chromium_path()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        await asyncio.gather(*(tablet(browser, url, n, seconds, result) for n in range(count)))
        result.rss_mib = rss_mib(server_pid)
        await browser.close()
    return result


def run_async(make_coroutine):
    """asyncio.run in a thread of its own, so it also works where a loop is already running
    (as in a test session that has used Playwright's sync API)."""
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = asyncio.run(make_coroutine())
        except BaseException as exc:  # handed back to the caller below
            outcome["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def run(count: int, seconds: float) -> Result:
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "load.db"
        seed(db_path, count)
        proc, url = start_server(db_path)
        try:
            return run_async(lambda: drive(url, count, seconds, proc.pid))
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    result = run(args.sessions, args.seconds)
    times = sorted(result.times_ms)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{args.sessions} tablets for {args.seconds:.0f} s, recording one-tap responses:")
    print()
    print("| measure | result |")
    print("|---|---|")
    print(f"| responses recorded | {len(times)} |")
    if times:
        print(f"| tap to saved and shown, median | {statistics.median(times):.0f} ms |")
        print(f"| tap to saved and shown, p95 | {times[max(0, round(0.95 * len(times)) - 1)]:.0f} ms |")
    print(f"| errors | {len(result.errors)} |")
    print(f"| server memory (RSS) at the end | {result.rss_mib:.0f} MiB |")
    for error in result.errors[:10]:
        print(f"  {error}")


if __name__ == "__main__":
    main()
