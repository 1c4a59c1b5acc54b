"""``python -m reminisce``: the same functions the pages use, for admins and scripts.

Every command exits 0 on success and 1 with a one-line ``error: ...`` on bad
input; argparse's own usage errors exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reminisce import config, demo, residents
from reminisce.db import open_database
from reminisce.errors import ReminisceError


def _db(args: argparse.Namespace):
    return open_database(args.db or config.database_path())


def cmd_init(args: argparse.Namespace) -> None:
    db = _db(args)
    print(f"Database ready at {args.db or config.database_path()}")
    db.close()


def cmd_demo(args: argparse.Namespace) -> None:
    added = demo.add_demo_residents(_db(args))
    print(f"Added {added} demo resident(s)." if added else "The demo residents are already there; nothing added.")


def cmd_resident_list(args: argparse.Namespace) -> None:
    people = residents.list_residents(_db(args), args.search or "")
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": p.id,
                        "name": p.name,
                        "preferred_name": p.preferred_name,
                        "birth_year": p.birth_year,
                        "room": p.room,
                        "countries": list(p.countries),
                    }
                    for p in people
                ],
                ensure_ascii=False,
            )
        )
        return
    if not people:
        print("No residents yet. Add one in the app, or run: python -m reminisce demo")
    for p in people:
        called = f" ({p.preferred_name})" if p.preferred_name else ""
        print(f"{p.id}\t{p.name}{called}\tborn {p.birth_year}\t{', '.join(p.countries)}")


def cmd_resident_export(args: argparse.Namespace) -> None:
    print(residents.export_profile(_db(args), args.id))


def cmd_resident_import(args: argparse.Namespace) -> None:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReminisceError(f"{path} does not exist.") from None
    except UnicodeDecodeError:
        raise ReminisceError(f"{path} is not UTF-8 text.") from None
    except OSError as exc:
        raise ReminisceError(f"cannot read {path}: {exc.strerror}.") from None
    print(residents.import_profile(_db(args), text))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reminisce", description="Reminisce administration.")
    parser.add_argument("--db", help="SQLite file (default: $REMINISCE_DB or data/reminisce.db)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("init", help="create or migrate the database").set_defaults(func=cmd_init)
    commands.add_parser("demo", help="add demo residents (once)").set_defaults(func=cmd_demo)

    resident = commands.add_parser("resident", help="list, export and import residents")
    resident_commands = resident.add_subparsers(dest="resident_command", required=True, metavar="ACTION")
    listing = resident_commands.add_parser("list", help="list residents")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--search", help="only names or rooms containing this")
    listing.set_defaults(func=cmd_resident_list)
    export = resident_commands.add_parser("export", help="print a resident's music profile as JSON")
    export.add_argument("id", type=int)
    export.set_defaults(func=cmd_resident_export)
    importing = resident_commands.add_parser("import", help="add a resident from a music profile JSON file")
    importing.add_argument("file")
    importing.set_defaults(func=cmd_resident_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], None] = args.func
    try:
        handler(args)
    except ReminisceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    return 0
