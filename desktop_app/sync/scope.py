"""Which unit a change belongs to, by its unit code (统一社会信用代码): what headquarters filters on.

A unit is its own scope; a row with ``unit_id`` belongs to that unit; a row with ``person_id`` to
the person's unit. Anything else (e.g. a policy profile) is province-wide: scope "".
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.store.models import TRACKED_MODELS, Person, Unit
from desktop_app.sync.wire import WireChange


class ScopeResolver:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._unit_code: dict[uuid.UUID, str] = {}
        self._person_unit: dict[uuid.UUID, uuid.UUID] = {}
        self._stored: dict[tuple[str, uuid.UUID], uuid.UUID | None] = {}   # (column, row id) → value

    def prefetch(self, changes: list[WireChange]) -> None:
        """Look up a whole batch in a few queries: the unit or person an update does not repeat (it
        carries only the changed fields), the persons' units and the units' codes."""
        self._prefetch_stored(changes)
        person_ids = {uuid.UUID(hex=str(c.values["person_id"])) for c in changes if c.values.get("person_id")}
        person_ids |= {v for (column, _), v in self._stored.items() if column == "person_id" and v is not None}
        person_ids -= self._person_unit.keys()
        for chunk in _chunks(list(person_ids)):
            self._person_unit.update(self._session.execute(
                select(Person.id, Person.unit_id).where(Person.id.in_(chunk))).all())
        unit_ids = {uuid.UUID(hex=str(c.values["unit_id"])) for c in changes if c.values.get("unit_id")}
        unit_ids |= set(self._person_unit.values())
        unit_ids |= {v for (column, _), v in self._stored.items() if column == "unit_id" and v is not None}
        unit_ids -= self._unit_code.keys()
        for chunk in _chunks(list(unit_ids)):
            rows = self._session.execute(select(Unit.id, Unit.uscc).where(Unit.id.in_(chunk))).all()
            self._unit_code.update(rows)

    def _prefetch_stored(self, changes: list[WireChange]) -> None:
        wanted: dict[tuple[str, str], set[uuid.UUID]] = {}
        for change in changes:
            model = TRACKED_MODELS.get(change.entity)
            if model is None or change.entity == "unit":
                continue
            columns: Any = model.__table__.columns  # type: ignore[attr-defined]
            for column in ("unit_id", "person_id"):
                if column in columns and not change.values.get(column):
                    wanted.setdefault((change.entity, column), set()).add(uuid.UUID(hex=change.entity_id))
                    break  # scope_of reads person_id only when the row has no unit_id column
        for (entity, column), ids in wanted.items():
            model = TRACKED_MODELS[entity]
            for chunk in _chunks(list(ids)):
                query = select(model.id, getattr(model, column)).where(model.id.in_(chunk))  # type: ignore[attr-defined]
                found: dict[uuid.UUID, uuid.UUID | None] = {
                    row_id: value for row_id, value in self._session.execute(query)}
                for row_id in chunk:
                    self._stored[(column, row_id)] = found.get(row_id)

    def scope_of(self, change: WireChange) -> str:
        if change.entity == "unit":
            return str(change.values.get("uscc") or self._unit(uuid.UUID(hex=change.entity_id)))
        model = TRACKED_MODELS.get(change.entity)
        columns: Any = model.__table__.columns if model is not None else {}  # type: ignore[attr-defined]
        unit_id = self._value(change, "unit_id") if "unit_id" in columns else None
        if unit_id is None and "person_id" in columns:
            person_id = self._value(change, "person_id")
            unit_id = self._person(person_id) if person_id else None
        return self._unit(unit_id) if unit_id else ""

    def _value(self, change: WireChange, column: str) -> uuid.UUID | None:
        value = change.values.get(column)
        if value:
            return uuid.UUID(hex=str(value))
        entity_id = uuid.UUID(hex=change.entity_id)
        if (column, entity_id) in self._stored:
            return self._stored[(column, entity_id)]
        model = TRACKED_MODELS[change.entity]
        stored = self._session.scalar(select(getattr(model, column)).where(model.id == entity_id))
        return stored if isinstance(stored, uuid.UUID) else None

    def _person(self, person_id: uuid.UUID) -> uuid.UUID | None:
        if person_id not in self._person_unit:
            unit_id = self._session.scalar(select(Person.unit_id).where(Person.id == person_id))
            if unit_id is None:
                return None
            self._person_unit[person_id] = unit_id
        return self._person_unit[person_id]

    def _unit(self, unit_id: uuid.UUID) -> str:
        if unit_id not in self._unit_code:
            self._unit_code[unit_id] = self._session.scalar(select(Unit.uscc).where(Unit.id == unit_id)) or ""
        return self._unit_code[unit_id]


def _chunks(items: list[uuid.UUID], size: int = 500) -> list[list[uuid.UUID]]:
    return [items[i:i + size] for i in range(0, len(items), size)]
