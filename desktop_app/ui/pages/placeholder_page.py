"""An honest empty state for features whose issue is not done yet: no fake data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderPage")
        heading = QLabel(title)
        heading.setProperty("role", "pageTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        status = QLabel(self.tr("此版本尚未提供该功能"))
        status.setObjectName("placeholderStatus")
        status.setProperty("role", "heading")
        status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(explanation)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setProperty("role", "hint")
        body.setMaximumWidth(520)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(status)
        layout.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
