"""培训未达标: the person view's flag, the person list's SQL filter and the reports agree."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.domain.consequences import Flag
from desktop_app.domain.enums import Role
from desktop_app.domain.policy import TrainingNorms
from desktop_app.domain.training import rules_from
from desktop_app.errors import NotFoundError
from desktop_app.services import Services, training_norms
from desktop_app.services.persons import PersonDraft
from desktop_app.services.reports import ReportParams, build_report
from desktop_app.services.training import TrainingService
from desktop_app.services.training_rows import AttendanceEntry, CourseDraft, SessionDraft
from desktop_app.services.training_sheets import NORM_HEADERS
from tests.conftest import sign_in
from tests.factories import id_number, organ_uscc

import desktop_app.services.training_reports  # noqa: F401  isort: skip  (registers the report kinds)

OLD_FILE = date(2020, 1, 1)
UNITS = (("广东省人力资源和社会保障厅", "440000"), ("广州市财政局", "440100"), ("广州市天河区财政局", "440106"),
         ("佛山市顺德区财政局", "440606"), ("阳春市财政局", "441781"))
RANKS = (("一级科员", ""), ("一级主任科员", "科长"), ("四级调研员", "副处长"), ("", "局长"), ("", "副局长"),
         ("二级巡视员", ""), ("", ""), ("三级主管", ""))


def _units(services: Services) -> list[str]:
    for seq, (name, division) in enumerate(UNITS, start=1):
        services.units.add(name=name, uscc=organ_uscc(seq, division), division_code=division)
    return [name for name, _ in UNITS]


def _sessions(training: TrainingService) -> list[uuid.UUID]:
    """Sessions worth (hours, days): integrity 50/6 (2025), online 40/0 (2025), party 10/6 (2025),
    professional 300/40 (2022, inside the five years), professional 300/40 (2020, outside)."""
    specs = (("诚信教育专题班", "诚信教育", "脱产", 50, 6, 2025), ("网络专题", "专业能力", "网络", 40, 0, 2025),
             ("党性教育", "党性教育", "集中", 10, 6, 2025), ("长班甲", "专业能力", "脱产", 300, 40, 2022),
             ("长班乙", "专业能力", "脱产", 300, 40, 2020))
    ids = []
    for title, topic, mode, hours, days, year in specs:
        course = training.add_course(CourseDraft(title, topic, mode, hours, days))
        ids.append(training.add_session(course.id, SessionDraft(f"{year}-06-01", f"{year}-06-30")).id)
    return ids


@pytest.fixture
def populated(admin: Services) -> tuple[Services, list[uuid.UUID]]:
    """40 persons across ranks, units, statuses and file dates, with attendance near every boundary."""
    units = _units(admin)
    training = TrainingService(admin.ctx)
    sessions = _sessions(training)
    people: list[uuid.UUID] = []
    for i in range(40):
        rank, post = RANKS[i % len(RANKS)]
        row = admin.persons.add(PersonDraft(name=f"学员{i:02d}", id_number=id_number(10 + i), unit_name=units[i % 5],
                                            rank=rank, post=post,
                                            file_opened_on=date(2025, 3, 1) if i % 7 == 6 else OLD_FILE))
        if i % 9 == 8:
            admin.persons.edit(id_number(10 + i), status="退休")
        people.append(row.id)
        chosen = [s for bit, s in enumerate(sessions) if (i >> bit) & 1 or (i * 7 >> bit) & 2]
        for j, session_id in enumerate(chosen):
            result = "不合格" if (i + j) % 11 == 10 else "合格"
            training.record_attendance(session_id, row.id, AttendanceEntry(result=result))
    return admin, people


def test_the_sql_filter_agrees_with_the_python_rules(populated: tuple[Services, list[uuid.UUID]]) -> None:
    admin, people = populated
    training = TrainingService(admin.ctx)
    checks = {n.person_id: n for n in training.norms(2025) if n.person_id in set(people)}
    expected = {pid for pid, n in checks.items() if n.assessed and not n.check.met}
    flagged = set(admin.persons.search_ids(flag=Flag.TRAINING_SHORTFALL)) & set(people)
    assert flagged == expected
    assert 5 < len(expected) < 30  # the data crosses the boundaries both ways
    assert admin.persons.count(flag=Flag.TRAINING_SHORTFALL) >= len(expected)
    tiers = {n.tier.value for n in checks.values()}
    assert tiers == {"township", "county"}
    for pid in people[:16]:
        number = id_number(10 + people.index(pid))
        shown = {f.flag for f in admin.persons.show(number).flags}
        assert (Flag.TRAINING_SHORTFALL in shown) is (pid in expected)
    assert admin.maintenance.verify().ok


def test_a_shortfall_shows_with_its_reason_and_clears_when_hours_are_added(admin: Services) -> None:
    training = TrainingService(admin.ctx)
    unit = "广州市天河区人力资源和社会保障局"
    person = admin.persons.add(PersonDraft(name="王五", id_number=id_number(7), unit_name=unit, rank="一级科员",
                                           file_opened_on=OLD_FILE))
    course = training.add_course(CourseDraft("诚信教育专题班", "诚信教育", "脱产", 56, 7))
    run = training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18"))
    training.record_attendance(run.id, person.id, AttendanceEntry(result="合格"))
    reasons = [f for f in admin.persons.show(id_number(7)).flags if f.flag is Flag.TRAINING_SHORTFALL]
    assert [r.reason for r in reasons] == ["2025年培训56学时/7天，应达90学时或12天"]
    assert [p.name for p in admin.persons.search(flag=Flag.TRAINING_SHORTFALL)] == ["王五"]
    online = training.add_course(CourseDraft("网络学院专题", "专业能力", "网络", 34, 0))
    later = training.add_session(online.id, SessionDraft("2025-12-20", "2025-12-31"))
    training.record_attendance(later.id, person.id, AttendanceEntry(result="合格"))
    assert Flag.TRAINING_SHORTFALL not in {f.flag for f in admin.persons.show(id_number(7)).flags}
    assert admin.persons.search(flag=Flag.TRAINING_SHORTFALL) == []


def test_files_opened_this_year_and_last_are_not_judged_yet(admin: Services) -> None:
    """The fixture's persons were opened today (2026): the 2025 norm does not apply to them."""
    assert admin.persons.search(flag=Flag.TRAINING_SHORTFALL) == []
    assert all(f.flag is not Flag.TRAINING_SHORTFALL for f in admin.persons.show(id_number(1)).flags)


