"""What the objection and repair tabs share: a filter, the table, the detail pane, the buttons of
the steps (enabled by the row's state and the user's role), and saving an attached file on request."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services.evidence import AttachmentRow
from desktop_app.ui.messages import show_error
from desktop_app.ui.objections.table_model import DeadlineTableModel, HasDeadline
from desktop_app.ui.rows_model import Column

R = TypeVar("R", bound=HasDeadline)
OPEN, OVERDUE, ALL = "open", "overdue", "all"


class ProcedureTab(QWidget, Generic[R]):
    changed = Signal(object)   # entity names that changed, for the page to broadcast

    def __init__(self, columns: Sequence[Column[R]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: DeadlineTableModel[R] = DeadlineTableModel(columns, self)
        self.filter = QComboBox()
        self.filter.setObjectName("filter")
        for text, value in ((self.tr("办理中"), OPEN), (self.tr("已逾期"), OVERDUE), (self.tr("全部"), ALL)):
            self.filter.addItem(text, value)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        self.top = QHBoxLayout()
        self.top.addWidget(QLabel(self.tr("显示：")))
        self.top.addWidget(self.filter)
        self.top.addWidget(self.count_label, 1)
        self.steps = QHBoxLayout()
        self.buttons: dict[str, tuple[QPushButton, Callable[[R], bool]]] = {}
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(splitter, 1)
        layout.addLayout(self.steps)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

    # -- for the subclasses --------------------------------------------------------------

    def fetch(self, which: str) -> list[R]:
        raise NotImplementedError

    def describe_row(self, row: R) -> str:
        raise NotImplementedError

    def row_id(self, row: R) -> uuid.UUID:
        row_id: uuid.UUID = getattr(row, "id")  # noqa: B009  (every row type has one)
        return row_id

    def add_step(self, name: str, text: str, slot: Callable[[R], None], enabled: Callable[[R], bool],
                 *, allowed: bool, denied_tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: self._run(slot))
        if not allowed:
            button.setToolTip(denied_tip)
        self.buttons[name] = (button, (lambda r: allowed and enabled(r)))
        self.steps.addWidget(button)
        button.setEnabled(False)
        return button

    def save_attachment(self, files: Sequence[AttachmentRow],
                        read: Callable[[uuid.UUID], tuple[AttachmentRow, bytes]]) -> None:
        if not files:
            return
        names = [self.tr("{name}（{size} B）").format(name=f.file_name, size=f.size) for f in files]
        chosen, ok = QInputDialog.getItem(self, self.tr("另存附件"), self.tr("选择要另存的文件："), names, 0, False)
        if not ok:
            return
        attachment = files[names.index(chosen)]
        target, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), attachment.file_name)
        if not target:
            return
        try:
            _row, data = read(attachment.id)
            Path(target).write_bytes(data)
        except (IntegrityFilesError, OSError) as exc:
            show_error(self, exc)

    # -- shared behaviour ------------------------------------------------------------------

    def refresh(self, keep: uuid.UUID | None = None) -> None:
        current = keep or (self.row_id(self.current()) if self.current() is not None else None)  # type: ignore[arg-type]
        try:
            rows = self.fetch(str(self.filter.currentData()))
        except IntegrityFilesError as exc:
            rows = []
            self.count_label.setText(str(exc))
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 {n} 件").format(n=len(rows)))
        for index, row in enumerate(rows):
            if self.row_id(row) == current:
                self.table.selectRow(index)
                break
        self._selection_changed()

    def current(self) -> R | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(indexes[0].row()) if indexes else None

    def select_id(self, row_id: uuid.UUID) -> None:
        for index, row in enumerate(self.model.rows):
            if self.row_id(row) == row_id:
                self.table.selectRow(index)
                return

    def _selection_changed(self) -> None:
        row = self.current()
        self.details.setHtml(self.describe_row(row) if row is not None else "")
        for button, enabled in self.buttons.values():
            button.setEnabled(row is not None and enabled(row))

    def _run(self, slot: Callable[[R], None]) -> None:
        row = self.current()
        if row is not None:
            slot(row)

    def done(self, row: Any, entities: set[str]) -> None:
        """After a step: refresh keeping the row selected, and tell the page what changed."""
        if row is not None:
            self.refresh(keep=self.row_id(row))
            self.changed.emit(entities)
