"""The 批量打印 action: ask (BatchPrintDialog), run PrintService.batch in the worker task with progress
and cancel, and tell the result. A cancel ends quietly; failures reach the user."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.services import Services
from desktop_app.services.printing import BatchResult
from desktop_app.services.ui_queries import UiQueries
from desktop_app.ui.messages import show_error
from desktop_app.ui.printing.batch_print_dialog import BatchChoice, BatchPrintDialog
from desktop_app.ui.tasks import Cancel, Progress, Task, TaskCancelled, TaskRunner

ROWS_PER_QUERY = 1000  # UiQueries.person_rows answers at most this many rowids at once


class BatchPrint(QObject):
    finished = Signal(object)  # BatchResult, or None after a cancel or failure

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.page = parent
        self.dialog: BatchPrintDialog | None = None
        self.task: Task | None = None
        self.message: QMessageBox | None = None

    def ask(self, result_rowids: Sequence[int], selected_rowids: Sequence[int]) -> BatchPrintDialog:
        result, selected = list(result_rowids), list(selected_rowids)
        dialog = BatchPrintDialog(len(result), len(selected), self.page)
        dialog.accepted.connect(lambda: self._chosen(dialog.choice(), result, selected))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, choice: BatchChoice, result: list[int], selected: list[int]) -> None:
        self.start(choice, selected if choice.selection_only else result)

    def start(self, choice: BatchChoice, rowids: list[int]) -> Task:
        queries, printing = UiQueries(self.services.ctx), self.services.printing

        def work(progress: Progress, cancel: Cancel) -> BatchResult:
            person_ids = []
            for at in range(0, len(rowids), ROWS_PER_QUERY):
                if cancel():
                    raise TaskCancelled("print-batch")
                chunk = rowids[at:at + ROWS_PER_QUERY]
                rows = queries.person_rows(chunk)
                person_ids += [rows[r].id for r in chunk if r in rows]
            return printing.batch(person_ids, choice.target, one_file=choice.one_file, variant=choice.variant,
                                  progress=progress, cancel=cancel)

        task = Task(work, "print-batch")
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(lambda: self.finished.emit(None))
        self.task = task
        return self.runner.start(task, progress_parent=self.page, label=self.tr("正在批量打印档案…"))

    def _done(self, result: BatchResult) -> None:
        if result.cancelled:  # the service stopped at the cancel flag: quietly
            self.finished.emit(None)
            return
        text = self.tr("已打印 {0} 人的档案，共 {1} 页。").format(result.persons, result.pages)
        where = result.files[0] if len(result.files) == 1 else result.files[0].parent if result.files else None
        if where is not None:
            text += "\n" + self.tr("保存位置：{0}").format(where)
        self.message = QMessageBox(QMessageBox.Icon.Information, self.tr("批量打印完成"), text,
                                   QMessageBox.StandardButton.Ok, self.page)
        self.message.setObjectName("batchResult")
        self.message.open()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        show_error(self.page, exc)
        self.finished.emit(None)

