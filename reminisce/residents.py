"""The resident's life story: validation, storage, and the portable music profile.

Every write runs in one transaction, and validation happens before any write,
so a refused form or import leaves the database exactly as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlite_utils import Database

from reminisce import people, reference
from reminisce.accounts import User
from reminisce.db import now_iso, transaction
from reminisce.errors import NotFound, ValidationError
from reminisce.model import (
    AvoidTheme,
    Memory,
    Place,
    Profile,
    RedFlag,
    ResidentSummary,
    SongStory,
)
from reminisce.photos import photo_type

EARLIEST_BIRTH_YEAR = 1900
#: Names and titles are short; stories, notes and memories may be long (a family's
#: page-long memory must fit) but not unbounded.
SHORT_TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 20_000
LIST_LIMIT = 200

PROFILE_FORMAT = "reminisce-music-profile"
PROFILE_VERSION = 1
REQUIRED_PROFILE_KEYS = ("name", "birth_year")


@dataclass(frozen=True)
class Section:
    """One screen of the life story: a topic and the profile fields it edits."""

    key: str
    title: str
    fields: tuple[str, ...]


SECTIONS: tuple[Section, ...] = (
    Section("about", "About them", ("name", "preferred_name", "birth_year", "room", "faith")),
    Section("places", "Places lived", ("places",)),
    Section("languages", "Languages", ("languages",)),
    Section(
        "music",
        "Music in their life",
        ("music_importance", "instruments", "dancing", "favourite_artists", "favourite_genres"),
    ),
    Section("favourite_songs", "Favourite songs", ("favourite_songs",)),
    Section("family_identity", "Family and identity songs", ("inheritance_tracks", "identity_tracks")),
    Section("avoid", "Songs and themes to avoid", ("red_flags", "avoid_themes", "low_mood_risk")),
    Section("listening", "Hearing and listening", ("hearing_notes", "headphones_notes")),
    Section("memories", "Memories", ("memories",)),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)

_SCALAR_FIELDS = (
    "name",
    "preferred_name",
    "birth_year",
    "room",
    "faith",
    "music_importance",
    "dancing",
    "hearing_notes",
    "headphones_notes",
    "low_mood_risk",
)
_LIST_FIELDS = ("instruments", "languages", "favourite_artists", "favourite_genres")
_SONG_FIELDS = {"favourite_songs": "favourite", "inheritance_tracks": "inheritance", "identity_tracks": "identity"}
PROFILE_KEYS = frozenset(
    (*_SCALAR_FIELDS, *_LIST_FIELDS, *_SONG_FIELDS, "places", "red_flags", "avoid_themes", "memories")
)


def current_year() -> int:
    return date.today().year


# --- validation ---------------------------------------------------------------


class _Checker:
    """Collects every problem in one pass so a form can show them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, key: str, message: str) -> None:
        self.errors.setdefault(key, message)

    def text(self, value: Any, key: str, *, limit: int = SHORT_TEXT_LIMIT, required: bool = False) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(key, "must be text.")
            return ""
        value = value.strip()
        if required and not value:
            self.fail(key, "is required.")
        if len(value) > limit:
            self.fail(key, f"is {len(value):,} characters; the limit is {limit:,}.")
        return value

    def year(self, value: Any, key: str, *, required: bool = False, earliest: int = EARLIEST_BIRTH_YEAR) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(key, "is required.")
            return None
        if isinstance(value, bool):
            self.fail(key, "must be a year such as 1942.")
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str):
            value = value.strip()
            if not value.isdigit():
                self.fail(key, "must be a year such as 1942.")
                return None
            value = int(value)
        if not isinstance(value, int):
            self.fail(key, "must be a year such as 1942.")
            return None
        if value < earliest:
            self.fail(key, f"must be {earliest} or later.")
            return None
        if value > current_year():
            self.fail(key, "cannot be in the future.")
            return None
        return value

    def items(self, value: Any, key: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(key, "must be a list.")
            return []
        if len(value) > LIST_LIMIT:
            self.fail(key, f"has {len(value)} entries; the limit is {LIST_LIMIT}.")
            return []
        return value

    def record(self, value: Any, key: str) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.fail(key, "must be an object with named fields.")
            return None
        return value


def _str_list(check: _Checker, raw: Any, key: str) -> list[str]:
    values: list[str] = []
    for index, item in enumerate(check.items(raw, key)):
        text = check.text(item, f"{key}[{index}]")
        if text and text.casefold() not in {v.casefold() for v in values}:
            values.append(text)
    return values


def _songs(check: _Checker, raw: Any, key: str) -> list[SongStory]:
    songs = []
    for index, item in enumerate(check.items(raw, key)):
        where = f"{key}[{index}]"
        if (record := check.record(item, where)) is None:
            continue
        songs.append(
            SongStory(
                title=check.text(record.get("title"), f"{where}.title", required=True),
                artist=check.text(record.get("artist"), f"{where}.artist"),
                story=check.text(record.get("story"), f"{where}.story", limit=LONG_TEXT_LIMIT),
            )
        )
    return songs


def _places(check: _Checker, raw: Any, birth_year: int | None) -> list[Place]:
    places = []
    for index, item in enumerate(check.items(raw, "places")):
        where = f"places[{index}]"
        if (record := check.record(item, where)) is None:
            continue
        country_text = check.text(record.get("country"), f"{where}.country", required=True)
        if len(country_text) == 2:
            country = country_text.upper() if reference.is_country(country_text.upper()) else None
        else:
            country = reference.find_country(country_text) if country_text else None
        if country_text and country is None:
            check.fail(
                f"{where}.country", f"('{country_text}') is not a country we know; use a name or a code like GB."
            )
        from_year = check.year(record.get("from_year"), f"{where}.from_year")
        to_year = check.year(record.get("to_year"), f"{where}.to_year")
        if from_year and to_year and to_year < from_year:
            check.fail(
                f"{where}.to_year",
                f"({to_year}) is before the year they moved there ({from_year}): the years are the wrong way round.",
            )
        if birth_year:
            for year, field_name in ((from_year, "from_year"), (to_year, "to_year")):
                if year and year < birth_year:
                    check.fail(f"{where}.{field_name}", f"({year}) is before they were born ({birth_year}).")
        places.append(
            Place(
                country=country or "",
                place=check.text(record.get("place"), f"{where}.place"),
                from_year=from_year,
                to_year=to_year,
            )
        )
    return places


def _memory(check: _Checker, record: Mapping[str, Any], where: str, birth_year: int | None) -> Memory:
    year = check.year(record.get("year"), f"{where}.year")
    if year and birth_year and year < birth_year - 100:
        check.fail(f"{where}.year", f"({year}) is long before they were born.")
    raw_id = record.get("id")
    return Memory(
        text=check.text(record.get("text"), f"{where}.text", limit=LONG_TEXT_LIMIT, required=True),
        year=year,
        place=check.text(record.get("place"), f"{where}.place"),
        contributed_by=check.text(record.get("contributed_by"), f"{where}.contributed_by"),
        id=raw_id if isinstance(raw_id, int) and not isinstance(raw_id, bool) else None,
        created_at=record.get("created_at") if isinstance(record.get("created_at"), str) else "",
    )


def validate_profile(raw: Mapping[str, Any]) -> Profile:
    """Turn a form's or an import's dict into a Profile, or raise ValidationError.

    Keys follow the exported music profile; every problem is reported at once,
    keyed by field (``places[1].to_year``).
    """
    check = _Checker()
    if not isinstance(raw, Mapping):
        raise ValidationError({"profile": "must be a JSON object."})
    unknown = sorted(set(raw) - PROFILE_KEYS - {"format", "version", "id"})
    if unknown:
        check.fail("profile", f"has unknown key(s): {', '.join(unknown)}.")
    name = check.text(raw.get("name"), "name", required=True)
    birth_year = check.year(raw.get("birth_year"), "birth_year", required=True)
    low_mood_risk = check.text(raw.get("low_mood_risk") or "not assessed", "low_mood_risk")
    if low_mood_risk not in reference.LOW_MOOD_RISKS:
        check.fail("low_mood_risk", f"must be one of: {', '.join(reference.LOW_MOOD_RISKS)}.")
    languages = [code.lower() for code in _str_list(check, raw.get("languages"), "languages")]
    for index, code in enumerate(languages):
        if not reference.is_language(code):
            check.fail(f"languages[{index}]", f"('{code}') is not an ISO 639-1 language code (like en, ga, hi).")
    avoid_themes: list[AvoidTheme] = []
    for index, item in enumerate(check.items(raw.get("avoid_themes"), "avoid_themes")):
        where = f"avoid_themes[{index}]"
        record = {"theme": item} if isinstance(item, str) else check.record(item, where)
        if record is None:
            continue
        theme = check.text(record.get("theme"), f"{where}.theme", required=True).lower()
        if theme and theme not in reference.THEMES:
            check.fail(f"{where}.theme", f"('{theme}') is not a theme we tag songs with.")
        if theme not in {t.theme for t in avoid_themes}:
            avoid_themes.append(
                AvoidTheme(theme, check.text(record.get("reason"), f"{where}.reason", limit=LONG_TEXT_LIMIT))
            )
    red_flags = []
    for index, item in enumerate(check.items(raw.get("red_flags"), "red_flags")):
        where = f"red_flags[{index}]"
        if (record := check.record(item, where)) is None:
            continue
        red_flags.append(
            RedFlag(
                title=check.text(record.get("title"), f"{where}.title", required=True),
                artist=check.text(record.get("artist"), f"{where}.artist"),
                reason=check.text(record.get("reason"), f"{where}.reason", limit=LONG_TEXT_LIMIT),
            )
        )
    memories = []
    for index, item in enumerate(check.items(raw.get("memories"), "memories")):
        if (record := check.record(item, f"memories[{index}]")) is not None:
            memories.append(_memory(check, record, f"memories[{index}]", birth_year))
    music_importance = check.text(raw.get("music_importance"), "music_importance")
    profile = Profile(
        name=name,
        birth_year=birth_year or 0,
        preferred_name=check.text(raw.get("preferred_name"), "preferred_name"),
        room=check.text(raw.get("room"), "room"),
        faith=check.text(raw.get("faith"), "faith"),
        music_importance=music_importance,
        instruments=_str_list(check, raw.get("instruments"), "instruments"),
        dancing=check.text(raw.get("dancing"), "dancing", limit=LONG_TEXT_LIMIT),
        hearing_notes=check.text(raw.get("hearing_notes"), "hearing_notes", limit=LONG_TEXT_LIMIT),
        headphones_notes=check.text(raw.get("headphones_notes"), "headphones_notes", limit=LONG_TEXT_LIMIT),
        low_mood_risk=low_mood_risk,
        places=_places(check, raw.get("places"), birth_year),
        languages=languages,
        favourite_artists=_str_list(check, raw.get("favourite_artists"), "favourite_artists"),
        favourite_genres=_str_list(check, raw.get("favourite_genres"), "favourite_genres"),
        favourite_songs=_songs(check, raw.get("favourite_songs"), "favourite_songs"),
        inheritance_tracks=_songs(check, raw.get("inheritance_tracks"), "inheritance_tracks"),
        identity_tracks=_songs(check, raw.get("identity_tracks"), "identity_tracks"),
        red_flags=red_flags,
        avoid_themes=avoid_themes,
        memories=memories,
    )
    if check.errors:
        raise ValidationError(check.errors)
    return profile


def validate_memory(raw: Mapping[str, Any], birth_year: int | None = None) -> Memory:
    check = _Checker()
    memory = _memory(check, raw, "memory", birth_year)
    photo = raw.get("photo")
    if photo is not None:
        if not isinstance(photo, bytes):
            check.fail("memory.photo", "must be an image file.")
        else:
            try:
                memory = replace(memory, photo=photo or None, photo_type=photo_type(photo))
            except ValidationError as exc:
                check.fail("memory.photo", exc.errors["photo"])
    if check.errors:
        raise ValidationError({key.removeprefix("memory."): message for key, message in check.errors.items()})
    return memory


# --- profile <-> dict -----------------------------------------------------------


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The portable music profile (what ``resident export`` prints)."""
    return {
        "format": PROFILE_FORMAT,
        "version": PROFILE_VERSION,
        **{name: getattr(profile, name) for name in _SCALAR_FIELDS},
        **{name: list(getattr(profile, name)) for name in _LIST_FIELDS},
        "places": [
            {"place": p.place, "country": p.country, "from_year": p.from_year, "to_year": p.to_year}
            for p in profile.places
        ],
        **{
            name: [{"title": s.title, "artist": s.artist, "story": s.story} for s in getattr(profile, name)]
            for name in _SONG_FIELDS
        },
        "red_flags": [{"title": f.title, "artist": f.artist, "reason": f.reason} for f in profile.red_flags],
        "avoid_themes": [{"theme": t.theme, "reason": t.reason} for t in profile.avoid_themes],
        "memories": [
            {
                "text": m.text,
                "year": m.year,
                "place": m.place,
                "contributed_by": m.contributed_by,
                "created_at": m.created_at,
            }
            for m in profile.memories
        ],
    }


def parse_profile_json(text: str) -> Profile:
    """Parse an import file; names the missing key rather than failing later."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError({"file": f"is not valid JSON (line {exc.lineno}, column {exc.colno})."}) from None
    if not isinstance(data, dict):
        raise ValidationError({"file": "must hold one JSON object (a music profile)."})
    missing = [key for key in REQUIRED_PROFILE_KEYS if key not in data]
    if missing:
        raise ValidationError({key: "is missing from the file." for key in missing})
    return validate_profile(data)


# --- storage --------------------------------------------------------------------


def _write_sections(db: Database, resident_id: int, profile: Profile, fields: set[str]) -> None:
    scalars = {name: getattr(profile, name) for name in _SCALAR_FIELDS if name in fields}
    db.execute(
        "UPDATE residents SET "
        + "".join(f"{name} = :{name}, " for name in scalars)
        + "updated_at = :updated_at WHERE id = :id",
        {**scalars, "updated_at": now_iso(), "id": resident_id},
    )
    for name in _LIST_FIELDS:
        if name in fields:
            db.execute("DELETE FROM resident_list_items WHERE resident_id = ? AND field = ?", [resident_id, name])
            db["resident_list_items"].insert_all(
                {"resident_id": resident_id, "field": name, "position": i, "value": v}
                for i, v in enumerate(getattr(profile, name))
            )
    if "places" in fields:
        db.execute("DELETE FROM resident_places WHERE resident_id = ?", [resident_id])
        db["resident_places"].insert_all(
            {"resident_id": resident_id, "position": i, **vars(p)} for i, p in enumerate(profile.places)
        )
    for name, category in _SONG_FIELDS.items():
        if name in fields:
            db.execute("DELETE FROM resident_songs WHERE resident_id = ? AND category = ?", [resident_id, category])
            db["resident_songs"].insert_all(
                {"resident_id": resident_id, "category": category, "position": i, **vars(s)}
                for i, s in enumerate(getattr(profile, name))
            )
    if "red_flags" in fields:
        db.execute("DELETE FROM red_flags WHERE resident_id = ?", [resident_id])
        db["red_flags"].insert_all(
            {"resident_id": resident_id, "position": i, **vars(f)} for i, f in enumerate(profile.red_flags)
        )
    if "avoid_themes" in fields:
        db.execute("DELETE FROM avoid_themes WHERE resident_id = ?", [resident_id])
        db["avoid_themes"].insert_all({"resident_id": resident_id, **vars(t)} for t in profile.avoid_themes)


def create_resident(db: Database, actor: User, profile: Profile) -> int:
    """Store a new resident with every section (and memories); returns the new id."""
    people.require_staff(actor)
    stamp = now_iso()
    with transaction(db):
        cursor = db.execute(
            "INSERT INTO residents (name, birth_year, created_at, updated_at) VALUES (?, ?, ?, ?)",
            [profile.name, profile.birth_year, stamp, stamp],
        )
        resident_id = int(cursor.lastrowid)
        _write_sections(db, resident_id, profile, set(PROFILE_KEYS))
        for memory in profile.memories:
            _insert_memory(db, resident_id, memory)
    people.audit(db, actor, "create", resident_id)
    return resident_id


def update_resident(db: Database, actor: User, resident_id: int, profile: Profile, sections: Iterable[str]) -> None:
    """Save only the given sections, so two tablets editing different screens don't clash."""
    people.require(db, actor, resident_id, "change")
    _update_sections(db, resident_id, profile, sections)


def _update_sections(db: Database, resident_id: int, profile: Profile, sections: Iterable[str]) -> None:
    fields: set[str] = set()
    for key in sections:
        section = next((s for s in SECTIONS if s.key == key), None)
        if section is None:
            raise ValueError(f"unknown section {key!r}")
        fields.update(section.fields)
    fields.discard("memories")  # memories are added and edited one at a time
    with transaction(db):
        _require_resident(db, resident_id)
        _write_sections(db, resident_id, profile, fields)


def update_fields(db: Database, actor: User, resident_id: int, section_key: str, changes: Mapping[str, Any]) -> Profile:
    """Apply one screen's changes: the whole profile is validated, only that section is written.

    Raises ValidationError (keys as in ``validate_profile``) and writes nothing on bad input.
    """
    people.require(db, actor, resident_id, "change")
    with transaction(db):
        data = profile_to_dict(load_profile(db, resident_id))
        data.update(changes)
        profile = validate_profile(data)
        _update_sections(db, resident_id, profile, [section_key])
    return profile


def _require_resident(db: Database, resident_id: int) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM residents WHERE id = ?", [resident_id]))
    if not rows:
        raise NotFound(f"No resident with id {resident_id}.")
    return rows[0]


def get_resident(db: Database, actor: User, resident_id: int) -> Profile:
    """The whole life story, if this user may see it."""
    people.require(db, actor, resident_id, "view")
    return load_profile(db, resident_id)


def load_profile(db: Database, resident_id: int) -> Profile:
    """The life story without an access check: only for callers that have made one."""
    row = _require_resident(db, resident_id)
    lists: dict[str, list[str]] = {name: [] for name in _LIST_FIELDS}
    for item in db.query(
        "SELECT field, value FROM resident_list_items WHERE resident_id = ? ORDER BY field, position", [resident_id]
    ):
        lists.setdefault(item["field"], []).append(item["value"])
    songs: dict[str, list[SongStory]] = {name: [] for name in _SONG_FIELDS}
    by_category = {category: name for name, category in _SONG_FIELDS.items()}
    for song in db.query(
        "SELECT category, title, artist, story FROM resident_songs WHERE resident_id = ? ORDER BY position",
        [resident_id],
    ):
        songs[by_category[song["category"]]].append(SongStory(song["title"], song["artist"], song["story"]))
    return Profile(
        id=row["id"],
        **{name: row[name] for name in _SCALAR_FIELDS},
        **lists,
        **songs,
        places=[
            Place(p["country"], p["place"], p["from_year"], p["to_year"])
            for p in db.query("SELECT * FROM resident_places WHERE resident_id = ? ORDER BY position", [resident_id])
        ],
        red_flags=[
            RedFlag(f["title"], f["artist"], f["reason"])
            for f in db.query("SELECT * FROM red_flags WHERE resident_id = ? ORDER BY position", [resident_id])
        ],
        avoid_themes=[
            AvoidTheme(t["theme"], t["reason"])
            for t in db.query("SELECT * FROM avoid_themes WHERE resident_id = ? ORDER BY theme", [resident_id])
        ],
        memories=_memories(db, resident_id),
    )


def list_residents(db: Database, actor: User, search: str = "") -> list[ResidentSummary]:
    """The residents this user may see, by name; ``search`` matches name, preferred name or room."""
    pattern = f"%{search.strip()}%"
    scope = (
        ""
        if actor.role in people.STAFF_ROLES
        else " AND r.id IN (SELECT resident_id FROM resident_access WHERE user_id = :u)"
    )
    rows = db.query(
        """SELECT r.id, r.name, r.preferred_name, r.birth_year, r.room,
                  (SELECT group_concat(country, ';') FROM
                     (SELECT DISTINCT country FROM resident_places p WHERE p.resident_id = r.id)) AS countries
           FROM residents r
           WHERE (r.name LIKE :p OR r.preferred_name LIKE :p OR r.room LIKE :p)"""
        + scope
        + " ORDER BY r.name COLLATE NOCASE, r.id",
        {"p": pattern, "u": actor.id},
    )
    return [
        ResidentSummary(
            id=row["id"],
            name=row["name"],
            preferred_name=row["preferred_name"],
            birth_year=row["birth_year"],
            room=row["room"],
            countries=tuple(sorted((row["countries"] or "").split(";"))) if row["countries"] else (),
        )
        for row in rows
    ]


def count_residents(db: Database) -> int:
    return db["residents"].count


def delete_resident(db: Database, actor: User, resident_id: int) -> None:
    """Erase the resident and everything recorded about them (cascades); the audit
    entry keeps only the number, no personal data."""
    people.require(db, actor, resident_id, "erase")
    with transaction(db):
        _require_resident(db, resident_id)
        db.execute("DELETE FROM residents WHERE id = ?", [resident_id])


def import_profile(db: Database, actor: User, text: str) -> int:
    return create_resident(db, actor, parse_profile_json(text))


def export_profile(db: Database, actor: User, resident_id: int) -> str:
    return json.dumps(profile_to_dict(get_resident(db, actor, resident_id)), ensure_ascii=False, indent=2)


# --- memories -------------------------------------------------------------------


def _insert_memory(db: Database, resident_id: int, memory: Memory) -> int:
    cursor = db.execute(
        "INSERT INTO memories (resident_id, text, year, place, contributed_by, created_at, photo, photo_type)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            resident_id,
            memory.text,
            memory.year,
            memory.place,
            memory.contributed_by,
            memory.created_at or now_iso(),
            memory.photo,
            memory.photo_type,
        ],
    )
    return int(cursor.lastrowid)


