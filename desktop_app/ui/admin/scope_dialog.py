"""限定单位: the units a user works on (each with the units below it), or the whole archive."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services.rows import UnitRow, UserRow
from desktop_app.services.users import UserService
from desktop_app.ui.admin.dialog_buttons import ok_cancel
from desktop_app.ui.admin.dialog_errors import DialogErrors
from desktop_app.ui.admin.unit_checklist import UnitChecklist


class ScopeDialog(QDialog):
    def __init__(self, users: UserService, user: UserRow, units: Sequence[UnitRow], *, limited: bool,
                 parent: QWidget | None = None) -> None:
        """``limited``: the administrator works on some units only, so cannot give the whole archive."""
        super().__init__(parent)
        self.users = users
        self.user = user
        self.setObjectName("scopeDialog")
        self.setWindowTitle(self.tr("限定单位"))
        self.setMinimumWidth(480)
        intro = QLabel(self.tr("{0} 可以查看和处理哪些单位的档案：").format(user.name))
        intro.setWordWrap(True)
        self.errors = DialogErrors()
        self.whole_radio = QRadioButton(self.tr("整个档案库"))
        self.whole_radio.setObjectName("wholeArchive")
        self.some_radio = QRadioButton(self.tr("仅限勾选的单位（包括其下级单位）"))
        self.some_radio.setObjectName("someUnits")
        group = QButtonGroup(self)
        group.addButton(self.whole_radio)
        group.addButton(self.some_radio)
        self.units = UnitChecklist(units)
        self.units.set_checked(user.units)
        (self.some_radio if user.units else self.whole_radio).setChecked(True)
        self.some_radio.toggled.connect(self.units.setEnabled)
        self.units.setEnabled(self.some_radio.isChecked())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.whole_radio)
        if limited:
            self.whole_radio.setEnabled(False)
            note = QLabel(self.tr("您只负责部分单位，不能授予整个档案库。"))
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.some_radio)
        layout.addWidget(self.units)
        layout.addWidget(self.errors.register("units", self.units))
        buttons, self.ok_button = ok_cancel(self.tr("保存"), self.tr("取消"), self.save, self.reject)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self.errors.clear()
        try:
            if self.whole_radio.isChecked():
                self.users.clear_scope(self.user.name)
            else:
                chosen = self.units.checked_ids()
                if not chosen:
                    self.errors.show_text("units", self.tr("请至少勾选一个单位，或选择“整个档案库”。"))
                    return False
                self.users.set_scope(self.user.name, chosen)
        except IntegrityFilesError as exc:
            self.errors.show_any(exc)
            return False
        self.accept()
        return True
