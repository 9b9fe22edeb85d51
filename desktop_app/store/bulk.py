"""The bulk write path (demo data, import, sync apply): Core ``executemany`` instead of the ORM unit
of work (STYLE.md measured 7× faster), writing the same change log and audit entries as ``Writer``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desktop_app.store.audit_chain import AuditChain
from desktop_app.store.digest import digest, mapping_values
from desktop_app.store.models import ENTITY_OF, AuditEntry, Change, Tracked
from desktop_app.store.types import utcnow
from desktop_app.store.writer import Actor, Changes
from desktop_app.sync.hlc import HybridClock


class BulkWriter:
    def __init__(self, session: Session, actor: Actor, clock: HybridClock) -> None:
        self.session = session
        self.actor = actor
        self.clock = clock
        self.chain = AuditChain(session)
        self.now = utcnow()
        self.changes = Changes()
        self.counts: dict[str, int] = {}

    def insert_rows(self, model: type[Tracked], rows: Sequence[dict[str, Any]], action: str) -> None:
        """Insert complete rows (every column given, ``id`` included); one change and one audit entry each."""
        if not rows:
            return
        entity = ENTITY_OF[model]
        columns = set(model.__table__.columns.keys())  # type: ignore[attr-defined]
        change_rows: list[dict[str, Any]] = []
        audit_rows: list[dict[str, Any]] = []
        for row in rows:
            row.setdefault("version", 1)
            row.setdefault("created_at", self.now)
            row.setdefault("updated_at", self.now)
            if row.keys() != columns:
                missing, extra = columns - row.keys(), row.keys() - columns
                raise ValueError(f"{entity} row columns differ: missing {missing}, extra {extra}")
            values = mapping_values(row)
            change_rows.append({
                "change_id": uuid.uuid4(), "entity": entity, "entity_id": row["id"], "op": "insert",
                "base_version": 0, "new_version": 1, "values": values, "hlc": self.clock.tick(),
                "device_id": self.actor.device_id, "user_name": self.actor.user_name,
                "created_at": self.now, "sent_at": None})
            audit_rows.append(self.chain.next_entry(
                at=self.now, user_name=self.actor.user_name, device_id=self.actor.device_id, action=action,
                object_type=entity, object_id=row["id"].hex, after_digest=digest(values)))
        self.session.execute(insert(model), list(rows))
        self.session.execute(insert(Change), change_rows)
        self.session.execute(insert(AuditEntry), audit_rows)
        self.counts[entity] = self.counts.get(entity, 0) + len(rows)

    def audit(self, action: str, detail: dict[str, Any] | None = None) -> None:
        self.session.execute(insert(AuditEntry), [self.chain.next_entry(
            at=self.now, user_name=self.actor.user_name, device_id=self.actor.device_id, action=action,
            detail=detail)])

    def finish(self) -> None:
        self.chain.record_head()
