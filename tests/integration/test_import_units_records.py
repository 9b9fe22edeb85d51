"""Importing units and integrity records into a real archive."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import PermissionDenied
from desktop_app.importing import ImportRejected
from desktop_app.services import Services
from desktop_app.services.importing import ImportOptions, ImportService
from desktop_app.services.objections import ObjectionDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.models import AuditEntry, IntegrityRecord, Revision, Unit
from tests.conftest import sign_in
from tests.factories import TODAY, id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"
UNIT_HEADER = "单位名称,统一社会信用代码,行政区划代码,级别,上级单位\n"
RECORD_HEADER = "姓名,身份证号,记录类型,严重程度,处分,决定日期,文号,决定机关,事实\n"


def _file(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_units_with_parents_in_the_file_and_in_the_archive(admin: Services, tmp_path: Path) -> None:
    path = _file(tmp_path, UNIT_HEADER
                 + f"天河区人社局劳动监察大队,{organ_uscc(3)},440106,,天河区人社局信息中心\n"  # parent on a later line
                 + f"天河区人社局信息中心,{organ_uscc(2)},440106,县,{UNIT}\n"
                 + f"广州市人力资源和社会保障局,{organ_uscc(4, '440100')},440100,,\n"
                 + f"{UNIT},{organ_uscc(1)},440106,,广州市人力资源和社会保障局\n", "units.csv")
    importer = ImportService(admin.ctx)
    report = importer.check_units(path)
    assert (report.new, report.updates, report.unchanged, report.invalid) == (3, 1, 0, 0)
    assert [u.fields for u in report.updated] == [("parent_id",)]
    result = importer.import_units(path)
    assert (result.inserted, result.updated) == (3, 1)
    units = {u.name: u for u in admin.units.list()}
    assert units["天河区人社局劳动监察大队"].parent_id == units["天河区人社局信息中心"].id
    assert units["广州市人力资源和社会保障局"].level.value == "city"
    assert units[UNIT].parent_id == units["广州市人力资源和社会保障局"].id
    assert importer.check_units(path).unchanged == 4
    assert admin.maintenance.verify().ok


def test_unit_problems(admin: Services, tmp_path: Path) -> None:
    path = _file(tmp_path, UNIT_HEADER
                 + f"{UNIT},{organ_uscc(5)},440106,,\n"  # the name belongs to another stored unit
                 + f"甲单位,{organ_uscc(6)},440106,,没有这个单位\n"
                 + f"乙单位,{organ_uscc(7)},440106,,甲单位\n"  # its parent's line cannot be imported
                 + f"丙单位,{organ_uscc(8)},440106,,\n"
                 + f"丙单位,{organ_uscc(9)},440106,,\n", "units.csv")
    report = ImportService(admin.ctx).check_units(path)
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (2, "单位名称", "duplicate"), (3, "上级单位", "not_found"), (4, "上级单位", "not_found"),
        (6, "单位名称", "duplicate")]
    assert report.new == 1
    with pytest.raises(ImportRejected):
        ImportService(admin.ctx).import_units(path)
    assert ImportService(admin.ctx).import_units(path, ImportOptions(skip_invalid=True)).inserted == 1
    assert "丙单位" in {u.name for u in admin.units.list()}


def _record_line(doc: str, *, kind: str = "纪律处分", severity: str = "一般", sanction: str = "记过",
                 decided: str = "2025-03-01", facts: str = "违反工作纪律", name: str = "张三",
                 number: str | None = None) -> str:
    return f"{name},{number or id_number(1)},{kind},{severity},{sanction},{decided},{doc},天河区纪委监委,{facts}\n"


def test_records_import_rerun_and_correction(admin: Services, tmp_path: Path) -> None:
    path = _file(tmp_path, RECORD_HEADER + _record_line("天纪〔2025〕1号")
                 + _record_line("表彰〔2025〕2号", kind="嘉奖", severity="", sanction="", facts="表现突出")
                 + _record_line("穗罚〔2025〕3号", kind="行政处罚", severity="轻微", sanction="", name="李四",
                                number=id_number(2, female=True)), "records.csv")
    importer = ImportService(admin.ctx)
    result = importer.import_records(path)
    assert result.inserted == 3
    zhang = admin.persons.search("张三")[0]
    records = admin.records.for_person(zhang.id)
    discipline = next(r for r in records if r.document_no == "天纪〔2025〕1号")
    assert discipline.sanction is not None and discipline.sanction_end == date(2026, 3, 1)
    assert discipline.publication_start == date(2025, 3, 1) and discipline.state.value == "active"
    assert importer.check_records(path).unchanged == 3

    corrected = _file(tmp_path, RECORD_HEADER + _record_line("天纪〔2025〕1号", sanction="记大过", severity="一般"),
                      "corrected.csv")
    report = importer.check_records(corrected)
    assert [(u.line, u.fields) for u in report.updated] == [(2, ("sanction",))]
    importer.import_records(corrected)
    again = next(r for r in admin.records.for_person(zhang.id) if r.document_no == "天纪〔2025〕1号")
    assert again.id == discipline.id and again.sanction_end == date(2026, 9, 1)  # 18 months: the period follows
    with admin.ctx.read() as s:
        revision = s.scalars(select(Revision).where(Revision.entity_id == discipline.id)).one()
        assert revision.reason.startswith("批量导入")
        actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.object_id == discipline.id.hex))]
    assert actions == ["record.import", "record.correct"]
    assert admin.maintenance.verify().ok


def test_records_that_cannot_be_imported(admin: Services, tmp_path: Path) -> None:
    stored = admin.records.add(admin.persons.search("张三")[0].id, RecordDraft(
        kind="行政处罚", severity="一般", decided_on=date(2025, 5, 1), document_no="穗罚〔2025〕9号",
        authority="天河区纪委监委", facts="原事实"))
    admin.objections.file(stored.id, ObjectionDraft(received_on=TODAY, grounds="事实有误", applicant="张三"))
    path = _file(tmp_path, RECORD_HEADER
                 + _record_line("穗罚〔2025〕9号", kind="行政处罚", sanction="", decided="2025-05-01", facts="新事实")
                 + _record_line("天纪〔2025〕1号", number=id_number(9))  # nobody has this number
                 + _record_line("天纪〔2025〕2号", name="王五")  # the number is 张三's
                 + _record_line("天纪〔1980〕3号", decided="1980-01-01"), "records.csv")  # before 张三 was born
    report = ImportService(admin.ctx).check_records(path)
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (2, "文号", "illegal_state"), (3, "身份证号", "not_found"), (4, "姓名", "invalid"), (5, "决定日期", "invalid")]
    assert report.new == 0


def test_each_kind_needs_its_permission(admin: Services, tmp_path: Path) -> None:
    admin.users.add("clerk1", "clerk", "role passphrase 1")
    clerk = sign_in(admin, "clerk1", "role passphrase 1")
    try:
        path = _file(tmp_path, UNIT_HEADER + f"甲单位,{organ_uscc(6)},440106,,\n", "units.csv")
        with pytest.raises(PermissionDenied):  # clerks keep files; units are the administrator's
            ImportService(clerk.ctx).check_units(path)
        with clerk.ctx.read() as s:
            assert s.scalar(select(Unit.id).where(Unit.name == "甲单位")) is None
            assert s.scalar(select(IntegrityRecord.id)) is None
    finally:
        clerk.close()
