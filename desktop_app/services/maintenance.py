"""Archive upkeep: verify, backup, rekey, and reading the audit trail."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import exc as sa_exc
from sqlalchemy import select

from desktop_app.domain.permissions import Permission
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.rows import AuditRow
from desktop_app.services.scope import unscoped, whole_archive
from desktop_app.store import keyslots
from desktop_app.store.audit_chain import verify_chain, verify_state
from desktop_app.store.engine import connect_raw, describe_db_error
from desktop_app.store.models import AuditEntry, Meta, User


@dataclass(frozen=True, slots=True)
class VerifyReport:
    cipher_ok: bool
    database_ok: bool
    chain_problem: str | None
    state_problems: tuple[str, ...] = field(default=())
    details: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.cipher_ok and self.database_ok and self.chain_problem is None and not self.state_problems

    def lines(self) -> list[str]:
        out = [f"cipher integrity: {'ok' if self.cipher_ok else 'FAILED'}",
               f"database integrity: {'ok' if self.database_ok else 'FAILED'}",
               f"audit chain: {'ok' if self.chain_problem is None else 'BROKEN at ' + self.chain_problem}",
               f"current state bound to audit: {'ok' if not self.state_problems else 'MISMATCH'}"]
        out += [f"  {d}" for d in (*self.details, *self.state_problems[:20])]
        return out


class MaintenanceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.ARCHIVE_VERIFY)
    @unscoped("the integrity of the whole archive file")
    def verify(self) -> VerifyReport:
        archive = self.ctx.archive
        conn = connect_raw(archive.path, archive.raw_key())
        try:
            cipher = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
            try:
                database = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            except sqlcipher.DatabaseError as exc:
                database = [f"integrity_check could not run: {exc}"]
        finally:
            conn.close()
        chain_problem: str | None
        try:
            with self.ctx.read() as s:
                chain = verify_chain(s)
                chain_problem = str(chain) if chain else None
                state = verify_state(s) if chain is None else []
        except sa_exc.DatabaseError as exc:
            chain_problem, state = f"unreadable ({describe_db_error(exc)})", []
        report = VerifyReport(cipher_ok=not cipher, database_ok=database == ["ok"],
                              chain_problem=chain_problem, state_problems=tuple(state),
                              details=tuple(cipher[:10]) + tuple(d for d in database if d != "ok")[:10])
        if report.database_ok:
            with self.ctx.write() as w:
                w.audit("archive.verify", success=report.ok)
        return report

    @requires(Permission.ARCHIVE_BACKUP)
    @whole_archive("take a backup, a copy of every unit's files")
    def backup(self, dest: Path) -> Path:
        path = self.ctx.archive.backup_to(Path(dest))
        with self.ctx.write() as w:
            w.audit("archive.backup", detail={"file": Path(dest).name})
        return path

    @requires(Permission.ARCHIVE_REKEY)
    @whole_archive("rotate the data key of the whole archive file")
    def rekey(self) -> None:
        """Rotate the data key; every active user's and the recovery slot get the new key."""
        with self.ctx.read() as s:
            trusted = {u.slot_id: u.slot_public_key for u in s.scalars(select(User).where(User.active.is_(True)))}
            recovery = s.get(Meta, "recovery_public_key")
            if recovery is not None:
                trusted[keyslots.RECOVERY_SLOT_ID] = base64.b64decode(recovery.value)
        self.ctx.archive.rekey(trusted)
        with self.ctx.write() as w:
            w.audit("archive.rekey")

    @requires(Permission.AUDIT_READ)
    @unscoped("the auditor reads the whole audit trail (separation of duties)")
    def audit_entries(self, *, limit: int = 100, before_seq: int | None = None,
                      object_id: str | None = None) -> list[AuditRow]:
        with self.ctx.read() as s:
            query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(max(1, min(limit, 1000)))
            if before_seq is not None:
                query = query.where(AuditEntry.seq < before_seq)
            if object_id is not None:
                query = query.where(AuditEntry.object_id == object_id)
            return [AuditRow(e.seq, e.at, e.user_name, e.action, e.object_type, e.object_id, e.success,
                             dict(e.detail)) for e in s.scalars(query)]
