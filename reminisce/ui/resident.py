"""A resident's life story, one topic per screen (the Music Detective prompts)."""

from __future__ import annotations

import contextlib
from typing import Any

import streamlit as st

from reminisce import accounts, exports, reference, residents
from reminisce.errors import NotFound, ReminisceError, ValidationError
from reminisce.model import Profile
from reminisce.text import escape_markdown
from reminisce.ui import components, state
from reminisce.ui.components import Field

SECTION_KEY = "life_story_section"
SECTION_HELP = {
    "about": "The basics. Their birth year sets the years whose music they are most likely to know.",
    "places": "Where did they grow up and live, and when? Songs that were hits there are weighed up.",
    "languages": "Which languages do they speak or sing in? Put their first language first.",
    "music": "How much did music matter to them? Did they play, sing in a choir, go dancing?",
    "favourite_songs": "Songs they love, and the story behind each: a first dance, a holiday, a record they wore out.",
    "family_identity": "Their parents' or partner's music, and songs of their place, faith, team or TV favourites.",
    "avoid": "Songs that upset them must never be played. Themes to avoid are filtered out of suggestions.",
    "listening": "How they hear best: hearing aids, headphones or a speaker, volume.",
    "memories": "Memories the music might bring back, from staff and family.",
}


def _go(section: str) -> None:
    st.session_state[SECTION_KEY] = section


def _saver(resident_id: int, section: str, field: str):
    """Save a whole list field of one section (validated against the whole profile)."""

    def save_list(entries: list[dict[str, Any]]) -> None:
        residents.update_fields(state.db(), state.actor(), resident_id, section, {field: entries})

    return save_list


def _form_saver(resident_id: int, section: str, form: str, read: dict[str, Any]):
    """Callback for a screen that is one form: read the widgets, save, report."""

    def save() -> None:
        changes = {field: reader() for field, reader in read.items()}
        try:
            residents.update_fields(state.db(), state.actor(), resident_id, section, changes)
        except ValidationError as exc:
            components.set_errors(form, exc.errors)
            return
        components.set_errors(form, {})
        state.flash("Saved.")

    return save


def _save_button(resident_id: int, section: str, form: str, read: dict[str, Any]) -> None:
    """The Save button of a screen that is one form."""
    st.form_submit_button(
        "Save", type="primary", icon=":material/save:", on_click=_form_saver(resident_id, section, form, read)
    )


def _lines(key: str) -> list[str]:
    return [line.strip() for line in (st.session_state.get(key) or "").splitlines() if line.strip()]


def _init(values: dict[str, Any], resident_id: int, section: str) -> None:
    """Fill a screen's widgets from the stored profile once per visit to that screen."""
    # Streamlit forgets a widget's value when its screen is not shown, so reload
    # from the database whenever a different screen (or resident) was shown last.
    if st.session_state.get("_loaded_screen") != (resident_id, section):
        for key, value in values.items():
            st.session_state[key] = value
        st.session_state["_loaded_screen"] = (resident_id, section)


def about(profile: Profile) -> None:
    _init(
        {
            "about_name": profile.name,
            "about_preferred_name": profile.preferred_name,
            "about_birth_year": profile.birth_year,
            "about_room": profile.room,
            "about_faith": profile.faith,
        },
        profile.id,
        "about",
    )
    fields = ("name", "preferred_name", "birth_year", "room", "faith")
    errors = components.get_errors("about")
    with st.form("about"):
        st.text_input("Full name (required)", key="about_name", max_chars=residents.SHORT_TEXT_LIMIT)
        components.field_error(errors, "name", "Full name")
        st.text_input("Preferred name", key="about_preferred_name")
        st.number_input("Year of birth (required)", key="about_birth_year", step=1, format="%d")
        components.field_error(errors, "birth_year", "Year of birth")
        st.text_input("Room", key="about_room")
        st.text_input(
            "Faith or cultural background",
            key="about_faith",
            help="e.g. Catholic, Sikh, Jewish, Methodist, none. Hymns and sacred music follow from it.",
        )
        components.other_errors(errors, fields)
        _save_button(
            profile.id,
            "about",
            "about",
            {field: (lambda f=field: st.session_state.get(f"about_{f}")) for field in fields},
        )


