"""人员档案: every person of the archive in a lazy table, search-as-you-type, filters, and the file."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.consequences import Flag
from desktop_app.domain.permissions import Permission
from desktop_app.errors import IntegrityFilesError
from desktop_app.importing.fields import ImportKind
from desktop_app.services import Services
from desktop_app.services.ui_queries import UiQueries
from desktop_app.ui.error_text import error_text
from desktop_app.ui.events import PERSON, RECORD, ArchiveEvents
from desktop_app.ui.i18n import format_count, label
from desktop_app.ui.importing.export_button import persons_export_button
from desktop_app.ui.importing.wizard import ImportWizard
from desktop_app.ui.persons.person_file_view import PersonFileView
from desktop_app.ui.persons.person_index import PersonIndex
from desktop_app.ui.persons.person_search import PersonSearch
from desktop_app.ui.persons.person_table_model import PersonTableModel
from desktop_app.ui.printing.batch_print import BatchPrint
from desktop_app.ui.tasks import TaskRunner

NOT_YET: tuple[Flag, ...] = ()  # every flag can be filtered on


class PersonsPage(QWidget):
    def __init__(self, services: Services, runner: TaskRunner, events: ArchiveEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.events = events
        self.runner = runner
        self.result_ids: list[int] = []
        self.batch_print = BatchPrint(services, runner, self)
        queries = UiQueries(services.ctx)
        self.index = PersonIndex(queries)
        self.model = PersonTableModel(queries.person_rows, self)
        self.search = PersonSearch(self.index, runner, self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_list())
        self.file_view = PersonFileView(services, events, runner)
        self.file_view.back_requested.connect(self.show_list)
        self.stack.addWidget(self.file_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.search.results.connect(self._show_results)
        self.search.failed.connect(self._show_search_error)
        self.search.busy_changed.connect(self._busy)
        self.model.sort_requested.connect(lambda key, desc: self.search.request(sort=key, descending=desc))
        events.changed.connect(self._archive_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.search.run_now()

    # -- building -----------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        page = QWidget()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("personSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("搜索：姓名、拼音（zhangsan / zs）、身份证号（可只输后几位）或单位"))
        self.search_edit.textChanged.connect(lambda text: self.search.request(text=text))
        self.search_edit.returnPressed.connect(self.open_current)
        self.search_edit.installEventFilter(self)
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unitFilter")
        self.unit_combo.setMinimumContentsLength(14)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_combo.addItem(self.tr("全部单位"), None)
        for unit in self.services.units.list():
            self.unit_combo.addItem(unit.name, unit.id)
        self.unit_combo.currentIndexChanged.connect(
            lambda _i: self.search.request(unit_id=self.unit_combo.currentData()))
        self.flag_combo = self._flag_combo()
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.unit_combo, 2)
        filters.addWidget(self.flag_combo, 1)
        filters.addWidget(self.count_label)
        filters.addWidget(persons_export_button(self.services, self.runner, lambda: self.search.criteria, parent=page))
        self.import_button = QPushButton(self.tr("导入…"))
        self.import_button.setObjectName("importButton")
        self.import_button.setVisible(self.services.ctx.may(Permission.PERSON_WRITE))
        self.import_button.clicked.connect(self._open_import)
        filters.addWidget(self.import_button)
        self.batch_button = QPushButton(self.tr("批量打印…"))
        self.batch_button.setObjectName("batchPrintButton")
        self.batch_button.setEnabled(self.services.ctx.may(Permission.PRINT))
        self.batch_button.clicked.connect(self.open_batch_print)
        filters.addWidget(self.batch_button)
        self.table = QTableView()
        self.table.setObjectName("personTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        for column, width in enumerate((90, 170, 50, 120, 260, 110, 120, 60)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(width, metrics.horizontalAdvance(title) + 36))
        header.setStretchLastSection(True)
        self.table.activated.connect(self._open_index)
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        return page

    def _flag_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("flagFilter")
        model = QStandardItemModel(combo)
        everyone = QStandardItem(self.tr("全部人员"))
        everyone.setData(None, Qt.ItemDataRole.UserRole)
        model.appendRow(everyone)
        for flag in Flag:
            item = QStandardItem(label(flag.label))
            item.setData(flag.value, Qt.ItemDataRole.UserRole)
            if flag in NOT_YET:
                item.setEnabled(False)
                item.setToolTip(self.tr("培训功能在此版本中尚未提供，暂不能按此筛选。"))
            model.appendRow(item)
        combo.setModel(model)
        if not self.services.ctx.may(Permission.RECORD_READ):
            combo.setEnabled(False)
            combo.setToolTip(self.tr("您的角色无权查看诚信记录，不能按标记筛选。"))
        combo.currentIndexChanged.connect(self._flag_changed)
        return combo

    # -- behaviour ----------------------------------------------------------------------

    def _open_import(self) -> None:
        wizard = ImportWizard(self.services, self.runner, self.events, kind=ImportKind.PERSONS, parent=self.window())
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()

    def focus_search(self) -> None:
        self.show_list()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _flag_changed(self, _index: int) -> None:
        value = self.flag_combo.currentData(Qt.ItemDataRole.UserRole)
        self.search.request(flag=Flag(value) if value else None)

    def _show_results(self, ids: list[int]) -> None:
        self.result_ids = ids
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("共 {0} 人").format(format_count(len(ids))))
        self.count_label.setProperty("role", "")
        if ids:
            self.table.selectRow(0)

    def _show_search_error(self, exc: IntegrityFilesError) -> None:
        self.count_label.setText(error_text(exc))
        self.count_label.setProperty("role", "fieldError")
        self.count_label.style().polish(self.count_label)

    def _busy(self, busy: bool) -> None:
        if busy and not self.model.rowCount():
            self.count_label.setText(self.tr("正在查找…"))

    def open_batch_print(self) -> None:
        """批量打印… for the search result, or the selected rows."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        self.batch_print.ask(self.result_ids, [self.result_ids[r] for r in rows if r < len(self.result_ids)])

    def open_current(self) -> None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        self.open_row(row)

    def _open_index(self, index: QModelIndex) -> None:
        self.open_row(index.row())

    def open_row(self, row: int) -> None:
        person = self.model.person_at(row)
        if person is not None:
            self.open_person(person.id)

    def open_person(self, person_id: uuid.UUID) -> None:
        self.file_view.load(person_id)
        self.stack.setCurrentWidget(self.file_view)

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)
        self.table.setFocus()

    def _archive_changed(self, entities: frozenset[str], _sender: object) -> None:
        if PERSON in entities:
            self.index.invalidate()
            self.search.run_now()
        if PERSON in entities or RECORD in entities:
            self.model.forget_rows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:  # type: ignore[attr-defined]
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def restore_draft(self, draft: dict[str, Any]) -> bool:
        try:
            person_id = uuid.UUID(hex=str(draft["person_id"]))
            self.open_person(person_id)
        except (KeyError, ValueError, IntegrityFilesError):
            return False
        tab = self.file_view.records_tab
        fields = dict(draft.get("fields") or {})
        record = tab.record_by_id(draft.get("record_id"))
        if draft.get("type") == "revoke" and record is not None:
            tab.open_revoke(record, fields)
        elif draft.get("type") == "record" and record is not None:
            tab.open_correct(record, fields)
        elif draft.get("type") == "record" and not draft.get("record_id"):
            tab.open_add(fields)  # a correction of a record that is gone never becomes a new record
        else:
            return False
        return True
