"""Unlock an archive with a user name and passphrase; also the lock screen after auto-lock.

Failed tries are counted by the core in the key file; after 5 it raises LockedOutError with
``retry_after`` and the button stays disabled until then.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AuthenticationError, IntegrityFilesError, LockedOutError
from desktop_app.store.archive import Archive, SignedInUser
from desktop_app.ui.error_text import error_text
from desktop_app.ui.wait_cursor import wait_cursor

Unlocker = Callable[[Path, str, str], tuple[Archive, SignedInUser]]
OTHER_ARCHIVE = 2  # dialog result: the user wants to open or create another archive


class UnlockDialog(QDialog):
    def __init__(self, path: Path, *, user_name: str = "", locked: bool = False, demo_hint: str = "",
                 unlocker: Unlocker = Archive.unlock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.unlocker = unlocker
        self.result_value: tuple[Archive, SignedInUser] | None = None
        self.locked = locked
        self.setWindowTitle(self.tr("已锁定 — 公务员诚信档案") if locked else self.tr("解锁档案库"))
        self.setMinimumWidth(440)
        heading = QLabel(self.tr("档案库已锁定，请输入口令继续工作。") if locked
                         else self.tr("请输入用户名和口令打开档案库。"))
        heading.setWordWrap(True)
        heading.setProperty("role", "heading")
        archive_label = QLabel(path.name)
        archive_label.setToolTip(str(path))
        self.user_edit = QLineEdit(user_name)
        self.pass_edit = QLineEdit()
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("unlockError")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("档案库："), archive_label)
        form.addRow(self.tr("用户名："), self.user_edit)
        form.addRow(self.tr("口令："), self.pass_edit)
        form.addRow("", self.error_label)
        self.demo_label = QLabel(self.tr("演示档案库 — 用户名 admin，口令：{0}").format(demo_hint))
        self.demo_label.setProperty("role", "hint")
        self.demo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_label.setVisible(bool(demo_hint))
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(self.tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("打开其他档案库…"))
        self.other_button.setVisible(not locked)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ResetRole)
        quit_button = buttons.addButton(self.tr("退出程序") if locked else self.tr("退出"),
                                        QDialogButtonBox.ButtonRole.DestructiveRole)
        quit_button.clicked.connect(lambda: QDialog.done(self, QDialog.DialogCode.Rejected))
        buttons.accepted.connect(self.try_unlock)
        self.other_button.clicked.connect(lambda: self.done(OTHER_ARCHIVE))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.demo_label)
        layout.addWidget(buttons)
        # Enter unlocks: the other buttons must not become the default when focused, and the default
        # is set once the button belongs to this dialog (before that Qt ignores it).
        for button in (self.other_button, quit_button):
            button.setAutoDefault(False)
        self.unlock_button.setDefault(True)
        self.retry_timer = QTimer(self, singleShot=True)
        self.retry_timer.timeout.connect(lambda: self.unlock_button.setEnabled(True))
        (self.pass_edit if user_name else self.user_edit).setFocus()

    def try_unlock(self) -> None:
        user = self.user_edit.text().strip()
        passphrase = self.pass_edit.text()
        if not user or not passphrase:
            self._show_error(self.tr("请输入用户名和口令。"))
            return
        try:
            with wait_cursor():
                self.result_value = self.unlocker(self.path, user, passphrase)
        except LockedOutError as exc:
            self._show_error(error_text(exc))
            self.unlock_button.setEnabled(False)
            self.retry_timer.start(int(exc.retry_after * 1000) + 100)
            return
        except AuthenticationError as exc:
            self._show_error(error_text(exc))
            return
        except IntegrityFilesError as exc:
            self._show_error(error_text(exc))
            return
        finally:
            self.pass_edit.clear()
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.pass_edit.setFocus()

    def reject(self) -> None:
        """Escape or the close box: a lock screen stays (its quit button ends the program)."""
        if not self.locked:
            super().reject()
