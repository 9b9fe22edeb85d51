"""The persons table: only rowids in display order; rows are loaded in blocks as the view asks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_app.services.rows import PersonRow
from desktop_app.ui.i18n import format_date, label

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[list[int]], dict[int, PersonRow]]

BLOCK_BEFORE, BLOCK_AFTER = 40, 160
CACHE_LIMIT = 20_000

COLUMNS: tuple[tuple[str, str, Callable[[PersonRow], str]], ...] = (
    (QT_TRANSLATE_NOOP("PersonTableModel", "姓名"), "name", lambda p: p.name),
    (QT_TRANSLATE_NOOP("PersonTableModel", "身份证号"), "id_number", lambda p: p.id_number_masked),
    (QT_TRANSLATE_NOOP("PersonTableModel", "性别"), "gender", lambda p: label(p.gender.label)),
    (QT_TRANSLATE_NOOP("PersonTableModel", "出生日期"), "birth_date", lambda p: format_date(p.birth_date)),
    (QT_TRANSLATE_NOOP("PersonTableModel", "单位"), "unit", lambda p: p.unit_name),
    (QT_TRANSLATE_NOOP("PersonTableModel", "职务"), "post", lambda p: p.post),
    (QT_TRANSLATE_NOOP("PersonTableModel", "职级"), "rank", lambda p: p.rank),
    (QT_TRANSLATE_NOOP("PersonTableModel", "状态"), "status", lambda p: label(p.status.label)),
)


class PersonTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self._ids: list[int] = []
        self._rows: dict[int, PersonRow] = {}

    # -- our API ------------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def forget_rows(self) -> None:
        """Rows changed in the archive: reload what is shown."""
        self._rows.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def person_at(self, row: int) -> PersonRow | None:
        if not 0 <= row < len(self._ids):
            return None
        return self._load(row)

    def row_of(self, person_id: object) -> int:
        for rowid, person in self._rows.items():
            if person.id == person_id and rowid in self._ids:
                return self._ids.index(rowid)
        return -1

    @staticmethod
    def sort_key(column: int) -> str:
        return COLUMNS[column][1]

    # -- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        person = self._load(index.row())
        if person is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        return COLUMNS[index.column()][2](person)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("PersonTableModel", COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sort_requested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)

    # -- loading ------------------------------------------------------------------------

    def _load(self, row: int) -> PersonRow | None:
        rowid = self._ids[row]
        person = self._rows.get(rowid)
        if person is not None:
            return person
        block = [r for r in self._ids[max(0, row - BLOCK_BEFORE):row + BLOCK_AFTER] if r not in self._rows]
        if len(self._rows) + len(block) > CACHE_LIMIT:
            self._rows.clear()
        self._rows.update(self.fetch(block))
        return self._rows.get(rowid)