def test_the_flag_follows_the_policy_profile(admin: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    admin.persons.add(PersonDraft(name="王五", id_number=id_number(7), unit_name="广州市天河区人力资源和社会保障局",
                                  rank="一级科员", file_opened_on=OLD_FILE))
    training = TrainingService(admin.ctx)
    course = training.add_course(CourseDraft("业务培训", "专业能力", "脱产", 60, 8))
    run = training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-20"))
    training.record_attendance(run.id, training.person_by_id_number(id_number(7)).id, AttendanceEntry(result="合格"))
    assert len(admin.persons.search(flag=Flag.TRAINING_SHORTFALL)) == 1
    # The rules are read from the archive's current policy profile in every call (current_rules).
    edited = rules_from(TrainingNorms(annual_days=8, annual_hours=60))
    monkeypatch.setattr(training_norms, "current_rules", lambda session: edited)
    short = admin.persons.search(flag=Flag.TRAINING_SHORTFALL)
    assert [p.name for p in short] == ["王五"]  # hours are met now, but no 诚信教育 course
    reason = [f.reason for f in admin.persons.show(id_number(7)).flags if f.flag is Flag.TRAINING_SHORTFALL]
    assert reason == ["2025年诚信教育课程0门，应至少1门"]
    monkeypatch.setattr(training_norms, "current_rules", lambda session: replace(edited, integrity_courses_per_year=0))
    assert admin.persons.search(flag=Flag.TRAINING_SHORTFALL) == []


def test_reports_through_the_registry(tmp_path: Path, populated: tuple[Services, list[uuid.UUID]]) -> None:
    admin, _ = populated
    hours = build_report(admin, "training", ReportParams(year=2025))
    assert hours.headers == NORM_HEADERS and len(hours.rows) == 42  # 40 + the fixture's two
    assert {row[10] for row in hours.rows} == {"达标", "未达标", "不考核"}
    shortfall = build_report(admin, "training-shortfall", ReportParams(year=2025, unit_name="广州市财政局"))
    assert shortfall.rows and {row[0] for row in shortfall.rows} == {"广州市财政局"}
    assert all(row[10] == "未达标" and row[11] for row in shortfall.rows)
    sessions = build_report(admin, "training-sessions", ReportParams(year=2022))
    assert sessions.rows and {row[0] for row in sessions.rows} == {"长班甲"}
    current = build_report(admin, "training", ReportParams())
    assert current.title == "2026年培训学时统计" and any("尚未结束" in n for n in current.notes)
    with pytest.raises(NotFoundError):
        build_report(admin, "training", ReportParams(year=2025, unit_name="无此单位"))
    training = TrainingService(admin.ctx)
    path = training.export_xlsx(shortfall, tmp_path / "shortfall.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None and sheet["A1"].value == "单位" and sheet["A2"].value == "广州市财政局"


def test_trainers_read_the_reports_and_auditors_do_not(populated: tuple[Services, list[uuid.UUID]]) -> None:
    from desktop_app.errors import PermissionDenied

    admin, _ = populated
    admin.users.add("trainer1", Role.TRAINER.value, "role passphrase 1")
    admin.users.add("auditor1", Role.AUDITOR.value, "role passphrase 1")
    for name, allowed in (("trainer1", True), ("auditor1", False)):
        services = sign_in(admin, name, "role passphrase 1")
        try:
            for kind in ("training", "training-shortfall", "training-sessions"):
                if allowed:
                    assert build_report(services, kind, ReportParams(year=2025)).rows
                else:
                    with pytest.raises(PermissionDenied):
                        build_report(services, kind, ReportParams(year=2025))
        finally:
            services.close()


def test_boundary_combinations_are_all_represented() -> None:
    # Guards the fixture above: each session is taken by some persons and left by others.
    chosen = [[bit for bit in range(5) if (i >> bit) & 1 or (i * 7 >> bit) & 2] for i in range(40)]
    for bit in range(5):
        assert any(bit in c for c in chosen) and any(bit not in c for c in chosen)
    assert len({tuple(c) for c in chosen}) > 10
