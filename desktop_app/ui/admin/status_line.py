"""One line under a panel's buttons that says how the last action went (success, refusal, progress)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

OK_STYLE = "color: #1e6b2a;"
FAIL_STYLE = "color: #b3261e;"


class StatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setProperty("role", "hint")
        self.hide()

    def show_ok(self, text: str) -> None:
        self._show(text, OK_STYLE)

    def show_error(self, text: str) -> None:
        self._show(text, FAIL_STYLE)

    def show_plain(self, text: str) -> None:
        self._show(text, "")

    def clear_line(self) -> None:
        self.clear()
        self.hide()

    def _show(self, text: str, style: str) -> None:
        self.setStyleSheet(style)
        self.setText(text)
        self.show()
