"""One person's file: identity, then tabs for records, sanctions, assessments, training,
objections and repairs, and history."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.services.printing import PrintedPdf
from desktop_app.services.rows import AssessmentRow, AuditRow, PersonFile, RecordRow
from desktop_app.services.ui_queries import UiQueries
from desktop_app.ui.events import ASSESSMENT, PERSON, RECORD, ArchiveEvents
from desktop_app.ui.i18n import format_date, format_datetime, label
from desktop_app.ui.labels import action_label
from desktop_app.ui.messages import show_error
from desktop_app.ui.pages.placeholder_page import PlaceholderPage
from desktop_app.ui.persons.identity_panel import IdentityPanel
from desktop_app.ui.persons.records_tab import RecordsTab
from desktop_app.ui.printing import preview_available
from desktop_app.ui.rows_model import Column, RowsTableModel
from desktop_app.ui.tasks import Task, TaskRunner

SANCTION_COLUMNS: list[Column[RecordRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "处分种类"), lambda r: label(r.sanction.label) if r.sanction else ""),
    Column(QT_TRANSLATE_NOOP("Columns", "决定日期"), lambda r: format_date(r.decided_on)),
    Column(QT_TRANSLATE_NOOP("Columns", "处分期至"), lambda r: format_date(r.sanction_end)),
    Column(QT_TRANSLATE_NOOP("Columns", "文号"), lambda r: r.document_no),
    Column(QT_TRANSLATE_NOOP("Columns", "状态"), lambda r: label(r.display_state)),
]
ASSESSMENT_COLUMNS: list[Column[AssessmentRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "年度"), lambda a: str(a.year)),
    Column(QT_TRANSLATE_NOOP("Columns", "考核等次"), lambda a: label(a.grade.label)),
]
HISTORY_COLUMNS: list[Column[AuditRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "时间"), lambda e: format_datetime(e.at)),
    Column(QT_TRANSLATE_NOOP("Columns", "用户"), lambda e: e.user_name),
    Column(QT_TRANSLATE_NOOP("Columns", "操作"), lambda e: action_label(e.action)),
    Column(QT_TRANSLATE_NOOP("Columns", "结果"), lambda e: "✓" if e.success else "✗"),
]


def _table(model: Any, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PersonFileView(QWidget):
    back_requested = Signal()

    def __init__(self, services: Services, events: ArchiveEvents, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or TaskRunner(self)
        self.preview: QWidget | None = None
        self.queries = UiQueries(services.ctx)
        self.person_id: uuid.UUID | None = None
        self.file: PersonFile | None = None
        back = QPushButton(self.tr("← 返回列表"))
        back.setObjectName("backToList")
        back.setToolTip(self.tr("返回人员列表（Esc）"))
        back.clicked.connect(self.back_requested)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.identity = IdentityPanel(services)
        self.records_tab = RecordsTab(services, events)
        self.sanctions: RowsTableModel[RecordRow] = RowsTableModel(SANCTION_COLUMNS, self)
        self.assessments: RowsTableModel[AssessmentRow] = RowsTableModel(ASSESSMENT_COLUMNS, self)
        self.history: RowsTableModel[AuditRow] = RowsTableModel(HISTORY_COLUMNS, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("fileTabs")
        may_read_records = services.ctx.may(Permission.RECORD_READ)
        self.tabs.addTab(self.records_tab, self.tr("诚信记录"))
        self.tabs.addTab(_table(self.sanctions, "sanctionTable"), self.tr("处分"))
        self.tabs.addTab(_table(self.assessments, "assessmentTable"), self.tr("年度考核"))
        self.tabs.addTab(PlaceholderPage(self.tr("培训"), self.tr("培训学时与达标情况将在培训功能完成后显示。")),
                         self.tr("培训"))
        self.tabs.addTab(PlaceholderPage(self.tr("异议与信用修复"),
                                         self.tr("异议和信用修复的办理情况将在相应功能完成后显示。")),
                         self.tr("异议与修复"))
        self.tabs.addTab(_table(self.history, "historyTable"), self.tr("历史"))
        for tab in (0, 1, 2, 5):
            self.tabs.setTabEnabled(tab, may_read_records)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addStretch(1)
        self.print_button = QPushButton(self.tr("打印档案"))
        self.print_button.setObjectName("printFileButton")
        self.print_button.setEnabled(services.ctx.may(Permission.PRINT) and preview_available())
        if not services.ctx.may(Permission.PRINT):
            self.print_button.setToolTip(self.tr("您的角色无权打印档案。"))
        elif not preview_available():
            self.print_button.setToolTip(self.tr("此安装缺少 QtPdf 组件，无法预览；可在人员列表用“批量打印”生成PDF。"))
        self.print_button.clicked.connect(self.print_file)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.identity)
        layout.addWidget(self.tabs, 1)
        events.changed.connect(self._archive_changed)

    def load(self, person_id: uuid.UUID) -> None:
        self.person_id = person_id
        self.reload()

    def reload(self) -> None:
        if self.person_id is None:
            return
        self.file = self.queries.person_file(self.person_id)
        self.identity.show_person(self.file.person, self.file.flags)
        self.records_tab.set_records(self.person_id, self.file.records)
        self.sanctions.set_rows([r for r in self.file.records if r.sanction is not None])
        self.assessments.set_rows(sorted(self.file.assessments, key=lambda a: a.year, reverse=True))
        if self.services.ctx.may(Permission.RECORD_READ):
            self.history.set_rows(self.services.persons.history(self.person_id, limit=200))

    def print_file(self) -> None:
        """Render in the worker task (audited by the service), then open the preview."""
        if self.person_id is None:
            return
        person_id, printing = self.person_id, self.services.printing
        task = Task(lambda _progress, _cancel: printing.render(person_id), "print-render")
        task.signals.succeeded.connect(self._show_preview)
        task.signals.failed.connect(lambda exc: show_error(self, exc))
        task.signals.ended.connect(lambda: self.print_button.setEnabled(True))
        self.print_button.setEnabled(False)
        self.runner.start(task, progress_parent=self, label=self.tr("正在生成档案…"))

    def _show_preview(self, printed: PrintedPdf) -> None:
        from desktop_app.ui.printing.print_preview_dialog import PrintPreviewDialog  # needs QtPdf

        self.preview = PrintPreviewDialog(self.services.printing, printed, self.runner, self)
        self.preview.open()

    def _archive_changed(self, entities: frozenset[str], _sender: object) -> None:
        if self.person_id is not None and entities & {PERSON, RECORD, ASSESSMENT}:
            self.reload()
