"""A non-modal banner: the archive has not synced for N days (or the last sync failed)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.ui.sync.overview import SyncOverview

STYLE = ("QFrame#syncReminder { background: #fff4dc; border: 1px solid #e6c77a; border-radius: 4px; }"
         "QFrame#syncReminder QLabel { color: #5c3d00; }")


class ReminderBanner(QFrame):
    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncReminder")
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.text.setObjectName("syncReminderText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("立即同步"))
        self.button.clicked.connect(self.sync_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def show_overview(self, overview: SyncOverview) -> None:
        days = overview.overdue_days
        if days is None:
            self.hide()
            return
        if overview.may_sync:
            advice = self.tr("请立即同步，或导出离线包交给上级单位。")
        else:
            advice = self.tr("请联系管理员同步。")
        self.text.setText(self.tr("本档案库已 {0} 天没有与上级中心库同步。").format(days) + advice)
        self.button.setVisible(overview.may_sync and overview.central_configured)
        self.show()
