"""Step 5 of the import wizard: the import itself, in the worker thread with progress and cancel
(backup first, then one transaction), and what it did."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from desktop_app.errors import IntegrityFilesError
from desktop_app.importing import ImportRejected, ImportResult
from desktop_app.ui.importing.texts import REJECTED, file_error, tr
from desktop_app.ui.tasks import Task

if TYPE_CHECKING:
    from desktop_app.ui.importing.wizard import ImportWizard


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.result: ImportResult | None = None
        self.task: Task | None = None
        self.finished = False
        self.setTitle(self.tr("导入"))
        self.setSubTitle(self.tr("先备份档案，再一次性写入：中途出错或取消，档案保持原样。"))
        self.progress = QProgressBar(objectName="importProgress")
        self.message = QLabel(objectName="importMessage")
        self.message.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("取消导入"), objectName="cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.result, self.finished = None, False
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.message.setText(self.tr("正在备份并导入，请稍候…"))
        self.task = self.owner.start(self.owner.import_work(), self._done, self._failed, self._progress,
                                     cancelled=self._cancelled)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.message.setText(self.tr("正在取消…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, result: ImportResult) -> None:
        self.result = result
        text = self.tr("导入完成：新增 {0}，更新 {1}。").format(result.inserted, result.updated)
        if result.skipped:
            text += self.tr("已跳过有误的 {0} 行。").format(result.skipped)
        if result.backup is not None:
            text += "\n" + self.tr("导入前的备份：{0}").format(result.backup.name)
        self._end(text)
        self.owner.announce(result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportRejected):
            changed = self.tr("档案在检查之后有了变化，请返回重新检查。")
            self._end(tr(REJECTED).format(n=exc.report.invalid) + "\n" + changed)
        elif isinstance(exc, IntegrityFilesError):
            self._end(self.tr("未导入：") + file_error(exc, self.owner.kind) + "\n" + self.tr("档案没有任何改动。"))
        else:
            self._end(self.tr("未导入：发生了意外错误，档案没有任何改动。"))
            raise exc

    def _cancelled(self) -> None:
        self._end(self.tr("已取消，档案没有任何改动。"))

    def _end(self, text: str) -> None:
        self.task = None
        self.finished = True
        self.progress.hide()
        self.cancel_button.hide()
        self.message.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished
