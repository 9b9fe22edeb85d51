"""Which sessions have an archive open: each holds a shared lock on ``<archive>.lock`` while it is
unlocked, so work that changes the file under every session can wait for it to be alone.

Rotating the data key is such work. SQLCipher re-encrypts every page into the WAL; a second session
(the desktop client while an administrator runs ``rekey``, or a second window) keeps the old key,
can no longer read a page ("file is not a database") until it signs in again, and until the last
connection closes and checkpoints, the file's own pages stay under the old key, so ``verify`` right
after the rotation reported HMAC failures. With the lock, the rotation is refused while another
session is open, with a message that says so.

The lock file is empty and never written; the lock is released when the archive is closed (an
idle lock included), and by the operating system when the process dies, so a crash leaves
nothing to clean up. portalocker gives the same shared/exclusive locks on Windows (LockFileEx) as
``flock`` here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import portalocker
from portalocker.exceptions import LockException

from desktop_app.errors import ArchiveError


def lock_path_for(archive_path: Path) -> Path:
    return archive_path.with_name(archive_path.name + ".lock")


class SessionLock:
    def __init__(self, archive_path: Path) -> None:
        self.path = lock_path_for(archive_path)
        try:
            self._file: IO[bytes] | None = self.path.open("ab")
        except OSError as exc:
            raise ArchiveError(f"cannot open {self.path.name} ({exc.strerror})", field="archive") from None
        try:
            portalocker.lock(self._file, portalocker.LockFlags.SHARED | portalocker.LockFlags.NON_BLOCKING)
        except LockException:
            self._file.close()
            raise ArchiveError("the archive's data key is being rotated by another session; try again in a "
                               "moment", field="archive") from None

    @contextmanager
    def alone(self, what: str) -> Iterator[None]:
        """Hold the archive exclusively while the block runs; refuse if another session has it open."""
        assert self._file is not None, "the archive is closed"
        portalocker.unlock(self._file)
        try:
            portalocker.lock(self._file, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING)
        except LockException:
            portalocker.lock(self._file, portalocker.LockFlags.SHARED)
            raise ArchiveError(f"the archive is open in another session (the desktop client or another "
                               f"command); close it, then {what}", field="archive", code="archive_busy") from None
        try:
            yield
        finally:
            portalocker.unlock(self._file)
            portalocker.lock(self._file, portalocker.LockFlags.SHARED)

    def release(self) -> None:
        if self._file is not None:
            portalocker.unlock(self._file)
            self._file.close()
            self._file = None
