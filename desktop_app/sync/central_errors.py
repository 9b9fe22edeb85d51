"""Which side failed: the central store, or the office's own archive.

A sync talks to two databases. A driver error on its own does not say which one broke, and the
cure differs: a dropped connection to headquarters needs only another sync later, a full disk at
the office needs space, a damaged archive needs ``verify``. The central store's methods turn the
driver errors they meet into ``CentralStoreError`` (code ``central``); what still escapes as a
driver error comes from the archive. The two speak through different drivers (the archive through
``sqlcipher3``, the central store through ``psycopg`` or ``sqlite3``), which is how a shared
transaction block tells them apart.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from desktop_app.errors import ArchiveError
from desktop_app.store.engine import describe_db_error

P = ParamSpec("P")
R = TypeVar("R")


class CentralStoreError(ArchiveError):
    """The central store is unreachable, failed, or is not one; the office's archive is not at fault.
    (An ``ArchiveError`` too, as these were before the two sides were told apart.)"""

    code = "central"


def from_central(exc: DBAPIError) -> bool:
    return not type(exc.orig).__module__.startswith("sqlcipher3")


def central_failure(exc: DBAPIError, url: str) -> CentralStoreError:
    """The sentence for a driver error of the central store at ``url`` (shown without its password)."""
    where = make_url(url).render_as_string(hide_password=True)
    reason = describe_db_error(exc)
    if "no such table" in reason or ("relation" in reason and "does not exist" in reason):
        return CentralStoreError(f"{where} is not an Integrity Files central store ({reason})", field="url")
    return CentralStoreError(f"the central store {where} failed ({reason}); this archive is intact and keeps "
                             "what was synced before: sync again", field="url")


def reports_central_errors(method: Callable[P, R]) -> Callable[P, R]:
    """Turn the central store's driver errors raised by ``method`` into ``CentralStoreError``."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except DBAPIError as exc:
            if not from_central(exc):
                raise
            store: Any = args[0]
            raise central_failure(exc, store.url) from None

    return wrapper
