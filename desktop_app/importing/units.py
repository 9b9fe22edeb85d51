"""Importing units (单位), matched by 统一社会信用代码.

The code is checked (GB 32100 check character, registered in Guangdong), the division code is
looked up in the GB/T 2260 table, the level defaults to the division's. 上级单位 names a unit by
name or code, stored or in the same file; new units are written parents first.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import identity
from desktop_app.domain.divisions import division_table
from desktop_app.domain.enums import UnitLevel
from desktop_app.domain.text import clean_text
from desktop_app.domain.uscc import parse_uscc, uscc_division_code
from desktop_app.errors import ValidationError
from desktop_app.importing.engine import (
    BATCH,
    CHUNK,
    Blame,
    Plan,
    WriteContext,
    chunks,
    differing,
    import_reason,
    merge_changes,
    tick,
)
from desktop_app.importing.fields import ImportKind
from desktop_app.importing.lines import LineCheck
from desktop_app.importing.unit_index import StoredUnit, UnitIndex
from desktop_app.store.bulk import BulkWriter
from desktop_app.store.models import Unit
from desktop_app.store.writer import Changes, Writer

_LEVEL_OF_DIVISION = {"province": UnitLevel.PROVINCE, "city": UnitLevel.CITY, "county": UnitLevel.COUNTY}


@dataclass(frozen=True, slots=True)
class UnitLine:
    line: int
    name: str
    uscc: str
    division_code: str
    level: str | None       # None: the division's level for a new unit, unchanged for a stored one
    default_level: str
    parent: str | None      # a name or a code


class UnitImporter:
    kind = ImportKind.UNITS
    chunked = False  # lines refer to each other (parents in the file)

    def parse(self, check: LineCheck, today: date) -> UnitLine | None:
        name = check.value("name", lambda t: clean_text(t, "name", limit=200))
        uscc = check.value("uscc", _guangdong_uscc)
        division = check.value("division_code", lambda t: division_table().require(t.strip()))
        level = check.optional("level", lambda t: UnitLevel.parse(t, field="level").value)
        parent = check.optional("parent", lambda t: clean_text(t, "parent", limit=200))
        if name is None or uscc is None or division is None or not check.ok:
            return None
        if parent is not None and parent in (name, uscc):
            check.add("parent", "invalid", "a unit cannot be its own parent unit")
            return None
        return UnitLine(check.line, name, uscc, division.code, level, _LEVEL_OF_DIVISION[division.level].value,
                        parent)

    def key(self, item: UnitLine) -> tuple[Hashable, str, str]:
        return item.uscc, "uscc", "the unit code"

    def plan(self, session: Session, items: Sequence[UnitLine], today: date, blame: Blame) -> Plan[UnitLine]:
        plan: Plan[UnitLine] = Plan()
        stored = UnitIndex.load(session)
        in_file = {item.uscc: item for item in items}
        names: dict[str, str] = {}  # name → code, across the file, to refuse one name for two units
        for item in items:
            current = stored.by_uscc.get(item.uscc)
            clash = [u for u in stored.by_name.get(item.name, []) if u.uscc != item.uscc]
            if clash or names.get(item.name, item.uscc) != item.uscc:
                plan.problems.append(blame(item.line, "name", "duplicate",
                                           f"another unit is already named {item.name}"))
                continue
            names[item.name] = item.uscc
            parent, why = _parent(item, stored, in_file)
            if why:
                plan.problems.append(blame(item.line, "parent", "not_found", why))
                continue
            parent_id = None
            if parent is not None:  # stored, or added by this file (its id derives from its code)
                parent_id = stored.by_uscc[parent].id if parent in stored.by_uscc else identity.unit_id(parent)
            if current is None:
                plan.inserts.append((item, {"parent_uscc": parent, "parent_id": parent_id}))
                continue
            changed = differing(_values(current), (
                ("name", item.name), ("division_code", item.division_code), ("level", item.level),
                ("parent_id", parent_id)))
            if changed:
                plan.updates.append((item, current.id, changed, item.uscc))
            else:
                plan.unchanged += 1
        _drop_orphans(plan, stored, blame)
        ordered, cycle = _parents_first(plan.inserts)
        plan.inserts = ordered
        plan.problems += [blame(item.line, "parent", "invalid", "the parent units of this file form a cycle")
                          for item, _resolved in cycle]
        return plan

    def apply(self, ctx: WriteContext, plan: Plan[UnitLine]) -> Changes:
        bulk = BulkWriter(ctx.session, ctx.actor, ctx.clock)
        total, done = len(plan.inserts) + len(plan.updates), 0
        for batch in chunks(plan.inserts, BATCH):
            bulk.insert_rows(Unit, [_row(item, resolved["parent_id"]) for item, resolved in batch], "unit.import")
            done += len(batch)
            tick(ctx, done, total)
        bulk.finish()
        writer = Writer(ctx.session, ctx.actor, ctx.clock)
        for batch in chunks(plan.updates, CHUNK):
            objects = {u.id: u for u in ctx.session.scalars(select(Unit).where(Unit.id.in_([u[1] for u in batch])))}
            for item, unit_id, changed, _key in batch:
                writer.update(objects[unit_id], changed, "unit.update", reason=import_reason(ctx.source, item.line),
                              detail={"import": ctx.source, "line": item.line})
            done += len(batch)
            tick(ctx, done, total)
        writer.finish()
        return merge_changes(bulk.changes, writer.changes)


def _guangdong_uscc(text: str) -> str:
    code = parse_uscc(text)
    if uscc_division_code(code)[:2] != "44":
        raise ValidationError("unit code (统一社会信用代码) is not registered in Guangdong (44…)", field="uscc")
    return code


def _parent(item: UnitLine, stored: UnitIndex, in_file: dict[str, UnitLine]) -> tuple[str | None, str]:
    """The parent's code, or an English reason it cannot be found."""
    if item.parent is None:
        return None, ""
    text = item.parent
    if text.upper() in stored.by_uscc or text.upper() in in_file:
        code = text.upper()
    else:
        named = [u.uscc for u in stored.by_name.get(text, [])] or [u.uscc for u in in_file.values() if u.name == text]
        if len(named) != 1:
            return None, (f"no unit named {text} in the archive or the file" if not named
                          else f"{len(named)} units are named {text}; give the parent's unit code")
        code = named[0]
    if code == item.uscc:
        return None, "a unit cannot be its own parent unit"
    return code, ""


