"""What every service call carries: the open archive, the signed-in user and the clock.

``requires`` guards each public service method: the permission is checked before anything else
runs, and a denial is itself audited (DESIGN.md §3, §7).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ParamSpec, Protocol, TypeVar

from sqlalchemy.orm import Session

from desktop_app.domain.permissions import Permission
from desktop_app.errors import PermissionDenied
from desktop_app.store.archive import Archive, SignedInUser
from desktop_app.store.writer import Writer

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(slots=True)
class ServiceContext:
    archive: Archive
    user: SignedInUser
    today: Callable[[], date] = field(default=date.today)

    def may(self, permission: Permission) -> bool:
        return permission.value in self.user.permissions

    def require(self, action: str, permission: Permission) -> None:
        if self.may(permission):
            return
        with self.archive.writing(self.user.name) as w:
            w.audit(action, success=False, detail={"denied": permission.value})
        raise PermissionDenied(f"{self.user.role.label} ({self.user.name}) may not {action}: "
                               f"needs permission {permission.value}")

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.archive.session() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Writer]:
        with self.archive.writing(self.user.name) as writer:
            yield writer


class HasContext(Protocol):
    ctx: ServiceContext


def requires(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark and guard a service method; the permission test finds every method by this mark."""

    def decorate(method: Callable[P, R]) -> Callable[P, R]:
        action = method.__qualname__.replace("Service.", ".").lower()

        @functools.wraps(method)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            service: Any = args[0]
            service.ctx.require(action, permission)
            return method(*args, **kwargs)

        guarded.required_permission = permission  # type: ignore[attr-defined]
        return guarded

    return decorate


def signed_in_only(method: Callable[P, R]) -> Callable[P, R]:
    """Methods any signed-in user may call about themselves (e.g. change own passphrase)."""
    method.required_permission = None  # type: ignore[attr-defined]
    return method
