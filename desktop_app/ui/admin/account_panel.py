"""我的账户 (every signed-in user): who is signed in, on which units, and changing one's own passphrase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.services import Services
from desktop_app.ui.admin.change_passphrase_dialog import ChangePassphraseDialog
from desktop_app.ui.admin.status_line import StatusLine
from desktop_app.ui.i18n import label


class AccountPanel(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPanel")
        self.setTitle(self.tr("我的账户"))
        self.services = services
        self.dialog: ChangePassphraseDialog | None = None
        user = services.user
        units = [u.name for u in services.users.own_scope()]
        scope = QLabel("、".join(units) if units else self.tr("整个档案库"))
        scope.setObjectName("ownScope")
        scope.setWordWrap(True)
        self.change_button = QPushButton(self.tr("修改口令…"))
        self.change_button.setObjectName("changePassphrase")
        self.change_button.clicked.connect(self.change_passphrase)
        self.status = StatusLine()
        self.status.setObjectName("accountStatus")
        form = QFormLayout()
        form.addRow(self.tr("用户名："), QLabel(user.name))
        form.addRow(self.tr("角色："), QLabel(label(user.role.label)))
        form.addRow(self.tr("负责单位："), scope)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)

    def change_passphrase(self) -> None:
        self.status.clear_line()
        dialog = ChangePassphraseDialog(self.services.users, self.services.user.name, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._changed)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _changed(self) -> None:
        self.status.show_ok(self.tr("口令已修改。下次登录或解锁时请使用新口令。"))
