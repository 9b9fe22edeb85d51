"""The application's flow: first-run wizard or unlock, the main window, auto-lock and re-unlock.

Locking keeps open forms as encrypted drafts, closes every dialog (a modal one too), cancels the
background tasks, drops the pages and their cached rows and covers the window at once. The archive
closes (the key leaves memory, every file descriptor on it is released) once no task uses it any
more: a running import is cancelled and its one transaction rolls back first, so nothing is left
half written and no worker is pulled from under its connection. Then ``locked`` and the unlock
dialog. The close also waits for a dialog's nested event loop to unwind, so code that continues
after ``dialog.exec()`` still finds the archive it had.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

from desktop_app.services import Services
from desktop_app.store.archive import Archive, SignedInUser
from desktop_app.store.keyslots import KeyFile, key_path_for
from desktop_app.ui.demo_setup import DEMO_PASSPHRASE, DEMO_PERSONS, demo_archive_path, ensure_demo_archive
from desktop_app.ui.drafts import DraftVault
from desktop_app.ui.i18n import Translations
from desktop_app.ui.idle import Clock, IdleWatcher, suspend_aware_clock
from desktop_app.ui.main_window import SETTINGS, MainWindow
from desktop_app.ui.messages import show_error
from desktop_app.ui.settings import IDLE_MINUTES, LAST_ARCHIVE, LAST_USER, AppSettings
from desktop_app.ui.startup.unlock_dialog import OTHER_ARCHIVE, UnlockDialog, Unlocker
from desktop_app.ui.startup.wizard import ArchiveWizard
from desktop_app.ui.tasks import PROGRESS_DELAY_MS, Task, TaskRunner

log = logging.getLogger(__name__)

CLOSE_POLL_MS = 50  # while a cancelled task winds down, look again this often


class AppShell(QObject):
    quit_requested = Signal()
    signed_in = Signal(object)       # Services
    locked = Signal()

    def __init__(self, settings: AppSettings, data_dir: Path, *, translations: Translations | None = None,
                 clock: Clock = time.monotonic, wall: Clock = suspend_aware_clock,
                 today: Callable[[], date] = date.today,
                 unlocker: Unlocker = Archive.unlock, demo_persons: int = DEMO_PERSONS) -> None:
        super().__init__()
        self.settings = settings
        self.data_dir = data_dir
        self.translations = translations
        self.today = today
        self.unlocker = unlocker
        self.demo_persons = demo_persons
        self.runner = TaskRunner(self)
        self.vault = DraftVault(data_dir / "drafts")
        self.services: Services | None = None
        self.closing: Services | None = None   # locked, waiting for the background tasks to end
        self.archive_path: Path | None = None
        self.demo = False
        self.window: MainWindow | None = None
        self.dialog: QDialog | None = None
        self.idle = IdleWatcher(settings.get(IDLE_MINUTES) * 60.0, clock, wall, parent=self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

    # -- start-up -----------------------------------------------------------------------

    def start(self, *, demo: bool = False, archive: Path | None = None) -> None:
        self.demo = demo
        if demo:
            self.prepare_demo()
            return
        remembered = Path(self.settings.get(LAST_ARCHIVE)) if self.settings.get(LAST_ARCHIVE) else None
        path = archive or remembered
        if path is not None and path.exists():
            self.show_unlock(path)
        else:
            self.show_wizard()

    def prepare_demo(self) -> None:
        path = demo_archive_path(self.data_dir)
        persons = self.demo_persons
        task = Task(lambda progress, cancel: ensure_demo_archive(path, persons=persons, progress=progress,
                                                                 cancel=cancel), "demo")
        progress = QProgressDialog(self.tr("正在生成演示档案库（首次使用时约需一分钟）…"), self.tr("取消"), 0, 0)
        progress.setWindowTitle(self.tr("公务员诚信档案 — 演示"))
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(task.cancel)
        task.signals.progressed.connect(lambda done, total: (progress.setMaximum(total), progress.setValue(done)))
        task.signals.ended.connect(progress.deleteLater)
        task.signals.succeeded.connect(lambda p: self.show_unlock(p, demo_hint=DEMO_PASSPHRASE))
        task.signals.cancelled.connect(self.quit_requested)
        task.signals.failed.connect(lambda exc: (show_error(None, exc), self.quit_requested.emit()))
        self.demo_progress = progress
        self.runner.start(task)

    def show_wizard(self) -> None:
        wizard = ArchiveWizard(self.data_dir if not self.archive_path else self.archive_path.parent)
        wizard.finished.connect(lambda result: self._wizard_done(wizard, result))
        self._show_dialog(wizard)

    def _wizard_done(self, wizard: ArchiveWizard, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.quit_requested.emit()
        elif wizard.created is not None:
            archive, user = wizard.created
            self._signed_in(archive, user)
        elif wizard.open_path is not None:
            self.show_unlock(wizard.open_path)
        wizard.deleteLater()

    def show_unlock(self, path: Path, *, locked: bool = False, demo_hint: str = "") -> UnlockDialog:
        self.archive_path = path
        user = self.settings.get(LAST_USER) if locked or not demo_hint else "admin"
        if not user:
            user = _default_user(path)
        dialog = UnlockDialog(path, user_name=user, locked=locked, demo_hint=demo_hint or self._demo_hint(path),
                              unlocker=self.unlocker, parent=self.window if locked else None)
        dialog.finished.connect(lambda result: self._unlock_done(dialog, result))
        self._show_dialog(dialog)
        return dialog

    def _demo_hint(self, path: Path) -> str:
        return DEMO_PASSPHRASE if path == demo_archive_path(self.data_dir) else ""

    def _unlock_done(self, dialog: UnlockDialog, result: int) -> None:
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and dialog.result_value is not None:
            self._signed_in(*dialog.result_value)
        elif result == OTHER_ARCHIVE:
            self.show_wizard()
        else:
            self.quit_requested.emit()

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    # -- signed in ----------------------------------------------------------------------

    def _signed_in(self, archive: Archive, user: SignedInUser) -> None:
        services = Services.for_user(archive, user, today=self.today)
        services.housekeeping()
        self.services = services
        self.archive_path = archive.path
        self.settings.set(LAST_ARCHIVE, str(archive.path))
        self.settings.set(LAST_USER, user.name)
        if self.window is None:
            self.window = MainWindow(self.settings, self.runner)
            self.window.lock_requested.connect(self.lock)
            self.window.language_requested.connect(self.set_language)
            self.window.idle_minutes_changed.connect(lambda m: setattr(self.idle, "timeout_s", m * 60.0))
        self.window.set_services(services)
        self.window.show()
        self.window.activateWindow()
        self.idle.start()
        drafts = self.vault.take(archive.raw_key(), archive.archive_id, user.name)
        for draft in drafts:
            self.window.restore_draft(draft)
        self.signed_in.emit(services)

    def set_language(self, language: str) -> None:
        if self.translations is not None:
            self.translations.apply(language)
        if self.window is not None and self.services is not None:
            self.window.set_services(self.services)
            self.window.go_to(SETTINGS)

    # -- locking ------------------------------------------------------------------------

    def lock(self) -> None:
        services = self.services
        if services is None or self.window is None:
            return
        self.idle.stop()
        archive = services.ctx.archive
        drafts = [w.draft_state() for w in _open_dialogs() if hasattr(w, "draft_state")]
        if drafts:
            self.vault.seal(archive.raw_key(), archive.archive_id, services.user.name, drafts)
        for widget in _open_dialogs():
            # done(), not reject(): the import wizard refuses reject() while its import runs; here
            # the import is cancelled below and rolled back before the archive closes.
            widget.done(QDialog.DialogCode.Rejected)
        self.runner.cancel_all(wait_ms=0)
        self.services = None
        self.closing = services
        self.window.clear()  # nothing personal on screen from here on
        log.info("locking")
        QTimer.singleShot(0, self._close_when_idle)  # after any dialog's exec() has returned

    def _close_when_idle(self) -> None:
        services = self.closing
        if services is None:
            return
        if not self._tasks_done():
            self.runner.cancel_all(wait_ms=0)  # also a task queued since
            QTimer.singleShot(CLOSE_POLL_MS, self._close_when_idle)
            return
        self.closing = None
        services.close()
        log.info("archive locked")
        self.locked.emit()
        self.show_unlock(services.ctx.archive.path, locked=True)

    def _tasks_done(self) -> bool:
        """No worker thread runs (or waits to run) anything that may hold a connection."""
        background = self.window.background_done() if self.window is not None else True
        return self.runner.pool.waitForDone(0) and background

    def shutdown(self) -> None:
        self.runner.cancel_all()
        for services in (self.services, self.closing):
            if services is not None:
                services.close()
        self.services = self.closing = None


def _open_dialogs() -> list[Any]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and not isinstance(w, UnlockDialog)]


def _default_user(path: Path) -> str:
    try:
        return KeyFile.load(key_path_for(path)).default_user
    except Exception:
        return ""


