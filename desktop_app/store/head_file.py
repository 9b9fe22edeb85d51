"""The audit head kept outside the database: ``<archive>.head``.

SQLite treats a WAL frame whose checksum fails as the end of the log, so one flipped bit in the
WAL silently drops every transaction committed after it; the shorter audit chain left behind is
self-consistent and ``verify`` cannot tell. After every commit that moved the chain, the archive
writes the new head (sequence number and hash) to this small file, authenticated with a key
derived from the device key inside the encryption. At unlock, a database whose chain ends before
the recorded head, or does not contain it, has lost committed changes and is refused.

The file is replaced atomically but not fsynced: the database commit is already durable, so after
a power cut the file can only be *behind* the database (accepted), never ahead of it. A missing
or foreign file means "unknown" (an archive made before this file existed, a copy without it);
the next commit writes a fresh one. It holds no personal data: an archive id, a counter, a hash.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.store.audit_chain import GENESIS

log = logging.getLogger(__name__)

_INFO = b"integrity-files audit head v1"


def head_path_for(archive_path: Path) -> Path:
    return archive_path.with_name(archive_path.name + ".head")


def head_key(device_private_key: bytes, archive_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=archive_id.encode(), info=_INFO).derive(
        device_private_key)


@dataclass(frozen=True, slots=True)
class Head:
    seq: int
    hash: str

    @classmethod
    def parse(cls, value: str) -> Head:
        """From the ``meta.audit_head`` form ``"<seq>:<hash>"``."""
        seq, _, digest = value.partition(":")
        return cls(int(seq), digest)


class HeadFile:
    def __init__(self, archive_path: Path, archive_id: str, key: bytes) -> None:
        self.path = head_path_for(archive_path)
        self._archive_id = archive_id
        self._key = key

    def _mac(self, head: Head) -> str:
        message = f"{self._archive_id}:{head.seq}:{head.hash}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def read(self) -> Head | None:
        """The recorded head, or None when there is none this archive can trust (missing, foreign, damaged)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            head = Head(int(data["seq"]), str(data["hash"]))
            if data.get("archive_id") != self._archive_id:
                return None
            if not hmac.compare_digest(str(data.get("mac", "")), self._mac(head)):
                log.warning("%s is not authentic for this archive; ignored", self.path.name)
                return None
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("%s is unreadable; ignored", self.path.name)
            return None
        return head

    def write(self, head: Head) -> None:
        """Best effort: a failure leaves the file behind the database, which unlock accepts."""
        body = json.dumps({"archive_id": self._archive_id, "seq": head.seq, "hash": head.hash,
                           "mac": self._mac(head)})
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(body)
            os.replace(tmp, self.path)
            tmp = None
        except OSError as exc:
            log.warning("could not update %s (%s); it stays behind the archive", self.path.name, exc.strerror)
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


@dataclass(frozen=True, slots=True)
class LostTail:
    """The database's chain ends at ``found`` but ``recorded`` was committed (or the chain diverges)."""

    recorded: Head
    found: Head
    where: str = "head file"  # which record of the head disagrees with the chain

    def describe(self) -> str:
        if self.where == "database":
            return (f"its audit trail ends at entry {self.found.seq} but the head recorded inside the database "
                    f"is entry {self.recorded.seq}")
        if self.found.seq < self.recorded.seq:
            return (f"its audit trail ends at entry {self.found.seq}, but entries up to {self.recorded.seq} "
                    "were committed")
        return f"its audit trail no longer contains entry {self.recorded.seq} as it was committed"


def head_file_from_meta(archive_path: Path, meta: Mapping[str, str]) -> HeadFile | None:
    """The head file keyed from the archive's ``meta`` values (None before the device key exists)."""
    if "device_private_key" not in meta or "archive_id" not in meta:
        return None
    device_key = base64.b64decode(meta["device_private_key"])
    return HeadFile(archive_path, meta["archive_id"], head_key(device_key, meta["archive_id"]))


def head_file_of(conn: Any, archive_path: Path) -> HeadFile | None:
    """The head file of an open raw connection's archive."""
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('archive_id', 'device_private_key')"))
    return head_file_from_meta(archive_path, meta)


def database_head(conn: Any) -> Head:
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    return Head.parse(row[0]) if row else Head(0, GENESIS)


def chain_end(conn: Any) -> Head:
    row = conn.execute("SELECT seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1").fetchone()
    return Head(row[0], row[1]) if row else Head(0, GENESIS)


def lost_tail(conn: Any, archive_path: Path) -> LostTail | None:
    """Compare the chain's last entry with the head recorded inside the database and the one
    recorded outside it; None when they agree. The next write would re-derive the head from the
    chain, hiding a cut-off tail, so a disagreement must be caught before anything is written."""
    found = chain_end(conn)
    inside = database_head(conn)
    if inside != found:
        return LostTail(inside, found, where="database")
    head_file = head_file_of(conn, archive_path)
    recorded = head_file.read() if head_file else None
    if recorded is None:
        return None
    if found.seq < recorded.seq:
        return LostTail(recorded, found)
    row = conn.execute("SELECT hash FROM audit_entries WHERE seq = ?", (recorded.seq,)).fetchone()
    if row is None or row[0] != recorded.hash:
        return LostTail(recorded, found)
    return None


def record_head_of(conn: Any, archive_path: Path) -> None:
    """Write the head file from the database's own head (after create, for a backup)."""
    head_file = head_file_of(conn, archive_path)
    if head_file is not None:
        head_file.write(database_head(conn))
