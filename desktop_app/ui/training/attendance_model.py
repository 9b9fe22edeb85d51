"""The attendance grid: one row per attendee; marks edited in place and saved together.

Edits stay in the model (shown bold on a tinted background) until the page saves them in one
transaction; each saved row carries the version it was read at, so a concurrent change refuses
the save instead of overwriting it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.domain.training import AttendanceResult
from desktop_app.services.training_rows import AttendanceEntry, AttendanceRow, AttendanceUpdate
from desktop_app.ui.i18n import label
from desktop_app.ui.training.texts import amount, tr

Index = QModelIndex | QPersistentModelIndex

# (header, AttendanceEntry field or None when read-only)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("Training", "姓名"), None),
    (QT_TRANSLATE_NOOP("Training", "身份证号"), None),
    (QT_TRANSLATE_NOOP("Training", "单位"), None),
    (QT_TRANSLATE_NOOP("Training", "请假学时"), "leave_hours"),
    (QT_TRANSLATE_NOOP("Training", "获得学时"), "hours_earned"),
    (QT_TRANSLATE_NOOP("Training", "获得天数"), "days_earned"),
    (QT_TRANSLATE_NOOP("Training", "成绩"), "result"),
    (QT_TRANSLATE_NOOP("Training", "证书编号"), "certificate_no"),
    (QT_TRANSLATE_NOOP("Training", "备注"), None),
)
UNIT_COLUMN, RESULT_COLUMN = 2, 6
EDITED = QColor("#fff4c2")
FAILED = QColor("#b3261e")


class AttendanceModel(QAbstractTableModel):
    dirty_changed = Signal(bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AttendanceRow] = []
        self.edits: dict[uuid.UUID, dict[str, str]] = {}
        self.editable = True

    def set_rows(self, rows: Sequence[AttendanceRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.edits.clear()
        self.endResetModel()
        self.dirty_changed.emit(False)

    @property
    def dirty(self) -> bool:
        return bool(self.edits)

    def row_at(self, row: int) -> AttendanceRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def updates(self) -> list[AttendanceUpdate]:
        """The edited rows, with only the edited marks set."""
        out = []
        for row in self.rows:
            edits = self.edits.get(row.id)
            if edits:
                entry = AttendanceEntry(**{k: _entry_value(k, v) for k, v in edits.items()})
                out.append(AttendanceUpdate(row.id, row.version, entry))
        return out

    def mark_result(self, rows: Sequence[int], result: AttendanceResult) -> None:
        """Set the result of several rows at once (the keyboard shortcuts of the grid)."""
        for row in rows:
            self.setData(self.index(row, RESULT_COLUMN), label(result.label), Qt.ItemDataRole.EditRole)

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return tr(COLUMNS[section][0])
        return str(section + 1) if orientation == Qt.Orientation.Vertical else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and COLUMNS[index.column()][1] is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][1]
        edited = key is not None and key in self.edits.get(row.id, {})
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.edits[row.id][key] if edited and key else _text(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and edited:
            return QBrush(EDITED)
        if role == Qt.ItemDataRole.FontRole and edited:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == RESULT_COLUMN and not edited \
                and row.result is AttendanceResult.FAILED:
            return QBrush(FAILED)
        if role == Qt.ItemDataRole.ToolTipRole:  # the unit column is narrow (elided): its full name
            return row.unit_name if index.column() == UNIT_COLUMN else (row.note or None)
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= index.column() <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.flags(index) & \
                Qt.ItemFlag.ItemIsEditable:
            return False
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][1]
        assert key is not None
        text = str(value).strip()
        was_dirty = self.dirty
        edits = self.edits.setdefault(row.id, {})
        if text == _text(row, index.column()):
            edits.pop(key, None)
            if not edits:
                del self.edits[row.id]
        else:
            edits[key] = text
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(COLUMNS) - 1))
        if self.dirty != was_dirty:
            self.dirty_changed.emit(self.dirty)
        return True


def _text(row: AttendanceRow, column: int) -> str:
    values = (row.name, row.id_number_masked, row.unit_name, amount(row.leave_hours), amount(row.hours_earned),
              amount(row.days_earned), label(row.result.label), row.certificate_no, row.note)
    return values[column]


def _entry_value(key: str, text: str) -> str:
    if key != "result":
        return text
    for result in AttendanceResult:  # the shown label may be translated; the service takes codes
        if text in (label(result.label), result.label, result.value):
            return result.value
    return text
