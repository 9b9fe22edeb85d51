"""One session's sync: the manual and the periodic sync, bundles, and the overview others show.

It owns a task runner of its own (one thread), so a long sync never holds up the searches and
edits on the shared runner, and at most one sync or bundle job runs at a time. The central
store's password (when its URL had one) stays in this object only: it goes when the session ends
(lock, language switch, quit), like the archive's key.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.ui.settings import (
    SYNC_INTERVAL_MINUTES,
    SYNC_REMINDER_DAYS,
    AppSettings,
    central_needs_password,
    central_url,
)
from desktop_app.ui.sync.central_url import split_password, with_password
from desktop_app.ui.sync.overview import SyncOverview, overdue_days
from desktop_app.ui.sync.scheduler import SyncScheduler
from desktop_app.ui.sync.sync_errors import is_expected, sync_error_text
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

SYNC, EXPORT, PREVIEW, IMPORT = "sync", "export", "preview", "import"
SYNC_ENTITY = "sync"   # announced with the entities a sync or an import changed
IMPORTED = frozenset({"unit", "person", "record", "assessment", SYNC_ENTITY})


class _ProgressRelay(QObject):
    """Carries the core's (stage, done, total) from the worker thread to the GUI thread."""

    progressed = Signal(str, int, int)


class SyncController(QObject):
    status_changed = Signal(object)        # SyncOverview
    busy_changed = Signal(bool)
    started = Signal(str)                  # SYNC, EXPORT, PREVIEW or IMPORT
    progressed = Signal(str, int, int)     # stage ("push", "pull", …), done, total (0: not known)
    finished = Signal(str, object)         # kind, SyncReport or BundleResult
    failed = Signal(str, object, str)      # kind, the exception, the sentence to show
    cancelled = Signal(str)

    def __init__(self, services: Services, settings: AppSettings, events: Any = None, *,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 runner: TaskRunner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.events = events
        self.now = now
        self.archive_id = services.ctx.archive.archive_id
        self.runner = runner or TaskRunner(self)
        self.scheduler = SyncScheduler(settings.get(SYNC_INTERVAL_MINUTES) * 60.0, clock, parent=self)
        self.scheduler.due.connect(self._periodic)
        self.password = ""
        self.task: Task | None = None
        self.kind = ""
        self.automatic = False
        self.last_error = ""
        self.stopped = False
        self._outcome: tuple[Any, tuple[Any, ...]] | None = None
        self.relay = _ProgressRelay(self)
        self.relay.progressed.connect(self.progressed)

    # -- configuration ------------------------------------------------------------------

    @property
    def may_sync(self) -> bool:
        return self.services.ctx.may(Permission.SYNC_RUN)

    @property
    def url(self) -> str:
        """The central store's URL as stored (never with a password)."""
        return self.settings.get(central_url(self.archive_id))

    @property
    def needs_password(self) -> bool:
        return bool(self.url) and self.settings.get(central_needs_password(self.archive_id))

    @property
    def waiting_for_password(self) -> bool:
        return self.needs_password and not self.password

    def set_url(self, text: str) -> bool:
        """Store the URL without its password; True when a password was taken out (kept in memory)."""
        url, password = split_password(text)
        previous = self.url
        self.settings.set(central_url(self.archive_id), url)
        if password:
            self.password = password
            self.settings.set(central_needs_password(self.archive_id), True)
        elif url != previous:
            self.password = ""
            self.settings.set(central_needs_password(self.archive_id), False)
        self._plan()
        self.refresh_status()
        return bool(password)

    def set_password(self, password: str) -> None:
        self.password = password
        self.refresh_status()

    def set_interval_minutes(self, minutes: int) -> None:
        self.settings.set(SYNC_INTERVAL_MINUTES, minutes)
        self.scheduler.set_interval(minutes * 60.0)
        self.refresh_status()

    def set_reminder_days(self, days: int) -> None:
        self.settings.set(SYNC_REMINDER_DAYS, days)
        self.refresh_status()

    # -- session ------------------------------------------------------------------------

    def start(self) -> None:
        self._plan()
        self.refresh_status()

    def stop(self) -> None:
        """Session over: no more periodic syncs, a running job is cancelled, the password forgotten."""
        self.stopped = True
        self.scheduler.stop()
        if self.task is not None:
            self.task.cancel()
        self.runner.cancel_all(wait_ms=0)  # the main window waits for the worker itself; a lock must not block
        self.password = ""

    def _plan(self) -> None:
        if self.may_sync and self.url:
            if not self.scheduler.running:
                self.scheduler.start()
        else:
            self.scheduler.stop()

    # -- jobs ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None

    def sync_now(self, *, automatic: bool = False) -> bool:
        """Start a sync in the background; False when one is running or there is nothing to sync with."""
        if self.stopped or self.busy or not self.url or self.waiting_for_password:
            return False
        target, service, relay = with_password(self.url, self.password), self.services.sync, self.relay
        return self._run(SYNC, lambda _p, cancel: service.sync(target, progress=relay.progressed.emit,
                                                              cancel=cancel), automatic=automatic)

    def export_bundle(self, hq_key_file: Path, out: Path) -> bool:
        service = self.services.sync
        return self._run(EXPORT, lambda _p, _c: service.export_bundle(Path(hq_key_file), Path(out)))

    def preview_import(self, path: Path) -> bool:
        service = self.services.sync
        return self._run(PREVIEW, lambda _p, _c: service.import_bundle(Path(path), dry_run=True))

    def import_bundle(self, path: Path) -> bool:
        service = self.services.sync
        return self._run(IMPORT, lambda _p, _c: service.import_bundle(Path(path)))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _run(self, kind: str, work: Callable[[Any, Callable[[], bool]], object], *, automatic: bool = False) -> bool:
        if self.stopped or self.busy:
            return False
        task = Task(work, kind)
        task.signals.succeeded.connect(self._succeeded)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        task.signals.ended.connect(self._ended)
        self.task, self.kind, self.automatic = task, kind, automatic
        self.busy_changed.emit(True)
        self.started.emit(kind)
        self.runner.start(task)
        return True

    def _periodic(self) -> None:
        if self.busy or self.waiting_for_password:
            self.scheduler.skipped()
            self.refresh_status()
            return
        self.sync_now(automatic=True)

    # The outcome is told in ``_ended``, once the controller is idle again: a listener may start
    # the next job at once (a confirmed import after its dry run).

    def _succeeded(self, result: object) -> None:
        if self.stopped:
            return
        kind = self.kind
        if kind == SYNC:
            self.scheduler.done()
            self.last_error = ""
        self._outcome = (self.finished, (kind, result))

    def _failed(self, exc: object) -> None:
        if self.stopped:
            return
        kind = self.kind
        assert isinstance(exc, BaseException)
        text = sync_error_text(exc)
        if is_expected(exc):
            log.warning("%s failed: %s", kind, exc)
        else:
            log.error("%s failed unexpectedly", kind, exc_info=exc)
        if kind == SYNC:
            self.scheduler.failed()
            self.last_error = text
        self._outcome = (self.failed, (kind, exc, text))

    def _cancelled(self) -> None:
        if self.stopped:
            return
        if self.kind == SYNC:
            self.scheduler.skipped()
        self._outcome = (self.cancelled, (self.kind,))

    def _ended(self) -> None:
        self.task = None
        outcome, self._outcome = self._outcome, None
        self.busy_changed.emit(False)
        if self.stopped:
            return
        if outcome is not None and outcome[0] is self.finished:
            self._announce(self._changed_by(self.kind, outcome[1][1]))
        else:
            self.refresh_status()
        if outcome is not None:
            signal, args = outcome
            signal.emit(*args)

    @staticmethod
    def _changed_by(kind: str, result: object) -> set[str] | frozenset[str]:
        if kind == SYNC:
            return set(getattr(result, "changed", {}) or {}) | {SYNC_ENTITY}
        if kind == IMPORT and getattr(result, "new", None):
            return IMPORTED
        return {SYNC_ENTITY}

    # -- what others show ---------------------------------------------------------------

    def overview(self) -> SyncOverview:
        status = self.services.sync.status()
        return SyncOverview(
            status=status,
            overdue_days=overdue_days(status.last_sync_at, self.now(), self.settings.get(SYNC_REMINDER_DAYS)),
            central_configured=bool(self.url), may_sync=self.may_sync,
            waiting_for_password=self.waiting_for_password, next_attempt_s=self.scheduler.seconds_left(),
            failures=self.scheduler.failures, last_error=self.last_error)

    def refresh_status(self) -> SyncOverview | None:
        if self.stopped:
            return None
        overview = self.overview()
        self.status_changed.emit(overview)
        return overview

    def _announce(self, entities: set[str] | frozenset[str]) -> None:
        if self.events is not None:
            self.events.announce(entities, self)
        else:
            self.refresh_status()

    def archive_changed(self, _entities: frozenset[str], _sender: object) -> None:
        """Called by the window for every ``ArchiveEvents.changed``: pending count and last sync."""
        self.refresh_status()
