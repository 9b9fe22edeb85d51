"""Step 2 of the import wizard: the file's encoding (detected, or chosen when the preview shows
garbled text) or its worksheet, with the first rows as they will be read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services.importing import FileInspection
from desktop_app.ui.importing.texts import file_error, masked
from desktop_app.ui.wait_cursor import wait_cursor

if TYPE_CHECKING:
    from desktop_app.ui.importing.wizard import ImportWizard

ENCODINGS = ((QT_TRANSLATE_NOOP("OptionsPage", "自动识别"), None), ("UTF-8", "utf-8"), ("GBK", "gbk"),
             ("GB18030", "gb18030"))
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": QT_TRANSLATE_NOOP("OptionsPage", "UTF-8（带 BOM）"), "gbk": "GBK",
                  "gb18030": "GB18030", "utf-16": "UTF-16"}


class OptionsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("编码与工作表"))
        self.setSubTitle(self.tr("请核对下面的预览。若出现乱码，请换一种编码；Excel 文件可选择工作表。"))
        self.encoding_combo = QComboBox(objectName="encodingCombo")
        for text, value in ENCODINGS:
            self.encoding_combo.addItem(self.tr(text), value)
        self.sheet_combo = QComboBox(objectName="sheetCombo")
        self.info_label = QLabel(objectName="fileInfo")
        self.info_label.setWordWrap(True)
        self.preview = QTableWidget(objectName="previewTable")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.preview.verticalHeader().hide()
        self.encoding_label = QLabel(self.tr("编码"))
        self.sheet_label = QLabel(self.tr("工作表"))
        row = QHBoxLayout()
        row.addWidget(self.encoding_label)
        row.addWidget(self.encoding_combo)
        row.addWidget(self.sheet_label)
        row.addWidget(self.sheet_combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.info_label)
        layout.addWidget(self.preview, 1)
        self._filling = False
        self.encoding_combo.currentIndexChanged.connect(self._reread)
        self.sheet_combo.currentIndexChanged.connect(self._reread)

    def initializePage(self) -> None:
        self.show_inspection(self.owner.inspection)

    def show_inspection(self, found: FileInspection | None) -> None:
        if found is None:
            return
        self._filling = True
        try:
            csv = found.format == "csv"
            for widget in (self.encoding_label, self.encoding_combo):
                widget.setVisible(csv)
            for widget in (self.sheet_label, self.sheet_combo):
                widget.setVisible(not csv)
            self.sheet_combo.setEnabled(len(found.sheets) > 1)
            self.sheet_combo.clear()
            for sheet in found.sheets:
                self.sheet_combo.addItem(sheet, sheet)
            if found.sheet:
                self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(found.sheet), 0))
        finally:
            self._filling = False
        if csv:
            detected = self.tr(ENCODING_NAMES.get(found.encoding or "", found.encoding or ""))
            how = self.tr("自动识别") if self.encoding_combo.currentData() is None else self.tr("指定")
            text = self.tr("CSV 文件，编码 {0}（{1}），标题在第 {2} 行。").format(detected, how, found.header_line)
        else:
            text = self.tr("Excel 文件，工作表“{0}”，标题在第 {1} 行。").format(found.sheet, found.header_line)
        self.info_label.setText(text)
        self.preview.clear()
        self.preview.setColumnCount(len(found.headers))
        self.preview.setHorizontalHeaderLabels(list(found.headers))
        self.preview.setRowCount(len(found.samples))
        for r, sample in enumerate(found.samples):
            for c, value in enumerate(sample):
                self.preview.setItem(r, c, QTableWidgetItem(masked(value)))

    def _reread(self) -> None:
        if self._filling:
            return
        try:
            with wait_cursor():
                self.owner.reopen(self.encoding_combo.currentData(), self.sheet_combo.currentData())
        except IntegrityFilesError as exc:
            self.info_label.setText(file_error(exc, self.owner.kind))
            self.preview.setRowCount(0)
            return
        self.show_inspection(self.owner.inspection)
