"""Who may see what, and the audit trail.

Every function that reads or writes a resident's data calls ``require`` with the
acting user, so the rule lives here, in the data layer, not in the menus:

- admin and staff see and change every resident of the home;
- family see only the residents they are linked to, and change nothing directly:
  they add contributions, which staff review.

A refusal is audited. Views are audited too (at most once per user, resident and
ten minutes, so a page that reruns on every tap does not flood the log).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from reminisce.accounts import User
from reminisce.db import now_iso, transaction
from reminisce.errors import AccessDenied, NotFound

#: The command line is run by whoever administers the server.
SYSTEM = User(0, "command line", "admin", "command line")
STAFF_ROLES = frozenset({"admin", "staff"})
VIEW_AUDIT_WINDOW = timedelta(minutes=10)
REFUSAL = "You can only see the residents you are linked to."


def audit(db: Database, actor: User, action: str, resident_id: int | None = None, detail: str = "") -> None:
    """Append to the audit log. ``detail`` must never hold personal data (no names, no text)."""
    with transaction(db):
        db.execute(
            "INSERT INTO audit_log (at, user_id, username, role, action, resident_id, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [now_iso(), actor.id or None, actor.username, actor.role, action, resident_id, detail],
        )


def is_linked(db: Database, actor: User, resident_id: int) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM resident_access WHERE user_id = ? AND resident_id = ?", [actor.id, resident_id]
        ).fetchone()
    )


def can_access(db: Database, actor: User, resident_id: int) -> bool:
    return actor.role in STAFF_ROLES or (actor.role == "family" and is_linked(db, actor, resident_id))


def _audit_view(db: Database, actor: User, resident_id: int) -> None:
    since = (datetime.now(UTC) - VIEW_AUDIT_WINDOW).isoformat(timespec="seconds")
    recent = db.execute(
        "SELECT 1 FROM audit_log WHERE user_id IS ? AND resident_id = ? AND action = 'view' AND at >= ? LIMIT 1",
        [actor.id or None, resident_id, since],
    ).fetchone()
    if not recent:
        audit(db, actor, "view", resident_id)


def require(db: Database, actor: User, resident_id: int, action: str = "view") -> None:
    """Allow ``action`` on this resident's data for this user, or raise AccessDenied (audited).

    Actions: ``view``; ``contribute`` (family may add pending contributions); anything
    else is a change, which only staff and admins may make.
    """
    allowed = can_access(db, actor, resident_id)
    if allowed and action not in ("view", "contribute") and actor.role not in STAFF_ROLES:
        allowed = False
    if not allowed:
        audit(db, actor, "refused", resident_id, action)
        raise AccessDenied(REFUSAL if actor.role == "family" else "You are not allowed to do that.")
    if action == "view":
        _audit_view(db, actor, resident_id)
    elif action != "contribute":
        audit(db, actor, action, resident_id)


def require_staff(actor: User) -> None:
    if actor.role not in STAFF_ROLES:
        raise AccessDenied("Only care staff can do that.")


def require_admin(actor: User) -> None:
    if actor.role != "admin":
        raise AccessDenied("Only an administrator can do that.")


def linked_residents(db: Database, actor: User) -> list[int]:
    return [r[0] for r in db.execute("SELECT resident_id FROM resident_access WHERE user_id = ?", [actor.id])]


def resident_of(db: Database, table: str, row_id: int, column: str = "resident_id") -> int:
    """The resident a playlist, goal or other record belongs to (for the access check)."""
    if table not in {"playlists", "goals", "song_plays", "red_flag_proposals", "contributions", "memories"}:
        raise ValueError(table)
    row = db.execute(f"SELECT {column} FROM {table} WHERE id = ?", [row_id]).fetchone()
    if row is None:
        raise NotFound("That record no longer exists.")
    return row[0]


# --- the audit log, for admins ----------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    at: str
    username: str
    role: str
    action: str
    resident_id: int | None
    detail: str


def audit_entries(
    db: Database,
    actor: User,
    *,
    username: str = "",
    resident_id: int | None = None,
    action: str = "",
    limit: int = 500,
) -> list[AuditEntry]:
    require_admin(actor)
    where, params = [], []
    if username:
        where.append("username = ?")
        params.append(username)
    if resident_id is not None:
        where.append("resident_id = ?")
        params.append(resident_id)
    if action:
        where.append("action = ?")
        params.append(action)
    sql = "SELECT * FROM audit_log" + (" WHERE " + " AND ".join(where) if where else "")
    rows = db.query(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])
    return [AuditEntry(r["at"], r["username"], r["role"], r["action"], r["resident_id"], r["detail"]) for r in rows]


# --- users, links and invitations (admins and staff) ----------------------------------

INVITATION_DAYS = 7


def list_users(db: Database, actor: User) -> list[dict]:
    require_admin(actor)
    return list(
        db.query(
            "SELECT u.id, u.username, u.display_name, u.role, u.disabled, u.locked_until,"
            " (SELECT group_concat(resident_id) FROM resident_access a WHERE a.user_id = u.id) AS residents"
            " FROM users u ORDER BY u.role, u.username"
        )
    )


def add_user(
    db: Database,
    actor: User,
    username: str,
    password: str,
    role: str,
    display_name: str = "",
    resident_ids: tuple[int, ...] = (),
) -> User:
    """Admins create accounts; family accounts are linked to their relatives."""
    from reminisce import accounts

    require_admin(actor)
    with transaction(db):
        for resident_id in resident_ids:
            if not db.execute("SELECT 1 FROM residents WHERE id = ?", [resident_id]).fetchone():
                raise NotFound(f"No resident with id {resident_id}.")
        user = accounts.create_user(db, username, password, role, display_name)
        for resident_id in resident_ids:
            db.execute(
                "INSERT OR IGNORE INTO resident_access (user_id, resident_id) VALUES (?, ?)", [user.id, resident_id]
            )
    audit(db, actor, "add user", detail=f"user #{user.id}, {role}")
    return user


def _user_id(db: Database, username: str) -> int:
    row = db.execute("SELECT id FROM users WHERE username = ?", [username]).fetchone()
    if row is None:
        raise NotFound(f"No user called {username}.")
    return row[0]


def set_disabled(db: Database, actor: User, username: str, disabled: bool) -> None:
    require_admin(actor)
    user_id = _user_id(db, username)
    if user_id == actor.id and disabled:
        raise AccessDenied("You cannot disable your own account.")
    with transaction(db):
        db.execute("UPDATE users SET disabled = ? WHERE id = ?", [int(disabled), user_id])
    audit(db, actor, "disable user" if disabled else "enable user", detail=f"user #{user_id}")


def reset_password(db: Database, actor: User, username: str, new_password: str) -> None:
    from reminisce import accounts

    require_admin(actor)
    user_id = _user_id(db, username)
    accounts.set_password(db, user_id, new_password)
    audit(db, actor, "reset password", detail=f"user #{user_id}")


def link(db: Database, actor: User, username: str, resident_id: int) -> None:
    require_admin(actor)
    user_id = _user_id(db, username)
    with transaction(db):
        if not db.execute("SELECT 1 FROM residents WHERE id = ?", [resident_id]).fetchone():
            raise NotFound(f"No resident with id {resident_id}.")
        db.execute("INSERT OR IGNORE INTO resident_access (user_id, resident_id) VALUES (?, ?)", [user_id, resident_id])
    audit(db, actor, "link family", resident_id, detail=f"user #{user_id}")


def _code_hash(code: str) -> str:
    import hashlib

    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


def create_invitation(db: Database, actor: User, resident_id: int, now: datetime | None = None) -> str:
    """A one-time code for a family member, valid 7 days. Only its hash is stored."""
    import secrets

    require(db, actor, resident_id, "invite family")
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
    now = now or datetime.now(UTC)
    with transaction(db):
        db.execute(
            "INSERT INTO invitations (code_hash, resident_id, created_by, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                _code_hash(code),
                resident_id,
                actor.id or None,
                now.isoformat(timespec="seconds"),
                (now + timedelta(days=INVITATION_DAYS)).isoformat(timespec="seconds"),
            ],
        )
    return code


class InvitationRefused(Exception):
    """Unknown, used or expired code (one message for all, so codes cannot be probed)."""


def accept_invitation(
    db: Database, code: str, username: str, password: str, display_name: str = "", now: datetime | None = None
) -> User:
    """The family member chooses a username and password; the code then stops working."""
    from reminisce import accounts

    now = now or datetime.now(UTC)
    with transaction(db):
        row = db.execute(
            "SELECT id, resident_id, expires_at, used_at FROM invitations WHERE code_hash = ?", [_code_hash(code or "")]
        ).fetchone()
        if row is None or row[3] is not None or datetime.fromisoformat(row[2]) < now:
            raise InvitationRefused
        user = accounts.create_user(db, username, password, "family", display_name)
        db.execute("INSERT INTO resident_access (user_id, resident_id) VALUES (?, ?)", [user.id, row[1]])
        db.execute(
            "UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ?",
            [now.isoformat(timespec="seconds"), user.id, row[0]],
        )
    audit(db, user, "accept invitation", row[1])
    return user
