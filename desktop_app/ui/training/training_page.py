"""培训: courses and sessions on the left, the chosen session's attendees on the right, reports in a tab.

``TrainingPage(services)`` is self-contained; ``training_changed`` carries the entity names a
write touched ({"course", "session", "attendance"}) for the main window to broadcast (a person's
培训未达标 flag may change with them).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.services.training import TrainingService
from desktop_app.services.training_rows import SessionRow
from desktop_app.ui.training.attendance_panel import AttendancePanel
from desktop_app.ui.training.course_panel import CoursePanel
from desktop_app.ui.training.report_panel import ReportPanel


class TrainingPage(QWidget):
    training_changed = Signal(object)  # frozenset of entity names

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPage")
        self.services = services
        layout = QVBoxLayout(self)
        if not services.ctx.may(Permission.TRAINING_READ):
            layout.addWidget(QLabel(self.tr("您的角色无权查看培训信息。"), objectName="noAccess"))
            return
        self.training = TrainingService(services.ctx)
        writable = services.ctx.may(Permission.TRAINING_WRITE)
        self.courses = CoursePanel(self.training, services.ctx.today(), writable=writable)
        self.attendance = AttendancePanel(self.training, writable=writable)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.courses)
        splitter.addWidget(self.attendance)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 920])  # the attendance grid needs the room; the course list little
        splitter.setChildrenCollapsible(False)
        self.courses.setMinimumWidth(340)
        self.reports = ReportPanel(services)
        self.tabs = QTabWidget(objectName="trainingTabs")
        self.tabs.addTab(splitter, self.tr("课程与学员"))
        self.tabs.addTab(self.reports, self.tr("统计报表"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs)
        self.courses.session_chosen.connect(self._session_chosen)
        self.courses.changed.connect(lambda: self._announce({"course", "session"}))
        self.attendance.changed.connect(self._attendance_changed)
        # The first session's attendees (thousands of rows) load when the page is first shown, not
        # while the main window opens: that cost 1.6 s of opening at 10,000 persons (bench/).
        self._attendance_loaded = False
        self.attendance.install_shortcuts(self)
        if writable:
            for key, slot in (("Ctrl+N", self.courses.new_course), ("Ctrl+Shift+N", self.courses.new_session)):
                QShortcut(QKeySequence(key), self, slot).setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if hasattr(self, "attendance") and not self._attendance_loaded:
            self._attendance_loaded = True
            self.attendance.set_session(self.courses.current_session())

    def _session_chosen(self, session: SessionRow | None) -> None:
        self._attendance_loaded = True
        current = self.attendance.session
        if current is not None and (session is None or session.id != current.id) and self.attendance.model.dirty:
            answer = QMessageBox.question(self, self.tr("保存成绩"), self.tr("本期有未保存的成绩修改，是否保存？"),
                                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
                                          QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Save:
                self.attendance.save()
        self.attendance.set_session(session)

    def _attendance_changed(self) -> None:
        current = self.attendance.session
        self.courses.reload(session_id=current.id if current else None)  # attendee counts
        self._announce({"attendance"})

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.reports:
            self.reports.refresh()

    def _announce(self, entities: set[str]) -> None:
        self.training_changed.emit(frozenset(entities))

    def refresh(self) -> None:
        """Reload everything (e.g. after a sync brought training rows)."""
        if hasattr(self, "courses"):
            self.courses.reload()
