"""Widgets shared by the pages: field errors, and the add/edit/remove list used
for places, songs, red flags and memories. Layout only; saving is done by the
callbacks the pages pass in, which call the domain modules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from reminisce import reference, residents, sessions
from reminisce.errors import NotFound, ReminisceError, ValidationError
from reminisce.text import count, escape_markdown
from reminisce.ui import state


def set_errors(form: str, errors: Mapping[str, str]) -> None:
    st.session_state[f"errors_{form}"] = dict(errors)


def get_errors(form: str) -> dict[str, str]:
    return st.session_state.get(f"errors_{form}", {})


def field_error(errors: Mapping[str, str], key: str, label: str = "") -> None:
    """The message for one field, shown right under it."""
    if key in errors:
        st.error(escape_markdown(f"{label or 'This'} {errors[key]}"), icon=":material/warning:")


def other_errors(errors: Mapping[str, str], shown: Sequence[str]) -> None:
    """Problems that belong to no field on this screen (e.g. a place before a new birth year)."""
    for key, message in errors.items():
        if key not in shown:
            st.error(escape_markdown(f"{key.replace('_', ' ')} {message}"), icon=":material/warning:")


def show_text(label: str, value: str) -> None:
    """A label and the user's own words, never interpreted as Markdown or HTML."""
    if value:
        st.markdown(f"**{escape_markdown(label)}:** {escape_markdown(value)}")


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text | long | year | country | theme
    help: str | None = None
    required: bool = False


def _widget(field: Field, key: str) -> None:
    label = f"{field.label} (required)" if field.required else field.label
    if field.kind == "long":
        st.text_area(label, key=key, help=field.help, height=140)
    elif field.kind == "year":
        st.number_input(label, key=key, step=1, format="%d", help=field.help, placeholder="e.g. 1962")
    elif field.kind == "country":
        st.selectbox(
            label,
            reference.country_choices(),
            key=key,
            format_func=reference.country_name,
            index=None,
            placeholder="Type to search for a country",
            help=field.help,
        )
    elif field.kind == "theme":
        st.selectbox(label, reference.THEMES, key=key, index=None, placeholder="Choose a theme", help=field.help)
    else:
        st.text_input(label, key=key, help=field.help)


def _blank(field: Field) -> Any:
    return None if field.kind in ("year", "country", "theme") else ""


def entry_list(
    *,
    name: str,
    noun: str,
    entries: list[dict[str, Any]],
    fields: Sequence[Field],
    describe: Callable[[dict[str, Any]], tuple[str, list[tuple[str, str]]]],
    save_entry: Callable[[int | None, dict[str, Any]], None],
    remove_entry: Callable[[int], None],
    empty_text: str,
    error_prefix: str = "",
) -> None:
    """Show a list as cards with Edit / Remove, and a form that adds or edits one entry.

    ``save_entry(index, entry)`` adds (index None) or replaces an entry and raises
    ValidationError; keys such as ``places[2].to_year`` are matched to the form's
    fields when ``error_prefix`` is ``places``.
    """
    editing_key, confirm_key = f"{name}_editing", f"{name}_confirm_remove"
    field_keys = {field.key: f"{name}_field_{field.key}" for field in fields}
    for field in fields:
        st.session_state.setdefault(field_keys[field.key], _blank(field))

    def start_edit(index: int) -> None:
        st.session_state[editing_key] = index
        for field in fields:
            st.session_state[field_keys[field.key]] = entries[index].get(field.key) or _blank(field)
        set_errors(name, {})

    def clear_form() -> None:
        st.session_state.pop(editing_key, None)
        for field in fields:
            st.session_state[field_keys[field.key]] = _blank(field)

    def remove(index: int) -> None:
        st.session_state.pop(confirm_key, None)
        try:
            remove_entry(index)
        except ReminisceError as exc:
            set_errors(name, getattr(exc, "errors", {"": str(exc)}))
            return
        clear_form()
        state.flash(f"Removed the {noun}.")

    def submit() -> None:
        index = st.session_state.get(editing_key)
        entry = {field.key: st.session_state[field_keys[field.key]] for field in fields}
        try:
            save_entry(index, entry)
        except ValidationError as exc:
            position = len(entries) if index is None else index
            prefix = f"{error_prefix}[{position}]."
            set_errors(name, {key.removeprefix(prefix): msg for key, msg in exc.errors.items()})
            return
        except ReminisceError as exc:
            set_errors(name, {"": str(exc)})
            return
        set_errors(name, {})
        clear_form()
        state.flash(f"Saved the {noun}.")

    if not entries:
        st.info(empty_text, icon=":material/arrow_forward:")
    for index, entry in enumerate(entries):
        heading, details = describe(entry)
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(heading)}**")
            for label, value in details:
                show_text(label, value)
            if st.session_state.get(confirm_key) == index:
                st.warning(f"Remove this {noun}? This cannot be undone.")
                with st.container(horizontal=True):
                    st.button("Yes, remove", key=f"{name}_yes_{index}", type="primary", on_click=remove, args=(index,))
                    st.button(
                        "Keep it", key=f"{name}_no_{index}", on_click=st.session_state.pop, args=(confirm_key, None)
                    )
            else:
                with st.container(horizontal=True):
                    st.button(
                        "Edit", key=f"{name}_edit_{index}", icon=":material/edit:", on_click=start_edit, args=(index,)
                    )
                    st.button(
                        "Remove",
                        key=f"{name}_remove_{index}",
                        icon=":material/delete:",
                        on_click=st.session_state.__setitem__,
                        args=(confirm_key, index),
                    )

    editing = st.session_state.get(editing_key)
    errors = get_errors(name)
    with st.form(f"{name}_form", border=True):
        st.markdown(f"**{'Edit the' if editing is not None else 'Add a'} {noun}**")
        for field in fields:
            _widget(field, field_keys[field.key])
            field_error(errors, field.key, field.label)
        other_errors(errors, [field.key for field in fields])
        with st.container(horizontal=True):
            st.form_submit_button(
                "Save changes" if editing is not None else f"Add {noun}", type="primary", on_click=submit
            )
    if editing is not None:
        st.button("Cancel editing", key=f"{name}_cancel", on_click=clear_form)


