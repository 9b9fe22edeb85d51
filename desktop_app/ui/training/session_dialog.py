"""新建期次: the dates (the end date's year is the year the hours count for), place and trainer."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.errors import IntegrityFilesError
from desktop_app.services.training import TrainingService
from desktop_app.services.training_rows import CourseRow, SessionDraft, SessionRow
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.training.texts import describe


def date_edit(day: date, object_name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class SessionDialog(QDialog):
    def __init__(self, training: TrainingService, course: CourseRow, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.course = course
        self.saved: SessionRow | None = None
        self.setWindowTitle(self.tr("新建期次"))
        self.setObjectName("sessionDialog")
        self.starts = date_edit(today, "sessionStarts")
        self.ends = date_edit(today, "sessionEnds")
        self.starts.dateChanged.connect(lambda d: self.ends.setDate(max(self.ends.date(), d)))
        self.place_edit = QLineEdit(objectName="sessionPlace")
        self.trainer_edit = QLineEdit(objectName="sessionTrainer")
        self.errors = FieldErrors()
        form = QFormLayout()
        form.addRow(self.tr("课程"), QLabel(course.title))
        for text, widget, field in ((self.tr("开始日期"), self.starts, "starts_on"),
                                    (self.tr("结束日期"), self.ends, "ends_on"),
                                    (self.tr("地点"), self.place_edit, "place"),
                                    (self.tr("授课人"), self.trainer_edit, "trainer")):
            form.addRow(text, widget)
            form.addRow("", self.errors.register(field, widget))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.starts.setFocus()

    def draft(self) -> SessionDraft:
        return SessionDraft(starts_on=self.starts.date().toPython(), ends_on=self.ends.date().toPython(),
                            place=self.place_edit.text(), trainer=self.trainer_edit.text())

    def save(self) -> None:
        self.errors.clear()
        try:
            self.saved = self.training.add_session(self.course.id, self.draft())
        except IntegrityFilesError as exc:
            if exc.field in ("starts_on", "ends_on", "place", "trainer"):
                self.errors.show_text(exc.field or "", describe(exc))
                return
            raise
        self.accept()
