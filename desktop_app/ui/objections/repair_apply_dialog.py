"""申请信用修复: the record, the applicant, the conditions (obligations fulfilled with proof, the signed
commitment letter). Before the earliest end of publication the dialog says from when it is possible.

Across a lock: ``draft_state`` gives the typed content (the files as paths, never bytes) and
``from_draft`` rebuilds the dialog after unlock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.repair import RepairDraft, RepairRow, RepairService
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.objections.form_drafts import (
    REPAIR_APPLY,
    date_text,
    missing_files_text,
    picker_state,
    restore_picker,
    set_date,
    text_of,
)
from desktop_app.ui.objections.texts import describe
from desktop_app.ui.objections.widgets import FileList, RecordPicker, date_edit, date_of

DRAFT_TYPE = REPAIR_APPLY

FIELDS = ("record", "applicant", "applied_on", "obligations", "proof", "commitment", "statement")


class RepairApplyDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = RepairService(services.ctx)
        self.saved: RepairRow | None = None
        self.setObjectName("repairApplyDialog")
        self.setWindowTitle(self.tr("申请信用修复"))
        self.setMinimumWidth(560)
        self.errors = FieldErrors()
        self.picker = RecordPicker(services)
        self.eligibility = QLabel()
        self.eligibility.setObjectName("eligibility")
        self.eligibility.setWordWrap(True)
        self.applicant = QLineEdit()
        self.applicant.setObjectName("applicant")
        self.applied = date_edit(services.ctx.today())
        self.applied.setObjectName("appliedOn")
        self.obligations = QCheckBox(self.tr("已履行决定规定的义务（如缴清罚款、完成整改）"))
        self.obligations.setObjectName("obligationsMet")
        self.proof = FileList()
        self.proof.setObjectName("proofFiles")
        self.commitment = FileList()
        self.commitment.setObjectName("commitmentFiles")
        self.statement = QPlainTextEdit()
        self.statement.setObjectName("statement")
        self.statement.setMaximumHeight(70)
        self.statement.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("身份证号："), self.picker)
        form.addRow("", self.eligibility)
        form.addRow("", self.errors.register("record", self.picker.combo))
        form.addRow(self.tr("申请人："), self.applicant)
        form.addRow("", self.errors.register("applicant", self.applicant))
        form.addRow(self.tr("申请日期："), self.applied)
        form.addRow("", self.errors.register("applied_on", self.applied))
        form.addRow("", self.obligations)
        form.addRow("", self.errors.register("obligations", self.obligations))
        form.addRow(self.tr("履行义务证明："), self.proof)
        form.addRow("", self.errors.register("proof", self.proof.list))
        form.addRow(self.tr("信用修复承诺书："), self.commitment)
        form.addRow("", self.errors.register("commitment", self.commitment.list))
        form.addRow(self.tr("申请说明："), self.statement)
        form.addRow("", self.errors.register("statement", self.statement))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记申请"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.picker.changed.connect(self.check)
        self.applied.dateChanged.connect(lambda _d: self.check())

    def check(self) -> None:
        """Say at once whether the chosen record may be repaired on the chosen date."""
        record = self.picker.selected()
        if record is None:
            self.eligibility.clear()
            return
        result = self.service.eligibility(record.id, on=date_of(self.applied))
        if result.possible:
            self.eligibility.setProperty("role", "hint")
            self.eligibility.setText(self.tr("该记录符合申请信用修复的时间条件。"))
        else:
            self.eligibility.setProperty("role", "fieldError")
            self.eligibility.setText(describe(result.problem) if result.problem else "")
        self.eligibility.style().unpolish(self.eligibility)
        self.eligibility.style().polish(self.eligibility)

    def save(self) -> None:
        self.errors.clear()
        record = self.picker.selected()
        if record is None:
            self.errors.show_text("record", self.tr("请先输入身份证号并选择一条已生效的失信记录。"))
            return
        draft = RepairDraft(applicant=self.applicant.text(), obligations_met=self.obligations.isChecked(),
                            proof=self.proof.files(), commitment=self.commitment.files(),
                            statement=self.statement.toPlainText(), applied_on=date_of(self.applied))
        try:
            self.saved = self.service.apply(record.id, draft)
        except IntegrityFilesError as exc:
            self.errors.show_text(exc.field if exc.field in FIELDS else "record", describe(exc))
            return
        self.accept()

    # -- drafts across a lock -------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        return {"type": DRAFT_TYPE, "title": self.windowTitle(),
                "fields": {**picker_state(self.picker), "applicant": self.applicant.text(),
                           "applied_on": date_text(self.applied), "obligations": self.obligations.isChecked(),
                           "proof": list(self.proof.paths), "commitment": list(self.commitment.paths),
                           "statement": self.statement.toPlainText()}}

    def restore(self, fields: dict[str, Any]) -> None:
        set_date(self.applied, fields.get("applied_on"))
        restore_picker(self.picker, fields)
        self.applicant.setText(text_of(fields, "applicant"))
        self.obligations.setChecked(bool(fields.get("obligations")))
        self.statement.setPlainText(text_of(fields, "statement"))
        for field, files in (("proof", self.proof), ("commitment", self.commitment)):
            missing = files.restore(fields.get(field))
            if missing:
                self.errors.show_text(field, missing_files_text(missing))

    @classmethod
    def from_draft(cls, services: Services, fields: dict[str, Any],
                   parent: QWidget | None = None) -> RepairApplyDialog:
        dialog = cls(services, parent)
        dialog.restore(fields)
        return dialog
