"""Route errors to people: typed errors as a clear message, anything else to the crash dialog."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.error_text import error_text


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, IntegrityFilesError):
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Messages", "无法完成"),
                          error_text(exc), QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("errorMessage")
        box.open()
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)
