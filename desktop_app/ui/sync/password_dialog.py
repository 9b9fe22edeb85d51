"""Ask for the central store's password (kept in memory for this session only)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class CentralPasswordDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("centralPasswordDialog")
        self.setWindowTitle(self.tr("中心库口令"))
        intro = QLabel(self.tr("连接中心库 {0} 需要本单位的登录口令（登记时由上级单位提供）。").format(url))
        intro.setWordWrap(True)
        note = QLabel(self.tr("口令只保存在内存中：锁定或退出程序后需要重新输入。"))
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("centralPassword")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def password(self) -> str:
        return self.edit.text()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.edit.clear()
        super().done(result)
