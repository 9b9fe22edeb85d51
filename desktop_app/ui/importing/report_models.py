"""Table models of the dry-run page: the lines that cannot be imported, and the lines that update."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.importing import ImportKind, Problem, Update
from desktop_app.ui.importing.texts import LIST_SEPARATOR, field_label, reason, tr

Index = QModelIndex | QPersistentModelIndex
COLUMN = QT_TRANSLATE_NOOP("Import", "{letter}（{column}）")  # a column's letter and the file's own header


class ProblemModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("Import", "行号"), QT_TRANSLATE_NOOP("Import", "列"),
               QT_TRANSLATE_NOOP("Import", "原因"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.problems: tuple[Problem, ...] = ()
        self._reasons: list[str] = []

    def set_problems(self, problems: tuple[Problem, ...]) -> None:
        self.beginResetModel()
        self.problems = problems
        self._reasons = [reason(p) for p in problems]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = tr(COLUMN).format(letter=problem.letter, column=problem.column) if problem.column else "—"
            return (str(problem.line), column, self._reasons[index.row()])[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._reasons[index.row()] + "\n" + problem.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class UpdateModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("Import", "行号"), QT_TRANSLATE_NOOP("Import", "对应的档案"),
               QT_TRANSLATE_NOOP("Import", "将更新的内容"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = ImportKind.PERSONS
        self.updates: tuple[Update, ...] = ()

    def set_updates(self, kind: ImportKind, updates: tuple[Update, ...]) -> None:
        self.beginResetModel()
        self.kind, self.updates = kind, updates
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.updates)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        update = self.updates[index.row()]
        fields = tr(LIST_SEPARATOR).join(field_label(self.kind, f) or f for f in update.fields
                                         if f not in _BOOKKEEPING)
        return (str(update.line), update.key, fields)[index.column()]


_BOOKKEEPING = frozenset({"name_pinyin", "name_initials"})
