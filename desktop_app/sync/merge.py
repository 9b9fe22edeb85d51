"""Applying remote changes to the local archive (DESIGN.md §5).

Per field, the value with the greater merge key wins on every replica: the HLC stamp, except for a
record's ``state`` where terminal states (已撤销 > 已修复 > 公示期满) outrank live ones, so a
concurrent edit never resurrects a revoked record. A value that loses to a write that did not see
it becomes a ``Conflict`` for a person to resolve. Each field remembers the stamps later writes
were based on ("seen"); a loss whose stamp was seen is not a conflict, and an open conflict whose
lost stamp becomes seen is closed as superseded. With that, every replica ends with the same state
and the same open conflicts whatever order changes arrive in.

Every applied change writes an audit entry with the row's new digest (so ``verify`` holds), a
revision with the previous values, and its id in ``applied_changes`` (never applied twice).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from desktop_app.domain.enums import RecordState
from desktop_app.store.audit_chain import AuditChain
from desktop_app.store.bulk import raw_insert
from desktop_app.store.digest import digest, mapping_values
from desktop_app.store.models import TRACKED_MODELS, AuditEntry, Base, Change, Meta, Revision
from desktop_app.store.models.sync import AppliedChange, Conflict, EntityClock, QuarantinedChange
from desktop_app.store.types import canonical_json, utcnow
from desktop_app.sync.clocks import ALL_FIELDS, clock_of, current_clocks
from desktop_app.sync.hlc import HybridClock
from desktop_app.sync.row_codec import codec, insert_stored
from desktop_app.sync.wire import WireChange, column_value, signature_ok

NOT_SYNCED = frozenset({"user", "user_scope"})  # users, their key slots and unit scopes belong to one archive
BOOKKEEPING = frozenset({"updated_at", "created_at"})  # merged like any field, never a conflict
_REVOKE_FIELDS = frozenset({"id", "version", "state", "state_reason", "under_objection"})
CONFLICT_NS = uuid.UUID("0b9f3c2e-7d41-5e0a-8c66-440000201711")
_STATE_RANK = {RecordState.DRAFT.value: 0, RecordState.ACTIVE.value: 1, RecordState.EXPIRED.value: 2,
               RecordState.REPAIRED.value: 3, RecordState.REVOKED.value: 4}


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    sign_public: bytes
    revoked: bool


@dataclass(frozen=True, slots=True)
class Incoming:
    device_id: str
    payload: str
    signature: bytes


@dataclass(slots=True)
class ApplyStats:
    applied: int = 0
    duplicates: int = 0
    quarantined: int = 0
    conflicts: int = 0
    entities: dict[str, set[uuid.UUID]] = field(default_factory=dict)


def merge_key(entity: str, field_name: str, value: Any, hlc: str) -> tuple[int, str]:
    if entity == "record" and field_name == "state":
        return _STATE_RANK.get(str(value), 0), hlc
    return 0, hlc


def conflict_id(entity_id: uuid.UUID, field_name: str, lost_hlc: str) -> uuid.UUID:
    return uuid.uuid5(CONFLICT_NS, f"{entity_id.hex}/{field_name}/{lost_hlc}")


class Applier:
    """Applies a batch of remote changes inside the caller's transaction."""

    def __init__(self, session: Session, user_name: str, device_id: str, clock: HybridClock,
                 registry: dict[str, DeviceInfo]) -> None:
        self.session = session
        self.user_name = user_name
        self.device_id = device_id
        self.clock = clock
        self.registry = registry
        self.chain = AuditChain(session)
        self.now = utcnow()
        self.stats = ApplyStats()
        self._pending: dict[Any, list[dict[str, Any]]] = {}       # Python values, through store.bulk
        self._stored: dict[Any, list[tuple[Any, ...]]] = {}        # synchronised rows, already in stored form
        self._known_changes: set[str] = set()                 # hex ids, filled per batch by _prefetch
        self._existing: dict[str, set[str]] = {}

    def apply_all(self, batch: Iterable[Incoming]) -> ApplyStats:
        """Apply a batch: existence checks run as one query per table, and rows that are new here go
        in through ``executemany`` (the common case of a first pull); merges go one by one."""
        items = [(incoming, _parse(incoming.payload)) for incoming in batch]  # each payload parsed once
        self._prefetch([change for _incoming, change in items if change is not None])
        with self.session.no_autoflush:
            for incoming, change in items:
                self._apply(incoming, change)
        self._flush_inserts()
        self.chain.record_head()
        # Remembered so a restarted app never stamps a change older than one it has already seen.
        self.session.merge(Meta(key="hlc_seen", value=self.clock.last()))
        return self.stats

    def _prefetch(self, changes: list[WireChange]) -> None:
        """Which changes are already here and which rows exist, as sets of hex ids: plain SQL on the
        driver (SQLAlchemy's per-id UUID processing cost more than the queries)."""
        ids: list[str] = []
        by_entity: dict[str, list[str]] = {}
        for change in changes:
            try:  # normalised as stored, so an id sent in another spelling still matches
                ids.append(uuid.UUID(hex=change.change_id).hex)
                by_entity.setdefault(change.entity, []).append(uuid.UUID(hex=change.entity_id).hex)
            except ValueError:
                continue
        self.session.flush()
        self._known_changes = self._present(AppliedChange.__tablename__, "change_id", ids)
        self._known_changes |= self._present(Change.__tablename__, "change_id", ids)
        self._existing = {}
        for entity, entity_ids in by_entity.items():
            model = TRACKED_MODELS.get(entity)
            if model is not None:
                self._existing[entity] = self._present(model.__table__.name, "id", entity_ids)  # type: ignore[attr-defined]

    def _present(self, table: str, column: str, keys: list[str]) -> set[str]:
        found: set[str] = set()
        conn = self.session.connection()
        for chunk in _chunks(keys):
            sql = f'SELECT "{column}" FROM "{table}" WHERE "{column}" IN ({", ".join("?" * len(chunk))})'
            found.update(row[0] for row in conn.exec_driver_sql(sql, tuple(chunk)))
        return found

    def _apply(self, incoming: Incoming, change: WireChange | None) -> None:
        if change is None:
            self._quarantine(incoming, None, "malformed change")
            return
        try:
            change_uuid = uuid.UUID(hex=change.change_id)
        except ValueError:
            self._quarantine(incoming, None, "malformed change")
            return
        if self._already_here(change_uuid):
            self.stats.duplicates += 1
            return
        reason = self._refusal(incoming, change)
        if reason:
            self._quarantine(incoming, change, reason)
            return
        self.clock.observe(change.hlc)
        if change.op == "resolve" and change.entity == "conflict":
            self._flush_inserts()
            self._resolve(change)
        else:
            model = TRACKED_MODELS[change.entity]
            entity_id = uuid.UUID(hex=change.entity_id)
            existing = self._existing.setdefault(change.entity, set())
            if entity_id.hex not in existing and change.op == "insert":
                self._insert(model, entity_id, change)
                existing.add(entity_id.hex)
            elif entity_id.hex not in existing:
                self._quarantine(incoming, change, f"{change.entity} {change.entity_id} is not in this archive")
                return
            else:
                self._flush_inserts()
                self.session.flush()  # a merge reads clocks and conflicts written earlier in the batch
                row = self.session.get(model, entity_id)
                self._merge(model, row, entity_id, change)
            self.stats.entities.setdefault(change.entity, set()).add(entity_id)
        self._known_changes.add(change_uuid.hex)
        self._pending.setdefault(AppliedChange.__table__, []).append(  # type: ignore[arg-type]
            {"change_id": change_uuid, "device_id": change.device_id, "hlc": change.hlc, "applied_at": self.now})
        self.stats.applied += 1

    # -- checks ---------------------------------------------------------------------------

    def _already_here(self, change_id: uuid.UUID) -> bool:
        return change_id.hex in self._known_changes

    def _refusal(self, incoming: Incoming, change: WireChange) -> str:
        info = self.registry.get(change.device_id)
        if change.device_id != incoming.device_id:
            return "device id in the change differs from its sender"
        if info is None:
            return f"unknown device {change.device_id}"
        if info.revoked:
            return f"device {change.device_id} is revoked"
        if not signature_ok(info.sign_public, incoming.payload, incoming.signature):
            return "bad signature"
        if change.entity in NOT_SYNCED or (change.entity not in TRACKED_MODELS and change.entity != "conflict"):
            return f"entity {change.entity!r} is not synchronised"
        return ""

    def _quarantine(self, incoming: Incoming, change: WireChange | None, reason: str) -> None:
        change_id = uuid.UUID(hex=change.change_id) if change else uuid.uuid5(CONFLICT_NS, incoming.payload)
        if self.session.get(QuarantinedChange, change_id) is None:
            self.session.add(QuarantinedChange(change_id=change_id, device_id=incoming.device_id, reason=reason,
                                               payload={"payload": incoming.payload}, received_at=self.now))
            self._audit("sync.quarantine", "", None, "", success=False, detail={"reason": reason})
        self.stats.quarantined += 1

    # -- writes ---------------------------------------------------------------------------

    def _insert(self, model: type[Any], entity_id: uuid.UUID, change: WireChange) -> None:
        """Queued for ``executemany``; flushed before anything that reads rows (a merge, the end)."""
        table = model.__table__
        values, stored = codec(table).from_wire(change.values, entity_id)
        self._stored.setdefault(table, []).append(stored)
        self._pending.setdefault(EntityClock.__table__, []).append(  # type: ignore[arg-type]
            {"entity": change.entity, "entity_id": entity_id, "clocks": {ALL_FIELDS: change.hlc}})
        self._pending.setdefault(AuditEntry.__table__, []).append(self.chain.next_entry(  # type: ignore[arg-type]
            at=self.now, user_name=self.user_name, device_id=self.device_id, action="sync.insert",
            object_type=change.entity, object_id=entity_id.hex, after_digest=digest(values),
            detail={"from": change.device_id, "user": change.user_name}))

    def _flush_inserts(self) -> None:
        """Tables in dependency order (parents first) so foreign keys hold at every statement."""
        if not self._pending and not self._stored:
            return
        self.session.flush()
        order = [t for t in Base.metadata.sorted_tables if t in self._pending or t in self._stored]
        for table in order:
            if table in self._stored:
                insert_stored(self.session, codec(table), self._stored.pop(table))
            if table in self._pending:
                raw_insert(self.session, table, self._pending.pop(table))

    def _merge(self, model: type[Any], row: Any, entity_id: uuid.UUID, change: WireChange) -> None:
        mapper = inspect(model)
        table = model.__table__
        current = dict(self.session.execute(select(table).where(table.c.id == entity_id)).mappings().one())
        before = mapping_values(current)
        clocks = current_clocks(self.session, change.entity, entity_id)
        new_values: dict[str, Any] = {}
        for name, remote_plain in change.values.items():
            if name in ("id", "version") or name not in mapper.columns:
                continue
            seen = set(clocks.get("~" + name, []))
            base = clock_of(change.base_clocks, name) if change.base_clocks else ""
            if base:
                seen.add(base)
                self._close_superseded(change.entity, entity_id, name, base)
            local_hlc = clock_of(clocks, name)
            local_plain = before.get(name)
            remote_wins = (merge_key(change.entity, name, remote_plain, change.hlc)
                           > merge_key(change.entity, name, local_plain, local_hlc))
            if remote_plain != local_plain and name not in BOOKKEEPING:
                if remote_wins and local_hlc and local_hlc not in seen:
                    self._conflict(change, entity_id, name, kept=(remote_plain, change.hlc),
                                   lost=(local_plain, local_hlc, "", ""))
                elif not remote_wins and change.hlc not in seen:
                    self._conflict(change, entity_id, name, kept=(local_plain, local_hlc),
                                   lost=(remote_plain, change.hlc, change.device_id, change.user_name))
            if remote_wins:
                clocks[name] = change.hlc
                if remote_plain != local_plain:
                    new_values[name] = column_value(mapper, name, remote_plain)
            clocks["~" + name] = sorted(seen)
        self._flag_edit_after_revoke(change, entity_id, current, clocks)
        self._save_clocks(change.entity, entity_id, clocks)
        if not new_values:  # lost the merge (or changed nothing): still one audit entry per change
            self._audit("sync.merged", change.entity, entity_id, digest(before), before=digest(before),
                        detail={"from": change.device_id, "user": change.user_name, "fields": []})
            return
        self.session.add(Revision(entity=change.entity, entity_id=entity_id, version=current["version"],
                                  values=before, reason="sync", changed_by=change.user_name, changed_at=self.now))
        new_values["version"] = current["version"] + 1
        self.session.execute(update(table).where(table.c.id == entity_id).values(**new_values))
        self.session.expire(row)
        after = mapping_values({**current, **new_values})
        self._audit("sync.update", change.entity, entity_id, digest(after), before=digest(before),
                    detail={"from": change.device_id, "user": change.user_name, "fields": sorted(new_values)})

    def _flag_edit_after_revoke(self, change: WireChange, entity_id: uuid.UUID, current: dict[str, Any],
                                clocks: dict[str, Any]) -> None:
        """An edit and a revoke that did not see each other: both facts are kept (the record stays
        revoked, the edited values stay), and a person is told. Flagged from either side, with the
        same conflict id, whichever arrives second."""
        if change.entity != "record":
            return
        revoked = RecordState.REVOKED.value
        if change.values.get("state") == revoked:  # a revoke arriving over edits it did not see
            unseen: dict[str, dict[str, Any]] = {}
            for name, value in current.items():
                stamp = clock_of(clocks, name)
                if name in _REVOKE_FIELDS or name in BOOKKEEPING or stamp == clock_of(clocks, "*"):
                    continue
                if clock_of(change.base_clocks, name) < stamp and stamp != change.hlc:
                    unseen.setdefault(stamp, {})[name] = mapping_values({name: value})[name]
            for stamp, values in unseen.items():
                self._edit_after_revoke(change, entity_id, stamp, values, change.hlc, "", "")
        elif "state" not in change.values and current.get("state") == revoked:  # an edit arriving over a revoke
            revoke_hlc = clock_of(clocks, "state")
            if clock_of(change.base_clocks, "state") < revoke_hlc:
                edited = {k: v for k, v in change.values.items() if k not in BOOKKEEPING}
                self._edit_after_revoke(change, entity_id, change.hlc, edited, revoke_hlc, change.device_id,
                                        change.user_name)

    def _edit_after_revoke(self, change: WireChange, entity_id: uuid.UUID, edit_hlc: str,
                           edited: dict[str, Any], revoke_hlc: str, device: str, user: str) -> None:
        self._add_conflict(Conflict(
            id=conflict_id(entity_id, "*edit_after_revoke", edit_hlc), kind="edit_after_revoke",
            entity=change.entity, entity_id=entity_id, field=",".join(sorted(edited))[:48],
            kept_value=canonical_json(RecordState.REVOKED.value), kept_hlc=revoke_hlc,
            lost_value=canonical_json(edited), lost_hlc=edit_hlc, lost_change_id=uuid.uuid5(CONFLICT_NS, edit_hlc),
            lost_device=device or edit_hlc.split(".", 2)[-1], lost_user=user, detected_at=self.now,
            resolved=False, resolved_by="", resolution=""))

    def _conflict(self, change: WireChange, entity_id: uuid.UUID, name: str, *, kept: tuple[Any, str],
                  lost: tuple[Any, str, str, str]) -> None:
        lost_value, lost_hlc, lost_device, lost_user = lost
        self._add_conflict(Conflict(
            id=conflict_id(entity_id, name, lost_hlc), kind="concurrent_edit", entity=change.entity,
            entity_id=entity_id, field=name, kept_value=canonical_json(kept[0]), kept_hlc=kept[1],
            lost_value=canonical_json(lost_value), lost_hlc=lost_hlc,
            lost_change_id=uuid.uuid5(CONFLICT_NS, lost_hlc), lost_device=lost_device or lost_hlc.split(".", 2)[-1],
            lost_user=lost_user, detected_at=self.now, resolved=False, resolved_by="", resolution=""))

    def _add_conflict(self, conflict: Conflict) -> None:
        if self.session.get(Conflict, conflict.id) is None:
            self.session.add(conflict)
            self.stats.conflicts += 1

    def _close_superseded(self, entity: str, entity_id: uuid.UUID, name: str, seen_hlc: str) -> None:
        existing = self.session.get(Conflict, conflict_id(entity_id, name, seen_hlc))
        if existing is not None and not existing.resolved:
            existing.resolved, existing.resolved_by, existing.resolution = True, "sync", "superseded"

    def _save_clocks(self, entity: str, entity_id: uuid.UUID, clocks: dict[str, Any]) -> None:
        row = self.session.get(EntityClock, (entity, entity_id))
        if row is None:
            self.session.add(EntityClock(entity=entity, entity_id=entity_id, clocks=clocks))
        else:
            row.clocks = dict(clocks)

    def _resolve(self, change: WireChange) -> None:
        conflict = self.session.get(Conflict, uuid.UUID(hex=change.entity_id))
        if conflict is not None and not conflict.resolved:
            conflict.resolved, conflict.resolved_by = True, change.user_name
            conflict.resolution = canonical_json(change.values)
        self._audit("sync.resolve", "conflict", uuid.UUID(hex=change.entity_id), "",
                    detail={"from": change.device_id, "user": change.user_name, **change.values})

    def _audit(self, action: str, entity: str, entity_id: uuid.UUID | None, after: str, *, before: str = "",
               success: bool = True, detail: dict[str, Any] | None = None) -> None:
        # Through the same queue as inserts, so audit entries keep their chain order.
        self._pending.setdefault(AuditEntry.__table__, []).append(self.chain.next_entry(  # type: ignore[arg-type]
            at=self.now, user_name=self.user_name, device_id=self.device_id, action=action, object_type=entity,
            object_id=entity_id.hex if entity_id else "", success=success, before_digest=before,
            after_digest=after, detail=detail))


def _parse(payload: str) -> WireChange | None:
    try:
        return WireChange.from_payload(payload)
    except (ValueError, KeyError, TypeError):
        return None


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
