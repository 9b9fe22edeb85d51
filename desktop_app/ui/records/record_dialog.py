"""Enter a new integrity record or correct one (更正, with a reason); errors appear at the field.

The dialog never blocks locking: ``draft_state`` gives its content for the encrypted draft and
``restore`` puts it back after unlock.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Polarity, RecordKind, SanctionKind, Severity
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.records import RecordDraft
from desktop_app.services.rows import RecordRow
from desktop_app.ui.events import RECORD, ArchiveEvents
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.i18n import is_chinese, label
from desktop_app.ui.messages import show_error

DRAFT_TYPE = "record"


class RecordDialog(QDialog):
    def __init__(self, services: Services, events: ArchiveEvents, person_id: uuid.UUID,
                 record: RecordRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.events = events
        self.person_id = person_id
        self.record = record
        self.saved: RecordRow | None = None
        self.setObjectName("recordDialog")
        self.setWindowTitle(self.tr("更正诚信记录") if record else self.tr("新增诚信记录"))
        self.setMinimumWidth(520)
        self.errors = FieldErrors()
        self._build()
        if record is not None:
            self._fill_from(record)
        self._kind_changed()

    def _build(self) -> None:
        self.kind_combo = QComboBox()
        for polarity in (Polarity.DISHONEST, Polarity.HONEST):
            for kind in RecordKind:
                if kind.polarity is polarity:
                    self.kind_combo.addItem(f"{label(polarity.label)} · {label(kind.label)}", kind.value)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.severity_combo = QComboBox()
        self.severity_combo.addItem(self.tr("（请选择）"), "")
        for severity in Severity:
            self.severity_combo.addItem(label(severity.label), severity.value)
        self.sanction_combo = QComboBox()
        self.sanction_combo.addItem(self.tr("无"), "")
        for sanction in SanctionKind:
            self.sanction_combo.addItem(label(sanction.label), sanction.value)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日" if is_chinese() else "yyyy-MM-dd")
        today = self.services.ctx.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.document_edit = QLineEdit()
        self.document_edit.setPlaceholderText(self.tr("例如：穗纪处〔2026〕12号"))
        self.authority_edit = QLineEdit()
        self.facts_edit = QPlainTextEdit()
        self.facts_edit.setTabChangesFocus(True)
        self.facts_edit.setMinimumHeight(90)
        self.draft_check = QCheckBox(self.tr("保存为草稿（暂不生效）"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("更正的理由，将记入历史"))
        form = QFormLayout()
        rows: list[tuple[str, QWidget, str | None]] = [
            (self.tr("记录类型："), self.kind_combo, "kind"),
            (self.tr("严重程度："), self.severity_combo, "severity"),
            (self.tr("处分种类："), self.sanction_combo, "sanction"),
            (self.tr("决定日期："), self.date_edit, "decided_on"),
            (self.tr("文号："), self.document_edit, "document_no"),
            (self.tr("决定机关："), self.authority_edit, "authority"),
            (self.tr("事实："), self.facts_edit, "facts"),
        ]
        if self.record is not None:
            rows.append((self.tr("更正理由："), self.reason_edit, "reason"))
        for caption, widget, field in rows:
            form.addRow(caption, widget)
            if field:
                form.addRow("", self.errors.register(field, widget))
        if self.record is None:
            form.addRow("", self.draft_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fill_from(self, record: RecordRow) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(record.kind.value))
        self.severity_combo.setCurrentIndex(self.severity_combo.findData(record.severity.value))
        self.sanction_combo.setCurrentIndex(self.sanction_combo.findData(record.sanction.value
                                                                          if record.sanction else ""))
        self.date_edit.setDate(QDate(record.decided_on.year, record.decided_on.month, record.decided_on.day))
        self.document_edit.setText(record.document_no)
        self.authority_edit.setText(record.authority)
        self.facts_edit.setPlainText(record.facts)

    def _kind_changed(self) -> None:
        kind = RecordKind(self.kind_combo.currentData())
        discipline = kind is RecordKind.DISCIPLINE
        self.sanction_combo.setEnabled(discipline)
        if not discipline:
            self.sanction_combo.setCurrentIndex(0)

    def record_draft(self) -> RecordDraft:
        qdate = self.date_edit.date()
        return RecordDraft(kind=self.kind_combo.currentData(),
                           decided_on=date(qdate.year(), qdate.month(), qdate.day()),
                           document_no=self.document_edit.text(), authority=self.authority_edit.text(),
                           facts=self.facts_edit.toPlainText(), severity=self.severity_combo.currentData() or None,
                           sanction=self.sanction_combo.currentData() or None, draft=self.draft_check.isChecked())

    def save(self) -> None:
        self.errors.clear()
        try:
            if self.record is None:
                self.saved = self.services.records.add(self.person_id, self.record_draft())
            else:
                self.saved = self.services.records.correct(self.record.id, self.record_draft(),
                                                           reason=self.reason_edit.text())
        except IntegrityFilesError as exc:
            if not self.errors.show(exc):
                show_error(self, exc)
            return
        self.events.announce({RECORD}, self)
        self.accept()

    # -- drafts across a lock -------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        qdate = self.date_edit.date()
        return {"type": DRAFT_TYPE, "person_id": self.person_id.hex,
                "record_id": self.record.id.hex if self.record else None,
                "fields": {"kind": self.kind_combo.currentData(), "severity": self.severity_combo.currentData(),
                           "sanction": self.sanction_combo.currentData(), "decided_on": qdate.toString("yyyy-MM-dd"),
                           "document_no": self.document_edit.text(), "authority": self.authority_edit.text(),
                           "facts": self.facts_edit.toPlainText(), "draft": self.draft_check.isChecked(),
                           "reason": self.reason_edit.text()}}

    def restore(self, fields: dict[str, Any]) -> None:
        for combo, key in ((self.kind_combo, "kind"), (self.severity_combo, "severity"),
                           (self.sanction_combo, "sanction")):
            found = combo.findData(fields.get(key) or "")
            if found >= 0:
                combo.setCurrentIndex(found)
        restored = QDate.fromString(str(fields.get("decided_on", "")), "yyyy-MM-dd")
        if restored.isValid():
            self.date_edit.setDate(restored)
        self.document_edit.setText(str(fields.get("document_no", "")))
        self.authority_edit.setText(str(fields.get("authority", "")))
        self.facts_edit.setPlainText(str(fields.get("facts", "")))
        self.draft_check.setChecked(bool(fields.get("draft")))
        self.reason_edit.setText(str(fields.get("reason", "")))
