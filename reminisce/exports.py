"""Exports: the printable Music Profile (PDF), playlists as M3U and CSV, and a
resident's session records as CSV for clinical review."""

from __future__ import annotations

import base64
import csv
import io
import logging
from datetime import date

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from sqlite_utils import Database

from reminisce import care_model as cm
from reminisce import config, insights, people, playlists, residents
from reminisce.accounts import User
from reminisce.reference import country_name, language_name

# fpdf2 logs the characters a font lacks, which would put pieces of people's names in the logs.
logging.getLogger("fpdf.output").setLevel(logging.ERROR)

FONT_DIR = config.DATA_DIR / "fonts"
FONT = "DejaVu"


class _ProfilePDF(FPDF):
    def __init__(self, home: str):
        super().__init__(format="A4")
        self.home = home
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 16, 18)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.set_text_color(110)
        self.cell(
            0, 6, f"{self.home} · Music Profile · printed {date.today():%d %b %Y} · page {self.page_no()}", align="C"
        )

    def heading(self, text: str) -> None:
        self.ln(3)
        self.set_font(FONT, "B", 13)
        self.set_text_color(31, 111, 139)
        self.cell(0, 8, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0)

    def para(self, text: str, size: int = 11) -> None:
        self.set_font(FONT, "", size)
        self.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def bullets(self, lines: list[str], empty: str) -> None:
        self.set_font(FONT, "", 11)
        for line in lines or [empty]:
            self.multi_cell(0, 6, f"•  {line}" if lines else empty, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def music_profile_pdf(db: Database, actor: User, resident_id: int, home_name: str = "Reminisce") -> bytes:
    """A one-to-two page "This is me" for music: for the care plan and hospital visits."""
    profile = residents.get_resident(db, actor, resident_id)
    results = insights.song_results(db, actor, resident_id)
    records = insights.session_records(db, actor, resident_id)
    pdf = _ProfilePDF(home_name)
    pdf.add_page()
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(0, 10, f"Music Profile: {profile.called}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    born = f"Born {profile.birth_year}"
    places = "; ".join(
        f"{p.place + ', ' if p.place else ''}{country_name(p.country)}"
        + (f" ({p.from_year or '?'}-{p.to_year or 'now'})" if p.from_year or p.to_year else "")
        for p in profile.places
    )
    pdf.para(f"{profile.name}. {born}." + (f" Lived in: {places}." if places else ""))
    if profile.languages:
        pdf.para("Languages: " + ", ".join(language_name(code) for code in profile.languages) + ".")
    if profile.faith:
        pdf.para(f"Faith or background: {profile.faith}.")

    pdf.heading("Key songs")
    key = [
        f"{r.title} ({r.artist})"
        + (" - brought back a memory" if r.best == cm.PIN_AT else f" - average {r.mean_rating} of 6")
        for r in insights.songs_that_work(results)
    ]
    key += [
        f"{s.title}" + (f" ({s.artist})" if s.artist else "") + (f" - {s.story}" if s.story else "")
        for s in profile.favourite_songs
    ]
    pdf.bullets(key, "None recorded yet.")
    pdf.heading("Favourite artists and music")
    pdf.para(", ".join(profile.favourite_artists + profile.favourite_genres) or "Not recorded yet.")
    family = [
        f"{s.title}" + (f" ({s.artist})" if s.artist else "") + (f" - {s.story}" if s.story else "")
        for s in profile.inheritance_tracks + profile.identity_tracks
    ]
    if family:
        pdf.heading("Family and identity songs")
        pdf.bullets(family, "")

    pdf.heading("Never play these (red flags)")
    flags = [
        f"{f.title}" + (f" ({f.artist})" if f.artist else "") + (f" - {f.reason}" if f.reason else "")
        for f in profile.red_flags
    ]
    flags += [f"Songs about {t.theme}" + (f" - {t.reason}" if t.reason else "") for t in profile.avoid_themes]
    pdf.bullets(flags, "None recorded.")
    if profile.low_mood_risk in ("moderate", "high"):
        pdf.para(f"Risk of low mood: {profile.low_mood_risk}. Avoid sad songs and watch for low mood while listening.")

    pdf.heading("How to use music with this person")
    advice = []
    if profile.hearing_notes:
        advice.append(f"Hearing: {profile.hearing_notes}")
    if profile.headphones_notes:
        advice.append(f"Headphones or speaker: {profile.headphones_notes}")
    conditions = insights.best_conditions(records)
    if conditions["time of day"]:
        advice.append(f"Best time of day so far: {conditions['time of day'][0][0]}.")
    advice.append(f"Keep the volume below about {cm.VOLUME_CAP_PERCENT}% and check hearing aids first.")
    advice.append("Stop at once and note the song if it causes distress; tears are not always bad.")
    pdf.bullets(advice, "")
    pdf.heading("What the records show")
    pdf.para(insights.plain_summary(profile.called, results, records), size=10)
    return bytes(pdf.output())


def playlist_m3u(db: Database, actor: User, playlist_id: int) -> str:
    """Extended M3U of the songs that are local files (others are listed as comments)."""
    playlist = playlists.get(db, actor, playlist_id)
    lines = ["#EXTM3U", f"#PLAYLIST:{playlist.name}"]
    for item in playlist.items:
        path = None
        if item.track_id is not None:
            row = db.execute("SELECT file_path FROM tracks WHERE id = ?", [item.track_id]).fetchone()
            path = row[0] if row and row[0] else None
        if path:
            lines += [f"#EXTINF:-1,{item.artist} - {item.title}", path]
        else:
            lines.append(f"# not a local file: {item.artist} - {item.title}")
    return "\n".join(lines) + "\n"


def playlist_csv(db: Database, actor: User, playlist_id: int) -> str:
    playlist = playlists.get(db, actor, playlist_id)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["position", "title", "artist", "year", "pinned", "reasons"])
    for number, item in enumerate(playlist.items, start=1):
        writer.writerow([number, item.title, item.artist, item.year or "", "yes" if item.pinned else "", item.reasons])
    return out.getvalue()


SESSION_COLUMNS = (
    "session_id",
    "started_at",
    "purpose",
    "activity",
    "audio",
    "place",
    "recorded_by",
    "mood_before",
    "mood_after",
    *(f"midas_{item}" for item in cm.MIDAS_ITEMS),
    "minutes_engaged",
    "position",
    "title",
    "artist",
    "year",
    "rating",
    "cues",
    "stopped",
    "skipped",
    "listened_seconds",
    "note",
)


def session_rows(db: Database, actor: User, resident_id: int) -> list[dict]:
    """One dict per song played (SESSION_COLUMNS), with the session's context and outcomes."""
    people.require_staff(actor)
    residents.get_resident(db, actor, resident_id)
    rows = db.query(
        """SELECT s.id AS session_id, s.started_at, s.purpose, s.activity, s.audio, s.place, s.recorded_by,
                  m.*, p.position, p.title, p.artist, p.year, p.rating, p.cues, p.stopped, p.skipped,
                  p.listened_seconds, p.note
           FROM listening_sessions s JOIN session_members m ON m.session_id = s.id
           LEFT JOIN song_plays p ON p.session_id = s.id AND p.resident_id = m.resident_id
           WHERE m.resident_id = ? ORDER BY s.started_at, s.id, p.position""",
        [resident_id],
    )
    return [{column: row[column] for column in SESSION_COLUMNS} for row in rows]


def sessions_csv(db: Database, actor: User, resident_id: int) -> str:
    """The session records as CSV, for clinical review."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SESSION_COLUMNS)
    writer.writeheader()
    writer.writerows(session_rows(db, actor, resident_id))
    return out.getvalue()


def everything_json(db: Database, actor: User, resident_id: int) -> str:
    """Everything held about one resident (the right of access): life story, playlists,
    sessions with every song's response, family contributions."""
    import json

    from reminisce import contributions

    people.require_staff(actor)
    profile = residents.get_resident(db, actor, resident_id)
    data = residents.profile_to_dict(profile)
    data["playlists"] = [
        {
            "name": p.name,
            "purpose": p.purpose,
            "when_to_use": p.when_to_use,
            "archived": p.archived,
            "songs": [{"title": i.title, "artist": i.artist, "year": i.year, "pinned": i.pinned} for i in p.items],
        }
        for archived in (False, True)
        for p in playlists.for_resident(db, actor, resident_id, archived=archived)
    ]
    data["sessions"] = session_rows(db, actor, resident_id)
    data["memory_photos"] = [
        {"memory": m.text[:80], "type": m.photo_type, "base64": base64.b64encode(m.photo).decode()}
        for m in profile.memories
        if m.photo
    ]
    data["family_contributions"] = [
        {
            "kind": c.kind,
            "title": c.title,
            "artist": c.artist,
            "text": c.text,
            "year": c.year,
            "place": c.place,
            "status": c.status,
            "from": c.author_name,
            "at": c.created_at,
        }
        for c in contributions.for_resident(db, actor, resident_id)
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)
