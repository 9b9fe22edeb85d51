"""统计报表 of 培训: the registry's training reports on screen, and as XLSX."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.reports import ReportParams, ReportTable, build_report
from desktop_app.services.training import TrainingService
from desktop_app.services.training_reports import REPORT_KINDS
from desktop_app.ui.training.texts import describe, report_text

Index = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    """A report as the core built it (in Chinese, as it is exported); shown in the UI's language."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = ReportTable("", (), ())
        self._shown: dict[str, str] = {}  # a cell's text → the same in the UI's language

    def set_table(self, table: ReportTable) -> None:
        self.beginResetModel()
        self.table = table
        self._shown.clear()
        self.endResetModel()

    def _text(self, value: str) -> str:
        if value not in self._shown:
            self._shown[value] = report_text(value)
        return self._shown[value]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return report_text(self.table.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.table.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "" if value is None else self._text(str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and value == "未达标":
            return QBrush(QColor("#b3261e"))
        return None


class ReportPanel(QWidget):
    exported = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.training = TrainingService(services.ctx)
        self.choose_export_path: Callable[[str], str] = self._ask_export_path
        self.kind_combo = QComboBox(objectName="reportKind")
        for spec in REPORT_KINDS:
            self.kind_combo.addItem(report_text(spec.title), spec.kind)
        self.year_box = QSpinBox(objectName="reportYear")
        self.year_box.setRange(1990, services.ctx.today().year + 1)
        self.year_box.setValue(services.ctx.today().year)
        self.unit_combo = QComboBox(objectName="reportUnit")
        self.unit_combo.addItem(self.tr("全部单位"), None)
        try:
            for unit in services.units.list():
                self.unit_combo.addItem(unit.name, unit.name)
        except IntegrityFilesError:
            pass  # a role without unit.read sees every unit's rows only
        self.export_button = QPushButton(self.tr("导出 Excel…"), objectName="exportReport")
        self.export_button.clicked.connect(self.export)
        self.model = ReportTableModel(self)
        self.view = QTableView(objectName="reportTable")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel(objectName="reportNotes")
        self.notes.setWordWrap(True)
        bar = QHBoxLayout()
        for text, widget in ((self.tr("报表"), self.kind_combo), (self.tr("年度"), self.year_box),
                             (self.tr("单位"), self.unit_combo)):
            bar.addWidget(QLabel(text))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_box.valueChanged.connect(lambda _v: self.refresh())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def params(self) -> ReportParams:
        return ReportParams(year=self.year_box.value(), unit_name=self.unit_combo.currentData())

    def refresh(self) -> None:
        try:
            table = build_report(self.services, str(self.kind_combo.currentData()), self.params())
        except IntegrityFilesError as exc:
            self.model.set_table(ReportTable("", (), ()))
            self.notes.setText(describe(exc))
            return
        self.model.set_table(table)
        heading = self.tr("<b>{title}</b>　{n} 行").format(title=report_text(table.title), n=len(table.rows))
        self.notes.setText("<br>".join((heading, *(report_text(note) for note in table.notes))).replace("\n", "<br>"))
        self.export_button.setEnabled(bool(table.rows))

    def export(self) -> None:
        table = self.model.table
        if not table.rows:
            return
        path = self.choose_export_path(f"{table.title}.xlsx")
        if not path:
            return
        try:
            self.training.export_xlsx(table, Path(path))
        except IntegrityFilesError as exc:
            QMessageBox.warning(self, self.tr("无法导出"), describe(exc))
            return
        self.exported.emit(path)

    def _ask_export_path(self, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出报表"), name, "Excel (*.xlsx)")
        return path
