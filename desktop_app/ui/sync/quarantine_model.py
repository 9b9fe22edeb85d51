"""Remote changes refused and kept aside (read-only), with the reason in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services.sync import QuarantineRow
from desktop_app.ui.i18n import format_datetime
from desktop_app.ui.rows_model import Column, RowsTableModel
from desktop_app.ui.sync.conflict_values import title
from desktop_app.ui.sync.texts import quarantine_reason

COLUMNS: tuple[Column[QuarantineRow], ...] = (
    Column(title(QT_TRANSLATE_NOOP("Columns", "收到时间")), lambda q: format_datetime(q.received_at)),
    Column(title(QT_TRANSLATE_NOOP("Columns", "来源设备")), lambda q: q.device_id[:8], lambda q: q.device_id),
    Column(title(QT_TRANSLATE_NOOP("Columns", "原因")), lambda q: quarantine_reason(q.reason), lambda q: q.reason),
    Column(title(QT_TRANSLATE_NOOP("Columns", "更改编号")), lambda q: str(q.change_id)),
)


class QuarantineTableModel(RowsTableModel[QuarantineRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
