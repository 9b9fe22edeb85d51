"""Rows with a deadline: overdue ones in red, estimated due dates marked, newest first."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.services.deadlines import DeadlineInfo
from desktop_app.ui.i18n import format_date
from desktop_app.ui.objections.texts import tr
from desktop_app.ui.rows_model import Index, RowsTableModel


class HasDeadline(Protocol):
    @property
    def deadline(self) -> DeadlineInfo: ...


T = TypeVar("T", bound=HasDeadline)
OVERDUE = QColor("#b3261e")
ESTIMATED = QColor("#8a5a00")


class DeadlineTableModel(RowsTableModel[T]):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            deadline = self.rows[index.row()].deadline
            if deadline.overdue:
                return QBrush(OVERDUE)
            if deadline.estimated:
                return QBrush(ESTIMATED)
        return super().data(index, role)


def due_text(d: DeadlineInfo) -> str:
    if d.due_on is None:
        return ""
    text = format_date(d.due_on) + ("*" if d.estimated else "")
    if d.overdue:
        text += tr(LATE).format(n=d.days_overdue) if d.days_overdue else tr(PASSED)
    return text


LATE = QT_TRANSLATE_NOOP("Objections", "（逾期{n}个工作日）")
PASSED = QT_TRANSLATE_NOOP("Objections", "（已逾期）")
