"""Importing the attendance of a training session: the training roster's matching and bulk write,
with the import's report, all-or-nothing and re-run rules."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.importing import ImportRejected
from desktop_app.services import Services
from desktop_app.services.importing import ImportOptions, ImportService
from desktop_app.services.training import TrainingService
from desktop_app.services.training_rows import CourseDraft, SessionDraft
from desktop_app.store.models import AuditEntry
from desktop_app.store.models.training import Attendance
from tests.factories import id_number

ZHANG, LI = id_number(1), id_number(2, female=True)


@pytest.fixture
def session_id(admin: Services) -> uuid.UUID:
    training = TrainingService(admin.ctx)
    course = training.add_course(CourseDraft("诚信教育专题班", "诚信教育", "脱产", 56, 7, "区委组织部"))
    return training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18", "区委党校", "陈老师")).id


def _roster(tmp_path: Path, body: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text("姓名,身份证号,请假学时,成绩\n" + body, encoding="gbk")
    return path


def _attendance(admin: Services) -> int:
    with admin.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(Attendance)) or 0)


def test_attendance_import_rerun_and_update(admin: Services, tmp_path: Path, session_id: uuid.UUID) -> None:
    path = _roster(tmp_path, f"张三,{ZHANG},,合格\n李四,{LI},4,\n")
    importer = ImportService(admin.ctx)
    report = importer.check_attendance(session_id, path)
    assert (report.new, report.invalid, report.encoding) == (2, 0, "gbk")
    result = importer.import_attendance(session_id, path)
    assert result.inserted == 2 and result.backup is not None
    rows = {r.name: r for r in TrainingService(admin.ctx).attendance(session_id)}
    assert rows["李四"].leave_hours == 4 and rows["李四"].hours_earned == 52 and rows["张三"].result.value == "passed"
    assert importer.check_attendance(session_id, path).unchanged == 2

    changed = _roster(tmp_path, f"张三,{ZHANG},8,\n", "changed.csv")
    report = importer.check_attendance(session_id, changed)
    assert report.updates == 1 and set(report.updated[0].fields) >= {"leave_hours", "hours_earned"}
    importer.import_attendance(session_id, changed)
    zhang = next(r for r in TrainingService(admin.ctx).attendance(session_id) if r.name == "张三")
    assert (zhang.leave_hours, zhang.hours_earned) == (8, 48)
    with admin.ctx.read() as s:
        actions = {e.action for e in s.scalars(select(AuditEntry))}
    assert {"attendance.import", "attendance.update", "import.attendance"} <= actions
    assert admin.maintenance.verify().ok


def test_attendance_problems_are_reported_by_line(admin: Services, tmp_path: Path, session_id: uuid.UUID) -> None:
    path = _roster(tmp_path, f"张三,{ZHANG},,合格\n王五,{id_number(9)},,\n李四,{ZHANG},,\n张三,{ZHANG},,\n"
                             f"李四,{LI},99,\n李四,{LI[:-1]}0,,\n")
    report = ImportService(admin.ctx).check_attendance(session_id, path)
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (3, "身份证号", "not_found"), (4, "姓名", "mismatch"), (5, "身份证号", "duplicate"),
        (6, "请假学时", "invalid"), (7, "身份证号", "id_invalid")]
    with pytest.raises(ImportRejected):
        ImportService(admin.ctx).import_attendance(session_id, path)
    assert _attendance(admin) == 0
    result = ImportService(admin.ctx).import_attendance(session_id, path, ImportOptions(skip_invalid=True))
    assert (result.inserted, result.skipped) == (1, 5) and _attendance(admin) == 1


def test_a_name_in_another_unit_is_refused_at_the_unit_column(admin: Services, tmp_path: Path,
                                                              session_id: uuid.UUID) -> None:
    path = tmp_path / "units.csv"
    path.write_text("姓名,单位,请假学时\n张三,天河区人社局,\n李四,越秀区财政局,\n", encoding="utf-8")
    report = ImportService(admin.ctx).check_attendance(session_id, path)
    assert [(p.line, p.column, p.code) for p in report.problems] == [(3, "单位", "unit_mismatch")]
    assert report.new == 1
