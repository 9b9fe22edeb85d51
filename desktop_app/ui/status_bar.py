"""Status bar: signed-in user and role, archive, pending changes, last sync."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop_app.services import Services
from desktop_app.services.ui_queries import UiQueries
from desktop_app.ui.i18n import format_count, label


class ArchiveStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.archive_label = QLabel()
        self.archive_label.setObjectName("statusArchive")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("statusPending")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("statusSync")
        for widget in (self.user_label, self.archive_label, self.pending_label, self.sync_label):
            self.addPermanentWidget(widget)
        self.queries: UiQueries | None = None

    def show_session(self, services: Services) -> None:
        self.queries = UiQueries(services.ctx)
        self.clearMessage()
        archive = services.ctx.archive
        self.user_label.setText(self.tr("用户：{0}（{1}）").format(services.user.name,
                                                                label(services.user.role.label)))
        self.archive_label.setText(self.tr("档案库：{0}").format(archive.office_name or archive.path.name))
        self.archive_label.setToolTip(str(archive.path))
        self.sync_label.setText(self.tr("上次同步：从未同步"))
        self.refresh()

    def refresh(self) -> None:
        if self.queries is None:
            return
        self.pending_label.setText(self.tr("待同步更改：{0}").format(format_count(self.queries.pending_changes())))

    def clear_session(self) -> None:
        self.queries = None
        for widget in (self.user_label, self.archive_label, self.pending_label, self.sync_label):
            widget.clear()
        self.showMessage(self.tr("已锁定"))
