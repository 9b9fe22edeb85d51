"""Per-field HLC stamps of a row: what a local edit replaced (its base) and what a merge compares."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.store.models import Change
from desktop_app.store.models.sync import EntityClock

ALL_FIELDS = "*"


def current_clocks(session: Session, entity: str, entity_id: uuid.UUID) -> dict[str, Any]:
    """``{"*": insert stamp, field: stamp, "~field": [stamps later writes were based on]}``."""
    row = session.get(EntityClock, (entity, entity_id))
    if row is not None:
        return dict(row.clocks)
    inserted = session.scalar(select(Change.hlc).where(Change.entity == entity, Change.entity_id == entity_id,
                                                       Change.op == "insert"))
    return {ALL_FIELDS: inserted or ""}


def clock_of(clocks: dict[str, Any], field: str) -> str:
    return str(clocks.get(field, clocks.get(ALL_FIELDS, "")))


def stamp(session: Session, entity: str, entity_id: uuid.UUID, clocks: dict[str, Any],
          fields: Iterable[str], hlc: str) -> None:
    """A local write of ``fields``: they now carry ``hlc``, and the stamps they replaced were seen."""
    updated = dict(clocks)
    for field in fields:
        seen = set(updated.get("~" + field, []))
        seen.add(clock_of(clocks, field))
        updated["~" + field] = sorted(seen)
        updated[field] = hlc
    row = session.get(EntityClock, (entity, entity_id))
    if row is None:
        session.add(EntityClock(entity=entity, entity_id=entity_id, clocks=updated))
    else:
        row.clocks = updated
