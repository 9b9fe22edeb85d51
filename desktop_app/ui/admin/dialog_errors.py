"""Errors in the admin dialogs: at the field they name, else on one line above the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.field_errors import FieldErrors


class DialogErrors(FieldErrors):
    def __init__(self) -> None:
        super().__init__()
        self.general = QLabel()
        self.general.setObjectName("dialogError")
        self.general.setProperty("role", "fieldError")
        self.general.setWordWrap(True)
        self.general.hide()

    def show_any(self, error: IntegrityFilesError) -> None:
        """At the named field if the dialog has it, else as the dialog's own error line."""
        if not self.show(error):
            self.show_general(error_text(error))

    def show_general(self, text: str) -> None:
        self.general.setText(text)
        self.general.show()

    def clear(self) -> None:
        super().clear()
        self.general.clear()
        self.general.hide()
