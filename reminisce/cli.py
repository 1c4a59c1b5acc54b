"""``python -m reminisce``: the same functions the pages use, for admins and scripts.

Every command exits 0 on success and 1 with a one-line ``error: ...`` on bad
input; argparse's own usage errors exit 2.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reminisce import backup, config, demo, people, residents, suggestions
from reminisce.catalog import bundled, csv_import, local_folder, search, store
from reminisce.catalog.fields import EXPORT_COLUMNS
from reminisce.db import open_database
from reminisce.errors import ReminisceError
from reminisce.people import SYSTEM
from reminisce.text import count


def _db(args: argparse.Namespace):
    """The database, migrated and with the bundled catalog loaded (as the app does)."""
    path = str(args.db or config.database_path())
    db = open_database(path)
    if args.command not in ("init", "doctor"):  # doctor reports the state; it changes nothing
        bundled.ensure_loaded(db, path)
    return db


def cmd_init(args: argparse.Namespace) -> None:
    db = _db(args)
    report = bundled.load_bundled(db)
    for problem in report.problems:
        print(f"warning: bundled catalog {problem}", file=sys.stderr)
    state = "loaded" if report.loaded else "already up to date"
    print(f"Database ready at {args.db or config.database_path()}")
    print(f"Bundled catalog {state}: {report.tracks} songs from {report.files} files.")
    db.close()


def cmd_catalog_import(args: argparse.Namespace) -> None:
    report = csv_import.import_csv(_db(args), args.file, args.name)
    print(f"Imported {report.imported} songs as '{report.name}'.")


def cmd_catalog_scan(args: argparse.Namespace) -> None:
    report = local_folder.scan_folder(_db(args), args.folder, args.name)
    for problem in report.problems:
        print(f"skipped or incomplete: {problem}", file=sys.stderr)
    print(f"Added {report.added} songs from the folder as '{report.name}'.")


def cmd_catalog_stats(args: argparse.Namespace) -> None:
    numbers = store.stats(_db(args))
    if args.json:
        print(json.dumps(numbers, ensure_ascii=False))
        return
    print(f"{numbers['total']} songs")
    for title in ("by_decade", "by_source", "by_region"):
        print(f"{title.replace('_', ' ')}: " + ", ".join(f"{k} {v}" for k, v in numbers[title].items()))


def cmd_catalog_export(args: argparse.Namespace) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in store.export_rows(_db(args)):
        writer.writerow(row)


def cmd_catalog_search(args: argparse.Namespace) -> None:
    decade = _decade(args.decade) if args.decade else None
    hits = search.search(_db(args), args.text, decade=decade, region=args.region, limit=args.limit)
    if args.json:
        print(
            json.dumps(
                [{**_track_json(hit.track), "score": hit.score, "match": hit.how} for hit in hits], ensure_ascii=False
            )
        )
        return
    if not hits:
        print("No songs found. Try fewer words, or a different spelling.")
    for hit in hits:
        print(f"{hit.track.year or '?'}\t{hit.track.title} - {hit.track.artist}\t[{hit.track.source}]")


def cmd_catalog_remove(args: argparse.Namespace) -> None:
    count = csv_import.delete_source(_db(args), args.name)
    print(f"Removed '{args.name}' and its {count} songs.")


def cmd_suggest(args: argparse.Namespace) -> None:
    db = _db(args)
    if args.resident is not None:
        if args.birth_year is not None or args.region or args.language or args.artist:
            raise ReminisceError("use either --resident or --birth-year (with --region/--language/--artist), not both.")
        listener = suggestions.listener_for(db, SYSTEM, args.resident)
    elif args.birth_year is not None:
        listener = suggestions.adhoc_listener(args.birth_year, args.region, args.language, args.artist)
    else:
        raise ReminisceError("say who the suggestions are for: --resident ID or --birth-year YEAR.")
    sources = {"all": (), "bundled": ("bundled",), "spotify": ("spotify",)}[args.source]
    found, notices = suggestions.suggest_with_notices(
        db, listener, purpose=args.purpose, limit=args.limit, sources=sources
    )
    for notice in notices:
        print(f"note: {notice}", file=sys.stderr)
    if args.json:
        print(json.dumps([suggestions.suggestion_json(s) for s in found], ensure_ascii=False))
        return
    if not found:
        print("No suggestions: the catalog has no songs for these years and places yet.")
    for number, suggestion in enumerate(found, start=1):
        track = suggestion.track
        print(f"{number:>3}. {track.title} - {track.artist} ({track.year or '?'})")
        for reason in (*suggestion.reasons, *suggestion.warnings):
            print(f"       {reason}")


def _password() -> str:
    password = os.environ.get("REMINISCE_PASSWORD", "")
    if password:
        return password
    if not sys.stdin.isatty():
        raise ReminisceError("set REMINISCE_PASSWORD or run this in a terminal to be asked for the password.")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise ReminisceError("the two passwords differ.")
    return first


def cmd_user_add(args: argparse.Namespace) -> None:
    user = people.add_user(
        _db(args), SYSTEM, args.username, _password(), args.role, args.name or "", tuple(args.resident)
    )
    print(f"Added {user.role} {user.username}.")


def cmd_user_disable(args: argparse.Namespace) -> None:
    people.set_disabled(_db(args), SYSTEM, args.username, True)
    print(f"Disabled {args.username}.")


def cmd_user_enable(args: argparse.Namespace) -> None:
    people.set_disabled(_db(args), SYSTEM, args.username, False)
    print(f"Enabled {args.username}.")


def cmd_user_list(args: argparse.Namespace) -> None:
    for user in people.list_users(_db(args), SYSTEM):
        state = " (disabled)" if user["disabled"] else ""
        linked = f"  residents {user['residents']}" if user["residents"] else ""
        print(f"{user['username']}\t{user['role']}{state}{linked}")


def cmd_backup(args: argparse.Namespace) -> None:
    print(f"Backed up to {backup.backup(_db(args), SYSTEM, args.destination)}")


def cmd_doctor(args: argparse.Namespace) -> int:
    from reminisce import doctor

    findings = doctor.check(_db(args))
    for finding in findings:
        print(f"{'ok ' if finding.ok else 'FIX'}  {finding.what}" + ("" if finding.ok else f": {finding.advice}"))
    problems = sum(not f.ok for f in findings)
    print("All is well." if not problems else f"{count(problems, 'thing')} to fix.")
    return 1 if problems else 0


def cmd_spotify_status(args: argparse.Namespace) -> None:
    from reminisce.catalog import spotify

    db = _db(args)
    print(spotify.status_message(db))
    if spotify.is_configured(db):
        print("Care-home account for export: " + ("connected" if spotify.is_connected(db) else "not connected"))


def _decade(text: str) -> int:
    value = text.rstrip("s")
    if not value.isdigit() or int(value) % 10 or not 1900 <= int(value) <= 2020:
        raise ReminisceError(f"'{text}' is not a decade like 1950s.")
    return int(value)


def _track_json(track) -> dict:
    return {
        "id": track.id,
        "title": track.title,
        "artist": track.artist,
        "year": track.year,
        "regions": list(track.regions),
        "language": track.language,
        "source": track.source,
    }


def cmd_demo(args: argparse.Namespace) -> None:
    added = demo.add_demo_residents(_db(args))
    print(
        f"Added {count(added, 'demo resident')}." if added else "The demo residents are already there; nothing added."
    )


def cmd_resident_list(args: argparse.Namespace) -> None:
    people = residents.list_residents(_db(args), SYSTEM, args.search or "")
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
    print(residents.export_profile(_db(args), SYSTEM, args.id))


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
    print(residents.import_profile(_db(args), SYSTEM, text))


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

    catalog = commands.add_parser("catalog", help="the music catalog: import, scan, stats, export, search")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    importing_csv = catalog_commands.add_parser("import", help="import a CSV (title, artist, year, ...)")
    importing_csv.add_argument("file")
    importing_csv.add_argument("--name", required=True, help="what to call this catalog")
    importing_csv.set_defaults(func=cmd_catalog_import)
    scan = catalog_commands.add_parser("scan", help="add a folder of music files (tags read with mutagen)")
    scan.add_argument("folder")
    scan.add_argument("--name", help="what to call this source (default: the folder's name)")
    scan.set_defaults(func=cmd_catalog_scan)
    catalog_stats = catalog_commands.add_parser("stats", help="counts by decade, region and source")
    catalog_stats.add_argument("--json", action="store_true", help="print JSON")
    catalog_stats.set_defaults(func=cmd_catalog_stats)
    catalog_commands.add_parser("export", help="print the whole catalog as CSV").set_defaults(func=cmd_catalog_export)
    finding = catalog_commands.add_parser("search", help="find songs by title, artist or a remembered fragment")
    finding.add_argument("text")
    finding.add_argument("--decade", help="e.g. 1950s")
    finding.add_argument("--region", type=str.upper, help="ISO country code, e.g. IE")
    finding.add_argument("--limit", type=int, default=20)
    finding.add_argument("--json", action="store_true", help="print JSON")
    finding.set_defaults(func=cmd_catalog_search)
    removing = catalog_commands.add_parser("remove", help="remove an imported catalog or scanned folder")
    removing.add_argument("name")
    removing.set_defaults(func=cmd_catalog_remove)

    suggest = commands.add_parser("suggest", help="era- and place-aware song suggestions, with reasons")
    suggest.add_argument("--resident", type=int, help="a resident's id (uses their whole life story)")
    suggest.add_argument("--birth-year", type=int, help="or describe someone: year of birth")
    suggest.add_argument("--region", action="append", default=[], help="country lived in when young (repeatable)")
    suggest.add_argument("--language", action="append", default=[], help="ISO 639-1 language (repeatable)")
    suggest.add_argument("--artist", action="append", default=[], help="a favourite artist (repeatable)")
    suggest.add_argument("--purpose", default="reminisce", help="reminisce, uplifting, calm or sleep")
    suggest.add_argument("--limit", type=int, default=30, help="how many (1-500)")
    suggest.add_argument(
        "--source",
        choices=("all", "bundled", "spotify"),
        default="all",
        help="where songs come from (default: every configured source)",
    )
    suggest.add_argument("--json", action="store_true", help="print JSON")
    suggest.set_defaults(func=cmd_suggest)

    spotify_parser = commands.add_parser("spotify", help="the Spotify connection")
    spotify_commands = spotify_parser.add_subparsers(dest="spotify_command", required=True, metavar="ACTION")
    spotify_commands.add_parser("status", help="is Spotify configured and answering?").set_defaults(
        func=cmd_spotify_status
    )

    user = commands.add_parser("user", help="accounts: add, disable, enable, list")
    user_commands = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    adding = user_commands.add_parser("add", help="add an account (password from REMINISCE_PASSWORD or asked)")
    adding.add_argument("--username", required=True)
    adding.add_argument("--role", required=True, choices=("admin", "staff", "family"))
    adding.add_argument("--name", help="the name colleagues see")
    adding.add_argument("--resident", type=int, action="append", default=[], help="link a family account (repeatable)")
    adding.set_defaults(func=cmd_user_add)
    for name, handler, text in (
        ("disable", cmd_user_disable, "stop an account signing in"),
        ("enable", cmd_user_enable, "let a disabled account sign in again"),
    ):
        action = user_commands.add_parser(name, help=text)
        action.add_argument("username")
        action.set_defaults(func=handler)
    user_commands.add_parser("list", help="list accounts").set_defaults(func=cmd_user_list)

    commands.add_parser("doctor", help="check the database, catalog, backups and Spotify").set_defaults(func=cmd_doctor)

    backing_up = commands.add_parser("backup", help="copy the database safely while the app runs")
    backing_up.add_argument("destination", help="a new file, or a folder for a dated file")
    backing_up.set_defaults(func=cmd_backup)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int | None] = args.func
    try:
        code = handler(args)
    except ReminisceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    return code or 0
