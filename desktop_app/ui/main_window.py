"""The main window: navigation, the pages, the status bar. It wires pages together, nothing more."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.ui.admin.admin_page import AdminPage
from desktop_app.ui.audit.audit_page import AuditPage
from desktop_app.ui.events import ArchiveEvents
from desktop_app.ui.objections.objections_page import ObjectionsPage
from desktop_app.ui.pages.placeholder_page import PlaceholderPage
from desktop_app.ui.pages.settings_page import SettingsPage
from desktop_app.ui.paths import ICONS
from desktop_app.ui.persons.persons_page import PersonsPage
from desktop_app.ui.settings import AppSettings
from desktop_app.ui.status_bar import ArchiveStatusBar
from desktop_app.ui.sync.sync_controller import SyncController
from desktop_app.ui.sync.sync_page import SyncPage
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.training.training_page import TrainingPage

PERSONS, TRAINING, OBJECTIONS, SYNC, AUDIT, ADMIN, SETTINGS = range(7)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    language_requested = Signal(str)
    idle_minutes_changed = Signal(int)

    def __init__(self, settings: AppSettings, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner
        self.events = ArchiveEvents(self)
        self.persons_page: PersonsPage | None = None
        self.settings_page: SettingsPage | None = None
        self.sync_controller: SyncController | None = None
        self.retired: list[SyncController] = []  # stopped, their worker may still be winding down
        self.sync_page: SyncPage | None = None
        self.setObjectName("mainWindow")
        self.resize(1180, 720)
        self.setWindowIcon(QIcon(str(ICONS / "app.svg")))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(150)
        self.pages = QStackedWidget()
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.cover = QLabel()
        self.cover.setObjectName("lockCover")
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer = QStackedWidget()
        self.outer.addWidget(content)
        self.outer.addWidget(self.cover)
        self.setCentralWidget(self.outer)
        self.status = ArchiveStatusBar()
        self.setStatusBar(self.status)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_requested)
        self.addAction(self.lock_action)
        self.events.changed.connect(lambda entities, sender: self._archive_changed(entities, sender))
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("公务员诚信档案"))
        self.cover.setText(self.tr("已锁定"))
        self.lock_action.setText(self.tr("锁定"))

    # -- session ------------------------------------------------------------------------

    def set_services(self, services: Services) -> None:
        """Build every page for this signed-in user (after unlock, or to change language)."""
        self.clear()
        self._retranslate()
        may = services.ctx.may
        entries: list[tuple[str, str, QWidget]] = []
        if may(Permission.PERSON_READ):
            self.persons_page = PersonsPage(services, self.runner, self.events)
            persons: QWidget = self.persons_page
        else:
            persons = PlaceholderPage(self.tr("人员档案"), self.tr("您的角色无权查看人员档案。"))
        entries.append((self.tr("人员档案"), "persons", persons))
        if may(Permission.TRAINING_READ):
            training: QWidget = TrainingPage(services)
        else:
            training = PlaceholderPage(self.tr("培训"), self.tr("您的角色无权查看培训记录。"))
        entries.append((self.tr("培训"), "training", training))
        if may(Permission.RECORD_READ):
            objections: QWidget = ObjectionsPage(services, events=self.events)
        else:
            objections = PlaceholderPage(self.tr("异议与信用修复"), self.tr("您的角色无权查看异议与信用修复。"))
        entries.append((self.tr("异议与修复"), "objections", objections))
        self.sync_controller = SyncController(services, self.settings, self.events, parent=self)
        self.sync_controller.status_changed.connect(self.status.show_sync)
        self.sync_page = SyncPage(services, self.sync_controller, self.events)
        entries.append((self.tr("同步"), "sync", self.sync_page))
        entries.append((self.tr("审计"), "audit", AuditPage(services, self.runner)))
        entries.append((self.tr("账户与维护"), "admin", AdminPage(services, self.runner)))
        self.settings_page = SettingsPage(services, self.settings)
        self.settings_page.lock_requested.connect(self.lock_requested)
        self.settings_page.language_changed.connect(self.language_requested)
        self.settings_page.idle_minutes_changed.connect(self.idle_minutes_changed)
        entries.append((self.tr("设置"), "settings", self.settings_page))
        for text, icon, page in entries:
            item = QListWidgetItem(QIcon(str(ICONS / f"{icon}.svg")), text)
            item.setSizeHint(QSize(140, 40))
            self.nav.addItem(item)
            self.pages.addWidget(page)
        widest = max(self.nav.fontMetrics().horizontalAdvance(text) for text, _i, _p in entries)
        self.nav.setFixedWidth(max(150, widest + 64))
        self.nav.setCurrentRow(PERSONS if may(Permission.PERSON_READ) else AUDIT)
        self.status.show_session(services)
        self.sync_controller.start()
        self.outer.setCurrentIndex(0)

    def clear(self) -> None:
        """Drop every page and its cached rows (on lock): nothing personal stays on screen."""
        self.outer.setCurrentIndex(1)
        self._stop_sync()
        self.nav.clear()
        while self.pages.count():
            page = self.pages.widget(0)
            if page is None:
                break
            self.pages.removeWidget(page)
            page.deleteLater()
        self.persons_page = None
        self.settings_page = None
        self.sync_page = None
        self.status.clear_session()

    def _archive_changed(self, entities: frozenset[str], sender: object) -> None:
        """Every change (an edit, a sync, a resolved conflict) refreshes the pending count and last sync."""
        if self.sync_controller is not None:
            self.sync_controller.archive_changed(entities, sender)

    def _stop_sync(self) -> None:
        """No background sync outlives the session (lock, language switch, quit). A stopped
        controller is kept until its worker has ended: the archive must not close under it."""
        if self.sync_controller is not None:
            self.sync_controller.stop()
            self.retired.append(self.sync_controller)
            self.sync_controller = None
        self.background_done()

    def background_done(self) -> bool:
        """True when no stopped sync job still runs; controllers whose worker ended are deleted."""
        running = [c for c in self.retired if not c.runner.pool.waitForDone(0)]
        for controller in self.retired:
            if controller not in running:
                controller.deleteLater()
        self.retired = running
        return not running

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_sync()
        super().closeEvent(event)

    def go_to(self, page: int) -> None:
        self.nav.setCurrentRow(page)

    def restore_draft(self, draft: dict[str, Any]) -> bool:
        """Reopen the form a draft came from: an objection or repair form on the 异议与修复 page
        (the page first), a record form via the persons page → person → dialog."""
        if ObjectionsPage.owns_draft(draft):
            page = self.pages.widget(OBJECTIONS)
            if isinstance(page, ObjectionsPage):
                self.go_to(OBJECTIONS)
                return page.restore_draft(draft)
            # the page is not available to this user now: never drop what was typed
            ObjectionsPage.offer_draft_text(self, draft, self.tr("您的角色无权查看异议与信用修复。"))
            return False
        if self.persons_page is not None:
            self.go_to(PERSONS)
            if self.persons_page.restore_draft(draft):
                return True
        reason = self.tr("该表单所属的人员或记录已不存在，或您无权查看，无法重新打开。")
        ObjectionsPage.offer_draft_text(self, draft, reason)
        return False
