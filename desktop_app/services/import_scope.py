"""An import plan against the user's unit scope: every line that would add or change a row of a unit
outside the scope is named, and the import (or its dry run) is refused as a whole."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.domain import identity
from desktop_app.importing.engine import Plan
from desktop_app.importing.fields import ImportKind
from desktop_app.services.scope import OutOfScope, Target, UnitScope, resolve, units_of

MAX_NAMED = 20  # lines named in the message and the audit entry


def check_plan(session: Session, scope: UnitScope, kind: ImportKind, plan: Plan[Any]) -> None:
    if scope.whole:
        return
    bad = sorted(set(_units_plan(scope, plan) if kind is ImportKind.UNITS else _lines(session, scope, kind, plan)))
    if bad:
        named = ", ".join(str(n) for n in bad[:MAX_NAMED]) + (" …" if len(bad) > MAX_NAMED else "")
        raise OutOfScope(f"{len(bad)} line(s) of the file concern units outside your units (lines {named})",
                         detail={"lines": bad[:MAX_NAMED], "out_of_scope": len(bad)})


def _lines(session: Session, scope: UnitScope, kind: ImportKind, plan: Plan[Any]) -> Iterable[int]:
    """Lines whose person (or unit) is outside the scope, before or after the change."""
    inserts: dict[uuid.UUID, list[int]] = {}
    for item, resolved in plan.inserts:
        if kind is ImportKind.PERSONS:
            if not scope.covers(resolved["unit_id"]):
                yield item.line
            continue
        person = resolved["entry"].person_id if kind is ImportKind.ATTENDANCE else resolved["person_id"]
        inserts.setdefault(person, []).append(item.line)
    for _type, person_id, unit_id in resolve(session, Target.PERSONS, list(inserts)):
        if person_id is not None and not scope.covers(unit_id):
            yield from inserts[person_id]
    entity = {ImportKind.PERSONS: "person", ImportKind.RECORDS: "record", ImportKind.ATTENDANCE: "attendance"}[kind]
    updates: dict[uuid.UUID, list[int]] = {}
    for item, row_id, changed, _key in plan.updates:
        updates.setdefault(row_id, []).append(item.line)
        if "unit_id" in changed and not scope.covers(changed["unit_id"]):
            yield item.line  # a person moved into a unit outside the scope
    for _type, updated, unit_id in units_of(session, entity, list(updates)):
        if updated is not None and not scope.covers(unit_id):
            yield from updates[updated]


def _units_plan(scope: UnitScope, plan: Plan[Any]) -> Iterable[int]:
    """A new unit is in scope under a parent in scope (the plan lists parents first); a changed unit
    must be in scope, and so must its new parent (a unit cannot leave the scope by an import)."""
    allowed = set(scope.unit_ids())
    for item, resolved in plan.inserts:
        if resolved["parent_id"] in allowed:
            allowed.add(identity.unit_id(item.uscc))
        else:
            yield item.line
    for item, unit_id, changed, _key in plan.updates:
        if unit_id not in allowed or ("parent_id" in changed and changed["parent_id"] not in allowed):
            yield item.line
