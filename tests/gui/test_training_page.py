"""The trainer's workflow on the 培训 page, by keyboard: a course and a session, attendees by search,
by a pasted list and by a roster file with doubtful lines, marks in the grid, the 1/7 rule, reports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QPushButton, QWidget

from desktop_app.domain.enums import Role
from desktop_app.domain.training import AttendanceResult
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.training import TrainingService
from desktop_app.services.training_rows import CourseDraft, SessionDraft
from desktop_app.ui.training import TrainingPage
from desktop_app.ui.training.add_attendees_dialog import AddAttendeesDialog
from desktop_app.ui.training.course_dialog import CourseDialog
from desktop_app.ui.training.roster_dialog import RosterDialog
from desktop_app.ui.training.session_dialog import SessionDialog
from tests.conftest import sign_in
from tests.factories import id_number
from tests.gui.conftest import type_text

UNIT = "广州市天河区人力资源和社会保障局"
PASS = "role passphrase 1"


@pytest.fixture
def trainer(admin: Services) -> Iterator[Services]:
    """The admin fixture's 张三 and 李四, a second 张三, two 王五; a trainer signed in."""
    for seq, name in ((3, "张三"), (4, "王五"), (5, "王五")):
        admin.persons.add(PersonDraft(name=name, id_number=id_number(seq), unit_name=UNIT, rank="一级科员",
                                      file_opened_on=date(2020, 1, 1)))
    admin.users.add("trainer1", Role.TRAINER.value, PASS)
    services = sign_in(admin, "trainer1", PASS)
    yield services
    services.close()


def _page(qtbot, services: Services) -> TrainingPage:  # type: ignore[no-untyped-def]
    page = TrainingPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def _press(qtbot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier  # type: ignore[no-untyped-def]
           ) -> None:
    qtbot.keyClick(widget, key, modifier)


def _shortcut(qtbot, page: TrainingPage, sequence: str) -> None:  # type: ignore[no-untyped-def]
    """Press a page shortcut with the focus inside the page (on the course list)."""
    *mods, key = sequence.split("+")
    modifiers = Qt.KeyboardModifier.NoModifier
    for part in mods:
        modifiers |= {"Ctrl": Qt.KeyboardModifier.ControlModifier, "Shift": Qt.KeyboardModifier.ShiftModifier}[part]
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    target = page.courses.course_table
    target.setFocus()
    qtbot.keyClick(target, getattr(Qt.Key, f"Key_{key}"), modifiers)


