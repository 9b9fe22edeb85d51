"""A new passphrase typed twice (with the strength meter); a mismatch is caught before any service call."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit

from desktop_app.errors import ValidationError
from desktop_app.ui.admin.dialog_errors import DialogErrors
from desktop_app.ui.startup.passphrase_strength import PassphraseMeter

NEW_FIELD = "passphrase"       # the services' field name for a passphrase they refuse
CONFIRM_FIELD = "confirm"


def password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PassphrasePair:
    def __init__(self, errors: DialogErrors) -> None:
        self.errors = errors
        self.first = password_edit("newPassphrase")
        self.second = password_edit("confirmPassphrase")
        self.meter = PassphraseMeter()
        self.first.textChanged.connect(self.meter.update_for)

    def add_rows(self, form: QFormLayout, first_label: str, second_label: str) -> None:
        form.addRow(first_label, self.first)
        form.addRow("", self.meter)
        form.addRow("", self.errors.register(NEW_FIELD, self.first))
        form.addRow(second_label, self.second)
        form.addRow("", self.errors.register(CONFIRM_FIELD, self.second))

    def value(self) -> str | None:
        """The new passphrase, or None (with the error shown at the second entry) when the two differ."""
        if self.first.text() != self.second.text():
            self.errors.show(ValidationError("the two entries differ", field=CONFIRM_FIELD))
            return None
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