def places(profile: Profile) -> None:
    entries = [vars(place) for place in profile.places]
    save_entry, remove_entry = components.list_field_callbacks(entries, _saver(profile.id, "places", "places"))
    components.entry_list(
        name="places",
        noun="place",
        entries=entries,
        fields=(
            Field("place", "Town or area", help="e.g. Kilburn, London"),
            Field("country", "Country", "country", required=True),
            Field("from_year", "From (year)", "year"),
            Field("to_year", "Until (year)", "year", help="Leave empty if they still live there."),
        ),
        describe=lambda e: (
            ", ".join(part for part in (e["place"], reference.country_name(e["country"])) if part),
            [("Years", f"{e['from_year'] or '?'} to {e['to_year'] or 'now'}")],
        ),
        save_entry=save_entry,
        remove_entry=remove_entry,
        error_prefix="places",
        empty_text="No places yet. Add where they were born and grew up first.",
    )


def languages(profile: Profile) -> None:
    _init({"languages_choice": profile.languages}, profile.id, "languages")
    errors = components.get_errors("languages")
    with st.form("languages"):
        st.multiselect(
            "Languages they speak or sing in",
            reference.language_choices(),
            key="languages_choice",
            format_func=reference.language_name,
            placeholder="Type a language, e.g. Irish, Punjabi",
        )
        components.other_errors(errors, ())
        _save_button(
            profile.id,
            "languages",
            "languages",
            {"languages": lambda: list(st.session_state.get("languages_choice") or [])},
        )


def music(profile: Profile) -> None:
    _init(
        {
            "music_importance": profile.music_importance,
            "music_instruments": "\n".join(profile.instruments),
            "music_dancing": profile.dancing,
            "music_artists": "\n".join(profile.favourite_artists),
            "music_genres": "\n".join(profile.favourite_genres),
        },
        profile.id,
        "music",
    )
    errors = components.get_errors("music")
    with st.form("music"):
        st.selectbox(
            "How important is music to them?",
            reference.MUSIC_IMPORTANCE,
            key="music_importance",
            format_func=lambda v: v or "Not known yet",
        )
        st.text_area("Favourite artists (one per line)", key="music_artists", height=140)
        st.text_area(
            "Favourite kinds of music (one per line)",
            key="music_genres",
            height=110,
            help="e.g. big band, country, hymns, Bollywood, calypso",
        )
        st.text_area("Instruments they played (one per line)", key="music_instruments", height=90)
        st.text_area("Dancing", key="music_dancing", height=90, help="Did they dance? Where, which dances, with whom?")
        components.other_errors(errors, ())
        _save_button(
            profile.id,
            "music",
            "music",
            {
                "music_importance": lambda: st.session_state.get("music_importance") or "",
                "favourite_artists": lambda: _lines("music_artists"),
                "favourite_genres": lambda: _lines("music_genres"),
                "instruments": lambda: _lines("music_instruments"),
                "dancing": lambda: st.session_state.get("music_dancing") or "",
            },
        )


SONG_FIELDS = (
    Field("title", "Song title", required=True),
    Field("artist", "Singer or band"),
    Field("story", "The story behind it", "long", help="e.g. first dance at their wedding, 1962"),
)


def _song_list(profile: Profile, section: str, field: str, noun: str, empty_text: str) -> None:
    entries = [vars(song) for song in getattr(profile, field)]
    save_entry, remove_entry = components.list_field_callbacks(entries, _saver(profile.id, section, field))
    components.entry_list(
        name=field,
        noun=noun,
        entries=entries,
        fields=SONG_FIELDS,
        describe=lambda e: (" by ".join(part for part in (e["title"], e["artist"]) if part), [("Story", e["story"])]),
        save_entry=save_entry,
        remove_entry=remove_entry,
        error_prefix=field,
        empty_text=empty_text,
    )


def favourite_songs(profile: Profile) -> None:
    _song_list(
        profile,
        "favourite_songs",
        "favourite_songs",
        "favourite song",
        "No favourite songs yet. Ask family: what did they sing, dance to, or play again and again?",
    )


def family_identity(profile: Profile) -> None:
    st.subheader("Inheritance songs")
    st.caption("Music of their parents, partner or children.")
    _song_list(
        profile,
        "family_identity",
        "inheritance_tracks",
        "inheritance song",
        "None yet. What did their mother sing, or their partner love?",
    )
    st.subheader("Identity songs")
    st.caption("Songs of their home place, nation, faith, football team, regiment, or favourite TV and radio.")
    _song_list(
        profile,
        "family_identity",
        "identity_tracks",
        "identity song",
        "None yet. A hymn, a national song, a team's anthem, a TV theme?",
    )


