"""The lines of a roster with what becomes of each; the trainer decides the doubtful ones."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop_app.services.training_roster import LineStatus, RosterEntry, RosterLine, RosterPreview
from desktop_app.services.training_rows import AttendanceEntry
from desktop_app.ui.i18n import label
from desktop_app.ui.training.texts import FIELDS, tr

Index = QModelIndex | QPersistentModelIndex
OPTIONS_ROLE = Qt.ItemDataRole.UserRole + 1
SKIP = "skip"

HEADERS = (QT_TRANSLATE_NOOP("Training", "行"), QT_TRANSLATE_NOOP("Training", "姓名"),
           QT_TRANSLATE_NOOP("Training", "身份证号"), QT_TRANSLATE_NOOP("Training", "单位"),
           QT_TRANSLATE_NOOP("Training", "情况"), QT_TRANSLATE_NOOP("Training", "处理"))
CHOICE_COLUMN = 5
PROBLEM = QColor("#b3261e")
RESOLVED = QColor("#1b6e3a")
CHOOSE = QT_TRANSLATE_NOOP("Training", "请选择…")
STATUS_FIELD = QT_TRANSLATE_NOOP("Training", "{status}：{field}")  # a line's status and the field it is about
SKIP_TEXT = QT_TRANSLATE_NOOP("Training", "跳过此行")
IMPORT_TEXT = QT_TRANSLATE_NOOP("Training", "导入")
LEFT_OUT = QT_TRANSLATE_NOOP("Training", "不导入")
BAD_VALUE_HINT = QT_TRANSLATE_NOOP("Training", "可导入此人（不带该行的请假、成绩），再在成绩表中填写；或跳过此行。")
CHOICE_HINT = QT_TRANSLATE_NOOP("Training", "请选择名单所指的人员，或跳过此行（之后可用“添加学员”另行添加）。")


class RosterModel(QAbstractTableModel):
    resolved_changed = Signal()

    def __init__(self, preview: RosterPreview, parent: Any = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.lines: list[RosterLine] = list(preview.lines)
        self.choices: dict[int, uuid.UUID | str] = {}

    def set_preview(self, preview: RosterPreview) -> None:
        self.beginResetModel()
        self.preview = preview
        self.lines = list(preview.lines)
        self.choices.clear()
        self.endResetModel()
        self.resolved_changed.emit()

    def unresolved(self) -> list[int]:
        """Rows still waiting for the trainer's decision."""
        return [i for i, line in enumerate(self.lines) if line.status.needs_choice and i not in self.choices]

    def entries(self) -> list[RosterEntry]:
        out = []
        for i, line in enumerate(self.lines):
            choice = self.choices.get(i)
            if line.status is LineStatus.READY and line.person is not None:
                out.append(RosterEntry(line.line, line.person.id, line.entry))
            elif isinstance(choice, uuid.UUID):
                # A bad value is left out; the marks can be entered in the grid afterwards.
                entry = AttendanceEntry() if line.status is LineStatus.BAD_VALUE else line.entry
                out.append(RosterEntry(line.line, choice, entry))
        return out

    def counts(self) -> dict[str, int]:
        ready = sum(1 for line in self.lines if line.status is LineStatus.READY)
        chosen = sum(1 for c in self.choices.values() if isinstance(c, uuid.UUID))
        return {"lines": len(self.lines), "import": ready + chosen, "open": len(self.unresolved()),
                "left_out": len(self.lines) - ready - chosen - len(self.unresolved())}

    def options(self, row: int) -> list[tuple[str, uuid.UUID | str]]:
        line = self.lines[row]
        found = [(f"{c.name}  {c.id_number_masked}  {c.unit_name}", c.id) for c in line.candidates]
        return [*found, (tr(SKIP_TEXT), SKIP)]

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHOICE_COLUMN and self.lines[index.row()].status.needs_choice:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), column)
        if role == OPTIONS_ROLE:
            return self.options(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and column in (4, CHOICE_COLUMN) and line.status.needs_choice:
            return QBrush(RESOLVED if index.row() in self.choices else PROBLEM)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return self._status_text(line, detailed=True)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        if value is None:
            self.choices.pop(index.row(), None)
        else:
            self.choices[index.row()] = value
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), CHOICE_COLUMN))
        self.resolved_changed.emit()
        return True

    def _text(self, row: int, column: int) -> str:
        line = self.lines[row]
        if column == 0:
            return str(line.line)
        if column == 1:
            return line.name or (line.person.name if line.person else "")
        if column == 2:
            text = line.id_text
            return f"{text[:6]}********{text[-4:]}" if len(text) >= 15 else text
        if column == 3:
            return line.unit or (line.person.unit_name if line.person else "")
        if column == 4:
            return self._status_text(line)
        return self._choice_text(row)

    def _status_text(self, line: RosterLine, *, detailed: bool = False) -> str:
        text = label(line.status.label)
        if line.bad_field in FIELDS:
            text = tr(STATUS_FIELD).format(status=text, field=tr(FIELDS[line.bad_field or ""]))
        if detailed and line.status is LineStatus.BAD_VALUE:
            text += "\n" + tr(BAD_VALUE_HINT)
        elif detailed and line.status.needs_choice:
            text += "\n" + tr(CHOICE_HINT)
        return text

    def _choice_text(self, row: int) -> str:
        line = self.lines[row]
        if line.status is LineStatus.READY:
            return tr(IMPORT_TEXT)
        if not line.status.needs_choice:
            return tr(LEFT_OUT)
        choice = self.choices.get(row)
        if choice is None:
            return tr(CHOOSE)
        return next((text for text, value in self.options(row) if value == choice), tr(CHOOSE))
