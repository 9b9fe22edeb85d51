"""同步状态: pending changes, last sync, the next automatic sync; 立即同步 with progress and cancel,
and the result of the last job in words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.i18n import format_count, format_datetime
from desktop_app.ui.sync.overview import SyncOverview
from desktop_app.ui.sync.texts import stage_text

ERROR_STYLE = "color: #b3261e;"
OK_STYLE = "color: #1e6b2a;"


class RunPanel(QGroupBox):
    sync_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("同步状态"))
        self.pending_label = QLabel()
        self.pending_label.setObjectName("syncPending")
        self.last_label = QLabel()
        self.last_label.setObjectName("syncLast")
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("syncConflicts")
        self.next_label = QLabel()
        self.next_label.setObjectName("syncNext")
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.sync_requested)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("cancelSync")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.stage_label = QLabel()
        self.stage_label.setObjectName("syncStage")
        self.stage_label.setProperty("role", "hint")
        self.result_label = QLabel()
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("待同步更改："), self.pending_label)
        form.addRow(self.tr("上次同步："), self.last_label)
        form.addRow(self.tr("未处理冲突："), self.conflicts_label)
        form.addRow(self.tr("自动同步："), self.next_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.stage_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def show_overview(self, overview: SyncOverview) -> None:
        status = overview.status
        self.pending_label.setText(format_count(status.pending))
        last = self.tr("从未同步") if status.last_sync_at is None else format_datetime(status.last_sync_at)
        if overview.overdue_days is not None:
            last += self.tr("（已 {0} 天未同步）").format(overview.overdue_days)
        self.last_label.setText(last)
        self.conflicts_label.setText(format_count(status.open_conflicts))
        self.next_label.setText(self._next_text(overview))

    def _next_text(self, overview: SyncOverview) -> str:
        if not overview.may_sync:
            return self.tr("由管理员执行")
        if not overview.central_configured:
            return self.tr("未设置中心库")
        if overview.waiting_for_password:
            return self.tr("等待输入中心库口令")
        if overview.next_attempt_s is None:
            return self.tr("已停止")
        minutes = max(1, round(overview.next_attempt_s / 60))
        text = self.tr("约 {0} 分钟后").format(minutes)
        if overview.failures:
            text += self.tr("（连续 {0} 次未成功，已延长间隔）").format(overview.failures)
        return text

    # -- a job ----------------------------------------------------------------------------

    def set_busy(self, busy: bool, *, cancellable: bool = True) -> None:
        self.sync_button.setEnabled(not busy and self.sync_button.property("allowed") is not False)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(cancellable)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        else:
            self.stage_label.clear()

    def allow_sync(self, allowed: bool, reason: str = "") -> None:
        self.sync_button.setProperty("allowed", allowed)
        self.sync_button.setEnabled(allowed)
        self.sync_button.setToolTip(reason)

    def show_progress(self, stage: str, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.stage_label.setText(f"{stage_text(stage)} {format_count(done)} / {format_count(total)}")
        else:
            self.progress.setRange(0, 0)
            self.stage_label.setText(f"{stage_text(stage)} {format_count(done)}" if done else stage_text(stage))

    def show_result(self, text: str, *, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)

    def show_note(self, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("")
