"""账户与维护: 我的账户 for everyone; 用户 and 备份与密钥 for those whose role may (the services check
every call anyway; what is hidden here is hidden only for clarity)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.ui.admin.account_panel import AccountPanel
from desktop_app.ui.admin.maintenance_panel import MaintenancePanel
from desktop_app.ui.admin.users_panel import UsersPanel
from desktop_app.ui.tasks import TaskRunner


class AdminPage(QWidget):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        may = services.ctx.may
        title = QLabel(self.tr("账户与维护"))
        title.setProperty("role", "pageTitle")
        self.account = AccountPanel(services)
        self.users: UsersPanel | None = UsersPanel(services) if may(Permission.USER_MANAGE) else None
        self.maintenance: MaintenancePanel | None = None
        if may(Permission.ARCHIVE_BACKUP) or may(Permission.ARCHIVE_REKEY):
            self.maintenance = MaintenancePanel(services, runner)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.account)
        if self.users is not None:
            layout.addWidget(self.users, 1)
        if self.maintenance is not None:
            layout.addWidget(self.maintenance)
        if self.users is None:
            layout.addStretch(1)
