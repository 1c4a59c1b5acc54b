"""Sign-in accounts and the care home's first-run setup.

Passwords are stored only as argon2id hashes. Failed sign-ins are counted in the
database, so a lockout holds across tablets and restarts.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

from reminisce.db import now_iso, transaction
from reminisce.errors import ValidationError

ROLES = ("admin", "staff", "family")
MIN_PASSWORD_LENGTH = 8
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)
USERNAME_LIMIT = 64
HOME_NAME_LIMIT = 120

_hasher = PasswordHasher()
# Verifying against this when the username is unknown keeps the answer time the same,
# so timing does not reveal which usernames exist.


@cache
def _dummy_hash() -> str:
    """Hashed on first use, not at import: every CLI call and app start would pay ~0.1 s."""
    return _hasher.hash("not-a-real-password")


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    display_name: str


class SignInRefused(Exception):
    """Wrong username or password, or a locked or disabled account (one message for all)."""


def get_setting(db: Database, key: str, default: str = "") -> str:
    rows = list(db.query("SELECT value FROM settings WHERE key = ?", [key]))
    return rows[0]["value"] if rows else default


def set_setting(db: Database, key: str, value: str) -> None:
    with transaction(db):
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def care_home_name(db: Database) -> str:
    return get_setting(db, "care_home_name", "Reminisce")


def needs_setup(db: Database) -> bool:
    """True until the first admin account exists."""
    return not list(db.query("SELECT 1 AS one FROM users WHERE role = 'admin' LIMIT 1"))


def _validate_account(username: str, password: str, role: str) -> str:
    errors = {}
    username = (username or "").strip()
    if not username:
        errors["username"] = "is required."
    elif len(username) > USERNAME_LIMIT or any(c.isspace() for c in username):
        errors["username"] = f"must be one word of at most {USERNAME_LIMIT} characters."
    if len(password or "") < MIN_PASSWORD_LENGTH:
        errors["password"] = f"must be at least {MIN_PASSWORD_LENGTH} characters."
    if role not in ROLES:
        errors["role"] = f"must be one of {', '.join(ROLES)}."
    if errors:
        raise ValidationError(errors)
    return username


def create_user(db: Database, username: str, password: str, role: str, display_name: str = "") -> User:
    username = _validate_account(username, password, role)
    with transaction(db):
        if list(db.query("SELECT 1 AS one FROM users WHERE username = ?", [username])):
            raise ValidationError({"username": "is already taken."})
        cursor = db.execute(
            "INSERT INTO users (username, password_hash, role, display_name, created_at) VALUES (?, ?, ?, ?, ?)",
            [username, _hasher.hash(password), role, display_name.strip() or username, now_iso()],
        )
    return User(int(cursor.lastrowid), username, role, display_name.strip() or username)


def set_password(db: Database, user_id: int, password: str) -> None:
    """A new password (admin reset); also clears a lockout."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError({"password": f"must be at least {MIN_PASSWORD_LENGTH} characters."})
    with transaction(db):
        db.execute(
            "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
            [_hasher.hash(password), user_id],
        )


def set_up_care_home(db: Database, home_name: str, username: str, password: str, display_name: str = "") -> User:
    """First run: name the home and create the first admin, in one transaction."""
    home_name = (home_name or "").strip()
    errors = {}
    if not home_name:
        errors["home_name"] = "is required."
    elif len(home_name) > HOME_NAME_LIMIT:
        errors["home_name"] = f"must be at most {HOME_NAME_LIMIT} characters."
    try:
        _validate_account(username, password, "admin")
    except ValidationError as exc:
        errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    with transaction(db):
        if not needs_setup(db):
            raise ValidationError({"setup": "has already been done; sign in instead."})
        set_setting(db, "care_home_name", home_name)
        return create_user(db, username, password, "admin", display_name)


def sign_in(db: Database, username: str, password: str, *, now: datetime | None = None) -> User:
    """The user, or SignInRefused. Five failures lock the account for 15 minutes."""
    now = now or datetime.now(UTC)
    rows = list(db.query("SELECT * FROM users WHERE username = ?", [(username or "").strip()]))
    if not rows:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_dummy_hash(), password or "")
        raise SignInRefused
    row = rows[0]
    locked_until = datetime.fromisoformat(row["locked_until"]) if row["locked_until"] else None
    if row["disabled"] or (locked_until and locked_until > now):
        raise SignInRefused
    try:
        _hasher.verify(row["password_hash"], password or "")
    except (VerificationError, InvalidHashError):
        failures = row["failed_attempts"] + 1
        lock = (now + LOCKOUT).isoformat(timespec="seconds") if failures >= MAX_FAILED_ATTEMPTS else None
        with transaction(db):
            db.execute(
                "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                [0 if lock else failures, lock, row["id"]],
            )
        raise SignInRefused from None
    with transaction(db):
        new_hash = _hasher.hash(password) if _hasher.check_needs_rehash(row["password_hash"]) else row["password_hash"]
        db.execute(
            "UPDATE users SET failed_attempts = 0, locked_until = NULL, password_hash = ? WHERE id = ?",
            [new_hash, row["id"]],
        )
    return User(row["id"], row["username"], row["role"], row["display_name"])
