"""Who may see what: access checks in the data layer, audit, invitations, accounts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reminisce import (
    accounts,
    contributions,
    exports,
    insights,
    people,
    playlists,
    residents,
    sessions,
    suggestions,
)
from reminisce.catalog.base import Track
from reminisce.engine.scoring import Suggestion
from reminisce.errors import AccessDenied, ValidationError
from reminisce.people import SYSTEM

PASSWORD = "a-family-password"


@pytest.fixture
def home(db):
    """Resident A (linked to the family user) and resident B (not), each with a playlist and a session."""
    a = residents.create_resident(db, SYSTEM, residents.validate_profile({"name": "Ann A", "birth_year": 1940}))
    b = residents.create_resident(db, SYSTEM, residents.validate_profile({"name": "Bob B", "birth_year": 1935}))
    family = people.add_user(db, SYSTEM, "siobhan", PASSWORD, "family", "Siobhan", (a,))
    staff = people.add_user(db, SYSTEM, "sam", PASSWORD, "staff", "Sam")
    ids = {}
    for name, resident_id in (("a", a), ("b", b)):
        song = Suggestion(Track("Moon River", "Andy Williams", 1962, "bundled"), 1, 22, ())
        playlist = playlists.create(db, staff, resident_id, "Evening", "calm", songs=[song])
        session = sessions.start_session(db, staff, [resident_id], playlist_id=playlist, purpose="evening calm")
        play = sessions.play_for(db, staff, session, resident_id, playlists.get(db, staff, playlist).items[0], 0)
        goal = insights.add_goal(db, staff, resident_id, "Calmer evenings")
        proposal = sessions.stop_and_red_flag(db, staff, play.id)
        ids[name] = {
            "resident": resident_id,
            "playlist": playlist,
            "session": session,
            "play": play.id,
            "goal": goal,
            "proposal": proposal,
        }
    return {"family": family, "staff": staff, **ids}


def reads_of_b(home):
    """Every data function that reads resident B's data, as (name, call(db, actor))."""
    b = home["b"]
    return [
        ("get_resident", lambda db, u: residents.get_resident(db, u, b["resident"])),
        ("export_profile", lambda db, u: residents.export_profile(db, u, b["resident"])),
        ("list_memories", lambda db, u: residents.list_memories(db, u, b["resident"])),
        ("playlists.get", lambda db, u: playlists.get(db, u, b["playlist"])),
        ("playlists.for_resident", lambda db, u: playlists.for_resident(db, u, b["resident"])),
        ("get_session", lambda db, u: sessions.get_session(db, u, b["session"])),
        ("get_play", lambda db, u: sessions.get_play(db, u, b["play"])),
        ("open_sessions", lambda db, u: sessions.open_sessions(db, u, b["resident"])),
        ("proposals", lambda db, u: sessions.proposals(db, u, b["resident"])),
        ("response_history", lambda db, u: sessions.response_history(db, u, b["resident"])),
        ("song_results", lambda db, u: insights.song_results(db, u, b["resident"])),
        ("session_records", lambda db, u: insights.session_records(db, u, b["resident"])),
        ("goals", lambda db, u: insights.goals(db, u, b["resident"])),
        ("family_summary", lambda db, u: insights.family_summary(db, u, b["resident"])),
        ("music_profile_pdf", lambda db, u: exports.music_profile_pdf(db, u, b["resident"])),
        ("playlist_csv", lambda db, u: exports.playlist_csv(db, u, b["playlist"])),
        ("suggest_for_resident", lambda db, u: suggestions.suggest_for_resident(db, u, b["resident"])),
        ("contributions", lambda db, u: contributions.for_resident(db, u, b["resident"])),
    ]


def writes_to_b(home):
    b = home["b"]
    return [
        ("update_fields", lambda db, u: residents.update_fields(db, u, b["resident"], "about", {"faith": "x"})),
        ("add_memory", lambda db, u: residents.add_memory(db, u, b["resident"], {"text": "x"})),
        ("delete_resident", lambda db, u: residents.delete_resident(db, u, b["resident"])),
        ("playlists.create", lambda db, u: playlists.create(db, u, b["resident"], "x", "calm")),
        ("playlists.delete", lambda db, u: playlists.delete(db, u, b["playlist"])),
        ("record_rating", lambda db, u: sessions.record_rating(db, u, b["play"], 5)),
        ("stop_and_red_flag", lambda db, u: sessions.stop_and_red_flag(db, u, b["play"])),
        ("confirm_red_flag", lambda db, u: sessions.confirm_red_flag(db, u, b["proposal"])),
        ("end_session", lambda db, u: sessions.end_session(db, u, b["session"], {})),
        ("add_goal", lambda db, u: insights.add_goal(db, u, b["resident"], "x")),
        ("set_goal_active", lambda db, u: insights.set_goal_active(db, u, b["goal"], False)),
        ("contribute", lambda db, u: contributions.add(db, u, b["resident"], "memory", {"text": "x"})),
        ("invite", lambda db, u: people.create_invitation(db, u, b["resident"])),
    ]


