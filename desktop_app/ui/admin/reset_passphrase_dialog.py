"""重置口令: an administrator gives a user who forgot theirs a new passphrase (a fresh key slot)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.services.users import UserService
from desktop_app.ui.admin.dialog_buttons import ok_cancel
from desktop_app.ui.admin.passphrase_dialog import PassphraseDialog


class ResetPassphraseDialog(PassphraseDialog):
    def __init__(self, users: UserService, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users = users
        self.user_name = user_name
        self.setObjectName("resetPassphraseDialog")
        self.setWindowTitle(self.tr("重置口令"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("为 {0} 设置新口令。旧口令随即失效。请把新口令当面告诉本人，"
                               "并请其登录后在“账户与维护”中改为只有自己知道的口令。").format(user_name))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.pair.add_rows(form, self.tr("新口令："), self.tr("再次输入新口令："))
        buttons, self.ok_button = ok_cancel(self.tr("重置口令"), self.tr("取消"), self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.pair.first.setFocus()

    def save(self) -> bool:
        return self.submit(lambda passphrase: self.users.reset_passphrase(self.user_name, passphrase))
