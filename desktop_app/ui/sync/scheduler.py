"""When to sync in the background: every interval while signed in, backing off after failures.

The timing is plain arithmetic on an injectable monotonic clock; a QTimer only calls ``check()``
now and then, so tests advance a fake clock and call ``check()`` themselves (as ``IdleWatcher``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

FIRST_DELAY_S = 30.0           # after unlock: let the window settle first
MAX_BACKOFF_S = 2 * 60 * 60.0  # failures double the wait up to two hours
CHECK_EVERY_MS = 15_000


class SyncScheduler(QObject):
    due = Signal()

    def __init__(self, interval_s: float, clock: Callable[[], float] = time.monotonic, *,
                 check_every_ms: int = CHECK_EVERY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.interval_s = interval_s
        self.failures = 0
        self.next_due: float | None = None
        self.timer = QTimer(self, interval=check_every_ms)
        self.timer.timeout.connect(self.check)

    @property
    def running(self) -> bool:
        return self.next_due is not None

    def start(self, first_delay_s: float = FIRST_DELAY_S) -> None:
        self.next_due = self.clock() + min(first_delay_s, self.interval_s)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.next_due = None

    def check(self) -> bool:
        """Emit ``due`` when the time has come; the owner answers with ``done`` or ``failed``."""
        if self.next_due is not None and self.clock() >= self.next_due:
            self.next_due = self.clock() + self.interval_s  # until the owner reports back
            self.due.emit()
            return True
        return False

    def done(self) -> None:
        """A sync succeeded (automatic or not): the back-off ends."""
        self.failures = 0
        self._plan(self.interval_s)

    def failed(self) -> None:
        self.failures += 1
        self._plan(self.backoff_s())

    def skipped(self) -> None:
        """Nothing was tried (another sync was running, or a password is missing)."""
        self._plan(self.backoff_s() if self.failures else self.interval_s)

    def backoff_s(self) -> float:
        """The wait after ``failures`` failures in a row: the interval doubled each time, at most two
        hours (and never shorter than the interval itself)."""
        if not self.failures:
            return self.interval_s
        return max(self.interval_s, min(MAX_BACKOFF_S, self.interval_s * float(2 ** min(self.failures, 16))))

    def set_interval(self, interval_s: float) -> None:
        self.interval_s = interval_s
        if self.next_due is not None:
            self.next_due = min(self.next_due, self.clock() + self.backoff_s())

    def seconds_left(self) -> float | None:
        return None if self.next_due is None else max(0.0, self.next_due - self.clock())

    def _plan(self, delay_s: float) -> None:
        if self.next_due is not None:
            self.next_due = self.clock() + delay_s
