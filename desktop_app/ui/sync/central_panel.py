"""中心库: the central store's URL (stored without its password), the password for this session,
the automatic sync interval and the reminder."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_app.ui.settings import SYNC_INTERVAL_MINUTES, SYNC_REMINDER_DAYS
from desktop_app.ui.sync.password_dialog import CentralPasswordDialog
from desktop_app.ui.sync.sync_controller import SyncController


class CentralPanel(QGroupBox):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("中心库"))
        self.controller = controller
        self.url_edit = QLineEdit(controller.url)
        self.url_edit.setCursorPosition(0)
        self.url_edit.setObjectName("centralUrl")
        self.url_edit.setPlaceholderText(self.tr("postgresql://登录名@服务器/数据库，或中心库文件的路径"))
        self.url_edit.setToolTip(self.tr("登记时上级单位提供的地址。地址中的口令不会保存到磁盘。"))
        self.url_edit.returnPressed.connect(self.save_url)
        browse = QPushButton(self.tr("选择文件…"))
        browse.setToolTip(self.tr("单机或演示用的中心库文件（SQLite）"))
        browse.clicked.connect(self.choose_file)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("saveCentralUrl")
        self.save_button.clicked.connect(self.save_url)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(browse)
        url_row.addWidget(self.save_button)
        self.password_label = QLabel()
        self.password_label.setObjectName("passwordState")
        self.password_label.setProperty("role", "hint")
        self.password_label.setWordWrap(True)
        self.password_button = QPushButton(self.tr("输入口令…"))
        self.password_button.setObjectName("enterCentralPassword")
        self.password_button.clicked.connect(self.ask_password)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_label, 1)
        password_row.addWidget(self.password_button)
        self.interval_spin = QSpinBox()
        self.interval_spin.setObjectName("syncInterval")
        self.interval_spin.setRange(1, 1440)
        self.interval_spin.setSuffix(self.tr(" 分钟"))
        self.interval_spin.setValue(controller.settings.get(SYNC_INTERVAL_MINUTES))
        self.interval_spin.valueChanged.connect(controller.set_interval_minutes)
        self.reminder_spin = QSpinBox()
        self.reminder_spin.setObjectName("syncReminderDays")
        self.reminder_spin.setRange(1, 365)
        self.reminder_spin.setSuffix(self.tr(" 天"))
        self.reminder_spin.setValue(controller.settings.get(SYNC_REMINDER_DAYS))
        self.reminder_spin.valueChanged.connect(controller.set_reminder_days)
        timing = QHBoxLayout()
        timing.addWidget(QLabel(self.tr("每")))
        timing.addWidget(self.interval_spin)
        timing.addWidget(QLabel(self.tr("同步一次；超过")))
        timing.addWidget(self.reminder_spin)
        timing.addWidget(QLabel(self.tr("未同步时提醒")))
        timing.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("地址："), url_row)
        form.addRow("", password_row)
        form.addRow(self.tr("同步计划："), timing)
        self.show_password_state()

    def save_url(self) -> None:
        stripped = self.controller.set_url(self.url_edit.text())
        self.url_edit.setText(self.controller.url)
        self.url_edit.setCursorPosition(0)
        self.show_password_state(stripped=stripped)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择中心库文件"), "",
                                              self.tr("中心库文件 (*.db *.sqlite);;所有文件 (*)"))
        if path:
            self.url_edit.setText(path)
            self.save_url()

    def ask_password(self) -> bool:
        """Ask for the password; True when one was given."""
        dialog = CentralPasswordDialog(self.controller.url, self)
        try:
            if dialog.exec() != CentralPasswordDialog.DialogCode.Accepted or not dialog.password():
                return False
            self.controller.set_password(dialog.password())
        finally:
            dialog.deleteLater()
        self.show_password_state()
        return True

    def show_password_state(self, *, stripped: bool = False) -> None:
        controller = self.controller
        self.password_button.setVisible(controller.needs_password)
        if not controller.url:
            text = self.tr("尚未设置中心库：设置后，程序运行期间会按下面的间隔自动同步。")
        elif stripped:
            text = self.tr("地址中的口令已移除，只保存在内存中；锁定或退出后需要重新输入。")
        elif controller.waiting_for_password:
            text = self.tr("需要输入中心库口令才能同步（口令不保存到磁盘）。")
        elif controller.needs_password:
            text = self.tr("已输入口令（只保存在内存中）。")
        else:
            text = self.tr("中心库已设置。")
        self.password_label.setText(text)
