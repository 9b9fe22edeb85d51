"""The users of the archive: name, role, the units each is limited to, and whether the account is in use."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from desktop_app.services.rows import UserRow
from desktop_app.ui.i18n import label
from desktop_app.ui.rows_model import Column, Index, RowsTableModel

CTX = "UserTableModel"
WHOLE_ARCHIVE = QT_TRANSLATE_NOOP("UserTableModel", "整个档案库")
ACTIVE = QT_TRANSLATE_NOOP("UserTableModel", "在用")
INACTIVE = QT_TRANSLATE_NOOP("UserTableModel", "已停用")
INACTIVE_COLOR = QColor("#8a939c")


def units_text(row: UserRow) -> str:
    return "、".join(row.units) if row.units else QCoreApplication.translate(CTX, WHOLE_ARCHIVE)


def state_text(row: UserRow) -> str:
    return QCoreApplication.translate(CTX, ACTIVE if row.active else INACTIVE)


COLUMNS: tuple[Column[UserRow], ...] = (
    Column(QT_TRANSLATE_NOOP("Columns", "用户名"), lambda u: u.name),
    Column(QT_TRANSLATE_NOOP("Columns", "角色"), lambda u: label(u.role.label)),
    Column(QT_TRANSLATE_NOOP("Columns", "负责单位"), units_text),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), state_text),
)


class UserTableModel(RowsTableModel[UserRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def row_of(self, name: str) -> int:
        return next((i for i, u in enumerate(self.rows) if u.name == name), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and not self.rows[index.row()].active:
            return INACTIVE_COLOR
        return super().data(index, role)
