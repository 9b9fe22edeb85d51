"""Background work: a plain core function ``work(progress, cancel)`` wrapped by one thin Qt task.

``Task`` is a ``QRunnable`` whose ``TaskSignals`` carry progress, the result, a failure or a
cancellation back to the GUI thread (queued connections). ``TaskRunner`` owns one thread pool
and shows a progress dialog only when a task has run for ``PROGRESS_DELAY_MS`` (Anki: short
work never flashes a dialog); its Cancel sets the task's flag, and a cancel ends quietly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 600
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
Work = Callable[[Progress, Cancel], Any]


class TaskCancelled(Exception):
    """Raised by work that notices its cancel flag."""


class TaskSignals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()


class Task(QRunnable):
    def __init__(self, work: Work, name: str = "task", *, writes: bool = False) -> None:
        """``writes``: the work commits data, so when it returns normally it succeeded even if a
        cancel came too late to stop it (saying "cancelled, nothing changed" would be false)."""
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.name = name
        self.writes = writes
        self.signals = TaskSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            if self.is_cancelled:
                raise TaskCancelled(self.name)
            result = self.work(self.signals.progressed.emit, self._cancel.is_set)
        except BaseException as exc:
            if self.is_cancelled or type(exc).__name__ in ("TaskCancelled", "Cancelled"):
                self.signals.cancelled.emit()
            else:
                self.signals.failed.emit(exc)
        else:
            if self.is_cancelled and not self.writes:
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        finally:
            self.signals.ended.emit()


class TaskRunner(QObject):
    """Starts tasks on its own pool (one thread: one owner of the database at a time)."""

    def __init__(self, parent: QObject | None = None, *, threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._running: set[Task] = set()

    def start(self, task: Task, *, progress_parent: QWidget | None = None, label: str = "") -> Task:
        self._running.add(task)
        task.signals.ended.connect(lambda t=task: self._running.discard(t))
        if progress_parent is not None:
            DelayedProgress(task, progress_parent, label)
        self.pool.start(task)
        return task

    def cancel_all(self, wait_ms: int = 5000) -> bool:
        for task in list(self._running):
            task.cancel()
        return self.pool.waitForDone(wait_ms)

    @property
    def busy(self) -> bool:
        return bool(self._running)


class DelayedProgress(QObject):
    """A progress dialog that appears only if the task is still running after the delay."""

    def __init__(self, task: Task, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self.task = task
        self.dialog = QProgressDialog(label, self.tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("请稍候"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.hide()
        self.dialog.canceled.connect(task.cancel)
        self.timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self.timer.timeout.connect(self.dialog.show)
        self.timer.start()
        task.signals.progressed.connect(self._progress)
        task.signals.ended.connect(self._end)

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _end(self) -> None:
        self.timer.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