def _values(unit: StoredUnit) -> dict[str, Any]:
    return {"name": unit.name, "division_code": unit.division_code, "level": unit.level,
            "parent_id": unit.parent_id}


def _row(item: UnitLine, parent_id: uuid.UUID | None) -> dict[str, Any]:
    return {"id": identity.unit_id(item.uscc), "name": item.name, "uscc": item.uscc,
            "division_code": item.division_code, "level": item.level or item.default_level,
            "parent_id": parent_id}


Insert = tuple[UnitLine, dict[str, Any]]


def _drop_orphans(plan: Plan[UnitLine], stored: UnitIndex, blame: Blame) -> None:
    """A unit whose parent is a line of the file that cannot be imported cannot be imported either."""
    while True:
        known = {u.id for u in stored.by_uscc.values()} | {identity.unit_id(i.uscc) for i, _ in plan.inserts}
        orphans = {item.line for item, resolved in plan.inserts
                   if resolved["parent_id"] is not None and resolved["parent_id"] not in known}
        orphans |= {item.line for item, _id, changed, _k in plan.updates
                    if changed.get("parent_id") is not None and changed["parent_id"] not in known}
        if not orphans:
            return
        plan.problems += [blame(line, "parent", "not_found", "the parent unit's line cannot be imported")
                          for line in sorted(orphans)]
        plan.inserts = [entry for entry in plan.inserts if entry[0].line not in orphans]
        plan.updates = [entry for entry in plan.updates if entry[0].line not in orphans]


def _parents_first(inserts: list[Insert]) -> tuple[list[Insert], list[Insert]]:
    """New units ordered so that a parent added by the same file is written before its children;
    and the ones whose parents form a cycle (which cannot be written)."""
    pending = {item.uscc: (item, resolved) for item, resolved in inserts}
    ordered: list[Insert] = []
    while pending:
        ready = [code for code, (_i, r) in pending.items() if r["parent_uscc"] not in pending]
        if not ready:
            return ordered, list(pending.values())
        for code in ready:
            ordered.append(pending.pop(code))
    return ordered, []
