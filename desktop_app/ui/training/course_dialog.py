"""新建/修改课程: title, topic (诚信教育 first), mode, 学时 and days, organizer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.training import MAX_DAYS, MAX_HOURS, CourseMode, CourseTopic
from desktop_app.errors import IntegrityFilesError
from desktop_app.services.training import TrainingService
from desktop_app.services.training_rows import CourseDraft, CourseRow
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.i18n import label
from desktop_app.ui.training.texts import describe


def amount_box(maximum: float, object_name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(object_name)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setRange(0, maximum)
    return box


class CourseDialog(QDialog):
    def __init__(self, training: TrainingService, course: CourseRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.course = course
        self.saved: CourseRow | None = None
        self.setWindowTitle(self.tr("修改课程") if course else self.tr("新建课程"))
        self.setObjectName("courseDialog")
        self.title_edit = QLineEdit(objectName="courseTitle")
        self.title_edit.setPlaceholderText(self.tr("例如：2026年诚信教育专题培训班"))
        self.topic_combo = QComboBox(objectName="courseTopic")
        for topic in CourseTopic:
            self.topic_combo.addItem(label(topic.label), topic.value)
        self.mode_combo = QComboBox(objectName="courseMode")
        for mode in CourseMode:
            self.mode_combo.addItem(label(mode.label), mode.value)
        self.hours_box = amount_box(MAX_HOURS, "courseHours")
        self.days_box = amount_box(MAX_DAYS, "courseDays")
        self.organizer_edit = QLineEdit(objectName="courseOrganizer")
        self.errors = FieldErrors()
        form = QFormLayout()
        for text, widget, field in ((self.tr("课程名称"), self.title_edit, "title"),
                                    (self.tr("主题"), self.topic_combo, "topic"),
                                    (self.tr("培训方式"), self.mode_combo, "mode"),
                                    (self.tr("学时"), self.hours_box, "hours"),
                                    (self.tr("天数"), self.days_box, "days"),
                                    (self.tr("主办单位"), self.organizer_edit, "organizer")):
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
        if course is not None:
            self._fill(course)
        self.title_edit.setFocus()

    def _fill(self, course: CourseRow) -> None:
        self.title_edit.setText(course.title)
        self.topic_combo.setCurrentIndex(self.topic_combo.findData(course.topic.value))
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(course.mode.value))
        self.hours_box.setValue(course.hours)
        self.days_box.setValue(course.days)
        self.organizer_edit.setText(course.organizer)

    def draft(self) -> CourseDraft:
        return CourseDraft(title=self.title_edit.text(), topic=str(self.topic_combo.currentData()),
                           mode=str(self.mode_combo.currentData()), hours=self.hours_box.value(),
                           days=self.days_box.value(), organizer=self.organizer_edit.text())

    def save(self) -> None:
        self.errors.clear()
        try:
            if self.course is None:
                self.saved = self.training.add_course(self.draft())
            else:
                self.saved = self.training.edit_course(self.course.id, self.draft())
        except IntegrityFilesError as exc:
            if exc.field in ("title", "topic", "mode", "hours", "days", "organizer"):
                self.errors.show_text(exc.field or "", describe(exc))
                return
            raise
        self.accept()
