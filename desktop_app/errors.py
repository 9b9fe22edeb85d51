"""Typed errors of the core.

Every error carries a stable ``code`` (the UI maps it to a translated message), an English
``message`` for logs and the CLI, and where it applies the offending ``field`` or input ``line``.
Messages never contain secrets (passphrases, keys) or full ID numbers.
"""

from __future__ import annotations


class IntegrityFilesError(Exception):
    code = "error"

    def __init__(self, message: str, *, field: str | None = None, line: int | None = None,
                 code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.line = line
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field is not None:
            where.append(f"field {self.field}")
        return f"{self.message} ({', '.join(where)})" if where else self.message


class ValidationError(IntegrityFilesError):
    """Input that breaks a domain rule; nothing was written."""

    code = "invalid"


class NotFoundError(IntegrityFilesError):
    code = "not_found"


class DuplicateError(IntegrityFilesError):
    code = "duplicate"


class PermissionDenied(IntegrityFilesError):
    code = "permission_denied"


class AuthenticationError(IntegrityFilesError):
    """Unknown user or wrong passphrase. Deliberately does not say which."""

    code = "authentication_failed"


class LockedOutError(AuthenticationError):
    code = "locked_out"

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ArchiveError(IntegrityFilesError):
    """The archive file is missing, not an archive, damaged or of an unknown version."""

    code = "archive"


class StateError(IntegrityFilesError):
    """An action that the current lifecycle state of an object does not allow."""

    code = "illegal_state"
