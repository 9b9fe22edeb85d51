"""The single write path: one user action = one transaction holding the rows it changes, their
change-log entries, their revisions and their audit entries (DESIGN.md §3, §5, §7).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.store.audit_chain import AuditChain
from desktop_app.store.digest import JsonValue, digest, plain, row_values
from desktop_app.store.models import ENTITY_OF, Change, Revision, Tracked
from desktop_app.store.types import utcnow
from desktop_app.sync.clocks import current_clocks, stamp
from desktop_app.sync.hlc import HybridClock


@dataclass(frozen=True, slots=True)
class Actor:
    user_name: str
    device_id: str


@dataclass(slots=True)
class Changes:
    """What one action changed, by entity name; the UI broadcasts it once."""

    entities: dict[str, set[uuid.UUID]] = field(default_factory=dict)

    def add(self, entity: str, entity_id: uuid.UUID) -> None:
        self.entities.setdefault(entity, set()).add(entity_id)

    def __bool__(self) -> bool:
        return bool(self.entities)


class Writer:
    def __init__(self, session: Session, actor: Actor, clock: HybridClock) -> None:
        self.session = session
        self.actor = actor
        self.clock = clock
        self.chain = AuditChain(session)
        self.changes = Changes()
        self.now = utcnow()

    def insert(self, obj: Tracked, action: str, detail: dict[str, Any] | None = None) -> None:
        obj.id = obj.id or uuid.uuid4()
        obj.version = 1
        obj.created_at = obj.updated_at = self.now
        self.session.add(obj)
        self.session.flush()
        values = row_values(obj)
        entity = ENTITY_OF[type(obj)]
        self._log_change(entity, obj.id, "insert", 0, 1, values, self.clock.tick(), {})
        self.audit(action, entity, obj.id, after=digest(values), detail=detail)

    def update(self, obj: Tracked, new_values: dict[str, Any], action: str, *, reason: str = "",
               detail: dict[str, Any] | None = None) -> dict[str, JsonValue]:
        """Apply the fields that really differ; returns them (empty: nothing was written)."""
        before = row_values(obj)
        changed = {k: v for k, v in new_values.items() if plain(getattr(obj, k)) != plain(v)}
        if not changed:
            return {}
        entity = ENTITY_OF[type(obj)]
        self.session.add(Revision(entity=entity, entity_id=obj.id, version=obj.version, values=before,
                                  reason=reason, changed_by=self.actor.user_name, changed_at=self.now))
        for key, value in changed.items():
            setattr(obj, key, value)
        obj.version += 1
        obj.updated_at = self.now
        self.session.flush()
        after = row_values(obj)
        delta = {k: after[k] for k in (*changed, "updated_at")}
        hlc = self.clock.tick()
        clocks = current_clocks(self.session, entity, obj.id)
        self._log_change(entity, obj.id, "update", obj.version - 1, obj.version, delta, hlc,
                         {k: v for k, v in clocks.items() if isinstance(v, str)})
        stamp(self.session, entity, obj.id, clocks, delta, hlc)
        self.audit(action, entity, obj.id, before=digest(before), after=digest(after),
                   detail={**(detail or {}), "fields": sorted(changed), **({"reason": reason} if reason else {})})
        return {k: after[k] for k in changed}

    def audit(self, action: str, object_type: str = "", object_id: uuid.UUID | None = None, *,
              before: str = "", after: str = "", success: bool = True,
              detail: dict[str, Any] | None = None) -> None:
        self.chain.append(at=self.now, user_name=self.actor.user_name, device_id=self.actor.device_id,
                          action=action, object_type=object_type,
                          object_id=object_id.hex if object_id else "", success=success,
                          before_digest=before, after_digest=after, detail=detail)

    def log_resolution(self, conflict_id: uuid.UUID, choice: str) -> None:
        """A person resolved a sync conflict: other replicas close it too when this change arrives.
        Only the choice travels; a chosen value travels as the ordinary update it is."""
        self._log_change("conflict", conflict_id, "resolve", 0, 0, {"choice": choice}, self.clock.tick(), {})
        self.audit("conflict.resolve", "conflict", conflict_id, detail={"choice": choice})

    def finish(self) -> None:
        self.chain.record_head()

    def _log_change(self, entity: str, entity_id: uuid.UUID, op: str, base: int, new: int,
                    values: dict[str, JsonValue], hlc: str, base_clocks: dict[str, str]) -> None:
        self.session.add(Change(change_id=uuid.uuid4(), entity=entity, entity_id=entity_id, op=op,
                                base_version=base, new_version=new, values=values, base_clocks=base_clocks,
                                hlc=hlc, device_id=self.actor.device_id,
                                user_name=self.actor.user_name, created_at=self.now))
        self.changes.add(entity, entity_id)
