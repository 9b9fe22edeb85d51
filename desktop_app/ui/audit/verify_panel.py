"""校验: runs the archive check in the worker and shows each check with a clear pass/fail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import Services
from desktop_app.services.maintenance import VerifyReport
from desktop_app.ui.audit.verify_texts import report_lines, verdict
from desktop_app.ui.i18n import format_datetime
from desktop_app.ui.messages import show_error
from desktop_app.ui.tasks import Task, TaskRunner

PASS_STYLE = "color: #1e6b2a; font-weight: 600;"
FAIL_STYLE = "color: #b3261e; font-weight: 600;"


class VerifyPanel(QGroupBox):
    verified = Signal(object)     # VerifyReport

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self.now = now
        self.setTitle(self.tr("校验档案库"))
        self.services = services
        self.runner = runner
        self.task: Task | None = None
        self.report: VerifyReport | None = None
        self.button = QPushButton(self.tr("校验"))
        self.button.setObjectName("verifyArchive")
        self.button.setToolTip(self.tr("检查密文、数据库结构、审计链，以及当前数据是否与审计日志一致。"))
        self.button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.overall = QLabel(self.tr("尚未校验。"))
        self.overall.setObjectName("verifyResult")
        self.overall.setProperty("role", "hint")
        self.checks = QGridLayout()
        self.checks.setColumnStretch(2, 1)
        self.details = QPlainTextEdit()
        self.details.setObjectName("verifyDetails")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(80)
        self.details.hide()
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.overall, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addLayout(self.checks)
        layout.addWidget(self.details)

    def start(self) -> bool:
        if self.task is not None:
            return False
        maintenance = self.services.maintenance
        task = Task(lambda _p, _c: maintenance.verify(), "verify")
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(self._failed)
        task.signals.ended.connect(self._ended)
        self.task = task
        self.button.setEnabled(False)
        self.progress.show()
        self.overall.setText(self.tr("正在校验…"))
        self.overall.setStyleSheet("")
        self.runner.start(task)
        return True

    def _done(self, report: VerifyReport) -> None:
        self.report = report
        self._clear_checks()
        for row, (name, ok, problem) in enumerate(report_lines(report)):
            mark = QLabel(("✔ " if ok else "✘ ") + verdict(ok))
            mark.setStyleSheet(PASS_STYLE if ok else FAIL_STYLE)
            self.checks.addWidget(mark, row, 0)
            self.checks.addWidget(QLabel(name), row, 1)
            self.checks.addWidget(QLabel(problem), row, 2)
        when = format_datetime(self.now())
        if report.ok:
            self.overall.setText(self.tr("校验通过：档案库完好，审计日志未被改动。（{0}）").format(when))
        else:
            self.overall.setText(self.tr("校验未通过：请勿继续修改档案，立即报告上级单位并保留此文件。（{0}）").format(when))
        self.overall.setStyleSheet(PASS_STYLE if report.ok else FAIL_STYLE)
        extra = [*report.details, *report.state_problems[:20]]
        self.details.setPlainText("\n".join(extra))
        self.details.setVisible(bool(extra))
        self.verified.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.overall.setText(self.tr("校验未能完成。"))
        self.overall.setStyleSheet(FAIL_STYLE)
        show_error(self, exc)

    def _ended(self) -> None:
        self.task = None
        self.button.setEnabled(True)
        self.progress.hide()

    def _clear_checks(self) -> None:
        while self.checks.count():
            item = self.checks.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
