"""The base of the dialogs that end in a new passphrase typed twice (新增用户, 修改口令, 重置口令):
one save path — the pair checked, one service call under the wait cursor (key derivation, under a
second as on unlock), a refusal shown by its field — and nothing typed outlives the dialog,
whichever way it closes (an idle lock closes it too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.admin.dialog_errors import DialogErrors
from desktop_app.ui.admin.passphrase_pair import PassphrasePair
from desktop_app.ui.wait_cursor import wait_cursor


class PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = DialogErrors()
        self.pair = PassphrasePair(self.errors)

    def submit(self, call: Callable[[str], object]) -> bool:
        """``call`` with the new passphrase; the dialog closes when it succeeds."""
        self.errors.clear()
        passphrase = self.pair.value()
        if passphrase is None:
            return False
        try:
            with wait_cursor():
                call(passphrase)
        except IntegrityFilesError as exc:
            self.show_refusal(exc)
            return False
        self.accept()
        return True

    def show_refusal(self, exc: IntegrityFilesError) -> None:
        self.errors.show_any(exc)

    def done(self, result: int) -> None:
        self.pair.clear()
        self.errors.clear()
        super().done(result)
