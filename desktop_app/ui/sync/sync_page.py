"""同步: this device, the central store, 立即同步 with progress and cancel, the conflicts to
resolve, the quarantine, and offline bundles. The work runs in the sync controller's worker; the
page only shows it, so the user keeps working while a sync runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.ui.i18n import format_count
from desktop_app.ui.messages import show_error
from desktop_app.ui.sync.bundle_panel import BundlePanel
from desktop_app.ui.sync.central_panel import CentralPanel
from desktop_app.ui.sync.conflicts_panel import ConflictsPanel
from desktop_app.ui.sync.device_panel import DevicePanel
from desktop_app.ui.sync.overview import SyncOverview
from desktop_app.ui.sync.quarantine_panel import QuarantinePanel
from desktop_app.ui.sync.reminder_banner import ReminderBanner
from desktop_app.ui.sync.run_panel import RunPanel
from desktop_app.ui.sync.sync_controller import EXPORT, IMPORT, PREVIEW, SYNC, SYNC_ENTITY, SyncController
from desktop_app.ui.sync.sync_errors import is_expected
from desktop_app.ui.sync.texts import export_summary, import_preview, import_summary, report_summary


class SyncPage(QWidget):
    def __init__(self, services: Services, controller: SyncController, events: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.services = services
        self.controller = controller
        self.events = events
        self.export_target: Path | None = None
        may = services.ctx.may
        title = QLabel(self.tr("同步"))
        title.setProperty("role", "pageTitle")
        self.banner = ReminderBanner()
        self.banner.sync_requested.connect(self.sync_now)
        self.device = DevicePanel(services)
        self.central = CentralPanel(controller) if may(Permission.SYNC_RUN) else None
        self.run = RunPanel()
        self.run.sync_requested.connect(self.sync_now)
        self.run.cancel_requested.connect(controller.cancel)
        if not may(Permission.SYNC_RUN):
            self.run.allow_sync(False, self.tr("只有管理员可以执行同步。"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.conflicts: ConflictsPanel | None = None
        self.quarantine: QuarantinePanel | None = None
        self.bundles: BundlePanel | None = None
        if may(Permission.RECORD_READ):
            self.conflicts = ConflictsPanel(services)
            self.conflicts.resolved.connect(self._resolved)
            self.tabs.addTab(self.conflicts, "")
        else:
            notice = QLabel(self.tr("同步冲突涉及档案内容，您的角色无权查看。"))
            notice.setProperty("role", "hint")
            self.tabs.addTab(notice, self.tr("冲突"))
        if may(Permission.SYNC_RUN):
            self.quarantine = QuarantinePanel(services)
            self.tabs.addTab(self.quarantine, "")
            self.bundles = BundlePanel(services)
            self.bundles.export_requested.connect(self.export_bundle)
            self.bundles.preview_requested.connect(controller.preview_import)
            self.bundles.import_requested.connect(controller.import_bundle)
            self.tabs.addTab(self.bundles, self.tr("离线数据包"))
        left = QVBoxLayout()
        left.addWidget(self.device)
        if self.central is not None:
            left.addWidget(self.central)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 3)
        top.addWidget(self.run, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        controller.status_changed.connect(self.show_overview)
        controller.busy_changed.connect(self._busy)
        controller.started.connect(self._started)
        controller.progressed.connect(self.run.show_progress)
        controller.finished.connect(self._finished)
        controller.failed.connect(self._failed)
        controller.cancelled.connect(self._cancelled)
        self.show_overview(controller.overview())

    # -- actions --------------------------------------------------------------------------

    def sync_now(self) -> bool:
        controller = self.controller
        if self.central is not None and self.central.url_edit.text().strip() != controller.url:
            self.central.save_url()
        if not controller.url:
            self.run.show_note(self.tr("请先填写中心库地址并保存。"))
            if self.central is not None:
                self.central.url_edit.setFocus()
            return False
        if controller.waiting_for_password and (self.central is None or not self.central.ask_password()):
            return False
        return controller.sync_now()

    def export_bundle(self, hq_key: Path, out: Path) -> bool:
        self.export_target = out
        return self.controller.export_bundle(hq_key, out)

    def _resolved(self, entities: set[str]) -> None:
        if self.events is not None:
            self.events.announce(set(entities) | {SYNC_ENTITY}, self)
        else:
            self.controller.refresh_status()

    # -- what the controller reports ----------------------------------------------------------

    def show_overview(self, overview: SyncOverview) -> None:
        self.banner.show_overview(overview)
        self.run.show_overview(overview)
        status = overview.status
        if self.conflicts is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.conflicts),
                                 self.tr("冲突（{0}）").format(format_count(status.open_conflicts)))
        if self.quarantine is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.quarantine),
                                 self.tr("隔离的更改（{0}）").format(format_count(status.quarantined)))

    def _busy(self, busy: bool) -> None:
        self.run.set_busy(busy, cancellable=self.controller.kind == SYNC)
        for panel in (self.bundles, self.conflicts):
            if panel is not None:
                panel.set_busy(busy)

    def _started(self, kind: str) -> None:
        self.run.show_progress("start" if kind == SYNC else kind, 0, 0)
        if kind == SYNC:
            self.run.show_note("")

    def _finished(self, kind: str, result: Any) -> None:
        if kind == SYNC:
            self.run.show_result(report_summary(result), ok=True)
        elif kind == EXPORT and self.bundles is not None:
            name = self.export_target.name if self.export_target else ""
            self.bundles.show_result(export_summary(result, name))
        elif kind == PREVIEW and self.bundles is not None:
            self.bundles.preview_ready(import_preview(result))
        elif kind == IMPORT and self.bundles is not None:
            self.bundles.show_result(import_summary(result))
        if kind in (SYNC, IMPORT):
            self._refresh_lists()

    def _failed(self, kind: str, exc: BaseException, text: str) -> None:
        if kind == SYNC:
            self.run.show_result(text, ok=False)
        elif self.bundles is not None:
            self.bundles.show_result(text)
            self.bundles.pending_import = None
        if not is_expected(exc) and not self.controller.automatic:
            show_error(self, exc)  # unexpected: the crash dialog with details

    def _cancelled(self, kind: str) -> None:
        if kind == SYNC:
            self.run.show_note(self.tr("同步已取消。已完成的部分已保存，下次同步会从中断处继续。"))

    def _refresh_lists(self) -> None:
        for panel in (self.conflicts, self.quarantine):
            if panel is not None:
                panel.refresh()
