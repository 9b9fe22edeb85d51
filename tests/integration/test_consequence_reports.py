"""The consequence reports (awards, sanctions, overdue, coverage) through the registry and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.services import (
    Services,
    consequence_reports,  # noqa: F401  (registers the reports)
)
from desktop_app.services.consequence_reports import HeadcountService
from desktop_app.services.objections import ObjectionDraft, ObjectionService
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.services.reports import ReportParams, build_report
from tests.factories import PASSPHRASE, id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"


def _sanction(services: Services, **over: object) -> None:
    values: dict[str, object] = dict(kind="纪律处分", severity="一般", sanction="记过", decided_on="2026-03-02",
                                     document_no="天纪发〔2026〕3号", authority="天河区纪委监委",
                                     facts="违规发放津贴补贴")
    values.update(over)
    person = services.persons.show(id_number(1)).person
    services.records.add(person.id, RecordDraft(**values))  # type: ignore[arg-type]


def _by_name(table: object) -> dict[str, dict[str, object]]:
    headers = table.headers  # type: ignore[attr-defined]
    return {str(row[1]): dict(zip(headers, row, strict=True)) for row in table.rows}  # type: ignore[attr-defined]


def test_award_eligibility_gives_reasons(admin: Services) -> None:
    _sanction(admin)
    li = admin.persons.show(id_number(2, female=True)).person
    admin.records.set_assessment(li.id, 2026, "基本称职")
    table = build_report(admin, "awards", ReportParams(year=2026, unit_name=UNIT))
    rows = _by_name(table)
    assert rows["张三"]["可参评"] == "否" and "失信记录有效" in str(rows["张三"]["原因"])
    assert "处分期内" in str(rows["张三"]["原因"])
    assert rows["李四"]["可参评"] == "否" and rows["李四"]["2026年度考核"] == "基本称职"
    assert rows["张三"]["身份证号"] == f"440106********{id_number(1)[-4:]}"


def test_an_open_objection_does_not_restrict_awards_but_the_sanction_still_does(admin: Services) -> None:
    _sanction(admin, sanction=None, kind="行政处罚")
    record = admin.persons.show(id_number(1)).records[0]
    ObjectionService(admin.ctx).file(record.id, ObjectionDraft(applicant="张三", grounds="事实有误"))
    row = _by_name(build_report(admin, "awards", ReportParams(year=2026)))["张三"]
    assert row["可参评"] == "是" and "异议处理中（不影响评优）" in str(row["原因"])


def test_sanctions_report_lists_the_period_and_its_effect(admin: Services) -> None:
    _sanction(admin)
    _sanction(admin, sanction="警告", decided_on="2025-01-05", document_no="旧1")   # period over
    table = build_report(admin, "sanctions", ReportParams())
    assert [(r[1], r[3], r[6]) for r in table.rows] == [("张三", "记过", "2027-03-02")]
    assert "工资档次" in str(table.rows[0][7])


def test_overdue_report_lists_objections_past_their_deadline(admin: Services) -> None:
    _sanction(admin, decided_on="2025-09-01")
    record = admin.persons.show(id_number(1)).records[0]
    ObjectionService(admin.ctx).file(record.id, ObjectionDraft(applicant="张三", grounds="有误",
                                                               received_on="2025-09-30"))
    table = build_report(admin, "overdue", ReportParams())
    assert len(table.rows) == 1
    row = dict(zip(table.headers, table.rows[0], strict=True))
    assert row["类型"] == "异议" and row["期限"] == "2025-10-10" and row["当前环节"] == "受理"
    assert int(str(row["逾期工作日"])) > 250


def test_coverage_uses_the_declared_roster_when_there_is_one(admin: Services) -> None:
    admin.units.add(name="广州市天河区财政局", uscc=organ_uscc(2), division_code="440106")
    admin.persons.add(PersonDraft(name="王五", id_number=id_number(3), unit_name="广州市天河区财政局"))
    table = build_report(admin, "coverage", ReportParams(year=2026))
    rows = {r[0]: r for r in table.rows}
    assert rows[UNIT][1:4] == (2, 2, "100.0%") and "未填报" in str(rows[UNIT][4])
    HeadcountService(admin.ctx).set_headcount(UNIT, 2026, 4)
    HeadcountService(admin.ctx).set_headcount(UNIT, 2026, 5)  # a correction, not a second row
    rows = {r[0]: r for r in build_report(admin, "coverage", ReportParams(year=2026)).rows}
    assert rows[UNIT][1:4] == (5, 2, "40.0%") and rows["合计"][1:4] == (6, 3, "50.0%")
    assert [h.headcount for h in HeadcountService(admin.ctx).for_year(2026)] == [5]
    assert admin.maintenance.verify().ok


def test_reports_from_the_command_line(admin: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    _sanction(admin)
    path = str(admin.ctx.archive.path)
    admin.close()
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["report", path, "awards", "--year", "2026", "--unit", UNIT, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "2026年度评优评先资格名单" and {r["姓名"]: r["可参评"] for r in data["rows"]} == {
        "张三": "否", "李四": "是"}
    out = tmp_path / "sanctions.xlsx"
    assert main(["report", path, "sanctions", "--format", "xlsx", "-o", str(out)]) == 0
    sheet = load_workbook(out).active
    assert sheet is not None and sheet["B2"].value == "张三"
    assert main(["report", path, "overdue"]) == 0 and "逾期" in capsys.readouterr().out
    assert main(["report", path, "coverage", "--year", "2026"]) == 0


def test_assessment_consequences_show_in_the_file_and_filter_in_the_database(admin: Services) -> None:
    from desktop_app.domain.consequences import Flag

    assert admin.persons.search(flag=Flag.ASSESSMENT) == []
    li = admin.persons.show(id_number(2, female=True)).person
    admin.records.set_assessment(li.id, 2025, "基本称职")
    _sanction(admin, sanction="警告")
    zhang = admin.persons.show(id_number(1)).person
    admin.records.set_assessment(zhang.id, 2026, "优秀")
    admin.records.set_assessment(zhang.id, 2024, "不称职")   # too long ago to matter
    assert [p.name for p in admin.persons.search(flag=Flag.ASSESSMENT)] == ["李四", "张三"]
    reasons = [f.reason for f in admin.persons.show(id_number(1)).flags if f.flag is Flag.ASSESSMENT]
    assert reasons == ["2026年度考核为优秀，但当年受警告处分（天纪发〔2026〕3号），不得确定为优秀"]
    admin.records.set_assessment(zhang.id, 2026, "称职")
    assert [p.name for p in admin.persons.search(flag=Flag.ASSESSMENT)] == ["李四"]
