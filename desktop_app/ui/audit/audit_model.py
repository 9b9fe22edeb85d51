"""The audit trail, newest first, loaded page by page as the view scrolls (``fetchMore``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.services.rows import AuditRow
from desktop_app.ui.audit.actions import audit_action, audit_detail, audit_object, audit_outcome
from desktop_app.ui.i18n import format_datetime

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int | None, int], list[AuditRow]]   # (before_seq, limit) → rows, newest first
PAGE = 200

COLUMNS: tuple[tuple[object, Callable[[AuditRow], str]], ...] = (
    (QT_TRANSLATE_NOOP("AuditTableModel", "序号"), lambda e: str(e.seq)),
    (QT_TRANSLATE_NOOP("AuditTableModel", "时间"), lambda e: format_datetime(e.at)),
    (QT_TRANSLATE_NOOP("AuditTableModel", "用户"), lambda e: e.user_name),
    (QT_TRANSLATE_NOOP("AuditTableModel", "操作"), lambda e: audit_action(e.action)),
    (QT_TRANSLATE_NOOP("AuditTableModel", "对象"), audit_object),
    (QT_TRANSLATE_NOOP("AuditTableModel", "结果"), audit_outcome),
    (QT_TRANSLATE_NOOP("AuditTableModel", "详情"), lambda e: audit_detail(e.detail)),
)
FAILED_COLOUR = "#b3261e"


class AuditTableModel(QAbstractTableModel):
    def __init__(self, fetch: Fetch, page: int = PAGE, parent: Any = None) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.page = page
        self.rows: list[AuditRow] = []
        self.exhausted = False

    def reload(self) -> None:
        self.beginResetModel()
        self.rows, self.exhausted = [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def entry_at(self, row: int) -> AuditRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self.exhausted:
            return
        before = self.rows[-1].seq if self.rows else None
        page = self.fetch(before, self.page)
        if len(page) < self.page:
            self.exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == len(COLUMNS) - 1 and entry.detail:
                return json.dumps(entry.detail, ensure_ascii=False, indent=1, default=str)
            if index.column() == 4:
                return f"{entry.object_type} {entry.object_id}".strip()
            if index.column() == 3:
                return entry.action
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not entry.success:
            return QColor(FAILED_COLOUR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("AuditTableModel", str(COLUMNS[section][0]))
        return None
