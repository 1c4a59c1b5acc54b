"""First-run setup and sign-in: hashed passwords, one refusal message, lockout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from helpers import ADMIN_PASSWORD

from reminisce import accounts
from reminisce.errors import ValidationError


def test_setup_creates_the_first_admin_and_names_the_home(db):
    assert accounts.needs_setup(db)
    user = accounts.set_up_care_home(db, "Rose House", "manager", ADMIN_PASSWORD, "Ann")
    assert user.role == "admin"
    assert not accounts.needs_setup(db)
    assert accounts.care_home_name(db) == "Rose House"


def test_passwords_are_stored_only_as_argon2id_hashes(db, admin):
    stored = db.execute("SELECT password_hash FROM users").fetchone()[0]
    assert ADMIN_PASSWORD not in stored
    assert stored.startswith("$argon2id$")


def test_setup_refuses_bad_input_and_runs_only_once(db, admin):
    with pytest.raises(ValidationError) as caught:
        accounts.set_up_care_home(db, "", "x y", "short")
    assert set(caught.value.errors) == {"home_name", "username", "password"}
    with pytest.raises(ValidationError):
        accounts.set_up_care_home(db, "Other", "second", ADMIN_PASSWORD)
    assert db["users"].count == 1


def test_sign_in_with_the_right_password(db, admin):
    assert accounts.sign_in(db, "Manager", ADMIN_PASSWORD).id == admin.id


@pytest.mark.parametrize(("username", "password"), [("manager", "wrong-password"), ("nobody", ADMIN_PASSWORD)])
def test_wrong_username_or_password_is_refused_the_same_way(db, admin, username, password):
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(db, username, password)


def test_five_failures_lock_the_account_for_fifteen_minutes(db, admin):
    now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(accounts.SignInRefused):
            accounts.sign_in(db, "manager", "wrong-password", now=now)
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(db, "manager", ADMIN_PASSWORD, now=now + timedelta(minutes=14))
    assert accounts.sign_in(db, "manager", ADMIN_PASSWORD, now=now + timedelta(minutes=16)).id == admin.id


def test_usernames_are_unique_whatever_the_case(db, admin):
    with pytest.raises(ValidationError):
        accounts.create_user(db, "MANAGER", ADMIN_PASSWORD, "staff")
