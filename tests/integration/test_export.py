"""Exports to XLSX and CSV: masked ID numbers, audited full-ID exports, formula escaping, round trips."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_app.domain.consequences import Flag
from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.services import Services
from desktop_app.services.exporting import PERSON_HEADERS, ExportService
from desktop_app.services.importing import ImportService
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.services.reports import REPORTS, ReportTable
from desktop_app.store.models import AuditEntry
from desktop_app.tabular import TableError
from tests.conftest import sign_in
from tests.factories import id_number

UNIT = "广州市天河区人力资源和社会保障局"


def _audits(services: Services, action: str) -> list[AuditEntry]:
    with services.ctx.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)))


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_persons_xlsx_masks_ids_and_looks_right(admin: Services, tmp_path: Path) -> None:
    result = ExportService(admin.ctx).persons(tmp_path / "人员.xlsx")
    assert (result.rows, result.format, result.full_ids) == (2, "xlsx", False)
    sheet = load_workbook(result.path).active
    assert sheet is not None
    assert tuple(c.value for c in sheet[1]) == PERSON_HEADERS and sheet[1][0].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["E"].width >= 30  # the unit's long Chinese name fits
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["张三"][1] == f"440106********{id_number(1)[-4:]}" and values["张三"][4] == UNIT
    audit = _audits(admin, "export.persons")[-1]
    assert audit.detail == {"file": "人员.xlsx", "format": "xlsx", "rows": 2, "full_ids": False}


def test_persons_csv_follows_the_search_and_full_ids_need_permission(admin: Services, tmp_path: Path) -> None:
    exporter = ExportService(admin.ctx)
    result = exporter.persons(tmp_path / "p.csv", text="zs", full_ids=True)
    rows = _csv_rows(result.path)
    assert rows[0] == list(PERSON_HEADERS) and [r[0] for r in rows[1:]] == ["张三"]
    assert rows[1][1] == id_number(1)
    audit = _audits(admin, "export.persons")[-1]
    assert audit.detail["full_ids"] is True and audit.detail["search"] == "zs"
    admin.users.add("reviewer1", "reviewer", "role passphrase 1")
    reviewer = sign_in(admin, "reviewer1", "role passphrase 1")
    try:
        with pytest.raises(PermissionDenied):
            ExportService(reviewer.ctx).persons(tmp_path / "full.csv", full_ids=True)
        assert not (tmp_path / "full.csv").exists()
        masked = ExportService(reviewer.ctx).persons(tmp_path / "masked.csv", descending=True)
        assert [r[0] for r in _csv_rows(masked.path)[1:]] == ["张三", "李四"]  # pinyin order, reversed
    finally:
        reviewer.close()


def test_formulas_are_escaped(admin: Services, tmp_path: Path) -> None:
    admin.persons.add(PersonDraft(name="王五", id_number=id_number(3), unit_name=UNIT, post="=HYPERLINK(\"x\")",
                                  rank="+1", category="@SUM(A1)"))
    path = ExportService(admin.ctx).persons(tmp_path / "p.xlsx", text="王五").path
    sheet = load_workbook(path).active
    assert sheet is not None
    row = [c for c in sheet[2]]
    assert [c.value for c in row[5:8]] == ["'=HYPERLINK(\"x\")", "'+1", "'@SUM(A1)"]
    assert all(c.data_type == "s" for c in row)
    rows = _csv_rows(ExportService(admin.ctx).persons(tmp_path / "p.csv", text="王五").path)
    assert rows[1][5:8] == ["'=HYPERLINK(\"x\")", "'+1", "'@SUM(A1)"]


def test_a_full_export_imports_back_unchanged(admin: Services, tmp_path: Path) -> None:
    exported = ExportService(admin.ctx).persons(tmp_path / "all.xlsx", full_ids=True).path
    report = ImportService(admin.ctx).check_persons(exported)
    assert (report.unchanged, report.new, report.updates, report.invalid) == (2, 0, 0, 0)
    zhang = admin.persons.search("张三")[0]
    admin.records.add(zhang.id, RecordDraft(kind="纪律处分", severity="一般", sanction="警告",
                                            decided_on=date(2026, 1, 5), document_no="天纪〔2026〕1号",
                                            authority="天河区纪委监委", facts="=违反纪律"))
    records = ExportService(admin.ctx).records(tmp_path / "records.csv", full_ids=True).path
    rows = _csv_rows(records)
    assert rows[1][:4] == ["张三", id_number(1), UNIT, "纪律处分"] and rows[1][10] == "'=违反纪律"
    units = ExportService(admin.ctx).units(tmp_path / "units.xlsx").path
    assert ImportService(admin.ctx).check_units(units).unchanged == 1


def test_reports_and_tables(admin: Services, tmp_path: Path) -> None:
    exporter = ExportService(admin.ctx)
    for kind in sorted(REPORTS):
        result = exporter.report(kind, tmp_path / f"{kind}.xlsx", year=2026)
        assert result.path.exists(), kind
    assert len(_audits(admin, "export.report." + sorted(REPORTS)[0])) == 1
    table = ReportTable("名单", ("姓名", "身份证号", "备注"), (("张三", id_number(1), "-1"),))
    rows = _csv_rows(exporter.table(table, tmp_path / "list.csv", source="persons-page").path)
    assert rows[1] == ["张三", f"440106********{id_number(1)[-4:]}", "'-1"]  # a list never leaks a full number


def test_bad_targets(admin: Services, tmp_path: Path) -> None:
    exporter = ExportService(admin.ctx)
    with pytest.raises(TableError, match=r"\.xlsx or \.csv"):
        exporter.persons(tmp_path / "p.pdf")
    with pytest.raises(TableError, match="does not exist"):
        exporter.persons(tmp_path / "missing" / "p.csv")
    with pytest.raises(ValidationError, match="unknown report"):
        exporter.report("nonsense", tmp_path / "r.csv")
    assert exporter.persons(tmp_path / "flagged.csv", flag=Flag.RESTRICTED_AWARDS).rows == 0
    admin.users.add("auditor1", "auditor", "role passphrase 1")
    auditor = sign_in(admin, "auditor1", "role passphrase 1")
    try:
        with pytest.raises(PermissionDenied):
            ExportService(auditor.ctx).persons(tmp_path / "p.csv")
    finally:
        auditor.close()
    assert not (tmp_path / "p.csv").exists()