def test_family_cannot_read_or_change_another_resident_by_any_function(db, home):
    for name, call in reads_of_b(home) + writes_to_b(home):
        with pytest.raises(AccessDenied):
            call(db, home["family"])
        assert call is not None, name
    refused = db.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'refused' AND user_id = ?", [home["family"].id]
    ).fetchone()[0]
    assert refused == len(reads_of_b(home)) + len(writes_to_b(home))


def test_staff_can_read_everything(db, home):
    for _, call in reads_of_b(home):
        call(db, home["staff"])


def test_family_may_read_their_relative_but_only_contribute(db, home):
    a = home["a"]
    family = home["family"]
    assert residents.get_resident(db, family, a["resident"]).name == "Ann A"
    assert [p.name for p in playlists.for_resident(db, family, a["resident"])] == ["Evening"]
    assert [p.name for p in residents.list_residents(db, family)] == ["Ann A"]
    with pytest.raises(AccessDenied):
        residents.update_fields(db, family, a["resident"], "about", {"faith": "x"})
    with pytest.raises(AccessDenied):
        sessions.record_rating(db, family, a["play"], 5)
    contributions.add(db, family, a["resident"], "memory", {"text": "Danced in Cork"})


def test_a_refusal_is_audited_even_though_nothing_changed(db, home):
    before = db["residents"].count
    with pytest.raises(AccessDenied):
        residents.delete_resident(db, home["family"], home["b"]["resident"])
    assert db["residents"].count == before
    [entry] = people.audit_entries(db, SYSTEM, username="siobhan", action="refused")
    assert entry.resident_id == home["b"]["resident"]


def test_views_and_changes_are_audited_without_personal_data(db, home):
    residents.update_fields(db, home["staff"], home["a"]["resident"], "about", {"faith": "Methodist"})
    entries = people.audit_entries(db, SYSTEM, username="sam")
    assert {"view", "change"} <= {e.action for e in entries}
    everything = " ".join(f"{e.action} {e.detail}" for e in people.audit_entries(db, SYSTEM))
    assert "Methodist" not in everything and "Ann" not in everything


def test_the_audit_log_cannot_be_edited(db, home):
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError, match="cannot be changed"):
        db.execute("UPDATE audit_log SET action = 'nothing'")
    with pytest.raises(sqlite3.DatabaseError, match="cannot be changed"):
        db.execute("DELETE FROM audit_log")


def test_only_admins_read_the_audit_log_and_manage_accounts(db, home):
    with pytest.raises(AccessDenied):
        people.audit_entries(db, home["staff"])
    with pytest.raises(AccessDenied):
        people.add_user(db, home["staff"], "eve", PASSWORD, "admin")
    with pytest.raises(AccessDenied):
        people.set_disabled(db, home["family"], "sam", True)


def test_disabled_users_cannot_sign_in_and_reset_passwords_work(db, home):
    people.set_disabled(db, SYSTEM, "siobhan", True)
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(db, "siobhan", PASSWORD)
    people.set_disabled(db, SYSTEM, "siobhan", False)
    people.reset_password(db, SYSTEM, "siobhan", "a-brand-new-one")
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(db, "siobhan", PASSWORD)
    assert accounts.sign_in(db, "siobhan", "a-brand-new-one").role == "family"


def test_invitation_is_one_time_and_expires(db, home):
    now = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    code = people.create_invitation(db, home["staff"], home["b"]["resident"], now=now)
    user = people.accept_invitation(db, code.lower(), "bobs-son", PASSWORD, "Tom", now=now + timedelta(days=6))
    assert [p.name for p in residents.list_residents(db, user)] == ["Bob B"]
    with pytest.raises(people.InvitationRefused):
        people.accept_invitation(db, code, "another", PASSWORD, now=now + timedelta(days=6))
    late = people.create_invitation(db, home["staff"], home["b"]["resident"], now=now)
    with pytest.raises(people.InvitationRefused):
        people.accept_invitation(db, late, "latecomer", PASSWORD, now=now + timedelta(days=8))
    with pytest.raises(people.InvitationRefused):
        people.accept_invitation(db, "NOT-A-REAL-CODE", "guess", PASSWORD, now=now)


def test_no_plain_text_password_or_invitation_code_is_stored(db, home, caplog):
    code = people.create_invitation(db, home["staff"], home["a"]["resident"])
    people.accept_invitation(db, code, "joiner", "joiner-secret-99", "J")
    dump = "\n".join(db.conn.iterdump())
    for secret in (PASSWORD, "joiner-secret-99", code, code.replace("-", "")):
        assert secret not in dump
        assert secret not in caplog.text


def test_a_failed_invitation_signup_writes_nothing(db, home):
    code = people.create_invitation(db, home["staff"], home["a"]["resident"])
    with pytest.raises(ValidationError):
        people.accept_invitation(db, code, "x y", "short")
    assert people.accept_invitation(db, code, "fine", PASSWORD).role == "family"  # the code still works
