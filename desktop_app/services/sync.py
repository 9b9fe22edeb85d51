"""Sync as the GUI and the CLI use it: status, sync with a central store, bundles, conflicts."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.permissions import Permission
from desktop_app.errors import NotFoundError, StateError, ValidationError
from desktop_app.services.context import ServiceContext, requires, signed_in_only
from desktop_app.services.scope import scoped, units_of, unscoped
from desktop_app.store.models import TRACKED_MODELS, Change, IntegrityRecord, Meta, Person
from desktop_app.store.models.sync import Conflict, QuarantinedChange
from desktop_app.sync import bundles
from desktop_app.sync.central import CentralStore
from desktop_app.sync.device import public_keys
from desktop_app.sync.engine import LAST_SYNC_KEY, SyncReport, run_sync
from desktop_app.sync.keys import PublicKeys
from desktop_app.sync.merge import NOT_SYNCED
from desktop_app.sync.wire import column_value


@dataclass(frozen=True, slots=True)
class SyncStatus:
    device_id: str
    pending: int
    last_sync_at: datetime | None
    open_conflicts: int
    quarantined: int


@dataclass(frozen=True, slots=True)
class ConflictRow:
    id: uuid.UUID
    kind: str                 # concurrent_edit / edit_after_revoke
    entity: str
    entity_id: uuid.UUID
    subject: str              # whose file, in words: "张三 (…1234)"
    field: str
    kept_value: Any
    lost_value: Any
    kept_hlc: str
    lost_hlc: str
    lost_user: str
    lost_device: str
    detected_at: datetime
    resolved: bool
    resolution: str


@dataclass(frozen=True, slots=True)
class QuarantineRow:
    change_id: uuid.UUID
    device_id: str
    reason: str
    received_at: datetime


class SyncService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @signed_in_only
    @unscoped("counts of this archive's sync state, no personal data")
    def status(self) -> SyncStatus:
        with self.ctx.read() as s:
            pending = s.scalar(select(func.count()).select_from(Change).where(
                Change.sent_at.is_(None), Change.acked_at.is_(None), Change.entity.not_in(NOT_SYNCED))) or 0
            last = s.get(Meta, LAST_SYNC_KEY)
            conflicts = s.scalar(select(func.count()).select_from(Conflict).where(Conflict.resolved.is_(False))) or 0
            quarantined = s.scalar(select(func.count()).select_from(QuarantinedChange)) or 0
        return SyncStatus(self.ctx.archive.device_id, int(pending),
                          datetime.fromisoformat(last.value) if last else None, int(conflicts), int(quarantined))

    @requires(Permission.SYNC_RUN)
    @unscoped("the device's public keys")
    def device_keys(self) -> PublicKeys:
        with self.ctx.archive.session(write=True) as s:  # creates the box key on first use
            return public_keys(s, self.ctx.archive.device_id, self.ctx.archive.office_name)

    @requires(Permission.SYNC_RUN)
    @unscoped("sync is archive-level: remote changes apply to every unit")
    def sync(self, central_url: str, *, progress: Callable[[str, int, int], None] | None = None,
             cancel: Callable[[], bool] | None = None) -> SyncReport:
        central = CentralStore(central_url)
        try:
            return run_sync(self.ctx.archive, self.ctx.user.name, central, progress=progress, cancel=cancel)
        finally:
            central.close()

    @requires(Permission.SYNC_RUN)
    @unscoped("sync is archive-level")
    def export_bundle(self, hq_key_file: Path, out: Path) -> bundles.BundleResult:
        hq = PublicKeys.read(hq_key_file, kind="headquarters")
        return bundles.export_office_bundle(self.ctx.archive, self.ctx.user.name, hq, out)

    @requires(Permission.SYNC_RUN)
    @unscoped("sync is archive-level")
    def import_bundle(self, path: Path, *, dry_run: bool = False) -> bundles.BundleResult:
        return bundles.import_return_bundle(self.ctx.archive, self.ctx.user.name, Path(path), dry_run=dry_run)

    @requires(Permission.RECORD_READ)
    @scoped(rows=True)
    def conflicts(self, *, include_resolved: bool = False) -> list[ConflictRow]:
        """Conflicts, newest first; of rows of the user's units (and rows of no unit)."""
        with self.ctx.read() as s:
            query = select(Conflict).order_by(Conflict.detected_at.desc(), Conflict.id)
            if not include_resolved:
                query = query.where(Conflict.resolved.is_(False))
            found = list(s.scalars(query))
            scope = self.ctx.scope(s)
            hidden: set[uuid.UUID] = set()
            for entity in {c.entity for c in found} if not scope.whole else ():
                ids = [c.entity_id for c in found if c.entity == entity]
                hidden |= {i for _, i, unit in units_of(s, entity, ids) if i is not None and not scope.covers(unit)}
            return [_conflict_row(s, c) for c in found if c.entity_id not in hidden]

    @requires(Permission.RECORD_WRITE)
    @scoped(written=True)  # the row it concerns must be in scope (checked below and by ServiceContext.write)
    def resolve_conflict(self, conflict_id: uuid.UUID, choice: str) -> None:
        """``kept``: the merged value stays. ``lost``: the losing value is restored (a normal,
        audited edit that syncs). An edit made against a revoke can only be acknowledged."""
        if choice not in ("kept", "lost"):
            raise ValidationError("choice must be 'kept' or 'lost'", field="choice")
        with self.ctx.write() as w:
            conflict = w.session.get(Conflict, conflict_id)
            if conflict is None:
                raise NotFoundError("no such conflict", field="conflict")
            if conflict.resolved:
                raise StateError("this conflict is already resolved", field="conflict")
            self.ctx.scope(w.session).check_units(units_of(w.session, conflict.entity, [conflict.entity_id]))
            if choice == "lost":
                if conflict.kind != "concurrent_edit":
                    raise StateError("a revoked record stays revoked; acknowledge the edit instead", field="choice")
                model = TRACKED_MODELS[conflict.entity]
                row = w.session.get(model, conflict.entity_id)
                if row is None:
                    raise NotFoundError(f"{conflict.entity} is no longer in the archive", field="conflict")
                from sqlalchemy import inspect

                value = column_value(inspect(model), conflict.field, json.loads(conflict.lost_value))
                w.update(row, {conflict.field: value}, f"{conflict.entity}.update", reason="同步冲突处理")
            conflict.resolved, conflict.resolved_by, conflict.resolution = True, self.ctx.user.name, choice
            w.log_resolution(conflict.id, choice)

    @requires(Permission.SYNC_RUN)
    @unscoped("changes refused from other devices, not rows of units")
    def quarantine(self) -> list[QuarantineRow]:
        with self.ctx.read() as s:
            return [QuarantineRow(q.change_id, q.device_id, q.reason, q.received_at)
                    for q in s.scalars(select(QuarantinedChange).order_by(QuarantinedChange.received_at.desc()))]


def _conflict_row(session: Session, c: Conflict) -> ConflictRow:
    return ConflictRow(c.id, c.kind, c.entity, c.entity_id, _subject(session, c.entity, c.entity_id), c.field,
                       json.loads(c.kept_value), json.loads(c.lost_value), c.kept_hlc, c.lost_hlc, c.lost_user,
                       c.lost_device, c.detected_at, c.resolved, c.resolution)


def _subject(session: Session, entity: str, entity_id: uuid.UUID) -> str:
    person: Person | None = None
    if entity == "person":
        person = session.get(Person, entity_id)
    elif entity == "record":
        record = session.get(IntegrityRecord, entity_id)
        person = session.get(Person, record.person_id) if record else None
        if record is not None and person is not None:
            return f"{person.name}（…{person.id_number[-4:]}）{record.document_no}"
    if person is not None:
        return f"{person.name}（…{person.id_number[-4:]}）"
    return f"{entity} {entity_id.hex[:8]}"
