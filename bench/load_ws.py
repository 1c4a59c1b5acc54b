"""Load on the server alone: N sessions that speak Streamlit's own websocket protocol
(as the browser does, without a browser), each signing in, opening its resident's
listening session and recording one-tap responses. Costs the client almost nothing,
so the figures are the server's.

    python bench/load_ws.py [--sessions 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import PASSWORD, Result, rss_mib, run_async, seed, start_server  # noqa: E402
from reminisce.db import open_database  # noqa: E402


class Session:
    """One browser-less client: sends reruns with widget states, reads the elements back."""

    def __init__(self, socket):
        self.socket = socket
        self.page_hash = ""
        self.query = ""
        self.pages: dict[str, str] = {}

    async def rerun(self, *widgets: WidgetState) -> list:
        message = BackMsg()
        message.rerun_script.query_string = self.query
        message.rerun_script.page_script_hash = self.page_hash
        message.rerun_script.widget_states.widgets.extend(widgets)
        await self.socket.send(message.SerializeToString())
        elements = []
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await self.socket.recv())
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                elements.append(forward.delta.new_element)
            elif kind == "navigation":
                self.pages = {page.url_pathname: page.page_script_hash for page in forward.navigation.app_pages}
            elif kind == "script_finished":
                return elements


def widget(elements, kind: str, label: str = "", key: str = ""):
    for element in elements:
        if element.WhichOneof("type") == kind:
            body = getattr(element, kind)
            if label in getattr(body, "label", "") and key in getattr(body, "id", ""):
                return body
    raise LookupError(f"no {kind} {label or key} on the screen")


def state(widget_id: str, *, text: str | None = None, trigger: bool = False, choices: list[str] | None = None):
    value = WidgetState(id=widget_id)
    if text is not None:
        value.string_value = text
    elif trigger:
        value.trigger_value = True
    else:
        value.string_array_value.data.extend(choices or [])
    return value


def shows_error(elements) -> bool:
    return any(e.WhichOneof("type") == "exception" for e in elements)


async def tablet(url: str, resident_id: int, seconds: float, pause: float, result: Result) -> None:
    step = "connecting"
    try:
        async with websockets.connect(
            url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"], max_size=None
        ) as socket:
            session = Session(socket)
            screen = await session.rerun()
            step = "signing in"
            screen = await session.rerun(
                state(widget(screen, "text_input", "Username").id, text="manager"),
                state(widget(screen, "text_input", "Password").id, text=PASSWORD),
                state(widget(screen, "button", "Sign in").id, trigger=True),
            )
            step = "opening the session"
            session.page_hash, session.query = session.pages["session"], f"id={resident_id}"
            screen = await session.rerun()
            screen = await session.rerun(state(widget(screen, "button", "Continue that session").id, trigger=True))
            rating_id = widget(screen, "button_group", key="rating_").id
            step = "recording"
            until, rating = time.monotonic() + seconds, 0
            pacing = random.Random(resident_id)
            while time.monotonic() < until:
                if pause:
                    await asyncio.sleep(pacing.uniform(pause / 2, pause * 1.5))
                rating = rating % 6 + 1
                started = time.perf_counter()
                screen = await session.rerun(state(rating_id, choices=[str(rating)]))
                result.times_ms.append((time.perf_counter() - started) * 1000)
                if shows_error(screen):
                    result.errors.append(f"resident {resident_id}: the screen showed an error")
                    return
    except Exception as exc:  # every failure is reported, not raised
        result.errors.append(f"resident {resident_id}, {step}: {type(exc).__name__}: {str(exc)[:100]}")


def run(count: int, seconds: float, pause: float = 0.0) -> tuple[Result, int]:
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "load.db"
        seed(db_path, count)
        db = open_database(db_path)
        residents = [row[0] for row in db.execute("SELECT id FROM residents ORDER BY id")]
        proc, url = start_server(db_path)
        result = Result()
        try:

            async def everyone():
                await asyncio.gather(*(tablet(url, r, seconds, pause, result) for r in residents))

            run_async(everyone)
            result.rss_mib = rss_mib(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        saved = db.execute("SELECT count(*) FROM song_plays WHERE rating IS NOT NULL").fetchone()[0]
        db.close()
    return result, saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--pause", type=float, default=2.0, help="average seconds between taps on one tablet (0: tap flat out)"
    )
    args = parser.parse_args()
    result, saved = run(args.sessions, args.seconds, args.pause)
    times = sorted(result.times_ms)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    pace = f"a tap every {args.pause / 2:g}-{args.pause * 1.5:g} s each" if args.pause else "tapping flat out"
    print(f"{args.sessions} websocket sessions for {args.seconds:.0f} s, {pace}, recording one-tap responses:")
    print()
    print("| measure | result |")
    print("|---|---|")
    print(f"| responses recorded | {len(times)} |")
    if times:
        print(f"| tap to the screen re-sent, median | {statistics.median(times):.0f} ms |")
        print(f"| tap to the screen re-sent, p95 | {times[max(0, round(0.95 * len(times)) - 1)]:.0f} ms |")
    print(f"| errors | {len(result.errors)} |")
    print(f"| server memory (RSS) at the end | {result.rss_mib:.0f} MiB |")
    print(f"| songs with a saved rating in the database | {saved} |")
    for error in result.errors[:10]:
        print(f"  {error}")


if __name__ == "__main__":
    main()
