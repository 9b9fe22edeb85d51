"""撤销 a record: it stays in the file as 已撤销 with the reason (records are never deleted)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.rows import RecordRow
from desktop_app.ui.events import RECORD, ArchiveEvents
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.i18n import format_date, label
from desktop_app.ui.messages import show_error

DRAFT_TYPE = "revoke"


class RevokeDialog(QDialog):
    def __init__(self, services: Services, events: ArchiveEvents, record: RecordRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.events = events
        self.record = record
        self.setObjectName("revokeDialog")
        self.setWindowTitle(self.tr("撤销诚信记录"))
        self.setMinimumWidth(460)
        summary = QLabel(self.tr("{kind}　{doc}　{day}").format(kind=label(record.kind.label),
                                                               doc=record.document_no,
                                                               day=format_date(record.decided_on)))
        summary.setWordWrap(True)
        note = QLabel(self.tr("撤销后记录仍保留在档案中，状态为“已撤销”，并记入历史。"))
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        self.errors = FieldErrors()
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("撤销理由（必填）"))
        self.reason_edit.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("撤销记录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("撤销理由：")))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.errors.register("reason", self.reason_edit))
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        try:
            self.services.records.revoke(self.record.id, reason=self.reason_edit.toPlainText())
        except IntegrityFilesError as exc:
            if not self.errors.show(exc):
                show_error(self, exc)
            return
        self.events.announce({RECORD}, self)
        self.accept()

    def draft_state(self) -> dict[str, Any]:
        return {"type": DRAFT_TYPE, "person_id": self.record.person_id.hex, "record_id": self.record.id.hex,
                "fields": {"reason": self.reason_edit.toPlainText()}}

    def restore(self, fields: dict[str, Any]) -> None:
        self.reason_edit.setPlainText(str(fields.get("reason", "")))
