"""办结异议: 更正 (with the corrected values) / 撤销 / 维持 / 无法确认, the findings and the written reply.

Across a lock: ``draft_state`` gives the typed content with the objection's id, ``from_draft``
rebuilds the dialog after unlock (for an objection that still awaits its decision).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Severity
from desktop_app.domain.objections import ObjectionOutcome
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.objections import ObjectionDecision, ObjectionRow, ObjectionService, RecordCorrection
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.i18n import label
from desktop_app.ui.objections.form_drafts import DECIDE_OBJECTION, date_text, select_data, set_date, text_of
from desktop_app.ui.objections.texts import describe
from desktop_app.ui.objections.widgets import date_edit, date_of

FIELDS = ("outcome", "on", "findings", "reply", "correction", "severity", "document_no", "authority", "decided_on",
          "facts", "kind")
DRAFT_TYPE = DECIDE_OBJECTION


class DecideObjectionDialog(QDialog):
    def __init__(self, services: Services, objection: ObjectionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = ObjectionService(services.ctx)
        self.objection = objection
        self.saved: ObjectionRow | None = None
        self.setObjectName("decideObjectionDialog")
        self.setWindowTitle(self.tr("办结异议"))
        self.setMinimumWidth(560)
        self.errors = FieldErrors()
        summary = QLabel(self.tr("{name}　{doc}　申请人：{applicant}").format(
            name=objection.person_name, doc=objection.document_no, applicant=objection.applicant))
        summary.setWordWrap(True)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for outcome in ObjectionOutcome:
            self.outcome.addItem(label(outcome.label), outcome.value)
        self.outcome.setCurrentIndex(list(ObjectionOutcome).index(ObjectionOutcome.UPHELD))
        self.on = date_edit(services.ctx.today())
        self.on.setObjectName("decidedOn")
        self.findings = QPlainTextEdit()
        self.findings.setObjectName("findings")
        self.findings.setPlaceholderText(self.tr("核查结论（维持、无法确认时必填）"))
        self.findings.setTabChangesFocus(True)
        self.findings.setMaximumHeight(80)
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("reply")
        self.reply.setPlaceholderText(self.tr("给申请人的书面答复"))
        self.reply.setTabChangesFocus(True)
        self.reply.setMaximumHeight(80)
        self.correction = self._correction_box()
        form = QFormLayout()
        form.addRow(self.tr("处理结果："), self.outcome)
        form.addRow(self.tr("办结日期："), self.on)
        form.addRow("", self.errors.register("on", self.on))
        form.addRow(self.tr("核查结论："), self.findings)
        form.addRow("", self.errors.register("findings", self.findings))
        form.addRow(self.tr("书面答复："), self.reply)
        form.addRow("", self.errors.register("reply", self.reply))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("办结"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.general = QLabel()
        self.general.setProperty("role", "fieldError")
        self.general.setWordWrap(True)
        self.general.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.correction)
        layout.addWidget(self.errors.register("correction", self.correction))
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

    def _correction_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("更正后的内容（不改的项留空）"))
        box.setObjectName("correctionBox")
        self.severity = QComboBox()
        self.severity.setObjectName("correctSeverity")
        self.severity.addItem(self.tr("（不变）"), "")
        for severity in Severity:
            self.severity.addItem(label(severity.label), severity.value)
        self.document_no = QLineEdit()
        self.authority = QLineEdit()
        self.decided_on = QLineEdit()
        self.decided_on.setPlaceholderText("YYYY-MM-DD")
        self.facts = QPlainTextEdit()
        self.facts.setObjectName("correctFacts")
        self.facts.setMaximumHeight(70)
        self.facts.setTabChangesFocus(True)
        form = QFormLayout(box)
        form.addRow(self.tr("严重程度："), self.severity)
        form.addRow(self.tr("文号："), self.document_no)
        form.addRow(self.tr("决定机关："), self.authority)
        form.addRow(self.tr("决定日期："), self.decided_on)
        form.addRow(self.tr("事实："), self.facts)
        return box

    def _outcome_changed(self) -> None:
        self.correction.setVisible(self.outcome.currentData() == ObjectionOutcome.CORRECTED.value)
        self.adjustSize()

    def decision(self) -> ObjectionDecision:
        correction = None
        if self.outcome.currentData() == ObjectionOutcome.CORRECTED.value:
            correction = RecordCorrection(severity=self.severity.currentData() or None,
                                          document_no=self.document_no.text() or None,
                                          authority=self.authority.text() or None,
                                          decided_on=self.decided_on.text() or None,
                                          facts=self.facts.toPlainText() or None)
        return ObjectionDecision(outcome=str(self.outcome.currentData()), reply=self.reply.toPlainText(),
                                 findings=self.findings.toPlainText(), on=date_of(self.on), correction=correction)

    def save(self) -> None:
        self.errors.clear()
        self.general.hide()
        try:
            self.saved = self.service.decide(self.objection.id, self.decision())
        except IntegrityFilesError as exc:
            field = exc.field if exc.field in ("on", "findings", "reply") else (
                "correction" if exc.field in FIELDS else None)
            if field:
                self.errors.show_text(field, describe(exc))
            else:
                self.general.setText(describe(exc))
                self.general.show()
            return
        self.accept()

    # -- drafts across a lock -------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        return {"type": DRAFT_TYPE, "objection_id": self.objection.id.hex, "title": self.windowTitle(),
                "summary": self.tr("{name}　{doc}").format(name=self.objection.person_name,
                                                            doc=self.objection.document_no),
                "fields": {"outcome": self.outcome.currentData(), "on": date_text(self.on),
                           "findings": self.findings.toPlainText(), "reply": self.reply.toPlainText(),
                           "severity": self.severity.currentData(), "document_no": self.document_no.text(),
                           "authority": self.authority.text(), "decided_on": self.decided_on.text(),
                           "facts": self.facts.toPlainText()}}

    def restore(self, fields: dict[str, Any]) -> None:
        select_data(self.outcome, fields.get("outcome"))
        set_date(self.on, fields.get("on"))
        self.findings.setPlainText(text_of(fields, "findings"))
        self.reply.setPlainText(text_of(fields, "reply"))
        select_data(self.severity, fields.get("severity") or "")
        self.document_no.setText(text_of(fields, "document_no"))
        self.authority.setText(text_of(fields, "authority"))
        self.decided_on.setText(text_of(fields, "decided_on"))
        self.facts.setPlainText(text_of(fields, "facts"))

    @classmethod
    def from_draft(cls, services: Services, objection: ObjectionRow, fields: dict[str, Any],
                   parent: QWidget | None = None) -> DecideObjectionDialog:
        dialog = cls(services, objection, parent)
        dialog.restore(fields)
        return dialog
