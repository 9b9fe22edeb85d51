"""新增用户: name, role, a first passphrase (typed twice) and, optionally, the units the user is limited to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.domain.enums import Role
from desktop_app.services.rows import UnitRow, UserRow
from desktop_app.services.users import UserService
from desktop_app.ui.admin.dialog_buttons import ok_cancel
from desktop_app.ui.admin.passphrase_dialog import PassphraseDialog
from desktop_app.ui.admin.unit_checklist import UnitChecklist
from desktop_app.ui.i18n import label


class AddUserDialog(PassphraseDialog):
    def __init__(self, users: UserService, units: Sequence[UnitRow], *, limited: bool,
                 parent: QWidget | None = None) -> None:
        """``limited``: the administrator is limited to some units, so a new user without units gets theirs."""
        super().__init__(parent)
        self.users = users
        self.added: UserRow | None = None
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("新增用户"))
        self.setMinimumWidth(480)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("userName")
        self.name_edit.setPlaceholderText(self.tr("例如 li.clerk"))
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("userRole")
        for role in Role:
            self.role_combo.addItem(label(role.label), role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.CLERK.value))
        self.units = UnitChecklist(units)
        hint = QLabel(self.tr("不勾选：与您负责的单位相同。") if limited
                      else self.tr("不勾选：可处理整个档案库。勾选的单位包括其下级单位。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.name_edit)
        form.addRow("", self.errors.register("user", self.name_edit))
        form.addRow(self.tr("角色："), self.role_combo)
        form.addRow("", self.errors.register("role", self.role_combo))
        self.pair.add_rows(form, self.tr("初始口令："), self.tr("再次输入口令："))
        form.addRow(self.tr("限定单位："), self.units)
        form.addRow("", hint)
        form.addRow("", self.errors.register("units", self.units))
        buttons, self.ok_button = ok_cancel(self.tr("新增"), self.tr("取消"), self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def save(self) -> bool:
        def add(passphrase: str) -> None:
            self.added = self.users.add(self.name_edit.text().strip(), str(self.role_combo.currentData()),
                                        passphrase, units=self.units.checked_ids() or None)
        return self.submit(add)
