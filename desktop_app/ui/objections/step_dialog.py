"""One step of a procedure: a date, and where the step needs it a choice and a text with its reason
(受理, 不予受理, 转核查, 评优限制, 修复决定).

Across a lock: ``draft_state`` names the step (``draft_key``, given by the opener: procedure, step
and the objection's or application's id) and its content; ``restore`` puts the content back. A
dialog opened without a key still keeps its text: it is offered to copy after the unlock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.objections.form_drafts import (
    PROCEDURE_STEP,
    date_text,
    select_data,
    set_date,
    text_of,
)
from desktop_app.ui.objections.texts import describe
from desktop_app.ui.objections.widgets import date_edit, date_of

# The service call: (chosen value or None, text, date) → the new row.
Action = Callable[[Any, str, date], Any]
DRAFT_TYPE = PROCEDURE_STEP


class StepDialog(QDialog):
    def __init__(self, title: str, summary: str, action: Action, *, today: date | None,
                 text_label: str | None = None, text_field: str = "reason",
                 choices: Sequence[tuple[str, Any]] = (), ok_text: str = "",
                 draft_key: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.summary = summary
        self.draft_key = draft_key
        self.text_field = text_field
        self.result_row: Any = None
        self.setObjectName("stepDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.errors = FieldErrors()
        head = QLabel(summary)
        head.setWordWrap(True)
        form = QFormLayout()
        self.choice = QComboBox()
        self.choice.setObjectName("choice")
        for text, value in choices:
            self.choice.addItem(text, value)
        if choices:
            form.addRow(self.tr("决定："), self.choice)
            form.addRow("", self.errors.register("outcome", self.choice))
        self.on = date_edit(today) if today else None
        if self.on is not None:
            self.on.setObjectName("stepDate")
            form.addRow(self.tr("日期："), self.on)
            form.addRow("", self.errors.register("on", self.on))
        self.text = QPlainTextEdit()
        self.text.setObjectName("stepText")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(100)
        if text_label:
            form.addRow(text_label, self.text)
            form.addRow("", self.errors.register(text_field, self.text))
        self.general = QLabel()
        self.general.setProperty("role", "fieldError")
        self.general.setWordWrap(True)
        self.general.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        self.general.hide()
        on = date_of(self.on) if self.on is not None else date.today()
        try:
            self.result_row = self.action(self.choice.currentData(), self.text.toPlainText(), on)
        except IntegrityFilesError as exc:
            known = {"on", self.text_field, "outcome"} & {exc.field or ""}
            if known and (exc.field != "outcome" or self.choice.count()):
                self.errors.show_text(exc.field or "", describe(exc))
            else:
                self.general.setText(describe(exc))
                self.general.show()
            return
        self.accept()

    # -- drafts across a lock -------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        return {"type": DRAFT_TYPE, **(self.draft_key or {}), "title": self.windowTitle(), "summary": self.summary,
                "fields": {"choice": self.choice.currentData() if self.choice.count() else None,
                           "on": date_text(self.on), "text": self.text.toPlainText()}}

    def restore(self, fields: dict[str, Any]) -> None:
        if self.choice.count():
            select_data(self.choice, fields.get("choice"))
        set_date(self.on, fields.get("on"))
        self.text.setPlainText(text_of(fields, "text"))
