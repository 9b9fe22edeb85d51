"""What every service call carries: the open archive, the signed-in user and the clock.

``requires`` guards each public service method: the permission is checked before anything else
runs, then the user's unit scope for the objects the method names (``services.scope``); a denial
of either kind is itself audited (DESIGN.md §3, §7) through the one path, ``ServiceContext.deny``.
"""

from __future__ import annotations

import functools
import inspect
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NoReturn, ParamSpec, Protocol, TypeVar

from sqlalchemy.orm import Session

from desktop_app.domain.permissions import Permission
from desktop_app.errors import PermissionDenied
from desktop_app.services.scope import OutOfScope, ScopeDecision, UnitScope
from desktop_app.store.archive import Archive, SignedInUser
from desktop_app.store.writer import Changes, Writer

P = ParamSpec("P")
R = TypeVar("R")
SCOPE_DENIED = "unit_scope"  # the ``denied`` value of an audited scope refusal


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
        self.deny(action, f"needs permission {permission.value}", {"denied": permission.value})

    def deny(self, action: str, reason: str, detail: Mapping[str, Any], *, object_type: str = "",
             object_id: uuid.UUID | None = None) -> NoReturn:
        """Refuse: an audit entry (not successful) in a transaction of its own, then PermissionDenied.
        Callers are outside any write transaction (``requires`` leaves it before calling this)."""
        with self.archive.writing(self.user.name) as w:
            w.audit(action, object_type, object_id, success=False, detail=dict(detail))
        raise PermissionDenied(f"{self.user.role.label} ({self.user.name}) may not {action}: {reason}")

    def deny_out_of_scope(self, action: str, exc: OutOfScope) -> NoReturn:
        self.deny(action, exc.what, {"denied": SCOPE_DENIED, **exc.detail}, object_type=exc.object_type,
                  object_id=exc.object_id)

    def scope(self, session: Session) -> UnitScope:
        """The signed-in user's units, read in ``session`` (so a change by an administrator counts
        from the next call on)."""
        return UnitScope.load(session, self.user.id)

    def check_scope(self, action: str, **targets: Any) -> None:
        """Refuse (audited) when an object named by a keyword (``unit_name=…``, see ``Target``) lies
        outside the scope; for callers that are not service methods (the report registry)."""
        from desktop_app.services.scope import Target

        decision = ScopeDecision(targets={name: Target(name) for name in targets})
        try:
            with self.read() as s:
                self.scope(s).check_targets(decision, targets)
        except OutOfScope as exc:
            self.deny_out_of_scope(action, exc)

    def check_written(self, session: Session, changes: Changes) -> None:
        """Raise OutOfScope if a row written in this transaction lies outside the scope."""
        if changes:
            self.scope(session).check_written(changes)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.archive.session() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Writer]:
        """One write transaction; what it wrote must lie in the user's scope, or none of it commits."""
        with self.archive.writing(self.user.name) as writer:
            yield writer
            self.check_written(writer.session, writer.changes)


class HasContext(Protocol):
    ctx: ServiceContext


def requires(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark and guard a service method; the permission test finds every method by this mark.

    After the permission, the objects the method's ``@scoped`` declaration names are checked against
    the unit scope; an ``OutOfScope`` raised inside the method (a write outside the scope) arrives
    here after its transaction rolled back and is refused the same way."""

    def decorate(method: Callable[P, R]) -> Callable[P, R]:
        action = method.__qualname__.replace("Service.", ".").lower()
        signature = inspect.signature(method)

        @functools.wraps(method)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            service: Any = args[0]
            ctx: ServiceContext = service.ctx
            ctx.require(action, permission)
            decision: ScopeDecision | None = guarded.__dict__.get("scope_decision")
            try:
                if decision is not None and decision.targets:
                    bound = signature.bind(*args, **kwargs)
                    with ctx.read() as s:
                        ctx.scope(s).check_targets(decision, bound.arguments)
                elif decision is not None and decision.whole:
                    with ctx.read() as s:
                        if not ctx.scope(s).whole:
                            raise OutOfScope(f"only a user who works on the whole archive may: {decision.reason}")
                return method(*args, **kwargs)
            except OutOfScope as exc:
                ctx.deny_out_of_scope(action, exc)

        guarded.required_permission = permission  # type: ignore[attr-defined]
        return guarded

    return decorate


def signed_in_only(method: Callable[P, R]) -> Callable[P, R]:
    """Methods any signed-in user may call about themselves (e.g. change own passphrase)."""
    method.required_permission = None  # type: ignore[attr-defined]
    return method
