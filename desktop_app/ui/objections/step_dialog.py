"""One step of a procedure: a date, and where the step needs it a choice and a text with its reason
(受理, 不予受理, 转核查, 评优限制, 修复决定)."""

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
from desktop_app.ui.objections.texts import describe
from desktop_app.ui.objections.widgets import date_edit, date_of

# The service call: (chosen value or None, text, date) → the new row.
Action = Callable[[Any, str, date], Any]


class StepDialog(QDialog):
    def __init__(self, title: str, summary: str, action: Action, *, today: date | None,
                 text_label: str | None = None, text_field: str = "reason",
                 choices: Sequence[tuple[str, Any]] = (), ok_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
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