def list_memories(db: Database, actor: User, resident_id: int) -> list[Memory]:
    people.require(db, actor, resident_id, "view")
    return _memories(db, resident_id)


def _memories(db: Database, resident_id: int) -> list[Memory]:
    return [
        Memory(
            m["text"], m["year"], m["place"], m["contributed_by"], m["id"], m["created_at"], m["photo"], m["photo_type"]
        )
        for m in db.query("SELECT * FROM memories WHERE resident_id = ? ORDER BY id", [resident_id])
    ]


def add_memory(db: Database, actor: User, resident_id: int, raw: Mapping[str, Any]) -> int:
    people.require(db, actor, resident_id, "change")
    with transaction(db):
        row = _require_resident(db, resident_id)
        memory = validate_memory(raw, row["birth_year"])
        return _insert_memory(db, resident_id, memory)


def update_memory(db: Database, actor: User, resident_id: int, memory_id: int, raw: Mapping[str, Any]) -> None:
    people.require(db, actor, resident_id, "change")
    with transaction(db):
        row = _require_resident(db, resident_id)
        memory = validate_memory(raw, row["birth_year"])
        cursor = db.execute(
            "UPDATE memories SET text = ?, year = ?, place = ?, contributed_by = ? WHERE id = ? AND resident_id = ?",
            [memory.text, memory.year, memory.place, memory.contributed_by, memory_id, resident_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"No memory with id {memory_id} for this resident.")


def delete_memory(db: Database, actor: User, resident_id: int, memory_id: int) -> None:
    people.require(db, actor, resident_id, "change")
    with transaction(db):
        cursor = db.execute("DELETE FROM memories WHERE id = ? AND resident_id = ?", [memory_id, resident_id])
        if cursor.rowcount == 0:
            raise NotFound(f"No memory with id {memory_id} for this resident.")


def section_is_filled(profile: Profile, section: Section) -> bool:
    """Whether a screen has anything in it yet (for the progress display)."""
    if section.key == "about":
        return bool(profile.name and profile.birth_year)
    if section.key == "avoid":
        return bool(profile.red_flags or profile.avoid_themes or profile.low_mood_risk != "not assessed")
    return any(getattr(profile, name) for name in section.fields)
