"""The exceptions the domain raises; pages and the CLI turn them into messages."""

from __future__ import annotations


class ReminisceError(Exception):
    """Base class: anything a user can be told about in one sentence."""


class ValidationError(ReminisceError):
    """Input was refused. ``errors`` maps a field name to a message for that field."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__(" ".join(f"{field} {message}" for field, message in self.errors.items()))


class NotFound(ReminisceError):
    """The record asked for does not exist (or no longer exists)."""


class AccessDenied(ReminisceError, PermissionError):
    """The acting user may not see or change this record."""
