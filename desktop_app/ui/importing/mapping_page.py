"""Step 3 of the import wizard: which column fills which field. Recognised headers are mapped
already; the others are chosen here (or left out). A mapping can be saved as a template and
loaded for the next file of the same layout."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.importing import ColumnMapping, MappingError, load_template, save_template
from desktop_app.importing.fields import field_specs
from desktop_app.importing.mapping import auto_mapping, check_mapping
from desktop_app.ui.importing.texts import field_name, file_error, masked, tr

if TYPE_CHECKING:
    from desktop_app.ui.importing.wizard import ImportWizard

TEMPLATE_FILTER = QT_TRANSLATE_NOOP("MappingPage", "对应模板 (*.json)")
HEADERS = (QT_TRANSLATE_NOOP("Import", "文件中的列"), QT_TRANSLATE_NOOP("Import", "示例"),
           QT_TRANSLATE_NOOP("Import", "对应字段"))


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("对应列"))
        self.setSubTitle(self.tr("已自动对应能识别的列标题。请为其余的列选择字段，或选择“不导入”。"
                                 "带 * 的字段必须有对应的列。"))
        self.table = QTableWidget(objectName="mappingTable")
        self.table.setColumnCount(len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(objectName="mappingStatus")
        self.status.setWordWrap(True)
        load = QPushButton(self.tr("载入对应模板…"), objectName="loadTemplate")
        load.clicked.connect(self.ask_load_template)
        save = QPushButton(self.tr("保存为对应模板…"), objectName="saveTemplate")
        save.clicked.connect(self.ask_save_template)
        buttons = QHBoxLayout()
        buttons.addWidget(load)
        buttons.addWidget(save)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        found = self.owner.inspection
        if found is not None:
            self.show_mapping(found.mapping)

    def show_mapping(self, mapping: ColumnMapping) -> None:
        found = self.owner.inspection
        assert found is not None
        samples = {h: next((s[i] for s in found.samples if s[i]), "") for i, h in enumerate(found.headers)}
        self.table.setRowCount(len(mapping.columns))
        self.combos = []
        for row, (header, key) in enumerate(mapping.columns):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            self.table.setItem(row, 1, QTableWidgetItem(masked(samples.get(header, ""))))
            combo = QComboBox()
            combo.addItem(self.tr("（不导入）"), None)
            for spec in field_specs(mapping.kind):
                combo.addItem(field_name(spec.label) + (" *" if spec.required else ""), spec.key)
            combo.setCurrentIndex(max(combo.findData(key), 0) if key else 0)
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self._changed()

    def mapping(self) -> ColumnMapping:
        headers = [self.table.item(r, 0).text() for r in range(self.table.rowCount())]  # type: ignore[union-attr]
        chosen = {h: c.currentData() for h, c in zip(headers, self.combos, strict=True)}
        return ColumnMapping.of(self.owner.kind, chosen)

    def choose(self, header: str, key: str | None) -> None:
        """Map ``header`` to the field ``key`` (None: leave the column out), as a user would."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == header:  # type: ignore[union-attr]
                self.combos[row].setCurrentIndex(max(self.combos[row].findData(key), 0) if key else 0)

    def _changed(self) -> None:
        try:
            check_mapping(self.mapping())
        except MappingError as exc:
            self.status.setText(file_error(exc, self.owner.kind))
            self.status.setProperty("role", "fieldError")
        else:
            unused = len(self.mapping().unmapped)
            self.status.setText(self.tr("对应完整。") + (self.tr("{0} 列不导入。").format(unused) if unused else ""))
            self.status.setProperty("role", "")
        self.status.style().polish(self.status)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        try:
            check_mapping(self.mapping())
        except MappingError:
            return False
        return True

    def validatePage(self) -> bool:
        self.owner.mapping = self.mapping()
        return True

    # -- templates -------------------------------------------------------------------------------

    def ask_load_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("载入对应模板"), "", self.tr(TEMPLATE_FILTER))
        if path:
            self.load_template(Path(path))

    def load_template(self, path: Path) -> bool:
        found = self.owner.inspection
        try:
            template = load_template(path, self.owner.kind)
        except IntegrityFilesError as exc:
            self.status.setText(file_error(exc, self.owner.kind))
            return False
        if found is not None:
            self.show_mapping(auto_mapping(self.owner.kind, found.headers, template))
        return True

    def ask_save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存对应模板"), self.tr("导入对应模板.json"),
                                              self.tr(TEMPLATE_FILTER))
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> bool:
        try:
            save_template(self.mapping(), path if path.suffix else path.with_suffix(".json"))
        except IntegrityFilesError as exc:
            self.status.setText(file_error(exc, self.owner.kind))
            return False
        self.status.setText(self.tr("已保存对应模板：{0}").format(path.name))
        return True
