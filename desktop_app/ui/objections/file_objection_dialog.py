"""登记异议: the record (found by ID number), the applicant, the date received, the grounds and the evidence.

Across a lock: ``draft_state`` gives the typed content (the evidence as file paths, never bytes) and
``from_draft`` rebuilds the dialog after unlock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.objections import ObjectionDraft, ObjectionRow, ObjectionService
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.objections.form_drafts import (
    FILE_OBJECTION,
    date_text,
    missing_files_text,
    picker_state,
    restore_picker,
    set_date,
    text_of,
)
from desktop_app.ui.objections.texts import describe
from desktop_app.ui.objections.widgets import FileList, RecordPicker, date_edit, date_of

DRAFT_TYPE = FILE_OBJECTION


class FileObjectionDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = ObjectionService(services.ctx)
        self.saved: ObjectionRow | None = None
        self.setObjectName("fileObjectionDialog")
        self.setWindowTitle(self.tr("登记异议"))
        self.setMinimumWidth(560)
        self.errors = FieldErrors()
        self.picker = RecordPicker(services)
        self.applicant = QLineEdit()
        self.applicant.setObjectName("applicant")
        self.received = date_edit(services.ctx.today())
        self.received.setObjectName("receivedOn")
        self.grounds = QPlainTextEdit()
        self.grounds.setObjectName("grounds")
        self.grounds.setPlaceholderText(self.tr("异议的事实和理由"))
        self.grounds.setTabChangesFocus(True)
        self.files = FileList()
        form = QFormLayout()
        form.addRow(self.tr("身份证号："), self.picker)
        form.addRow("", self.errors.register("record", self.picker.combo))
        form.addRow(self.tr("申请人："), self.applicant)
        form.addRow("", self.errors.register("applicant", self.applicant))
        form.addRow(self.tr("收到日期："), self.received)
        form.addRow("", self.errors.register("received_on", self.received))
        form.addRow(self.tr("异议理由："), self.grounds)
        form.addRow("", self.errors.register("grounds", self.grounds))
        form.addRow(self.tr("证据材料："), self.files)
        form.addRow("", self.errors.register("evidence", self.files.list))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        record = self.picker.selected()
        if record is None:
            self.errors.show_text("record", self.tr("请先输入身份证号并选择一条已生效的失信记录。"))
            return
        draft = ObjectionDraft(applicant=self.applicant.text(), grounds=self.grounds.toPlainText(),
                               received_on=date_of(self.received), evidence=self.files.files())
        try:
            self.saved = self.service.file(record.id, draft)
        except IntegrityFilesError as exc:
            field = exc.field if exc.field in ("record", "applicant", "received_on", "grounds", "evidence") else None
            if field:
                self.errors.show_text(field, describe(exc))
            else:
                self.errors.show_text("grounds", describe(exc))
            return
        self.accept()

    # -- drafts across a lock -------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        return {"type": DRAFT_TYPE, "title": self.windowTitle(),
                "fields": {**picker_state(self.picker), "applicant": self.applicant.text(),
                           "received_on": date_text(self.received), "grounds": self.grounds.toPlainText(),
                           "files": list(self.files.paths)}}

    def restore(self, fields: dict[str, Any]) -> None:
        restore_picker(self.picker, fields)
        self.applicant.setText(text_of(fields, "applicant"))
        set_date(self.received, fields.get("received_on"))
        self.grounds.setPlainText(text_of(fields, "grounds"))
        missing = self.files.restore(fields.get("files"))
        if missing:
            self.errors.show_text("evidence", missing_files_text(missing))

    @classmethod
    def from_draft(cls, services: Services, fields: dict[str, Any],
                   parent: QWidget | None = None) -> FileObjectionDialog:
        dialog = cls(services, parent)
        dialog.restore(fields)
        return dialog
