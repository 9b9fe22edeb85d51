"""Encrypted backups: ``VACUUM INTO`` writes a consistent snapshot encrypted with the same key,
so no plaintext copy ever exists; the key file is copied beside it so the backup opens alone.

Rotating backups live in ``<archive>.backups/`` (before migrations, before imports, daily) and the
oldest are pruned beyond ``KEEP``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from desktop_app.errors import ArchiveError
from desktop_app.store.engine import connect_raw
from desktop_app.store.head_file import head_path_for, record_head_of
from desktop_app.store.keyslots import key_path_for

if TYPE_CHECKING:
    from desktop_app.store.archive import Archive

KEEP = 10


def backup_dir(archive_path: Path) -> Path:
    return archive_path.with_name(archive_path.name + ".backups")


def rotating_backup_path(archive_path: Path, reason: str) -> Path:
    folder = backup_dir(archive_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return folder / f"{stamp}-{reason}.db"


def snapshot(archive_path: Path, key: bytes, dest: Path) -> Path:
    """All or nothing: the database is written to ``<dest>.part`` and renamed into place only after
    its key file and head file are beside it, so a kill or a full disk never leaves a backup that
    looks whole but is cut short or cannot be opened."""
    if dest.exists():
        raise ArchiveError(f"{dest} already exists; choose another backup name", field="dest")
    if not dest.parent.is_dir():
        raise ArchiveError(f"folder {dest.parent} does not exist", field="dest")
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)  # left by an earlier backup that was killed
    try:
        conn = connect_raw(archive_path, key)
        try:
            conn.execute("VACUUM INTO ?", (str(part),))
        finally:
            conn.close()
        shutil.copyfile(key_path_for(archive_path), key_path_for(dest))
        # So the backup's files, restored together, agree with each other. Optional: a backup without
        # its head file still opens (the head is then unknown), so a failure here fails nothing.
        with contextlib.suppress(ArchiveError, OSError, sqlcipher.DatabaseError):
            conn = connect_raw(part, key)
            try:
                record_head_of(conn, dest)
            finally:
                conn.close()
        os.replace(part, dest)
    except Exception as exc:
        for leftover in (part, key_path_for(dest), head_path_for(dest)):
            leftover.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        raise BackupFailed(reason) from None
    return dest


class BackupFailed(ArchiveError):
    """A backup could not be written (``reason``: the disk's or the database's words)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"backup failed ({reason}); nothing was written", field="dest")
        self.reason = reason


def vacuum_into(archive: Archive, dest: Path) -> Path:
    return snapshot(archive.path, archive.raw_key(), dest)


def prune(archive_path: Path, keep: int = KEEP) -> None:
    backups = sorted(backup_dir(archive_path).glob("*.db"))
    for old in backups[:-keep] if keep else backups:
        old.unlink(missing_ok=True)
        key_path_for(old).unlink(missing_ok=True)
        head_path_for(old).unlink(missing_ok=True)


class BackupRotation:
    def __init__(self, archive: Archive) -> None:
        self._archive = archive

    def take(self, reason: str) -> Path:
        dest = snapshot(self._archive.path, self._archive.raw_key(),
                        rotating_backup_path(self._archive.path, reason))
        prune(self._archive.path)
        return dest
