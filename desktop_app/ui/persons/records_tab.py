"""The integrity-records tab of a person's file: the list, and add / correct / revoke / put in effect.

Buttons the signed-in role may not use are disabled with a tooltip; the services refuse anyway.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import RecordState
from desktop_app.domain.permissions import Permission
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.rows import RecordRow
from desktop_app.ui.events import RECORD, ArchiveEvents
from desktop_app.ui.i18n import format_date, label
from desktop_app.ui.messages import show_error
from desktop_app.ui.persons.reason_text import state_reason
from desktop_app.ui.records.record_dialog import RecordDialog
from desktop_app.ui.records.revoke_dialog import RevokeDialog
from desktop_app.ui.rows_model import Column, RowsTableModel

STATE_WITH_REASON = QT_TRANSLATE_NOOP("Columns", "：{reason}")  # after the state, in its tooltip

EDITABLE = (RecordState.DRAFT, RecordState.ACTIVE)


def _state_with_reason(r: RecordRow) -> str:
    shown = label(r.display_state)
    if not r.state_reason:
        return shown
    return shown + QCoreApplication.translate("Columns", STATE_WITH_REASON).format(reason=state_reason(r.state_reason))


RECORD_COLUMNS: list[Column[RecordRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "决定日期"), lambda r: format_date(r.decided_on)),
    Column(QT_TRANSLATE_NOOP("Columns", "类别"), lambda r: label(r.polarity.label)),
    Column(QT_TRANSLATE_NOOP("Columns", "记录类型"), lambda r: label(r.kind.label)),
    Column(QT_TRANSLATE_NOOP("Columns", "严重程度"), lambda r: label(r.severity.label)),
    Column(QT_TRANSLATE_NOOP("Columns", "文号"), lambda r: r.document_no),
    Column(QT_TRANSLATE_NOOP("Columns", "决定机关"), lambda r: r.authority),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), lambda r: label(r.display_state),
           _state_with_reason),
    Column(QT_TRANSLATE_NOOP("Columns", "公示期至"), lambda r: format_date(r.publication_latest_end)),
    Column(QT_TRANSLATE_NOOP("Columns", "事实"), lambda r: r.facts.replace("\n", " ")[:80], lambda r: r.facts),
]



class RecordsTab(QWidget):
    dialog_opened = Signal(object)

    def __init__(self, services: Services, events: ArchiveEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.events = events
        self.person_id: uuid.UUID | None = None
        self.may_write = services.ctx.may(Permission.RECORD_WRITE)
        self.model: RowsTableModel[RecordRow] = RowsTableModel(RECORD_COLUMNS, self)
        self.table = QTableView()
        self.table.setObjectName("recordTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("新增记录…"))
        self.add_button.setObjectName("addRecord")
        self.correct_button = QPushButton(self.tr("更正…"))
        self.correct_button.setObjectName("correctRecord")
        self.revoke_button = QPushButton(self.tr("撤销…"))
        self.revoke_button.setObjectName("revokeRecord")
        self.activate_button = QPushButton(self.tr("使草稿生效"))
        self.activate_button.setObjectName("activateRecord")
        self.add_button.clicked.connect(self.open_add)
        self.correct_button.clicked.connect(self.open_correct)
        self.revoke_button.clicked.connect(self.open_revoke)
        self.activate_button.clicked.connect(self.activate)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.correct_button, self.revoke_button, self.activate_button):
            buttons.addWidget(button)
            if not self.may_write:
                button.setToolTip(self.tr("您的角色（{0}）只能查看，不能修改诚信记录。")
                                  .format(label(services.user.role.label)))
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.open_correct())
        self._update_buttons()

    def set_records(self, person_id: uuid.UUID, records: tuple[RecordRow, ...]) -> None:
        self.person_id = person_id
        self.model.set_rows(sorted(records, key=lambda r: r.decided_on, reverse=True))
        self._update_buttons()

    def selected(self) -> RecordRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        record = self.selected()
        editable = record is not None and record.state in EDITABLE
        self.add_button.setEnabled(self.may_write and self.person_id is not None)
        self.correct_button.setEnabled(self.may_write and editable)
        self.revoke_button.setEnabled(self.may_write and editable)
        self.activate_button.setEnabled(self.may_write and record is not None
                                        and record.state is RecordState.DRAFT)

    # -- actions ------------------------------------------------------------------------

    def open_add(self, fields: dict[str, Any] | None = None) -> RecordDialog | None:
        if self.person_id is None:
            return None
        return self._open(RecordDialog(self.services, self.events, self.person_id, parent=self), fields)

    def open_correct(self, record: RecordRow | None = None, fields: dict[str, Any] | None = None) -> None:
        record = record or self.selected()
        if record is None or record.state not in EDITABLE or not self.may_write:
            return
        self._open(RecordDialog(self.services, self.events, record.person_id, record, parent=self), fields)

    def open_revoke(self, record: RecordRow | None = None, fields: dict[str, Any] | None = None) -> None:
        record = record or self.selected()
        if record is None:
            return
        self._open(RevokeDialog(self.services, self.events, record, parent=self), fields)

    def activate(self) -> None:
        record = self.selected()
        if record is None:
            return
        try:
            self.services.records.activate(record.id)
        except IntegrityFilesError as exc:
            show_error(self, exc)
            return
        self.events.announce({RECORD}, self)

    def record_by_id(self, record_id: str | None) -> RecordRow | None:
        return next((r for r in self.model.rows if record_id and r.id.hex == record_id), None)

    def _open(self, dialog: Any, fields: dict[str, Any] | None) -> Any:
        if fields:
            dialog.restore(fields)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog
