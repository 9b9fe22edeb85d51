"""A user's unit scope inside one archive (issue 9, item 8).

An administrator may limit a user to some units; each covers its descendants (``units.parent_id``).
A user without a scope works on the whole archive. Every public service method declares how it
honours the scope, and ``tests/integration/test_unit_scope.py`` finds the declarations by
introspection (as ``test_permission_matrix`` finds ``@requires``):

* ``@scoped(person_id=Target.PERSON, …)`` — the named parameters point at objects; the guard in
  ``context.requires`` resolves each to its unit before the method runs, and one outside the scope
  is refused like a missing permission (``PermissionDenied``, audited);
* ``@scoped(rows=True)`` — what the method returns (lists, counts, reports, files) is filtered in
  SQL with ``UnitScope.where_unit`` / ``where_person``;
* ``@scoped(written=True)`` — what it writes is checked inside its transaction (new units, imports):
  ``UnitScope.check_written`` runs before every commit of ``ServiceContext.write``;
* ``@unscoped(reason)`` — archive-level on purpose (users, courses, sync, verify, …);
* ``@whole_archive(reason)`` — archive-level, and refused (audited) to a limited user: changing the
  policy profile, rotating the data key, taking a backup.

Sync apply is archive-level and never filtered: the scope limits what a person does, not what the
archive holds.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, or_, select, true
from sqlalchemy.orm import Session

from desktop_app.domain.id_number import parse_id_number
from desktop_app.errors import IntegrityFilesError
from desktop_app.store.models import TRACKED_MODELS, Person, Unit, User
from desktop_app.store.models.core import UserScope
from desktop_app.store.models.objections import Attachment, Objection, RepairApplication
from desktop_app.store.writer import Changes

F = TypeVar("F", bound=Callable[..., Any])
CHUNK = 500


class Target(StrEnum):
    """What a parameter points at; each resolves to the unit(s) it belongs to."""

    UNIT = "unit"                  # a unit id
    UNIT_NAME = "unit_name"        # a unit's name or code, or an object with ``unit_name`` (PersonDraft)
    UNITS = "units"                # unit ids, names or codes
    PERSON = "person"              # a person id
    PERSONS = "persons"            # person ids, or objects with ``person_id`` (RosterEntry)
    ID_NUMBER = "id_number"        # a person's 公民身份号码
    RECORD = "record"              # an integrity record id
    OBJECTION = "objection"        # an objection id
    REPAIR = "repair"              # a credit repair application id
    ATTACHMENT = "attachment"      # an attachment id (of an objection or a repair application)
    ATTENDANCES = "attendances"    # objects with ``attendance_id`` (AttendanceUpdate)
    USER = "user"                  # a user name: their scope must lie within the caller's


@dataclass(frozen=True, slots=True)
class ScopeDecision:
    rows: bool = False
    written: bool = False
    targets: Mapping[str, Target] = field(default_factory=dict)
    reason: str = ""
    whole: bool = False  # archive-level, and only for a user who works on the whole archive

    @property
    def is_scoped(self) -> bool:
        return bool(self.rows or self.written or self.targets)


def scoped(*, rows: bool = False, written: bool = False, **targets: Target) -> Callable[[F], F]:
    """Declare how a method keeps to the unit scope (see the module's docstring)."""
    if not (rows or written or targets):
        raise TypeError("@scoped needs rows, written or at least one target")

    def mark(method: F) -> F:
        names = set(inspect.signature(method).parameters)
        unknown = set(targets) - names
        if unknown:
            raise TypeError(f"{method.__qualname__} has no parameter {', '.join(sorted(unknown))}")
        method.scope_decision = ScopeDecision(rows, written, dict(targets))  # type: ignore[attr-defined]
        return method

    return mark


def unscoped(reason: str) -> Callable[[F], F]:
    """Declare a method archive-level on purpose, with the reason (the test requires one)."""
    if not reason.strip():
        raise TypeError("@unscoped needs a reason")

    def mark(method: F) -> F:
        method.scope_decision = ScopeDecision(reason=reason)  # type: ignore[attr-defined]
        return method

    return mark


def whole_archive(reason: str) -> Callable[[F], F]:
    """Declare a method archive-level and refuse it to a user limited to some units: it changes or
    copies what belongs to every unit (the policy profile, the data key, a backup of the file)."""
    if not reason.strip():
        raise TypeError("@whole_archive needs a reason")

    def mark(method: F) -> F:
        method.scope_decision = ScopeDecision(reason=reason, whole=True)  # type: ignore[attr-defined]
        return method

    return mark


class OutOfScope(Exception):  # converted to PermissionDenied by context.requires
    """Raised inside a transaction; ``context.requires`` turns it into an audited PermissionDenied
    once the transaction has rolled back."""

    def __init__(self, what: str, object_type: str = "", object_id: uuid.UUID | None = None,
                 detail: Mapping[str, Any] | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.object_type = object_type
        self.object_id = object_id
        self.detail = dict(detail or {})


class UnitScope:
    """The units one user may see and change, read inside the caller's transaction."""

    def __init__(self, session: Session, roots: frozenset[uuid.UUID]) -> None:
        self._session = session
        self.roots = roots
        self._units: frozenset[uuid.UUID] | None = None

    @classmethod
    def load(cls, session: Session, user_id: uuid.UUID) -> UnitScope:
        return cls(session, frozenset(session.scalars(select(UserScope.unit_id).where(
            UserScope.user_id == user_id, UserScope.active.is_(True)))))

    @property
    def whole(self) -> bool:
        """No scope: the whole archive (every user until an administrator sets one)."""
        return not self.roots

    # -- SQL filters ----------------------------------------------------------------------

    def units_query(self) -> Select[tuple[uuid.UUID]]:
        """The ids of the units in scope: the roots and everything below them."""
        return units_below(self.roots)

    def where_unit(self, column: Any) -> ColumnElement[bool]:
        """A filter on a column holding a unit id (true for the whole archive)."""
        if self.whole:
            return true()
        condition: ColumnElement[bool] = column.in_(self.units_query())
        return condition

    def where_person(self, column: Any) -> ColumnElement[bool]:
        """A filter on a column holding a person id."""
        if self.whole:
            return true()
        condition: ColumnElement[bool] = column.in_(
            select(Person.id).where(Person.unit_id.in_(self.units_query())))
        return condition

    # -- checks ---------------------------------------------------------------------------

    def unit_ids(self) -> frozenset[uuid.UUID]:
        if self._units is None:
            self._units = frozenset(self._session.scalars(self.units_query()))
        return self._units

    def covers(self, unit_id: uuid.UUID | None) -> bool:
        return self.whole or (unit_id is not None and unit_id in self.unit_ids())

    def covers_scope(self, roots: frozenset[uuid.UUID]) -> bool:
        """Whether a scope with these roots lies inside this one (an empty one is the whole archive)."""
        return self.whole or (bool(roots) and roots <= self.unit_ids())

    def check_units(self, units: Iterable[tuple[str, uuid.UUID | None, uuid.UUID | None]]) -> None:
        """Each (object type, object id, its unit): raise OutOfScope for the first outside the scope."""
        if self.whole:
            return
        for object_type, object_id, unit_id in units:
            if not self.covers(unit_id):
                what = ("this unit is outside your units" if object_type == "unit"
                        else f"this {object_type} belongs to a unit outside your units")
                raise OutOfScope(what, object_type, object_id)

    def check_targets(self, decision: ScopeDecision, arguments: Mapping[str, Any]) -> None:
        if self.whole:
            return
        for name, target in decision.targets.items():
            value = arguments.get(name)
            if value is None:
                continue
            if target is Target.USER:
                self._check_user(str(value))
            else:
                self.check_units(resolve(self._session, target, value))

    def check_written(self, changes: Changes) -> None:
        """Every row a transaction wrote must belong to a unit in scope (before it commits)."""
        if self.whole:
            return
        for entity, ids in changes.entities.items():
            self.check_units(units_of(self._session, entity, ids))

    def _check_user(self, name: str) -> None:
        user_id = self._session.scalar(select(User.id).where(User.name == name))
        if user_id is None:
            return  # the method says the user does not exist
        theirs = UnitScope.load(self._session, user_id).roots
        if not self.covers_scope(theirs):
            raise OutOfScope(f"user {name} works on units outside your units", "user", user_id)


def units_below(roots: Iterable[uuid.UUID]) -> Select[tuple[uuid.UUID]]:
    """A recursive query for ``roots`` and all their descendants (UNION stops at a cycle)."""
    tree = select(Unit.id).where(Unit.id.in_(list(roots))).cte("scope_units", recursive=True)
    tree = tree.union(select(Unit.id).where(Unit.parent_id == tree.c.id))
    return select(tree.c.id)


# -- what an argument or a written row belongs to ------------------------------------------------

Found = tuple[str, "uuid.UUID | None", "uuid.UUID | None"]  # (object type, object id, unit id)


def resolve(session: Session, target: Target, value: Any) -> list[Found]:
    """The units an argument points at. Objects that do not exist are left to the method (which
    says "not found"); the scope only refuses what exists elsewhere."""
    if target is Target.UNIT:
        return [("unit", value, value)] if _exists(session, Unit, value) else []
    if target in (Target.UNIT_NAME, Target.UNITS):
        values = [value] if target is Target.UNIT_NAME else list(value)
        found = [_unit_ref(session, getattr(v, "unit_name", v)) for v in values]
        return [("unit", u, u) for u in found if u is not None]
    if target is Target.ID_NUMBER:
        return _persons(session, _id_number(str(value)))
    if target is Target.PERSON:
        return _persons(session, Person.id == value) if isinstance(value, uuid.UUID) else []
    if target is Target.PERSONS:
        ids = [v if isinstance(v, uuid.UUID) else getattr(v, "person_id", None) for v in value]
        return list(_chunked(ids, lambda chunk: _persons(session, Person.id.in_(chunk))))
    if target is Target.ATTENDANCES:
        ids = [getattr(v, "attendance_id", None) for v in value]
        return list(units_of(session, "attendance", [i for i in ids if isinstance(i, uuid.UUID)]))
    entity = {Target.RECORD: "record", Target.OBJECTION: "objection", Target.REPAIR: "repair",
              Target.ATTACHMENT: "attachment"}[target]
    return list(units_of(session, entity, [value] if isinstance(value, uuid.UUID) else []))


def units_of(session: Session, entity: str, ids: Iterable[uuid.UUID]) -> Iterator[Found]:
    """The unit of each written row: a unit is its own; a row with ``unit_id`` belongs to that unit,
    one with ``person_id`` to the person's unit, an attachment to its objection's or application's.
    Rows of other kinds (users, courses, sessions, policy, files' bytes) belong to the whole archive."""
    wanted = [i for i in ids if isinstance(i, uuid.UUID)]
    model: Any = TRACKED_MODELS.get(entity)
    if model is None or model is UserScope or not wanted:
        # A user's scope rows are checked by UserService against the caller's scope as it was before
        # the change (narrowing one's own scope must not refuse itself).
        return
    if model is Attachment:
        for chunk in _chunks(wanted):
            owners = session.execute(select(Attachment.id, Attachment.owner_type, Attachment.owner_id)
                                     .where(Attachment.id.in_(chunk))).all()
            for owner_type, owner_model in (("objection", Objection), ("repair", RepairApplication)):
                mine = {owner: a for a, kind, owner in owners if kind == owner_type}
                for owner_id, unit_id in _person_units(session, owner_model, list(mine)):
                    yield "attachment", mine[owner_id], unit_id
        return
    columns = model.__table__.columns
    for chunk in _chunks(wanted):
        if model is Unit:
            rows = [(i, i) for i in session.scalars(select(Unit.id).where(Unit.id.in_(chunk)))]
        elif "unit_id" in columns:
            rows = [(i, u) for i, u in session.execute(select(model.id, model.unit_id).where(model.id.in_(chunk)))]
        elif "person_id" in columns:
            rows = _person_units(session, model, chunk)
        else:
            return
        for object_id, unit_id in rows:
            yield entity, object_id, unit_id


def _person_units(session: Session, model: Any, ids: list[uuid.UUID]) -> list[tuple[uuid.UUID, uuid.UUID]]:
    if not ids:
        return []
    query = select(model.id, Person.unit_id).join(Person, Person.id == model.person_id).where(model.id.in_(ids))
    return [(a, b) for a, b in session.execute(query)]


def _persons(session: Session, condition: ColumnElement[bool] | None) -> list[Found]:
    if condition is None:
        return []
    return [("person", i, u) for i, u in session.execute(select(Person.id, Person.unit_id).where(condition))]


def _id_number(text: str) -> ColumnElement[bool] | None:
    try:
        # The birth date is not checked against today here: the method checks the number itself.
        return Person.id_number == parse_id_number(text).value  # type: ignore[return-value]
    except IntegrityFilesError:
        return None


def _unit_ref(session: Session, ref: Any) -> uuid.UUID | None:
    """A unit by id, name or code (as ``units.unit_by_name`` finds it); None if none or ambiguous."""
    if isinstance(ref, uuid.UUID):
        return ref if _exists(session, Unit, ref) else None
    text = str(ref or "").strip()
    if not text:
        return None
    try:
        return _unit_ref(session, uuid.UUID(text))
    except ValueError:
        pass
    found = session.scalars(select(Unit.id).where(or_(Unit.name == text, Unit.uscc == text.upper())).limit(2)).all()
    return found[0] if len(found) == 1 else None


def _exists(session: Session, model: Any, key: Any) -> bool:
    return isinstance(key, uuid.UUID) and session.scalar(select(model.id).where(model.id == key)) is not None


def _chunks(ids: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _chunked(ids: list[Any], lookup: Callable[[list[uuid.UUID]], list[Found]]) -> Iterator[Found]:
    for chunk in _chunks([i for i in ids if isinstance(i, uuid.UUID)]):
        yield from lookup(chunk)
