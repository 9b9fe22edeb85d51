"""本机: the device id and key fingerprint, and the public key file headquarters enrolls."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.ui.sync.notice import warn
from desktop_app.ui.sync.sync_errors import sync_error_text


def grouped(fingerprint: str) -> str:
    """``a1b2c3d4…`` as ``a1b2 c3d4 …`` so it can be read out over the phone."""
    return " ".join(fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4))


class DevicePanel(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("本机"))
        self.services = services
        self.keys = None
        self.device_label = _selectable(services.ctx.archive.device_id)
        self.device_label.setObjectName("deviceId")
        self.fingerprint_label = _selectable("—")
        self.fingerprint_label.setObjectName("deviceFingerprint")
        self.save_button = QPushButton(self.tr("保存本机公钥文件…"))
        self.save_button.setObjectName("saveDeviceKey")
        self.save_button.setToolTip(self.tr("上级单位用这个文件为本机办理登记（central enroll）；"
                                            "文件不含任何私钥或个人信息。"))
        self.save_button.clicked.connect(self.choose_key_file)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("设备编号："), self.device_label)
        form.addRow(self.tr("公钥指纹："), self.fingerprint_label)
        form.addRow("", self.save_button)
        if services.ctx.may(Permission.SYNC_RUN):
            self.keys = services.sync.device_keys()
            self.fingerprint_label.setText(grouped(self.keys.fingerprint))
        else:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(self.tr("只有管理员可以导出本机公钥。"))

    def choose_key_file(self) -> None:
        office = self.services.ctx.archive.office_name or "office"
        suggested = Path.home() / f"{office}-{self.services.ctx.archive.device_id[:8]}.key"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存本机公钥文件"), str(suggested),
                                              self.tr("公钥文件 (*.key);;所有文件 (*)"))
        if path:
            self.save_key(Path(path))

    def save_key(self, path: Path) -> bool:
        if self.keys is None:
            return False
        try:
            self.keys.write(path)
        except OSError as exc:
            warn(self, sync_error_text(exc))
            return False
        return True


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

