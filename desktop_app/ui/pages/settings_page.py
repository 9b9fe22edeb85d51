"""设置: auto-lock delay and language (typed settings; secrets never stored here)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop_app.services import Services
from desktop_app.ui.i18n import label
from desktop_app.ui.pages.about_dialog import AboutDialog
from desktop_app.ui.settings import IDLE_MINUTES, LANGUAGE, AppSettings


class SettingsPage(QWidget):
    idle_minutes_changed = Signal(int)
    language_changed = Signal(str)
    lock_requested = Signal()

    def __init__(self, services: Services, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        title = QLabel(self.tr("设置"))
        title.setProperty("role", "pageTitle")
        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleMinutes")
        self.idle_spin.setRange(1, 240)
        self.idle_spin.setSuffix(self.tr(" 分钟"))
        self.idle_spin.setValue(settings.get(IDLE_MINUTES))
        self.idle_spin.valueChanged.connect(self._idle_changed)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.get(LANGUAGE))))
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        lock_button = QPushButton(self.tr("立即锁定（Ctrl+L）"))
        lock_button.clicked.connect(self.lock_requested)
        archive = services.ctx.archive
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.idle_spin.setMinimumWidth(120)
        self.language_combo.setMinimumWidth(160)
        form.addRow(self.tr("无操作自动锁定："), self.idle_spin)
        form.addRow(self.tr("界面语言："), self.language_combo)
        form.addRow("", lock_button)
        form.addRow(QLabel(" "))
        form.addRow(self.tr("档案库文件："), QLabel(str(archive.path)))
        form.addRow(self.tr("单位名称："), QLabel(archive.office_name or "—"))
        user = self.tr("{name}（{role}）").format(name=services.user.name, role=label(services.user.role.label))
        form.addRow(self.tr("当前用户："), QLabel(user))
        self.about_button = QPushButton(self.tr("关于…"))
        self.about_button.clicked.connect(self._about)
        form.addRow("", self.about_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addStretch(1)

    def _about(self) -> None:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _idle_changed(self, minutes: int) -> None:
        self.settings.set(IDLE_MINUTES, minutes)
        self.idle_minutes_changed.emit(minutes)

    def _language_changed(self, _index: int) -> None:
        language = self.language_combo.currentData()
        self.settings.set(LANGUAGE, language)
        self.language_changed.emit(language)
