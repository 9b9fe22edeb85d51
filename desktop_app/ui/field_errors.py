"""Show a typed error at the form field it names (``ValidationError.field`` → widget)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.error_text import error_text


class FieldErrors:
    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def register(self, field: str, widget: QWidget) -> QLabel:
        """An (initially hidden) error label to place under the widget."""
        label = QLabel()
        label.setObjectName(f"error_{field}")
        label.setProperty("role", "fieldError")
        label.setWordWrap(True)
        label.hide()
        self._fields[field] = (widget, label)
        return label

    def show(self, error: IntegrityFilesError) -> bool:
        """Show the error at its field and focus it; False if no registered field matches."""
        self.clear()
        found = self._fields.get(error.field or "")
        if found is None:
            return False
        self.show_text(error.field or "", error_text(error))
        return True

    def show_text(self, field: str, text: str) -> None:
        widget, label = self._fields[field]
        label.setText(text)
        label.show()
        _set_invalid(widget, True)
        widget.setFocus()

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            _set_invalid(widget, False)

    def text(self, field: str) -> str:
        return self._fields[field][1].text()

    def visible_errors(self) -> dict[str, str]:
        return {f: label.text() for f, (_w, label) in self._fields.items() if label.text()}


def _set_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