def list_field_callbacks(
    entries: list[dict[str, Any]], save_list: Callable[[list[dict[str, Any]]], None]
) -> tuple[Callable[[int | None, dict[str, Any]], None], Callable[[int], None]]:
    """Entry callbacks for a list stored whole (places, songs, red flags)."""

    def save_entry(index: int | None, entry: dict[str, Any]) -> None:
        new_entries = [dict(e) for e in entries]
        if index is None:
            new_entries.append(entry)
        else:
            new_entries[index] = {**new_entries[index], **entry}
        save_list(new_entries)

    def remove_entry(index: int) -> None:
        save_list([e for i, e in enumerate(entries) if i != index])

    return save_entry, remove_entry


RESIDENT_PAGES = {
    "life_story": ("Life story", ":material/menu_book:", "reminisce/ui/resident.py"),
    "suggestions": ("Suggestions", ":material/auto_awesome:", "reminisce/ui/suggestions.py"),
    "playlists": ("Playlists", ":material/queue_music:", "reminisce/ui/playlists.py"),
    "session": ("Listen", ":material/headphones:", "reminisce/ui/session.py"),
    "insights": ("Insights", ":material/insights:", "reminisce/ui/insights.py"),
}


def resident_id_from_url() -> int | None:
    """The resident in the address (?id=), else the one last opened in this session."""
    raw = st.query_params.get("id")
    if raw is not None:
        try:
            return int(raw)
        except ValueError:
            return None
    return st.session_state.get("resident_id")


def resident_nav(resident_id: int, current: str) -> None:
    """Big buttons between a resident's life story, suggestions and playlists."""
    with st.container(horizontal=True):
        for key, (label, icon, path) in RESIDENT_PAGES.items():
            if st.button(
                label,
                icon=icon,
                key=f"nav_{key}",
                type="primary" if key == current else "secondary",
                disabled=key == current,
            ):
                st.session_state["resident_id"] = resident_id
                st.switch_page(path, query_params={"id": resident_id})


def resident_page(current: str, title: Callable[[Any], str]):
    """The top of every resident screen: find the resident, title, navigation, messages.

    Returns the Profile, or None (after saying so) when the resident does not exist.
    """
    resident_id = resident_id_from_url()
    try:
        if resident_id is None:
            raise NotFound("No resident chosen.")
        profile = residents.get_resident(state.db(), state.actor(), resident_id)
    except NotFound:
        resident_missing()
        return None
    st.session_state["resident_id"] = resident_id
    st.query_params["id"] = str(resident_id)
    st.title(escape_markdown(title(profile)))
    resident_nav(resident_id, current)
    state.show_flashes()
    return profile


def resident_missing() -> None:
    st.warning("That resident could not be found. They may have been deleted.")
    st.page_link("reminisce/ui/residents.py", label="Back to residents", icon=":material/groups:")


def _decide(proposal_id: int, confirm: bool) -> None:
    try:
        if confirm:
            removed = sessions.confirm_red_flag(state.db(), state.actor(), proposal_id)
            state.flash(
                f"Red flag confirmed. Removed from {count(removed, 'playlist place')}; it will not be suggested again."
            )
        else:
            sessions.dismiss_red_flag(state.db(), state.actor(), proposal_id)
            state.flash("Red flag dismissed.")
    except ReminisceError as exc:
        st.session_state["insights_error"] = str(exc)


def red_flag_decisions(resident_id: int | None = None) -> None:
    """Pending red flags with Confirm / Dismiss (also used by the handover page)."""
    people = {p.id: p.preferred_name or p.name for p in residents.list_residents(state.db(), state.actor())}
    pending = sessions.proposals(state.db(), state.actor(), resident_id)
    if not pending:
        st.caption("No red flags waiting for a decision.")
    for proposal in pending:
        with st.container(border=True):
            who = "" if resident_id else f"{people.get(proposal.resident_id, '?')}: "
            st.markdown(f"🚩 **{escape_markdown(who + proposal.title)}**, {escape_markdown(proposal.artist)}")
            st.caption(
                escape_markdown(
                    f"{proposal.reason} Proposed by {proposal.proposed_by or 'staff'}, "
                    f"{proposal.proposed_at[:16].replace('T', ' ')} UTC."
                )
            )
            with st.container(horizontal=True):
                st.button(
                    "Confirm red flag",
                    key=f"confirm_{proposal.id}",
                    type="primary",
                    icon=":material/flag:",
                    on_click=_decide,
                    args=(proposal.id, True),
                )
                st.button("Dismiss", key=f"dismiss_{proposal.id}", on_click=_decide, args=(proposal.id, False))
