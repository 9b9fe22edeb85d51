"""Status bar: signed-in user and role, archive, pending changes, last sync (and its reminder)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop_app.services import Services
from desktop_app.ui.i18n import format_count, format_datetime, label
from desktop_app.ui.sync.overview import SyncOverview

WARNING_STYLE = "color: #8a5a00;"


class ArchiveStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.archive_label = QLabel()
        self.archive_label.setObjectName("statusArchive")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("statusPending")
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("statusConflicts")
        self.conflicts_label.setStyleSheet(WARNING_STYLE)
        self.sync_label = QLabel()
        self.sync_label.setObjectName("statusSync")
        self.labels = (self.user_label, self.archive_label, self.pending_label, self.conflicts_label,
                       self.sync_label)
        for widget in self.labels:
            self.addPermanentWidget(widget)
        self.conflicts_label.hide()

    def show_session(self, services: Services) -> None:
        self.clearMessage()
        archive = services.ctx.archive
        text = self.tr("用户：{0}（{1}）").format(services.user.name, label(services.user.role.label))
        units = services.users.own_scope()
        if units:  # a user limited to some units sees which, so a missing person is not a surprise
            names = [u.name for u in units]
            shown = names[0] if len(names) == 1 else self.tr("{0} 等 {1} 个单位").format(names[0], len(names))
            text += self.tr("，负责：{0}").format(shown)
            self.user_label.setToolTip(self.tr("负责的单位（含下级单位）：\n{0}").format("\n".join(names)))
        else:
            self.user_label.setToolTip("")
        self.user_label.setText(text)
        self.archive_label.setText(self.tr("档案库：{0}").format(archive.office_name or archive.path.name))
        self.archive_label.setToolTip(str(archive.path))
        self.sync_label.setText(self.tr("上次同步：从未同步"))

    def show_sync(self, overview: SyncOverview) -> None:
        """The sync controller's overview: refreshed after every sync and every edit."""
        status = overview.status
        self.pending_label.setText(self.tr("待同步更改：{0}").format(format_count(status.pending)))
        self.conflicts_label.setText(self.tr("同步冲突：{0}").format(format_count(status.open_conflicts)))
        self.conflicts_label.setVisible(status.open_conflicts > 0)
        if status.last_sync_at is None:
            text = self.tr("上次同步：从未同步")
        else:
            text = self.tr("上次同步：{0}").format(format_datetime(status.last_sync_at))
        tip = ""
        if overview.overdue_days is not None:
            text += self.tr("（已 {0} 天未同步）").format(overview.overdue_days)
        if overview.waiting_for_password:
            tip = self.tr("自动同步需要中心库口令：请在“同步”页输入。")
        elif overview.last_error:
            text += self.tr("（最近一次同步未成功）")
            tip = overview.last_error
        warn = overview.overdue_days is not None or bool(overview.last_error)
        self.sync_label.setText(text)
        self.sync_label.setToolTip(tip)
        self.sync_label.setStyleSheet(WARNING_STYLE if warn else "")

    def clear_session(self) -> None:
        for widget in self.labels:
            widget.clear()
            widget.setToolTip("")
        self.conflicts_label.hide()
        self.showMessage(self.tr("已锁定"))
