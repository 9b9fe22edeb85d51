"""Idle detection for auto-lock, with an injectable clock so tests never wait."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

USER_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                        QEvent.Type.MouseMove, QEvent.Type.InputMethod, QEvent.Type.TouchBegin})


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_s: float, clock: Callable[[], float] = time.monotonic,
                 check_every_ms: int = 5000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timeout_s = timeout_s
        self.last_activity = clock()
        self.enabled = False
        self.timer = QTimer(self, interval=check_every_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.enabled = True
        self.last_activity = self.clock()
        self.timer.start()

    def stop(self) -> None:
        self.enabled = False
        self.timer.stop()

    def touch(self) -> None:
        self.last_activity = self.clock()

    def check(self) -> bool:
        if self.enabled and self.clock() - self.last_activity >= self.timeout_s:
            self.stop()
            self.idle.emit()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_INPUT:
            self.last_activity = self.clock()
        return False
