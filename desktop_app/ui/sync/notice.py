"""A sentence in a warning box that does not block the window (the shared ``show_error`` style)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def warn(parent: QWidget | None, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Messages", "无法完成"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("syncWarning")
    box.open()
    return box
