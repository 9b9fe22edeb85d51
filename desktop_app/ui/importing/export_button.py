"""导出: a button any list page puts beside its list. It asks for a file (.xlsx or .csv), runs the
export in the worker thread and says where the file went; full ID numbers only for users who may
see them, after a confirmation (the export's audit entry notes it).

    button = ExportButton(services, runner, lambda path, full: ExportService(services.ctx).units(path),
                          default_name="单位名单")
    button = ExportButton.for_table(services, runner, lambda: page.current_table(), default_name="名单")
    button = persons_export_button(services, runner, lambda: persons_page.search.criteria)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton, QWidget

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.services.exporting import ExportResult, ExportService
from desktop_app.services.reports import Cell, ReportTable
from desktop_app.ui.messages import show_error
from desktop_app.ui.tasks import Task, TaskRunner

Export = Callable[[Path, bool], ExportResult]  # (file, full ID numbers?) → what was written
FILTERS = {"xlsx": QT_TRANSLATE_NOOP("ExportButton", "Excel 工作簿 (*.xlsx)"),
           "csv": QT_TRANSLATE_NOOP("ExportButton", "CSV（UTF-8，Excel 可直接打开） (*.csv)")}


class ExportButton(QToolButton):
    exported = Signal(object)  # ExportResult

    def __init__(self, services: Services, runner: TaskRunner, export: Export, *, default_name: str,
                 allow_full_ids: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.export = export
        self.default_name = default_name
        self.task: Task | None = None
        self.message: QMessageBox | None = None
        self.setObjectName("exportButton")
        self.setText(self.tr("导出"))
        self.setToolTip(self.tr("把当前列表导出为 Excel 或 CSV 文件"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.xlsx_action = _action(menu, self.tr("导出为 Excel（.xlsx）…"), lambda: self.run("xlsx", False))
        self.csv_action = _action(menu, self.tr("导出为 CSV…"), lambda: self.run("csv", False))
        self.full_action: QAction | None = None
        if allow_full_ids and services.ctx.may(Permission.PERSON_REVEAL_ID):
            menu.addSeparator()
            self.full_action = _action(menu, self.tr("导出为 Excel（含完整身份证号）…"), lambda: self.run("xlsx", True))
        self.setMenu(menu)
        self.setEnabled(services.ctx.may(Permission.EXPORT))
        if not self.isEnabled():
            self.setToolTip(self.tr("您的角色无权导出。"))
        # Replaced in tests; the GUI asks with file dialogs.
        self.choose_path: Callable[[str], Path | None] = self._ask_path
        self.confirm_full_ids: Callable[[], bool] = self._ask_full_ids

    @classmethod
    def for_table(cls, services: Services, runner: TaskRunner, table: Callable[[], ReportTable], *,
                  default_name: str, source: str = "list", parent: QWidget | None = None) -> ExportButton:
        """A list the page already holds (any ``ReportTable``); ID numbers in it are masked."""
        return cls(services, runner, lambda path, _full: ExportService(services.ctx).table(table(), path,
                                                                                           source=source),
                   default_name=default_name, parent=parent)

    def run(self, fmt: str, full_ids: bool) -> Task | None:
        if full_ids and not self.confirm_full_ids():
            return None
        path = self.choose_path(fmt)
        if path is None:
            return None
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        export = self.export
        task = Task(lambda _progress, _cancel: export(path, full_ids), "export")
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(lambda exc: show_error(self.window(), exc))
        self.task = task
        return self.runner.start(task, progress_parent=self.window(), label=self.tr("正在导出…"))

    def _done(self, result: ExportResult) -> None:
        self.task = None
        text = self.tr("已导出 {0} 行到：\n{1}").format(result.rows, result.path)
        if result.full_ids:
            text += "\n" + self.tr("文件含完整身份证号，请妥善保管。")
        self.message = QMessageBox(QMessageBox.Icon.Information, self.tr("导出完成"), text,
                                   QMessageBox.StandardButton.Ok, self.window())
        self.message.setObjectName("exportDone")
        self.message.open()
        self.exported.emit(result)

    def _ask_path(self, fmt: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window(), self.tr("导出"), f"{self.default_name}.{fmt}",
                                              self.tr(FILTERS[fmt]))
        return Path(name) if name else None

    def _ask_full_ids(self) -> bool:
        answer = QMessageBox.question(self.window(), self.tr("导出完整身份证号"),
                                      self.tr("导出的文件将包含完整的身份证号。此次导出会记入审计日志，"
                                              "文件请按涉密材料保管。继续吗？"))
        return answer == QMessageBox.StandardButton.Yes


def persons_export_button(services: Services, runner: TaskRunner, criteria: Callable[[], Any], *,
                          parent: QWidget | None = None) -> ExportButton:
    """The persons page's export: the persons its current search, unit, flag and sort show.
    ``criteria`` returns the page's ``SearchCriteria`` (text, unit_id, flag, sort, descending)."""

    def export(path: Path, full_ids: bool) -> ExportResult:
        c = criteria()
        return ExportService(services.ctx).persons(path, text=c.text, unit_id=c.unit_id, flag=c.flag, sort=c.sort,
                                                   descending=c.descending, full_ids=full_ids)

    return ExportButton(services, runner, export, default_name=QCoreApplication.translate("ExportButton", "人员名单"),
                        allow_full_ids=True, parent=parent)


def model_table(model: QAbstractItemModel, title: str) -> ReportTable:
    """A small list's table model as a ``ReportTable`` (its headers and display texts), for lists
    that hold all their rows (not the lazy persons list: use ``persons_export_button``)."""
    columns = model.columnCount()
    headers = tuple(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns))
    rows: list[tuple[Cell, ...]] = []
    for r in range(model.rowCount()):
        rows.append(tuple(_text(model.data(model.index(r, c))) for c in range(columns)))
    return ReportTable(title, headers, tuple(rows))


def _text(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float):
        return value
    return str(value)


def _action(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: slot())
    return action
