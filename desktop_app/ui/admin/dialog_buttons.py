"""The admin dialogs' button row: the action (the default, so Enter runs it) and Cancel (Esc)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

Standard = QDialogButtonBox.StandardButton


def ok_cancel(ok_text: str, cancel_text: str, on_ok: Callable[[], object],
              on_cancel: Callable[[], object]) -> tuple[QDialogButtonBox, QPushButton]:
    """The row and its action button; the texts come translated from the dialog (its own context)."""
    buttons = QDialogButtonBox(Standard.Ok | Standard.Cancel)
    ok = buttons.button(Standard.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    buttons.button(Standard.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(on_cancel)
    return buttons, ok
