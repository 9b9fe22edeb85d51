"""One sync with the central store: check history, push the outbox, pull what is new, in batches.

* Push is idempotent: a batch is stored in one central transaction, and the local outbox marks it
  sent only after that commit; a batch resent after a crash is skipped as duplicates.
* Pull applies a batch and moves the cursor in one local transaction, so a kill at any moment
  resumes where it stopped with nothing applied twice.
* The audit chain head travels with every sync; an archive whose history went backwards (rolled
  back to an older copy) or was rewritten is refused and headquarters is alarmed.
* Memory stays bounded: at most one batch of changes is held at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from time import perf_counter

from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError

from desktop_app.errors import ArchiveError, IntegrityFilesError
from desktop_app.store.archive import Archive
from desktop_app.store.engine import describe_db_error
from desktop_app.store.models import AuditEntry, Change, Meta
from desktop_app.store.types import utcnow
from desktop_app.sync import outbox
from desktop_app.sync.central import CentralStore, ChainHead, Cursor
from desktop_app.sync.device import signing_key
from desktop_app.sync.merge import NOT_SYNCED, Applier
from desktop_app.sync.scope import ScopeResolver
from desktop_app.sync.wire import sign_batch

Progress = Callable[[str, int, int], None]
LAST_SYNC_KEY = "last_sync_at"
MAX_CHANGED_IDS = 10_000
PUSH_BATCH = 1000
PULL_BATCH = 4000


class SyncError(IntegrityFilesError):
    code = "sync"


class SyncCancelled(Exception):
    """The user cancelled; everything committed so far stays, the next sync resumes."""


@dataclass(slots=True)
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    refused_by_central: int = 0
    pulled: int = 0
    applied: int = 0
    conflicts: int = 0
    quarantined: int = 0
    seconds: float = 0.0
    changed: dict[str, set[object]] = field(default_factory=dict)


def cursor_key(hq_fingerprint: str) -> str:
    return f"sync_cursor:{hq_fingerprint}"


def read_cursor(archive: Archive, key: str) -> Cursor:
    with archive.session() as s:
        row = s.get(Meta, key)
    if row is None:
        return (-1, -1)
    tx, seq = row.value.split(":")
    return int(tx), int(seq)


def local_head(archive: Archive) -> ChainHead:
    with archive.session() as s:
        row = s.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return ChainHead(row[0], row[1]) if row else ChainHead(0, "")


def check_history(archive: Archive, central: CentralStore, device_row: dict[str, object]) -> None:
    """Headquarters remembers the last audit head it saw; this archive must still contain it."""
    seen_seq, seen_hash = int(device_row["chain_seq"] or 0), str(device_row["chain_hash"] or "")  # type: ignore[call-overload]
    if device_row.get("chain_alarm"):
        raise SyncError(f"headquarters has flagged this archive: {device_row['chain_alarm']}; "
                        "ask headquarters to check it before syncing again", field="archive")
    if seen_seq == 0:
        return
    with archive.session() as s:
        ours = s.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seen_seq))
    if ours == seen_hash:
        return
    message = (f"audit history went backwards: headquarters saw entry {seen_seq}, this archive ends earlier"
               if ours is None else f"audit history was rewritten at entry {seen_seq}")
    central.raise_alarm(archive.device_id, message, local_head(archive))
    raise SyncError(message + " (was the archive restored from an older copy?)", field="archive")


def run_sync(archive: Archive, user_name: str, central: CentralStore, *, batch: int | None = None,
             progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> SyncReport:
    """``batch`` sets both batch sizes (tests use small ones); by default a pull applies larger
    batches than a push sends, because each local commit rewrites every index page it touched."""
    started = perf_counter()
    report = SyncReport()
    device = archive.device_id
    try:
        row = central.device_row(device)
        if row["revoked"]:
            raise SyncError("this device was revoked by headquarters", field="device")
        check_history(archive, central, row)
        _push(archive, central, report, batch or PUSH_BATCH, progress, cancel)
        central.push(device, [], [], head=local_head(archive))
        _pull(archive, user_name, central, report, batch or PULL_BATCH, progress, cancel)
        central.record_pull(device)
        report.seconds = perf_counter() - started
        with archive.writing(user_name) as w:
            w.session.merge(Meta(key=LAST_SYNC_KEY, value=utcnow().isoformat()))
            w.audit("sync", detail={"pushed": report.pushed, "pulled": report.pulled, "applied": report.applied,
                                    "conflicts": report.conflicts, "quarantined": report.quarantined,
                                    "head_sent": True})
    except DBAPIError as exc:  # the central store's arrive as CentralStoreError: this one is the archive's
        raise ArchiveError(f"this archive could not be read or written during the sync ({describe_db_error(exc)}); "
                           "what was synced before is kept: free disk space or run verify, then sync again",
                           field="archive", code="archive_sync") from None
    return report


def _push(archive: Archive, central: CentralStore, report: SyncReport, batch: int,
          progress: Progress | None, cancel: Callable[[], bool] | None) -> None:
    with archive.session() as s:
        total = int(s.scalar(select(func.count()).select_from(Change).where(Change.sent_at.is_(None))) or 0)
        key = signing_key(s)
    done, last_seq = 0, 0
    while True:
        if cancel and cancel():
            raise SyncCancelled
        with archive.session() as s:
            rows = outbox.unsent(s, last_seq, batch)
            if not rows:
                return
            resolver = ScopeResolver(s)
            pairs = [outbox.wire_and_payload(r) for r in rows if r.entity not in NOT_SYNCED]
            wires = [wire for wire, _payload in pairs]
            resolver.prefetch(wires)
            scopes = [resolver.scope_of(w) for w in wires]
            seqs = [r.seq for r in rows]
            last_seq = seqs[-1]
        result = central.push(archive.device_id, sign_batch(key, wires, [p for _w, p in pairs]), scopes)
        with archive.session(write=True) as s:  # only after the central commit
            s.execute(update(Change).where(Change.seq.in_(seqs)).values(sent_at=utcnow()))
        report.pushed += result.stored
        report.duplicates += result.duplicates
        report.refused_by_central += result.quarantined
        done += len(seqs)
        if progress:
            progress("push", done, total)


def _pull(archive: Archive, user_name: str, central: CentralStore, report: SyncReport, batch: int,
          progress: Progress | None, cancel: Callable[[], bool] | None) -> None:
    registry = central.registry()
    key = cursor_key(central.hq_public().fingerprint)
    cursor = read_cursor(archive, key)
    while True:
        if cancel and cancel():
            raise SyncCancelled
        rows = central.pull(archive.device_id, cursor, batch)
        if not rows:
            return
        cursor = (rows[-1].tx, rows[-1].seq)
        with archive.session(write=True) as s:  # the batch and the cursor commit together
            stats = Applier(s, user_name, archive.device_id, archive.clock, registry).apply_all(
                r.incoming for r in rows)
            s.merge(Meta(key=key, value=f"{cursor[0]}:{cursor[1]}"))
        report.pulled += len(rows)
        report.applied += stats.applied
        report.conflicts += stats.conflicts
        report.quarantined += stats.quarantined
        for entity, ids in stats.entities.items():
            known = report.changed.setdefault(entity, set())
            if len(known) < MAX_CHANGED_IDS:  # beyond that the UI refreshes the whole entity anyway
                known.update(ids)
        if progress:
            progress("pull", report.pulled, 0)
