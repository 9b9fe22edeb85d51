"""The left side of 培训: courses (filter, 新建, 修改) and the sessions of the chosen course."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.training import TrainingService
from desktop_app.services.training_rows import CourseRow, SessionRow
from desktop_app.ui.i18n import label
from desktop_app.ui.rows_model import Column, RowsTableModel
from desktop_app.ui.training.course_dialog import CourseDialog
from desktop_app.ui.training.session_dialog import SessionDialog
from desktop_app.ui.training.texts import amount

COURSE_COLUMNS: list[Column[CourseRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "课程"), lambda c: c.title),
    Column(QT_TRANSLATE_NOOP("Columns", "主题"), lambda c: label(c.topic.label)),
    Column(QT_TRANSLATE_NOOP("Columns", "方式"), lambda c: label(c.mode.label)),
    Column(QT_TRANSLATE_NOOP("Columns", "学时"), lambda c: amount(c.hours)),
]
SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column(QT_TRANSLATE_NOOP("Columns", "开始"), lambda s: s.starts_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("Columns", "结束"), lambda s: s.ends_on.isoformat()),
    Column(QT_TRANSLATE_NOOP("Columns", "地点"), lambda s: s.place),
    Column(QT_TRANSLATE_NOOP("Columns", "人数"), lambda s: str(s.attendees)),
]


def _table(name: str, model: RowsTableModel[Any], stretch: int) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class CoursePanel(QWidget):
    session_chosen = Signal(object)   # SessionRow | None
    changed = Signal()                # a course or session was written

    def __init__(self, training: TrainingService, today: date, *, writable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.today = today
        self.dialog: QDialog | None = None  # the dialog last opened (tests drive it)
        self.filter_edit = QLineEdit(objectName="courseFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("筛选课程名称"))
        self.filter_edit.textChanged.connect(lambda _text: self.reload())
        self.courses = RowsTableModel(COURSE_COLUMNS, self)
        self.course_table = _table("courseTable", self.courses, 0)
        self.course_table.selectionModel().currentRowChanged.connect(lambda *_: self._course_changed())
        self.course_table.doubleClicked.connect(lambda _index: self.edit_course())
        self.sessions = RowsTableModel(SESSION_COLUMNS, self)
        self.session_table = _table("sessionTable", self.sessions, 2)
        self.session_table.selectionModel().currentRowChanged.connect(lambda *_: self._session_changed())
        self.new_course_button = QPushButton(self.tr("新建课程"), objectName="newCourse")
        self.new_course_button.setToolTip("Ctrl+N")
        self.new_course_button.clicked.connect(self.new_course)
        self.edit_course_button = QPushButton(self.tr("修改"), objectName="editCourse")
        self.edit_course_button.clicked.connect(self.edit_course)
        self.new_session_button = QPushButton(self.tr("新建期次"), objectName="newSession")
        self.new_session_button.setToolTip("Ctrl+Shift+N")
        self.new_session_button.clicked.connect(self.new_session)
        for button in (self.new_course_button, self.edit_course_button, self.new_session_button):
            button.setVisible(writable)
        self._layout()
        self.reload()

    def _layout(self) -> None:
        course_bar = QHBoxLayout()
        course_bar.addWidget(QLabel(self.tr("<b>课程</b>")))
        course_bar.addStretch(1)
        course_bar.addWidget(self.new_course_button)
        course_bar.addWidget(self.edit_course_button)
        session_bar = QHBoxLayout()
        session_bar.addWidget(QLabel(self.tr("<b>期次</b>")))
        session_bar.addStretch(1)
        session_bar.addWidget(self.new_session_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(course_bar)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.course_table, 3)
        layout.addLayout(session_bar)
        layout.addWidget(self.session_table, 2)

    # -- state ------------------------------------------------------------------------------

    def current_course(self) -> CourseRow | None:
        return self.courses.row_at(self.course_table.currentIndex().row())

    def current_session(self) -> SessionRow | None:
        return self.sessions.row_at(self.session_table.currentIndex().row())

    def reload(self, *, course_id: uuid.UUID | None = None, session_id: uuid.UUID | None = None) -> None:
        """Reload both lists, keeping (or moving to) the given or current course and session."""
        course_id = course_id or (c.id if (c := self.current_course()) else None)
        session_id = session_id or (s.id if (s := self.current_session()) else None)
        self.courses.set_rows(self.training.courses(self.filter_edit.text()))
        row = next((i for i, c in enumerate(self.courses.rows) if c.id == course_id), 0 if self.courses.rows else -1)
        with QSignalBlocker(self.course_table.selectionModel()):
            self.course_table.setCurrentIndex(self.courses.index(row, 0))
        self._course_changed(session_id)

    def _course_changed(self, session_id: uuid.UUID | None = None) -> None:
        course = self.current_course()
        self.edit_course_button.setEnabled(course is not None)
        self.new_session_button.setEnabled(course is not None)
        self.sessions.set_rows(self.training.sessions(course.id) if course else [])
        rows = self.sessions.rows
        row = next((i for i, s in enumerate(rows) if s.id == session_id), 0 if rows else -1)
        with QSignalBlocker(self.session_table.selectionModel()):
            self.session_table.setCurrentIndex(self.sessions.index(row, 0))
        self._session_changed()

    def _session_changed(self) -> None:
        self.session_chosen.emit(self.current_session())

    # -- actions ----------------------------------------------------------------------------

    def new_course(self) -> None:
        dialog = CourseDialog(self.training, parent=self)
        dialog.accepted.connect(lambda: self._course_saved(dialog, then_session=True))
        self._open(dialog)

    def edit_course(self) -> None:
        course = self.current_course()
        if course is None or not self.edit_course_button.isVisible():
            return
        dialog = CourseDialog(self.training, course, parent=self)
        dialog.accepted.connect(lambda: self._course_saved(dialog, then_session=False))
        self._open(dialog)

    def new_session(self) -> None:
        course = self.current_course()
        if course is None or not self.new_session_button.isVisible():
            return
        dialog = SessionDialog(self.training, course, self.today, parent=self)
        dialog.accepted.connect(lambda: self._session_saved(dialog))
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        """Dialogs are window-modal but not blocking (``open``), so the page stays scriptable."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _course_saved(self, dialog: CourseDialog, *, then_session: bool) -> None:
        if dialog.saved is None:
            return
        if then_session:
            self.filter_edit.clear()
        self.reload(course_id=dialog.saved.id)
        self.changed.emit()
        if then_session:  # a new course needs a session before anyone can attend it
            self.new_session()

    def _session_saved(self, dialog: SessionDialog) -> None:
        if dialog.saved is not None:
            self.reload(course_id=dialog.saved.course_id, session_id=dialog.saved.id)
            self.changed.emit()
