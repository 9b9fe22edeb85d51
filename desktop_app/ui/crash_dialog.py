"""The dialog for an unexpected error: what happened, details to copy, and the app goes on."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出现意外错误"))
        self.resize(640, 420)
        intro = QLabel(self.tr("程序遇到了一个意外错误。已保存的数据不受影响，您可以继续工作。\n"
                               "如果问题反复出现，请复制下面的详情发给技术支持（其中不含口令和完整身份证号）。"))
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("复制详情"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("继续工作"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("已复制"))
