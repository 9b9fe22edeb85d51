"""The hash-chained audit trail (DESIGN.md §7) and its verification.

Each entry's hash covers the previous entry's hash and all its own fields, so editing, removing,
inserting or reordering an entry breaks the chain at that entry. Entries that change an object
carry the object's digest after the change; ``verify_state`` compares every tracked row with the
digest of its latest entry, which catches a database page copied back from an older copy of the
same archive (SQLCipher authenticates pages but cannot tell an old page from a current one).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_app.store.digest import digest, mapping_values
from desktop_app.store.models import TRACKED_MODELS, AuditEntry, Meta
from desktop_app.store.types import canonical_json

GENESIS = "0" * 64
AUDIT_HEAD_KEY = "audit_head"


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_json(fields)).encode("utf-8")).hexdigest()


HASHED_COLUMNS = ("seq", "at", "user_name", "device_id", "action", "object_type", "object_id", "success",
                  "before_digest", "after_digest", "detail")


def hashed_fields(entry: AuditEntry | dict[str, Any]) -> dict[str, Any]:
    values = entry if isinstance(entry, dict) else {c: getattr(entry, c) for c in HASHED_COLUMNS}
    return {c: (values[c].isoformat() if c == "at" else values[c]) for c in HASHED_COLUMNS}


class AuditChain:
    """Appends entries inside the caller's transaction (which must hold the write lock)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        last = session.execute(
            select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
        self.seq, self.head = (last[0], last[1]) if last else (0, GENESIS)

    def next_entry(self, *, at: datetime, user_name: str, device_id: str, action: str,
                   object_type: str = "", object_id: str = "", success: bool = True,
                   before_digest: str = "", after_digest: str = "",
                   detail: dict[str, Any] | None = None) -> dict[str, Any]:
        """The next entry as column values, chained to the head; the caller inserts it."""
        values: dict[str, Any] = {
            "seq": self.seq + 1, "at": at, "user_name": user_name, "device_id": device_id,
            "action": action, "object_type": object_type, "object_id": object_id, "success": success,
            "before_digest": before_digest, "after_digest": after_digest, "detail": detail or {},
            "prev_hash": self.head}
        values["hash"] = entry_hash(self.head, hashed_fields(values))
        self.seq, self.head = values["seq"], values["hash"]
        return values

    def append(self, **fields: Any) -> AuditEntry:
        entry = AuditEntry(**self.next_entry(**fields))
        self._session.add(entry)
        return entry

    def record_head(self) -> None:
        """A second copy of the head, on another page, catches a rolled-back tail of the chain."""
        self._session.merge(Meta(key=AUDIT_HEAD_KEY, value=f"{self.seq}:{self.head}"))
        # Archive.session copies it to the head file once the transaction has committed.
        self._session.info[AUDIT_HEAD_KEY] = (self.seq, self.head)


@dataclass(frozen=True, slots=True)
class ChainProblem:
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"audit entry {self.seq}: {self.reason}"


def verify_chain(session: Session) -> ChainProblem | None:
    """Walk the chain in order; return the first broken entry, or None."""
    expected_seq, prev, before_prev = 1, GENESIS, ""
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.seq)
                                 .execution_options(yield_per=5000)).scalars():
        if entry.seq != expected_seq:
            return ChainProblem(expected_seq, f"missing (next present entry is {entry.seq})")
        if entry.prev_hash != prev:
            if entry.prev_hash == before_prev:  # it links past the entry before it: that one was slipped in
                return ChainProblem(entry.seq - 1, "was inserted (the entry after it links to the one before it)")
            return ChainProblem(entry.seq, "does not link to the entry before it (removed or reordered)")
        if entry_hash(prev, hashed_fields(entry)) != entry.hash:
            return ChainProblem(entry.seq, "content was altered after it was written")
        before_prev, prev, expected_seq = prev, entry.hash, expected_seq + 1
        session.expunge(entry)
    head = session.get(Meta, AUDIT_HEAD_KEY)
    last_seq = expected_seq - 1
    if head is not None and head.value != f"{last_seq}:{prev}":
        recorded = head.value.split(":", 1)[0]
        return ChainProblem(last_seq + 1 if int(recorded) > last_seq else int(recorded),
                            f"chain ends at entry {last_seq} but the recorded head is entry {recorded}")
    return None


def verify_state(session: Session) -> list[str]:
    """Every tracked row must equal the state its latest audit entry recorded."""
    problems: list[str] = []
    for entity, model in TRACKED_MODELS.items():
        table = model.__table__  # type: ignore[attr-defined]
        rows = session.execute(select(table).order_by(table.c.id).execution_options(yield_per=5000))
        digests = _latest_digests(session, entity)
        pending = next(digests, None)
        for row in rows.mappings():
            key = row["id"].hex
            while pending is not None and pending[0] < key:
                problems.append(f"{entity} {pending[0]} is in the audit trail but missing from the archive")
                pending = next(digests, None)
            if pending is None or pending[0] != key:
                problems.append(f"{entity} {key} has no audit entry")
                continue
            if digest(mapping_values(dict(row))) != pending[1]:
                problems.append(f"{entity} {key} differs from its last audited state "
                                "(edited outside the application or rolled back)")
            pending = next(digests, None)
        while pending is not None:
            problems.append(f"{entity} {pending[0]} is in the audit trail but missing from the archive")
            pending = next(digests, None)
        if len(problems) > 100:
            break
    return problems


def _latest_digests(session: Session, entity: str) -> Iterator[tuple[str, str]]:
    sql = text(
        "SELECT object_id, after_digest FROM ("
        " SELECT object_id, after_digest,"
        "  row_number() OVER (PARTITION BY object_id ORDER BY seq DESC) AS rn"
        " FROM audit_entries WHERE object_type = :entity AND after_digest != '')"
        " WHERE rn = 1 ORDER BY object_id")
    for object_id, after in session.execute(sql, {"entity": entity}).yield_per(5000):
        yield str(object_id), str(after)
