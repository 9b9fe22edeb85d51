"""Training through its service on real SQLCipher archives: courses, attendance, rosters, permissions."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop_app.domain.enums import Role
from desktop_app.domain.training import AttendanceResult, CourseMode, CourseTopic
from desktop_app.errors import DuplicateError, NotFoundError, PermissionDenied, StateError, ValidationError
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.services.training import TrainingService
from desktop_app.services.training_roster import LineStatus, RosterEntry, pasted_rows, unit_matches
from desktop_app.services.training_rows import AttendanceEntry, AttendanceUpdate, CourseDraft, SessionDraft
from desktop_app.store.models import AuditEntry, Change
from desktop_app.store.models.training import Attendance
from desktop_app.tabular import BinaryFileError
from tests.conftest import sign_in
from tests.factories import id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"
LI = id_number(2, female=True)  # 李四 of the admin fixture
ROLE_PASSPHRASE = "role passphrase 1"


def _course(training: TrainingService, **over: object) -> object:
    values: dict[str, object] = dict(title="诚信教育专题班", topic="诚信教育", mode="脱产", hours=56, days=7,
                                     organizer="区委组织部")
    values.update(over)
    return training.add_course(CourseDraft(**values))  # type: ignore[arg-type]


@pytest.fixture
def training(admin: Services) -> TrainingService:
    admin.persons.add(PersonDraft(name="张三", id_number=id_number(3), unit_name=UNIT, rank="四级主任科员",
                                  file_opened_on=date(2020, 1, 1)))  # a second 张三
    return TrainingService(admin.ctx)


@pytest.fixture
def session_id(training: TrainingService) -> object:
    course = training.add_course(CourseDraft("诚信教育专题班", "诚信教育", "脱产", 56, 7, "区委组织部"))
    return training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18", "区委党校", "陈老师")).id


def _count(services: Services, model: type) -> int:
    with services.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_course_session_attendance_write_change_log_and_audit(admin: Services, training: TrainingService) -> None:
    changes_before = _count(admin, Change)
    course = training.add_course(CourseDraft("廉洁从政专题", "integrity", "集中", "16", "2"))
    assert (course.topic, course.mode, course.hours, course.days) == (CourseTopic.INTEGRITY, CourseMode.CONCENTRATED,
                                                                     16.0, 2.0)
    run = training.add_session(course.id, SessionDraft("2025-03-01", "2025-03-02", "区委党校", "陈老师"))
    person = training.find_persons("李四")[0]
    row = training.record_attendance(run.id, person.id, AttendanceEntry(result="合格", certificate_no="CX-001"))
    assert (row.hours_earned, row.days_earned, row.result, row.certificate_no) == (16, 2, AttendanceResult.PASSED,
                                                                                   "CX-001")
    assert _count(admin, Change) == changes_before + 3
    with admin.ctx.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(3)))
    assert actions == ["attendance.create", "session.create", "course.create"]
    edited = training.edit_course(course.id, CourseDraft("廉洁从政专题（修订）", "诚信教育", "集中", 16, 2))
    assert edited.version == 2 and training.sessions(course.id)[0].attendees == 1
    assert training.sessions(year=2025)[0].id == run.id and training.sessions(year=2024) == []
    assert admin.maintenance.verify().ok


def test_bad_course_and_session_input_names_the_field(training: TrainingService) -> None:
    for draft, field in ((CourseDraft("", "诚信教育", "脱产", 8), "title"),
                         (CourseDraft("x", "跳舞", "脱产", 8), "topic"),
                         (CourseDraft("x", "诚信教育", "函授", 8), "mode"),
                         (CourseDraft("x", "诚信教育", "脱产", 0), "hours"),
                         (CourseDraft("x", "诚信教育", "脱产", "7.3"), "hours")):
        with pytest.raises(ValidationError) as caught:
            training.add_course(draft)
        assert caught.value.field == field
    course = training.add_course(CourseDraft("x", "诚信教育", "脱产", 8))
    with pytest.raises(ValidationError) as caught:
        training.add_session(course.id, SessionDraft("2025-03-02", "2025-03-01"))
    assert caught.value.field == "ends_on"
    with pytest.raises(NotFoundError):
        training.add_session(course.id.__class__(int=1), SessionDraft("2025-03-01", "2025-03-01"))


def test_leave_above_one_seventh_fails_and_says_why(training: TrainingService, session_id: object) -> None:
    zhang, li = training.person_by_id_number(id_number(1)), training.person_by_id_number(LI)
    ok = training.record_attendance(session_id, zhang.id, AttendanceEntry(leave_hours=8, result="合格"))  # type: ignore[arg-type]
    failed = training.record_attendance(session_id, li.id, AttendanceEntry(leave_hours="8.5", result="合格"))  # type: ignore[arg-type]
    assert (ok.result, ok.hours_earned, ok.days_earned, ok.note) == (AttendanceResult.PASSED, 48, 6, "")
    assert failed.result is AttendanceResult.FAILED and "1/7" in failed.note
    with pytest.raises(ValidationError) as caught:
        training.record_attendance(session_id, li.id, AttendanceEntry(leave_hours=57))  # type: ignore[arg-type]
    assert caught.value.field == "leave_hours"


def test_marks_are_saved_in_one_transaction_guarded_by_versions(admin: Services, training: TrainingService,
                                                                session_id: object) -> None:
    people = [p.id for p in training.find_persons("zs") + training.find_persons("李四")]
    rows = training.add_attendees(session_id, people)  # type: ignore[arg-type]
    assert len(rows) == 3 and all(r.result is AttendanceResult.PENDING for r in rows)
    assert training.add_attendees(session_id, people) == []  # type: ignore[arg-type]
    saved = training.mark([AttendanceUpdate(r.id, r.version, AttendanceEntry(result="合格")) for r in rows])
    assert [r.result for r in saved] == [AttendanceResult.PASSED] * 3 and {r.version for r in saved} == {2}
    stale = [AttendanceUpdate(saved[0].id, 2, AttendanceEntry(result="退学")),
             AttendanceUpdate(saved[1].id, 1, AttendanceEntry(result="不合格"))]  # read before the last save
    with pytest.raises(StateError):
        training.mark(stale)
    assert [r.result for r in training.attendance(session_id)] == [AttendanceResult.PASSED] * 3  # type: ignore[arg-type]
    assert admin.maintenance.verify().ok


def test_roster_lines_are_matched_and_problems_shown(training: TrainingService, session_id: object) -> None:
    training.add_attendees(session_id, [training.person_by_id_number(LI).id])  # type: ignore[arg-type]
    bad_check = id_number(1)[:-1] + ("0" if id_number(1)[-1] != "0" else "1")
    rows = [(2, {"姓名": "张三", "身份证号": id_number(1), "请假学时": "2", "成绩": "合格"}),
            (3, {"姓名": "张三", "身份证号": ""}),
            (4, {"姓名": "李四", "身份证号": LI}),
            (5, {"姓名": "赵六", "身份证号": ""}),
            (6, {"姓名": "王五", "身份证号": id_number(1)}),
            (7, {"姓名": "张三", "身份证号": bad_check}),
            (8, {"姓名": "张三", "身份证号": id_number(1)}),
            (9, {"姓名": "张三", "身份证号": id_number(3), "请假学时": "很多"}),
            (10, {"姓名": "", "身份证号": ""}),
            (11, {" 姓 名 ": "张三", "工作单位": "天河", "备注": "x"})]
    preview = training.preview_roster(session_id, rows, source="paste")  # type: ignore[arg-type]
    statuses = {line.line: line.status for line in preview.lines}
    assert statuses == {2: LineStatus.READY, 3: LineStatus.AMBIGUOUS, 4: LineStatus.ENROLLED,
                        5: LineStatus.NOT_FOUND, 6: LineStatus.MISMATCH, 7: LineStatus.ID_INVALID,
                        8: LineStatus.DUPLICATE, 9: LineStatus.BAD_VALUE, 10: LineStatus.BAD_VALUE,
                        11: LineStatus.AMBIGUOUS}
    lines = {line.line: line for line in preview.lines}
    assert [c.name for c in lines[3].candidates] == ["张三", "张三"]
    assert lines[6].candidates[0].name == "张三" and lines[2].entry.leave_hours == "2"
    assert {c.id_number_masked[-4:] for c in lines[7].candidates} == {id_number(1)[-4:], id_number(3)[-4:]}
    assert len(preview.problems) == 7 and [line.line for line in preview.ready] == [2]


def test_a_roster_unit_picks_among_namesakes_and_never_a_namesake_of_another_unit(
        admin: Services, training: TrainingService, session_id: object) -> None:
    admin.units.add(name="广州市越秀区财政局", uscc=organ_uscc(2), division_code="440104")
    admin.persons.add(PersonDraft(name="王五", id_number=id_number(7), unit_name="广州市越秀区财政局"))
    rows = [(2, {"姓名": "王五", "单位": "越秀区财政局"}),
            (3, {"姓名": "王五", "单位": "天河区人社局"}),   # an abbreviation of 李四's unit: no 王五 there
            (4, {"姓名": "李四", "单位": "天河区人社局"}),   # 人力资源和社会保障局, abbreviated
            (5, {"姓名": "李四", "单位": ""})]
    lines = {line.line: line for line in training.preview_roster(session_id, rows).lines}  # type: ignore[arg-type]
    assert {n: line.status for n, line in lines.items()} == {
        2: LineStatus.READY, 3: LineStatus.UNIT_MISMATCH, 4: LineStatus.READY, 5: LineStatus.DUPLICATE}
    assert lines[3].problem == "no person of this name in 天河区人社局"
    assert [c.unit_name for c in lines[3].candidates] == ["广州市越秀区财政局"]  # offered, not chosen
    assert lines[3].person is None


def test_unit_abbreviations() -> None:
    full = "广州市天河区人力资源和社会保障局"
    assert all(unit_matches(u, full) for u in ("天河区人社局", "天河区 人社局", full, f"{full}（本部）"))
    assert not any(unit_matches(u, full) for u in ("越秀区人社局", "人社局天河区", "天河区财政局"))


def test_pasted_lists_of_names_and_id_numbers() -> None:
    text = f"张三\n\n{LI}\n李四，{LI.lower()}\n王五 天河区 \n"
    assert pasted_rows(text) == [(1, {"name": "张三", "id_number": "", "unit": ""}),
                                 (3, {"name": "", "id_number": LI, "unit": ""}),
                                 (4, {"name": "李四", "id_number": LI.lower(), "unit": ""}),
                                 (5, {"name": "王五", "id_number": "", "unit": "天河区"})]


def test_import_writes_every_line_or_none(admin: Services, training: TrainingService, session_id: object) -> None:
    zhang1, li = training.person_by_id_number(id_number(1)), training.person_by_id_number(LI)
    zhang3 = training.person_by_id_number(id_number(3))
    training.add_attendees(session_id, [li.id])  # type: ignore[arg-type]
    before = (_count(admin, Attendance), _count(admin, Change), _count(admin, AuditEntry))
    for entries in ([RosterEntry(2, zhang1.id), RosterEntry(3, li.id)],                   # already on it
                    [RosterEntry(2, zhang1.id), RosterEntry(3, zhang1.id)],               # twice
                    [RosterEntry(2, zhang1.id), RosterEntry(4, zhang3.id, AttendanceEntry(leave_hours="99"))],
                    [RosterEntry(2, zhang1.id), RosterEntry(5, zhang1.id.__class__(int=7))]):
        with pytest.raises((DuplicateError, ValidationError, NotFoundError)) as caught:
            training.import_roster(session_id, entries)  # type: ignore[arg-type]
        assert caught.value.line in (3, 4, 5)
    assert (_count(admin, Attendance), _count(admin, Change), _count(admin, AuditEntry)) == before
    result = training.import_roster(session_id, [RosterEntry(2, zhang1.id, AttendanceEntry(result="合格")),  # type: ignore[arg-type]
                                                 RosterEntry(3, zhang3.id, AttendanceEntry(leave_hours="9"))],
                                    source="roster.xlsx")
    assert result.added == 2
    rows = {r.person_id: r for r in training.attendance(session_id)}  # type: ignore[arg-type]
    assert rows[zhang1.id].result is AttendanceResult.PASSED and rows[zhang3.id].result is AttendanceResult.FAILED
    with admin.ctx.read() as s:
        imported = s.scalars(select(AuditEntry).where(AuditEntry.action == "attendance.import")).all()
    assert len(imported) == 3 and imported[-1].detail == {"session": session_id.hex, "rows": 2,  # type: ignore[attr-defined]
                                                          "source": "roster.xlsx"}
    assert _count(admin, Change) == before[1] + 2
    assert admin.maintenance.verify().ok  # bulk rows are bound to their audit entries like any other


def test_roster_files_in_gbk_and_xlsx(tmp_path: Path, training: TrainingService, session_id: object) -> None:
    csv = tmp_path / "名单.csv"
    csv.write_bytes(f"2025年诚信教育专题班花名册,,\n姓名,身份证号,成绩\n李四,{LI},合格\n赵六,,\n"
                    .encode("gbk"))
    preview = training.preview_roster_file(session_id, csv)  # type: ignore[arg-type]
    assert preview.encoding == "gbk" and preview.source == "名单.csv"
    assert [(line.line, line.status) for line in preview.lines] == [(3, LineStatus.READY), (4, LineStatus.NOT_FOUND)]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "学员"
    sheet.append(["身份证号", "请假学时", "证书编号"])
    sheet.append([id_number(1), 4, "CX-9"])
    book.save(tmp_path / "r.xlsx")
    preview = training.preview_roster_file(session_id, tmp_path / "r.xlsx", sheet="学员")  # type: ignore[arg-type]
    assert preview.sheet == "学员" and preview.lines[0].status is LineStatus.READY
    assert preview.lines[0].entry == AttendanceEntry(leave_hours="4", certificate_no="CX-9")
    (tmp_path / "bad.csv").write_bytes((tmp_path / "r.xlsx").read_bytes())
    with pytest.raises(BinaryFileError):
        training.preview_roster_file(session_id, tmp_path / "bad.csv")  # type: ignore[arg-type]
    (tmp_path / "noname.csv").write_text("单位,备注\n天河,x\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="姓名 or 身份证号"):
        training.preview_roster_file(session_id, tmp_path / "noname.csv")  # type: ignore[arg-type]


def test_a_huge_roster_file_is_refused_without_being_held_in_memory(tmp_path: Path, training: TrainingService,
                                                                    session_id: object) -> None:
    """A 31 MB roster (800,000 lines) is read as a stream: refused at 5,000 lines, and the reader
    never holds the file (decoded whole it was about 90 MB of Python objects)."""
    roster = tmp_path / "huge.csv"
    with roster.open("w", encoding="utf-8") as handle:
        handle.write("姓名,身份证号,成绩\n")
        handle.writelines(f"学员{i:06d},{LI},合格\n" for i in range(800_000))
    assert roster.stat().st_size > 30_000_000
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError, match="at most 5000 lines"):
            training.preview_roster_file(session_id, roster)  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 15_000_000, f"peak {peak / 1e6:.1f} MB"  # 194.7 MB with the whole-file reader


def test_attendance_sheet_and_its_export(tmp_path: Path, admin: Services, training: TrainingService,
                                         session_id: object) -> None:
    training.add_attendees(session_id, [p.id for p in training.find_persons("zs")])  # type: ignore[arg-type]
    table = training.sheet(session_id)  # type: ignore[arg-type]
    assert table.title == "诚信教育专题班签到表" and table.headers[-1] == "签名" and len(table.rows) == 2
    assert table.rows[0][5] == 56 and "课程：诚信教育专题班（诚信教育，脱产，56学时/7天）" in table.notes
    path = training.export_xlsx(table, tmp_path / "sheet.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None and sheet["B2"].value == "张三"
    with admin.ctx.read() as s:
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(1)) == "training.export"


# -- permissions ------------------------------------------------------------------------------------


@pytest.fixture
def roles(admin: Services) -> Iterator[dict[Role, Services]]:
    sessions = {Role.ADMIN: admin}
    for role in (Role.TRAINER, Role.CLERK, Role.REVIEWER, Role.AUDITOR):
        admin.users.add(f"u-{role.value}", role.value, ROLE_PASSPHRASE)
        sessions[role] = sign_in(admin, f"u-{role.value}", ROLE_PASSPHRASE)
    yield sessions
    for role, services in sessions.items():
        if role is not Role.ADMIN:
            services.close()


def test_a_trainer_manages_training_and_sees_names_and_units_only(roles: dict[Role, Services]) -> None:
    trainer = TrainingService(roles[Role.TRAINER].ctx)
    course = _course(trainer)
    run = trainer.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18"))  # type: ignore[attr-defined]
    found = trainer.find_persons("张")
    assert {type(p).__name__ for p in found} == {"TraineeRow"}
    assert set(type(found[0]).__dataclass_fields__) == {"id", "name", "id_number_masked", "unit_name"}
    trainer.add_attendees(run.id, [p.id for p in found])
    marks = [AttendanceUpdate(r.id, r.version, AttendanceEntry(result="合格")) for r in trainer.attendance(run.id)]
    trainer.mark(marks)
    assert trainer.norms(2025)
    services = roles[Role.TRAINER]
    person = found[0]
    draft = RecordDraft(kind="行政处罚", severity="一般", decided_on="2026-01-05", document_no="1", authority="a",
                        facts="f")
    for forbidden in (lambda: services.records.for_person(person.id), lambda: services.records.add(person.id, draft),
                      lambda: services.persons.edit(id_number(1), post="处长"),
                      lambda: services.persons.reveal_id_number(person.id),
                      lambda: services.persons.history(person.id)):
        with pytest.raises(PermissionDenied):
            forbidden()
    assert services.persons.show(id_number(1)).records == ()
    assert roles[Role.ADMIN].maintenance.verify().ok


@pytest.mark.parametrize("role", [Role.CLERK, Role.REVIEWER])
def test_clerks_and_reviewers_read_training_but_do_not_change_it(roles: dict[Role, Services], role: Role) -> None:
    admin_training = TrainingService(roles[Role.ADMIN].ctx)
    course = _course(admin_training)
    run = admin_training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18"))  # type: ignore[attr-defined]
    admin_training.add_attendees(run.id, [p.id for p in admin_training.find_persons("李四")])
    reader = TrainingService(roles[role].ctx)
    assert [c.title for c in reader.courses()] == ["诚信教育专题班"]
    assert len(reader.attendance(run.id)) == 1 and reader.sheet(run.id).rows and reader.norms(2025)
    row = reader.attendance(run.id)[0]
    for forbidden in (lambda: _course(reader), lambda: reader.add_attendees(run.id, [row.person_id]),
                      lambda: reader.mark([AttendanceUpdate(row.id, row.version, AttendanceEntry(result="合格"))]),
                      lambda: reader.import_roster(run.id, [RosterEntry(2, row.person_id)])):
        with pytest.raises(PermissionDenied):
            forbidden()
    with roles[role].ctx.read() as s:
        denials = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.success.is_(False), AuditEntry.user_name == roles[role].user.name))
    assert denials == 4


def test_an_auditor_reads_no_training(roles: dict[Role, Services]) -> None:
    auditor = TrainingService(roles[Role.AUDITOR].ctx)
    for forbidden in (auditor.courses, lambda: auditor.norms(2025), lambda: auditor.find_persons("张")):
        with pytest.raises(PermissionDenied):
            forbidden()
