"""Step 1 of the import wizard: what to import (persons, units, records, a session's attendance)
and from which file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizardPage,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.importing import ImportKind
from desktop_app.importing.templates import write_blank_template
from desktop_app.services.importing import KIND_PERMISSION
from desktop_app.services.training import TrainingService
from desktop_app.ui.importing.texts import file_error, kind_name
from desktop_app.ui.wait_cursor import wait_cursor

if TYPE_CHECKING:
    from desktop_app.ui.importing.wizard import ImportWizard

FILE_FILTER = QT_TRANSLATE_NOOP("FilePage",
                                "表格文件 (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;CSV (*.csv *.txt)")


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("选择文件"))
        self.setSubTitle(self.tr("支持 Excel（.xlsx）和 CSV（UTF-8、GBK、GB18030 编码）。导入前会先逐行检查，"
                                 "不会直接写入档案。"))
        self.kind_combo = QComboBox(objectName="importKind")
        may = wizard.services.ctx.may
        for kind in ImportKind:
            if may(KIND_PERMISSION[kind]):
                self.kind_combo.addItem(kind_name(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.path_edit = QLineEdit(objectName="importPath")
        self.path_edit.setPlaceholderText(self.tr("选择或输入文件路径"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("浏览…"), objectName="browseButton")
        browse.clicked.connect(self.browse)
        blank = QPushButton(self.tr("空白模板…"), objectName="blankTemplate")
        blank.setToolTip(self.tr("保存一个只有标题行的 Excel 文件，填好后再导入"))
        blank.clicked.connect(self.ask_blank_template)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(blank)
        self.session_label = QLabel(self.tr("培训期次"))
        self.session_combo = QComboBox(objectName="sessionCombo")
        self.error_label = QLabel(objectName="fileError")
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("role", "fieldError")
        form = QFormLayout(self)
        form.addRow(self.tr("导入内容"), self.kind_combo)
        form.addRow(self.tr("文件"), _wrap(row))
        form.addRow(self.session_label, self.session_combo)
        form.addRow(self.error_label)
        self._sessions_loaded = False
        self._kind_changed()

    def kind(self) -> ImportKind:
        return ImportKind(str(self.kind_combo.currentData()))

    def select_kind(self, kind: ImportKind) -> None:
        index = self.kind_combo.findData(kind.value)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def select_session(self, session_id: object) -> None:
        """Preselect a training session (the training page opens the wizard for its session)."""
        self.select_kind(ImportKind.ATTENDANCE)
        index = self.session_combo.findData(session_id)
        if index >= 0:
            self.session_combo.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        attendance = self.kind_combo.count() > 0 and self.kind() is ImportKind.ATTENDANCE
        self.session_label.setVisible(attendance)
        self.session_combo.setVisible(attendance)
        if attendance and not self._sessions_loaded:
            self._sessions_loaded = True
            for run in TrainingService(self.owner.services.ctx).sessions():
                self.session_combo.addItem(self.tr("{title}（{start} 至 {end}）").format(
                    title=run.course_title, start=f"{run.starts_on:%Y-%m-%d}", end=f"{run.ends_on:%Y-%m-%d}"), run.id)
        self.completeChanged.emit()

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择要导入的文件"), self.path_edit.text(),
                                              self.tr(FILE_FILTER))
        if path:
            self.path_edit.setText(path)

    def ask_blank_template(self) -> None:
        name = self.tr("{0}导入模板.xlsx").format(kind_name(self.kind()))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存空白模板"), name, "Excel (*.xlsx)")
        if path:
            self.save_blank_template(Path(path))

    def save_blank_template(self, path: Path) -> bool:
        try:
            write_blank_template(self.kind(), path)
        except IntegrityFilesError as exc:
            self.error_label.setText(file_error(exc, self.kind()))
            return False
        self.error_label.setText(self.tr("已保存空白模板：{0}").format(path.name))
        return True

    def isComplete(self) -> bool:
        if self.kind_combo.count() == 0 or not self.path_edit.text().strip():
            return False
        return self.kind() is not ImportKind.ATTENDANCE or self.session_combo.currentData() is not None

    def validatePage(self) -> bool:
        """Open the file now, so a wrong or unreadable file is said here, next to its name."""
        self.error_label.clear()
        path = Path(self.path_edit.text().strip())
        try:
            with wait_cursor():
                self.owner.open_file(self.kind(), path, self.session_combo.currentData())
        except IntegrityFilesError as exc:
            self.error_label.setText(file_error(exc, self.kind()))
            return False
        return True


def _wrap(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