def test_trainer_workflow_by_keyboard(qtbot, trainer: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, trainer)
    training = TrainingService(trainer.ctx)

    # 1. A course (Ctrl+N), then its session: the session dialog follows by itself.
    _shortcut(qtbot, page, "Ctrl+N")
    course_dialog = page.courses.dialog
    assert isinstance(course_dialog, CourseDialog) and course_dialog.isVisible()
    type_text(course_dialog.title_edit, "2025年诚信教育专题培训班")
    course_dialog.hours_box.selectAll()
    qtbot.keyClicks(course_dialog.hours_box, "56")
    course_dialog.days_box.selectAll()
    qtbot.keyClicks(course_dialog.days_box, "7")
    _press(qtbot, course_dialog.organizer_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.courses.dialog, SessionDialog))
    session_dialog = page.courses.dialog
    assert isinstance(session_dialog, SessionDialog)
    session_dialog.starts.setDate(QDate(2025, 5, 12))
    session_dialog.ends.setDate(QDate(2025, 5, 18))
    type_text(session_dialog.place_edit, "区委党校")
    qtbot.keyClicks(session_dialog.trainer_edit, "Chen")
    _press(qtbot, session_dialog.trainer_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.attendance.session is not None)
    session = page.attendance.session
    assert session is not None and session.place == "区委党校" and "区委党校" in page.attendance.header.text()
    assert [c.title for c in training.courses()] == ["2025年诚信教育专题培训班"]

    # 2. Attendees by search: pinyin initials, ↓ into the results, select all, Enter.
    _shortcut(qtbot, page, "Ctrl+F")
    add = page.attendance.dialog
    assert isinstance(add, AddAttendeesDialog)
    qtbot.keyClicks(add.search_edit, "ww")
    qtbot.waitUntil(lambda: add.results.count() == 2)
    _press(qtbot, add.search_edit, Qt.Key.Key_Down)
    assert add.results.hasFocus()
    _press(qtbot, add.results, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, add.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.attendance.model.rowCount() == 2)
    assert [r.name for r in page.attendance.model.rows] == ["王五", "王五"]

    # 3. A pasted list of names: checked like a roster before anything is written.
    _shortcut(qtbot, page, "Ctrl+Shift+V")
    paste = page.attendance.dialog
    assert isinstance(paste, AddAttendeesDialog) and paste.tabs.currentIndex() == 1
    type_text(paste.paste_edit, "李四")
    _press(qtbot, paste.paste_edit, Qt.Key.Key_Return)
    type_text(paste.paste_edit, "张三")
    qtbot.mouseClick(paste.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.attendance.dialog, RosterDialog))
    review = page.attendance.dialog
    assert isinstance(review, RosterDialog)
    assert [line.status.value for line in review.model.lines] == ["ready", "ambiguous"]
    assert not review.import_button.isEnabled()
    _resolve_current(qtbot, review, choice=0)  # the first of the two 张三
    qtbot.mouseClick(review.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.attendance.model.rowCount() == 4)

    # 4. A GBK roster file: a name two persons bear (on the session already), a name nobody bears,
    #    and 张三 again, now matching only the 张三 not yet on the session.
    roster = tmp_path / "花名册.csv"
    roster.write_bytes("2025年诚信教育专题培训班花名册,,\n姓名,身份证号,请假学时\n王五,,\n赵六,,\n"
                       "张三,,9\n".encode("gbk"))
    page.attendance.choose_roster_file = lambda: str(roster)
    before = len(training.attendance(session.id))
    _shortcut(qtbot, page, "Ctrl+I")
    review = page.attendance.dialog
    assert isinstance(review, RosterDialog)
    assert [line.status.value for line in review.model.lines] == ["enrolled", "not_found", "ambiguous"]
    assert not review.import_button.isEnabled() and "2 行待处理" in review.summary.text()
    assert review.encoding_combo.isEnabled() and review.model.preview.encoding == "gbk"
    assert len(training.attendance(session.id)) == before  # nothing is half-imported
    _resolve_current(qtbot, review, choice=0)           # 赵六: only "skip" is offered
    _press(qtbot, review.table, Qt.Key.Key_F8)          # to the next open line: 张三
    _resolve_current(qtbot, review, choice=0)           # the one 张三 not yet on the session
    assert review.import_button.isEnabled() and "导入 1 行" in review.summary.text()
    qtbot.mouseClick(review.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.attendance.model.rowCount() == 5)
    rows = [r for r in training.attendance(session.id) if r.name == "张三"]
    assert sorted(r.result.value for r in rows) == ["failed", "pending"]  # 9 > 56/7: failed on import
    assert any("1/7" in r.note for r in rows)

    # 5. Marks in the grid: Ctrl+1 on the selection, a leave typed into a cell, Ctrl+S.
    grid, model = page.attendance.grid, page.attendance.model
    names = [r.name for r in model.rows]
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    grid.setFocus()
    grid.selectAll()
    _press(qtbot, grid, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    li = names.index("李四")
    grid.setCurrentIndex(model.index(li, 3))
    qtbot.keyClicks(grid, "8")  # typing starts the editor with this key …
    editor = grid.findChild(QLineEdit)
    assert editor is not None
    qtbot.keyClicks(editor, ".5")  # … and the rest goes into it
    _press(qtbot, editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)  # commits are queued
    assert model.dirty and "尚未保存" in page.attendance.status.text()
    _press(qtbot, grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not model.dirty)
    saved = training.attendance(session.id)
    by_name = {r.name: r for r in saved}
    assert by_name["李四"].result is AttendanceResult.FAILED and by_name["李四"].leave_hours == 8.5
    assert [r.result for r in saved].count(AttendanceResult.PASSED) == 3   # 王五, 王五, one 张三
    assert [r.result for r in saved].count(AttendanceResult.FAILED) == 2   # 李四, the 张三 with 9 hours leave
    assert page.courses.sessions.rows[0].attendees == 5

    # 6. The page as a trainer sees it.
    image = page.grab()
    assert not image.isNull() and image.save(str(tmp_path / "training-page.png"))


def _resolve_current(qtbot, review: RosterDialog, *, choice: int) -> None:  # type: ignore[no-untyped-def]
    """Open the choice cell's editor with F2, pick an option with the arrow keys, commit with Enter."""
    review.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review)
    table = review.table
    table.setFocus()
    _press(qtbot, table, Qt.Key.Key_F2)
    editor = table.findChild(QComboBox, "choiceEditor")
    assert editor is not None
    for _ in range(choice):
        _press(qtbot, editor, Qt.Key.Key_Down)
    _press(qtbot, editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.findChild(QComboBox, "choiceEditor") is None)


