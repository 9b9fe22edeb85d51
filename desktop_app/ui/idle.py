"""Idle detection for auto-lock, with injectable clocks so tests never wait.

Two clocks. ``clock`` (monotonic) measures idle time while the machine runs. ``wall`` keeps counting
while the machine is suspended (``CLOCK_BOOTTIME`` on Linux, the wall clock elsewhere); Linux's
``CLOCK_MONOTONIC``, and with it Python's ``time.monotonic`` and Qt's timers, stands still during a
suspend. Whenever the watcher looks, the time ``wall`` advanced beyond ``clock`` since its last look
is time asleep, and it counts as idle: a laptop that slept through the timeout locks at the first
tick after it wakes (Qt's timer, on the monotonic clock, fires at most one interval later), and the
first key press or click after waking is swallowed and locks instead of reaching a form.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

USER_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                        QEvent.Type.MouseMove, QEvent.Type.InputMethod, QEvent.Type.TouchBegin})
CHECK_EVERY_MS = 500    # the lock fires at most half a second after the timeout
SUSPEND_SLACK_S = 2.0   # a smaller gap between the clocks is slew or scheduling noise, not a suspend

Clock = Callable[[], float]


def suspend_aware_clock() -> float:
    """Seconds on a clock that keeps counting during a suspend."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boottime) if boottime is not None else time.time()


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_s: float, clock: Clock = time.monotonic, wall: Clock = suspend_aware_clock,
                 check_every_ms: int = CHECK_EVERY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.wall = wall
        self.timeout_s = timeout_s
        self.enabled = False
        self.last_activity = clock()
        self.asleep = 0.0                    # suspended time since the last activity
        self._seen = (clock(), wall())       # both clocks at the last look
        self.timer = QTimer(self, interval=check_every_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.enabled = True
        self.touch()
        self.timer.start()

    def stop(self) -> None:
        self.enabled = False
        self.timer.stop()

    def touch(self) -> None:
        """Activity now: the idle time starts again."""
        self.last_activity = self._look()
        self.asleep = 0.0

    def idle_for(self) -> float:
        """Seconds without activity, time asleep included."""
        return self._look() - self.last_activity + self.asleep

    def check(self) -> bool:
        if self.enabled and self.idle_for() >= self.timeout_s:
            self.stop()
            self.idle.emit()
            return True
        return False

    def _look(self) -> float:
        """Read both clocks and add a suspend since the last look to ``asleep``; the monotonic time."""
        mono, wall = self.clock(), self.wall()
        last_mono, last_wall = self._seen
        gap = (wall - last_wall) - (mono - last_mono)
        if gap > SUSPEND_SLACK_S:  # a wall clock set back (negative gap) is ignored
            self.asleep += gap
        self._seen = (mono, wall)
        return mono

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in USER_INPUT or not self.enabled:
            return False
        if self.idle_for() < self.timeout_s:
            self.touch()
            return False
        # Due (typically the first input after a long suspend, before the timer's tick): lock
        # instead of letting the key press or click reach a form; locking happens outside the filter.
        QTimer.singleShot(0, self.check)
        return True
