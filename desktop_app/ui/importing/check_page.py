"""Step 4 of the import wizard: the dry run. Every line is checked and matched with the archive in
the worker thread; the page then lists each line that cannot be imported (line, column, reason)
and each line that would change a stored file. Nothing has been written yet: the user imports all
lines, or (when some are bad) only the good ones, or goes back and fixes the file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.importing import ImportReport
from desktop_app.ui.importing.report_models import ProblemModel, UpdateModel
from desktop_app.ui.importing.texts import file_error
from desktop_app.ui.tasks import Task

if TYPE_CHECKING:
    from desktop_app.ui.importing.wizard import ImportWizard


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.report: ImportReport | None = None
        self.task: Task | None = None
        self.setTitle(self.tr("检查结果"))
        self.setSubTitle(self.tr("已逐行检查，尚未写入档案。请查看结果，再决定是否导入。"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))
        self.progress = QProgressBar(objectName="checkProgress")
        self.progress.setRange(0, 0)
        self.summary = QLabel(objectName="checkSummary")
        self.summary.setWordWrap(True)
        self.problems = ProblemModel(self)
        self.updates = UpdateModel(self)
        self.tabs = QTabWidget(objectName="checkTabs")
        self.problem_view = _table(self.problems, "problemTable")
        self.update_view = _table(self.updates, "updateTable")
        self.tabs.addTab(self.problem_view, "")
        self.tabs.addTab(self.update_view, "")
        self.skip_box = QCheckBox(objectName="skipInvalid")
        self.skip_box.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.skip_box)

    def initializePage(self) -> None:
        self.report = None
        self.skip_box.setChecked(False)
        self.skip_box.hide()
        self.tabs.hide()
        self.progress.show()
        self.progress.setRange(0, 0)
        self.summary.setText(self.tr("正在逐行检查文件，尚未写入档案…"))
        self.task = self.owner.start(self.owner.check_work(), self._checked, self._failed, self._progress)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.task = None

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _checked(self, report: ImportReport) -> None:
        self.task = None
        self.report = report
        self.progress.hide()
        self.problems.set_problems(report.problems)
        self.updates.set_updates(report.kind, report.updated)
        self.tabs.setTabText(0, self.tr("无法导入的行（{0}）").format(report.invalid))
        self.tabs.setTabText(1, self.tr("将更新的档案（{0}）").format(report.updates))
        self.tabs.setCurrentIndex(0 if report.invalid or not report.updates else 1)
        self.tabs.show()
        self.summary.setText(self._summary_text(report))
        valid = report.new + report.updates
        self.skip_box.setText(self.tr("跳过有误的 {0} 行，只导入其余 {1} 行").format(report.invalid, valid))
        self.skip_box.setVisible(report.invalid > 0 and valid > 0)
        self.completeChanged.emit()

    def _summary_text(self, report: ImportReport) -> str:
        text = self.tr("共 {0} 行：新增 {1}，更新 {2}，无变化 {3}，有误 {4}。").format(
            report.lines, report.new, report.updates, report.unchanged, report.invalid)
        if report.invalid:
            text += "\n" + self.tr("有误的行需要改正；也可以跳过它们，只导入其余的行。")
        elif not report.has_work:
            text += "\n" + self.tr("文件中的内容与档案一致，无需导入。")
        else:
            text += "\n" + self.tr("检查通过。点击“导入”后，先备份档案，再一次性写入；中途出错不会留下部分数据。")
        if report.problem_count > len(report.problems):
            text += "\n" + self.tr("（只列出前 {0} 个问题）").format(len(report.problems))
        return text

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.progress.hide()
        if isinstance(exc, IntegrityFilesError):
            self.summary.setText(file_error(exc, self.owner.kind))
        else:
            raise exc

    def isComplete(self) -> bool:
        report = self.report
        if report is None or not report.has_work:
            return False
        return report.ok or self.skip_box.isChecked()

    def validatePage(self) -> bool:
        self.owner.skip_invalid = self.skip_box.isChecked()
        return True


def _table(model: ProblemModel | UpdateModel, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view
