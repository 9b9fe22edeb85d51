"""Header recognition, mappings and mapping templates of the import (no database, no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.importing import ColumnMapping, ImportKind, MappingError, load_template, save_template
from desktop_app.importing.fields import FIELDS, header_key, recognise
from desktop_app.importing.mapping import auto_mapping, check_mapping

P = ImportKind.PERSONS


@pytest.mark.parametrize(("header", "field"), [
    ("姓名", "name"), ("公民身份号码", "id_number"), ("身份证号", "id_number"), ("身份证号码", "id_number"),
    ("身份证号（18位）", "id_number"), ("  身份证号 * ", "id_number"), ("公民身份号码＊", "id_number"),
    ("单位", "unit"), ("工作单位", "unit"), ("统一社会信用代码", "unit_uscc"), ("职务", "post"), ("职级", "rank"),
    ("ｉｄ＿ｎｕｍｂｅｒ", "id_number"), ("ID_Number", "id_number"), ("人员状态", "status"), ("出生日期", "birth_date"),
])
def test_person_headers_are_recognised(header: str, field: str) -> None:
    assert recognise(P, header) == field


@pytest.mark.parametrize(("kind", "header", "field"), [
    (ImportKind.UNITS, "统一社会信用代码", "uscc"), (ImportKind.UNITS, "行政区划代码", "division_code"),
    (ImportKind.UNITS, "单位名称", "name"), (ImportKind.UNITS, "上级单位", "parent"),
    (ImportKind.RECORDS, "记录类型", "kind"), (ImportKind.RECORDS, "严重程度", "severity"),
    (ImportKind.RECORDS, "处分", "sanction"), (ImportKind.RECORDS, "决定日期", "decided_on"),
    (ImportKind.RECORDS, "文号", "document_no"), (ImportKind.RECORDS, "决定机关", "authority"),
    (ImportKind.RECORDS, "事实", "facts"), (ImportKind.RECORDS, "身份证号", "id_number"),
    (ImportKind.ATTENDANCE, "请假学时", "leave_hours"), (ImportKind.ATTENDANCE, "成绩", "result"),
])
def test_headers_of_the_other_kinds(kind: ImportKind, header: str, field: str) -> None:
    assert recognise(kind, header) == field


def test_unknown_headers_and_normalisation() -> None:
    assert recognise(P, "备注") is None and recognise(P, "") is None
    assert header_key(" 身份证　号 ") == "身份证号"
    for kind, specs in FIELDS.items():  # every field's own label names it
        assert all(recognise(kind, spec.label) == spec.key for spec in specs), kind


def test_auto_mapping_keeps_the_first_of_two_columns_for_one_field() -> None:
    mapping = auto_mapping(P, ["序号", "姓名", "身份证号", "公民身份号码", "单位"])
    assert mapping.as_dict() == {"序号": None, "姓名": "name", "身份证号": "id_number", "公民身份号码": None,
                                 "单位": "unit"}
    assert mapping.unmapped == ("序号", "公民身份号码")
    check_mapping(mapping)


def test_a_template_overrides_recognition() -> None:
    template = ColumnMapping.of(P, {"证件": "id_number", "身份证号": None})
    mapping = auto_mapping(P, ["姓名", "证件", "身份证号", "工作单位"], template)
    assert mapping.as_dict() == {"姓名": "name", "证件": "id_number", "身份证号": None, "工作单位": "unit"}


def test_mappings_that_cannot_work_are_refused() -> None:
    with pytest.raises(MappingError) as missing:
        check_mapping(auto_mapping(P, ["姓名", "单位"]))
    assert missing.value.missing == ("id_number",) and "公民身份号码" in missing.value.message
    with pytest.raises(MappingError) as no_unit:
        check_mapping(auto_mapping(P, ["姓名", "身份证号"]))
    assert no_unit.value.missing == ("unit",)
    with pytest.raises(MappingError, match="both mapped"):
        check_mapping(ColumnMapping.of(P, {"姓名": "name", "名字": "name", "身份证号": "id_number", "单位": "unit"}))
    with pytest.raises(MappingError, match="do not have"):
        check_mapping(ColumnMapping.of(P, {"x": "salary"}))
    check_mapping(ColumnMapping.of(P, {"a": "name", "b": "id_number", "c": "unit_uscc"}))  # a code names the unit


def test_templates_round_trip(tmp_path: Path) -> None:
    mapping = ColumnMapping.of(P, {"证件": "id_number", "所在科室": None, "人名": "name"})
    path = save_template(mapping, tmp_path / "花名册模板.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["kind"] == "persons" and data["columns"]["所在科室"] is None and "证件" in path.read_text("utf-8")
    assert load_template(path, P) == mapping
    assert load_template(path) == mapping


@pytest.mark.parametrize(("content", "message"), [
    (b"\x00\x01binary", "not a mapping template"),
    (b"[1, 2]", "not a mapping template"),
    (b'{"format": "integrity-files-mapping", "version": 9, "kind": "persons", "columns": {}}', "version 9"),
    (b'{"format": "integrity-files-mapping", "version": 1, "kind": "units", "columns": {}}', "not persons"),
    (b'{"format": "integrity-files-mapping", "version": 1, "kind": "persons", "columns": {"a": 1}}', "columns"),
    (b'{"format": "integrity-files-mapping", "version": 1, "kind": "persons", "columns": {"a": "pay"}}', "pay"),
])
def test_bad_templates_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "t.json"
    path.write_bytes(content)
    with pytest.raises(MappingError, match=message):
        load_template(path, P)
    with pytest.raises(MappingError, match="cannot be read"):
        load_template(tmp_path / "missing.json", P)


def test_blank_templates_read_back_with_every_field_recognised(tmp_path: Path) -> None:
    from desktop_app.importing.templates import template_headers, write_blank_template
    from desktop_app.tabular import HeaderOnlyError, open_table

    for kind in ImportKind:
        headers = template_headers(kind)
        assert all(recognise(kind, h) for h in headers), kind
        path = write_blank_template(kind, tmp_path / f"{kind.value}.xlsx")
        with pytest.raises(HeaderOnlyError):  # headers and no rows: ready to fill in
            open_table(path)
    assert template_headers(P)[:3] == ("姓名*", "公民身份号码*", "单位")


def test_the_import_core_does_not_import_qt() -> None:
    root = Path(__file__).resolve().parents[2] / "desktop_app"
    files = [*(root / "importing").rglob("*.py"), *(root / "tabular").rglob("*.py"),
             root / "services" / "importing.py", root / "services" / "exporting.py",
             root / "cli" / "import_commands.py"]
    assert [str(f) for f in files if "PySide6" in f.read_text(encoding="utf-8")] == []
