"""批量打印: which persons (the search result or the selection), one PDF or one per person, the variant
and the target. The page runs PrintService.batch in the worker task with progress and cancel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.printing.model import Variant


@dataclass(frozen=True, slots=True)
class BatchChoice:
    selection_only: bool
    one_file: bool
    variant: Variant
    target: Path


class BatchPrintDialog(QDialog):
    def __init__(self, result_count: int, selected_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchPrintDialog")
        self.setWindowTitle(self.tr("批量打印"))
        self.result_radio = QRadioButton(self.tr("当前查询结果（{0} 人）").format(result_count))
        self.result_radio.setObjectName("scopeResult")
        self.selection_radio = QRadioButton(self.tr("选中的人员（{0} 人）").format(selected_count))
        self.selection_radio.setObjectName("scopeSelection")
        self.selection_radio.setEnabled(selected_count > 0)
        (self.selection_radio if selected_count > 1 else self.result_radio).setChecked(True)
        self.result_radio.setEnabled(result_count > 0)
        scope = QButtonGroup(self)
        scope.addButton(self.result_radio)
        scope.addButton(self.selection_radio)
        self.one_file_radio = QRadioButton(self.tr("合并为一个PDF文件"))
        self.one_file_radio.setObjectName("modeOneFile")
        self.per_person_radio = QRadioButton(self.tr("每人一个PDF文件（存入文件夹）"))
        self.per_person_radio.setObjectName("modePerPerson")
        self.one_file_radio.setChecked(True)
        mode = QButtonGroup(self)
        mode.addButton(self.one_file_radio)
        mode.addButton(self.per_person_radio)
        self.variant_combo = QComboBox()
        self.variant_combo.setObjectName("variantCombo")
        self.variant_combo.addItem(self.tr("内部审查"), Variant.INTERNAL)
        self.variant_combo.addItem(self.tr("公示"), Variant.PUBLIC)
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("targetEdit")
        self.target_edit.setMinimumWidth(320)
        browse = QPushButton(self.tr("浏览…"))
        browse.setObjectName("browseTarget")
        browse.clicked.connect(self._browse)
        target = QHBoxLayout()
        target.addWidget(self.target_edit, 1)
        target.addWidget(browse)
        self.error_label = QLabel()
        self.error_label.setObjectName("batchError")
        self.error_label.setProperty("role", "fieldError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("开始打印"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("范围："), self._column(self.result_radio, self.selection_radio))
        form.addRow(self.tr("输出："), self._column(self.one_file_radio, self.per_person_radio))
        form.addRow(self.tr("版本："), self.variant_combo)
        form.addRow(self.tr("保存到："), target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.one_file_radio.toggled.connect(lambda _on: self.target_edit.clear())

    @staticmethod
    def _column(*widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    def choice(self) -> BatchChoice:
        return BatchChoice(self.selection_radio.isChecked(), self.one_file_radio.isChecked(),
                           Variant(self.variant_combo.currentData()), Path(self.target_edit.text().strip()))

    def _browse(self) -> None:
        if self.one_file_radio.isChecked():
            chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("保存为"), str(Path.home() / "诚信档案.pdf"),
                                                          self.tr("PDF 文件 (*.pdf)"))
        else:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹"), str(Path.home()))
        if chosen:
            self.target_edit.setText(chosen)

    def _accept(self) -> None:
        text = self.target_edit.text().strip()
        if not text:
            self.error_label.setText(self.tr("请选择保存位置。"))
            return
        if self.one_file_radio.isChecked() and not text.lower().endswith(".pdf"):
            self.target_edit.setText(text + ".pdf")
        self.accept()
