"""Search-as-you-type: debounce, run in the task thread, and keep only the newest answer."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.persons.person_index import PersonIndex, SearchCriteria
from desktop_app.ui.tasks import Task, TaskRunner

DEBOUNCE_MS = 150


class PersonSearch(QObject):
    results = Signal(object)      # list[int] of rowids in display order
    failed = Signal(object)       # an IntegrityFilesError (e.g. text too long)
    busy_changed = Signal(bool)

    def __init__(self, index: PersonIndex, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.runner = runner
        self.criteria = SearchCriteria()
        self.generation = 0
        self.last_elapsed_s = 0.0
        self._current: Task | None = None
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_now)

    def request(self, **changes: object) -> None:
        """Typing restarts the debounce; filters and sorting pass through the same path."""
        self.criteria = self.criteria.with_(**changes)
        self.timer.start()

    def run_now(self) -> None:
        self.timer.stop()
        self.generation += 1
        generation, criteria = self.generation, self.criteria
        if self._current is not None:
            self._current.cancel()
        started = time.perf_counter()

        def work(_progress: object, _cancel: object) -> tuple[int, list[int], float]:
            ids = self.index.search(criteria)
            return generation, ids, time.perf_counter() - started

        task = Task(work, "person-search")
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(self._failed)
        self._current = task
        self.busy_changed.emit(True)
        self.runner.start(task)

    def _done(self, outcome: tuple[int, list[int], float]) -> None:
        generation, ids, elapsed = outcome
        if generation != self.generation:
            return
        self.last_elapsed_s = elapsed
        self.busy_changed.emit(False)
        self.results.emit(ids)

    def _failed(self, exc: BaseException) -> None:
        self.busy_changed.emit(False)
        if isinstance(exc, IntegrityFilesError):
            self.failed.emit(exc)
        else:
            raise exc