def test_bad_values_in_the_grid_are_named_and_nothing_is_saved(qtbot, trainer: Services) -> None:  # type: ignore[no-untyped-def]
    training = TrainingService(trainer.ctx)
    course = training.add_course(CourseDraft("网络专题", "专业能力", "网络", 10, 0))
    run = training.add_session(course.id, SessionDraft("2025-03-01", "2025-03-31"))
    training.add_attendees(run.id, [p.id for p in training.find_persons("zs")])
    page = _page(qtbot, trainer)
    model = page.attendance.model
    model.setData(model.index(0, 6), "合格")
    model.setData(model.index(1, 4), "12")  # more than the course's 10 学时
    assert not page.attendance.save()
    qtbot.waitUntil(lambda: page.attendance.message is not None and page.attendance.message.isVisible())
    assert "获得学时" in page.attendance.message.text() and model.rows[1].name in page.attendance.message.text()
    assert [r.result for r in training.attendance(run.id)] == [AttendanceResult.PENDING] * 2  # one transaction
    page.attendance.message.close()


def test_a_broken_roster_file_is_explained(qtbot, trainer: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    training = TrainingService(trainer.ctx)
    course = training.add_course(CourseDraft("网络专题", "专业能力", "网络", 10, 0))
    training.add_session(course.id, SessionDraft("2025-03-01", "2025-03-31"))
    page = _page(qtbot, trainer)
    fake = tmp_path / "名单.csv"
    fake.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    page.attendance.choose_roster_file = lambda: str(fake)
    page.attendance.import_roster()
    qtbot.waitUntil(lambda: page.attendance.message is not None and page.attendance.message.isVisible())
    assert ".xlsx" in page.attendance.message.text()
    page.attendance.message.close()


def test_reports_tab_and_read_only_roles(qtbot, admin: Services) -> None:  # type: ignore[no-untyped-def]
    training = TrainingService(admin.ctx)
    course = training.add_course(CourseDraft("诚信教育专题", "诚信教育", "脱产", 56, 7))
    run = training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18"))
    training.add_attendees(run.id, [p.id for p in training.find_persons("李四")])
    admin.users.add("reviewer1", Role.REVIEWER.value, PASS)
    reviewer = sign_in(admin, "reviewer1", PASS)
    try:
        page = _page(qtbot, reviewer)
        assert page.attendance.model.rowCount() == 1
        assert not page.attendance.model.flags(page.attendance.model.index(0, 6)) & Qt.ItemFlag.ItemIsEditable
        hidden = {b.objectName() for b in page.findChildren(QPushButton) if not b.isVisible()}
        assert {"newCourse", "addAttendees", "importRoster", "saveMarks"} <= hidden
        page.tabs.setCurrentIndex(1)
        page.reports.year_box.setValue(2025)
        assert page.reports.model.rowCount() == 2 and "2025年培训学时统计" in page.reports.notes.text()
        page.reports.kind_combo.setCurrentIndex(2)
        assert page.reports.model.rowCount() == 1
    finally:
        reviewer.close()
    admin.users.add("auditor1", Role.AUDITOR.value, PASS)
    auditor = sign_in(admin, "auditor1", PASS)
    try:
        page = TrainingPage(auditor)
        qtbot.addWidget(page)
        assert page.findChild(QWidget, "noAccess") is not None
    finally:
        auditor.close()


def test_the_models_pass_qt_model_tester(qtmodeltester, trainer: Services) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.training_roster import pasted_rows
    from desktop_app.ui.training.attendance_model import AttendanceModel
    from desktop_app.ui.training.roster_model import RosterModel

    training = TrainingService(trainer.ctx)
    course = training.add_course(CourseDraft("诚信教育专题", "诚信教育", "脱产", 56, 7))
    run = training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18"))
    attendance = AttendanceModel()
    attendance.set_rows(training.add_attendees(run.id, [p.id for p in training.find_persons("zs")]))
    attendance.setData(attendance.index(0, 3), "2")
    qtmodeltester.check(attendance)
    assert [u.entry.leave_hours for u in attendance.updates()] == ["2"]
    roster = RosterModel(training.preview_roster(run.id, pasted_rows("张三\n赵六\n李四")))
    qtmodeltester.check(roster)
    assert roster.unresolved() == [1] and roster.counts() == {"lines": 3, "import": 1, "open": 1, "left_out": 1}