def avoid(profile: Profile) -> None:
    st.subheader("Red-flag songs")
    st.caption("Never played for this person, including in group sessions.")
    entries = [vars(flag) for flag in profile.red_flags]
    save_entry, remove_entry = components.list_field_callbacks(entries, _saver(profile.id, "avoid", "red_flags"))
    components.entry_list(
        name="red_flags",
        noun="red-flag song",
        entries=entries,
        fields=(
            Field("title", "Song title", required=True),
            Field("artist", "Singer or band"),
            Field("reason", "Why it must be avoided", "long"),
        ),
        describe=lambda e: ("🚩 " + " by ".join(p for p in (e["title"], e["artist"]) if p), [("Reason", e["reason"])]),
        save_entry=save_entry,
        remove_entry=remove_entry,
        error_prefix="red_flags",
        empty_text="No red-flag songs recorded. Ask family whether any song is linked to a loss or a bad time.",
    )
    st.subheader("Themes to avoid")
    theme_entries = [vars(theme) for theme in profile.avoid_themes]
    save_theme, remove_theme = components.list_field_callbacks(
        theme_entries, _saver(profile.id, "avoid", "avoid_themes")
    )
    components.entry_list(
        name="avoid_themes",
        noun="theme to avoid",
        entries=theme_entries,
        fields=(Field("theme", "Theme", "theme", required=True), Field("reason", "Why", "long")),
        describe=lambda e: (e["theme"].capitalize(), [("Reason", e["reason"])]),
        save_entry=save_theme,
        remove_entry=remove_theme,
        error_prefix="avoid_themes",
        empty_text=(
            "No themes to avoid. For example: war songs for a veteran or refugee, farewell songs after a recent loss."
        ),
    )
    st.subheader("Low mood")
    _init({"low_mood_risk": profile.low_mood_risk}, profile.id, "avoid")
    st.segmented_control(
        "Risk of low mood (from their depression screen)",
        reference.LOW_MOOD_RISKS,
        key="low_mood_risk",
        required=True,
        help="High: sad and minor-key songs are left out. Moderate: they are marked with a warning.",
    )
    st.button(
        "Save low-mood risk",
        icon=":material/save:",
        on_click=_form_saver(
            profile.id,
            "avoid",
            "low_mood",
            {"low_mood_risk": lambda: st.session_state.get("low_mood_risk")},
        ),
    )
    components.other_errors(components.get_errors("low_mood"), ())


def listening(profile: Profile) -> None:
    _init(
        {"hearing_notes": profile.hearing_notes, "headphones_notes": profile.headphones_notes}, profile.id, "listening"
    )
    with st.form("listening"):
        st.text_area(
            "Hearing",
            key="hearing_notes",
            height=120,
            help="Hearing aids (which ear, batteries), the side to sit on, comfortable volume.",
        )
        st.text_area(
            "Headphones or speaker",
            key="headphones_notes",
            height=120,
            help="Do they accept headphones? Any discomfort or confusion with them?",
        )
        components.other_errors(components.get_errors("listening"), ())
        _save_button(
            profile.id,
            "listening",
            "listening",
            {
                "hearing_notes": lambda: st.session_state.get("hearing_notes") or "",
                "headphones_notes": lambda: st.session_state.get("headphones_notes") or "",
            },
        )


def memories(profile: Profile) -> None:
    stored = profile.memories
    with_photos = [m for m in stored if m.photo]
    if with_photos:
        with st.container(horizontal=True):
            for memory in with_photos:
                with st.container(width=260):
                    st.image(memory.photo, width=240)
                    st.caption(escape_markdown(memory.text[:80] + ("..." if len(memory.text) > 80 else "")))
    entries = [{k: v for k, v in vars(memory).items() if k not in ("photo", "photo_type")} for memory in stored]

    def save_entry(index: int | None, entry: dict[str, Any]) -> None:
        if index is None:
            residents.add_memory(state.db(), state.actor(), profile.id, entry)
        else:
            residents.update_memory(state.db(), state.actor(), profile.id, stored[index].id, entry)

    def remove_entry(index: int) -> None:
        residents.delete_memory(state.db(), state.actor(), profile.id, stored[index].id)

    components.entry_list(
        name="memories",
        noun="memory",
        entries=entries,
        fields=(
            Field("text", "The memory", "long", required=True, help=f"Up to {residents.LONG_TEXT_LIMIT:,} characters."),
            Field("year", "Year", "year"),
            Field("place", "Place"),
            Field("contributed_by", "Told by", help="e.g. Daughter, Siobhan; or a staff member's name"),
        ),
        describe=lambda e: (
            " · ".join(str(part) for part in (e["year"], e["place"]) if part) or "Memory",
            [("", e["text"]), ("Told by", e["contributed_by"])],
        ),
        save_entry=save_entry,
        remove_entry=remove_entry,
        empty_text="No memories yet. Family often know the stories best: a wedding, a dance hall, a first job.",
    )


