"""修改口令: the signed-in user sets a new passphrase (old, new, new again). Only their own key slot
changes; the data key and every other user stay as they are."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.errors import AuthenticationError, IntegrityFilesError, LockedOutError
from desktop_app.services.users import UserService
from desktop_app.ui.admin.dialog_buttons import ok_cancel
from desktop_app.ui.admin.passphrase_dialog import PassphraseDialog
from desktop_app.ui.admin.passphrase_pair import password_edit
from desktop_app.ui.error_text import error_text

OLD_FIELD = "old"


class ChangePassphraseDialog(PassphraseDialog):
    def __init__(self, users: UserService, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users = users
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("修改口令"))
        self.setMinimumWidth(480)
        intro = QLabel(self.tr("为 {0} 设置新口令。下次登录或解锁时使用新口令；其他用户不受影响。").format(user_name))
        intro.setWordWrap(True)
        self.old_edit = password_edit("oldPassphrase")
        form = QFormLayout()
        form.addRow(self.tr("原口令："), self.old_edit)
        form.addRow("", self.errors.register(OLD_FIELD, self.old_edit))
        self.pair.add_rows(form, self.tr("新口令："), self.tr("再次输入新口令："))
        buttons, self.ok_button = ok_cancel(self.tr("修改口令"), self.tr("取消"), self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.old_edit.setFocus()

    def save(self) -> bool:
        return self.submit(lambda new: self.users.change_own_passphrase(self.old_edit.text(), new))

    def show_refusal(self, exc: IntegrityFilesError) -> None:
        if isinstance(exc, LockedOutError):
            self.errors.show_general(error_text(exc))
        elif isinstance(exc, AuthenticationError):
            self.errors.show_text(OLD_FIELD, self.tr("原口令不正确。"))
        else:
            super().show_refusal(exc)

    def done(self, result: int) -> None:
        self.old_edit.clear()
        super().done(result)
