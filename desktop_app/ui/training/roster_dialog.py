"""核对名单: every line of a roster file or pasted list with what becomes of it.

Lines matching no person, or several, or with a bad ID number or value are shown in red with a
choice (one of the candidates, or skip the line); 导入 stays disabled until every one is decided,
and then writes all lines in one transaction. F8 jumps to the next line to decide.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services.training import TrainingService
from desktop_app.services.training_roster import RosterPreview
from desktop_app.ui.training.choice_delegate import ChoiceDelegate
from desktop_app.ui.training.roster_model import CHOICE_COLUMN, RosterModel
from desktop_app.ui.training.texts import describe

Reload = Callable[[str | None, str | None], RosterPreview]  # (encoding, sheet) → a new preview
ENCODINGS = ((QT_TRANSLATE_NOOP("RosterDialog", "自动识别"), None), ("UTF-8", "utf-8"), ("GBK", "gbk"),
             ("GB18030", "gb18030"))


class RosterDialog(QDialog):
    def __init__(self, training: TrainingService, preview: RosterPreview, *, reload: Reload | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.reload = reload
        self.added = 0
        self.message: QMessageBox | None = None
        self.setWindowTitle(self.tr("核对名单：%1").replace("%1", preview.source or self.tr("粘贴的名单")))
        self.setObjectName("rosterDialog")
        self.resize(860, 520)
        self.model = RosterModel(preview, self)
        self.table = QTableView(objectName="rosterTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(CHOICE_COLUMN, ChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHOICE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(objectName="rosterSummary")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        buttons.accepted.connect(self.run_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if reload is not None:
            layout.addLayout(self._file_options(preview))
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.model.resolved_changed.connect(self._update)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, self.next_open_line)
        self._update()
        self.next_open_line()

    def _file_options(self, preview: RosterPreview) -> QHBoxLayout:
        row = QHBoxLayout()
        self.encoding_combo = QComboBox(objectName="encodingCombo")
        for text, value in ENCODINGS:
            self.encoding_combo.addItem(self.tr(text), value)
        self.sheet_combo = QComboBox(objectName="sheetCombo")
        for sheet in preview.sheets:
            self.sheet_combo.addItem(sheet, sheet)
        if preview.sheet:
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(preview.sheet), 0))
        row.addWidget(QLabel(self.tr("编码")))
        row.addWidget(self.encoding_combo)
        row.addWidget(QLabel(self.tr("工作表")))
        row.addWidget(self.sheet_combo)
        row.addStretch(1)
        self.encoding_combo.setEnabled(preview.encoding is not None)
        self.sheet_combo.setEnabled(bool(preview.sheets))
        self.encoding_combo.currentIndexChanged.connect(self._reread)
        self.sheet_combo.currentIndexChanged.connect(self._reread)
        return row

    def _reread(self) -> None:
        if self.reload is None:
            return
        try:
            preview = self.reload(self.encoding_combo.currentData(), self.sheet_combo.currentData())
        except IntegrityFilesError as exc:
            self._warn(self.tr("无法读取"), describe(exc))
            return
        self.model.set_preview(preview)
        self.next_open_line()

    def _update(self) -> None:
        counts = self.model.counts()
        text = self.tr("共 {lines} 行：导入 {import} 行，不导入 {left_out} 行").format(**counts)
        if counts["open"]:
            text += self.tr("；还有 {open} 行待处理（红色，按 F8 跳到下一行）").format(**counts)
        if self.model.preview.unknown_columns:
            text += self.tr("。未使用的列：") + self.tr("、").join(self.model.preview.unknown_columns)
        self.summary.setText(text)
        self.import_button.setEnabled(not counts["open"] and counts["import"] > 0)

    def next_open_line(self) -> None:
        open_rows = self.model.unresolved()
        if not open_rows:
            return
        current = self.table.currentIndex().row()
        row = next((r for r in open_rows if r > current), open_rows[0])
        index = self.model.index(row, CHOICE_COLUMN)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()

    def run_import(self) -> None:
        if self.model.unresolved():
            self.next_open_line()
            return
        try:
            result = self.training.import_roster(self.model.preview.session_id, self.model.entries(),
                                                 source=self.model.preview.source)
        except IntegrityFilesError as exc:
            self._warn(self.tr("未导入"), describe(exc) + "\n" + self.tr("名单中的人员都没有导入。"))
            return
        self.added = result.added
        self.accept()

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("rosterError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = box
        box.open()