SCREENS = {
    "about": about,
    "places": places,
    "languages": languages,
    "music": music,
    "favourite_songs": favourite_songs,
    "family_identity": family_identity,
    "avoid": avoid,
    "listening": listening,
    "memories": memories,
}


def _delete(resident_id: int) -> None:
    with contextlib.suppress(NotFound):
        residents.delete_resident(state.db(), state.actor(), resident_id)
    st.session_state.pop("confirm_delete", None)
    st.session_state.pop("resident_id", None)
    st.session_state["deleted_resident"] = True


@st.dialog("Erase this resident?")
def _confirm_delete(profile: Profile) -> None:
    st.write(
        f"This permanently erases {escape_markdown(profile.name)}'s life story, playlists, listening sessions, "
        "family contributions and family links. It cannot be undone. Type their full name to confirm."
    )
    typed = st.text_input("Full name", key="delete_confirm_name")
    with st.container(horizontal=True):
        st.button(
            "Erase for ever",
            type="primary",
            icon=":material/delete:",
            key="delete_yes",
            on_click=_delete,
            args=(profile.id,),
            disabled=(typed or "").strip() != profile.name,
        )
        st.button("Cancel", key="delete_no", on_click=st.session_state.pop, args=("confirm_delete", None))


def main() -> None:
    if st.session_state.pop("deleted_resident", False):
        state.flash("The resident and everything recorded about them were deleted.")
        st.switch_page("reminisce/ui/residents.py")
    profile = components.resident_page(
        "life_story", lambda p: p.name + (f" ({p.preferred_name})" if p.preferred_name else "")
    )
    if profile is None:
        return
    resident_id = profile.id
    st.caption(escape_markdown(f"Born {profile.birth_year}" + (f" · Room {profile.room}" if profile.room else "")))

    keys = residents.SECTION_KEYS
    if st.session_state.get(SECTION_KEY) not in keys:
        st.session_state[SECTION_KEY] = keys[0]
    filled = {s.key: residents.section_is_filled(profile, s) for s in residents.SECTIONS}
    titles = {s.key: s.title for s in residents.SECTIONS}
    st.pills(
        "Life story",
        keys,
        key=SECTION_KEY,
        required=True,
        format_func=lambda k: ("✓ " if filled[k] else "") + titles[k],
    )
    current = st.session_state[SECTION_KEY]
    position = keys.index(current)
    st.progress(
        sum(filled.values()) / len(keys),
        text=f"Screen {position + 1} of {len(keys)} · {sum(filled.values())} of {len(keys)} have something in them",
    )
    st.header(titles[current])
    st.caption(SECTION_HELP[current])
    try:
        SCREENS[current](profile)
    except ReminisceError as exc:
        st.error(escape_markdown(str(exc)))

    with st.container(horizontal=True):
        st.button(
            "Previous",
            icon=":material/arrow_back:",
            disabled=position == 0,
            on_click=_go,
            args=(keys[max(position - 1, 0)],),
        )
        st.button(
            "Next",
            icon=":material/arrow_forward:",
            type="primary",
            disabled=position == len(keys) - 1,
            on_click=_go,
            args=(keys[min(position + 1, len(keys) - 1)],),
        )
    st.divider()
    st.subheader("Their data")
    with st.container(horizontal=True):
        st.download_button(
            "Export everything (JSON)",
            state.deferred(exports.everything_json, resident_id),
            file_name=f"resident-{resident_id}.json",
            mime="application/json",
            icon=":material/download:",
        )
        st.download_button(
            "Music Profile (PDF)",
            state.deferred(exports.music_profile_pdf, resident_id, accounts.care_home_name(state.db())),
            file_name=f"music-profile-{resident_id}.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
        )
    st.button(
        "Delete this resident",
        icon=":material/delete:",
        key="delete_resident",
        on_click=st.session_state.__setitem__,
        args=("confirm_delete", resident_id),
    )
    if st.session_state.get("confirm_delete") == resident_id:
        _confirm_delete(profile)


main()
