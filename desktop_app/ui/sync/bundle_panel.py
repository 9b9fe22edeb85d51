"""离线数据包: export the changes for headquarters (encrypted to its key) and import its return
bundle, first as a dry run whose counts the user confirms."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop_app.services import Services


class BundlePanel(QWidget):
    export_requested = Signal(object, object)   # headquarters' key file, output file
    preview_requested = Signal(object)          # the return bundle
    import_requested = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.pending_import: Path | None = None
        intro = QLabel(self.tr("不能联网的单位用离线包同步：导出离线包（只有上级单位能解密），用移动介质交给上级单位；"
                               "再导入上级单位发回的回执包。每个数据包都有编号和签名，重复、缺号、被改动或发错单位的"
                               "数据包会被拒绝，且不做任何更改。"))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.export_button = QPushButton(self.tr("导出离线包…"))
        self.export_button.setObjectName("exportBundle")
        self.export_button.clicked.connect(self.choose_export)
        self.import_button = QPushButton(self.tr("导入回执包…"))
        self.import_button.setObjectName("importBundle")
        self.import_button.clicked.connect(self.choose_import)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.result_label = QLabel()
        self.result_label.setObjectName("bundleResult")
        self.result_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def set_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)

    def choose_export(self) -> None:
        key, _ = QFileDialog.getOpenFileName(self, self.tr("选择上级单位的公钥文件"), "",
                                             self.tr("公钥文件 (*.key);;所有文件 (*)"))
        if not key:
            return
        office = self.services.ctx.archive.office_name or "office"
        suggested = Path(key).with_name(f"{office}-{self.services.ctx.today().isoformat()}.ifb")
        out, _ = QFileDialog.getSaveFileName(self, self.tr("保存离线包"), str(suggested),
                                             self.tr("离线包 (*.ifb);;所有文件 (*)"))
        if out:
            self.export_requested.emit(Path(key), Path(out))

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择回执包"), "", self.tr("离线包 (*.ifb);;所有文件 (*)"))
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> None:
        """Step one of an import: the dry run (its counts come back to ``preview_ready``)."""
        self.pending_import = path
        self.preview_requested.emit(path)

    def confirm_import(self, preview: str) -> bool:
        """The dry run's counts; True when the user goes ahead."""
        answer = QMessageBox.question(self, self.tr("导入回执包"), preview + "\n\n" + self.tr("现在导入吗？"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def preview_ready(self, preview: str) -> None:
        path, self.pending_import = self.pending_import, None
        self.result_label.setText(preview)
        if path is not None and self.confirm_import(preview):
            self.import_requested.emit(path)

    def show_result(self, text: str) -> None:
        self.result_label.setText(text)
