"""Checking the lines of an import file, field by field, without a database."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from desktop_app.errors import ValidationError
from desktop_app.importing import ImportKind, MappingError
from desktop_app.importing.engine import Checked, check_lines
from desktop_app.importing.persons import PersonImporter
from desktop_app.importing.records import RecordImporter
from desktop_app.importing.source import open_source
from desktop_app.importing.units import UnitImporter
from desktop_app.importing.values import parse_date, person_name, sanction, year_month
from tests.factories import TODAY, id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"


def _check(tmp_path: Path, kind: ImportKind, text: str, name: str = "f.csv") -> Checked[Any]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    importer = {ImportKind.PERSONS: PersonImporter(), ImportKind.UNITS: UnitImporter(),
                ImportKind.RECORDS: RecordImporter()}[kind]
    with open_source(kind, path) as source:
        return check_lines(importer, source, TODAY, lambda d, t: None, lambda: False, 0)


def _reasons(checked: Checked[Any]) -> list[tuple[int, str, str, str]]:
    return [(p.line, p.letter, p.column, p.message) for p in checked.problems]


def test_values_offices_write() -> None:
    for text in ("2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日", "20250301", "2025-03-01 00:00:00",
                 "２０２５－０３－０１"):
        assert parse_date(text, "decided_on") == date(2025, 3, 1), text
    for bad in ("2025-02-30", "3/1/2025", "", "昨天"):
        with pytest.raises(ValidationError):
            parse_date(bad, "decided_on")
    assert person_name("张  三") == "张三" and person_name("张　三") == "张三"
    assert person_name("买买提•艾力") == "买买提·艾力"
    assert person_name("John Smith") == "John Smith"
    assert sanction("记过处分").value == "demerit" and sanction("政务警告").value == "warning"
    assert year_month("1985.03") == (1985, 3) and year_month("1985年3月") == (1985, 3)
    assert year_month("1985.13") is None


def test_a_good_persons_file(tmp_path: Path) -> None:
    checked = _check(tmp_path, ImportKind.PERSONS,
                     "姓名,身份证号,单位,职务,性别,出生日期,状态\n"
                     f"张  三,{id_number(1)},{UNIT},科长,男,1985-03-01,在职\n"
                     f"李四,{id_number(2, female=True).lower()},{organ_uscc(1)},,女,1985.03,\n")
    assert checked.problems == [] and checked.lines == 2
    first, second = checked.items
    assert (first.name, first.post, first.status, first.gender) == ("张三", "科长", "serving", "male")
    assert second.id_number == id_number(2, female=True) and second.post is None and second.status is None


def test_every_bad_column_of_a_line_is_named(tmp_path: Path) -> None:
    bad_check = id_number(1)[:-1] + ("0" if id_number(1)[-1] != "0" else "1")
    checked = _check(tmp_path, ImportKind.PERSONS,
                     "姓名,公民身份号码,单位,状态,性别\n"
                     f",{bad_check},{UNIT},在岗,男\n"
                     f"王五,440106198502300011,,,女\n"
                     f"赵六,4.40106E+17,{UNIT},,\n"
                     f"钱七,{id_number(3)},{UNIT},,女\n")
    reasons = _reasons(checked)
    assert [r[:3] for r in reasons if r[0] == 2] == [(2, "A", "姓名"), (2, "B", "公民身份号码"), (2, "D", "状态")]
    assert "check character" in reasons[1][3]
    assert [r[:3] for r in reasons if r[0] == 3] == [(3, "B", "公民身份号码"), (3, "C", "单位")]
    assert "not a real date" in reasons[3][3] and "unit is required" in reasons[4][3]
    assert "turned into a number by Excel" in next(r for r in reasons if r[0] == 4)[3]
    assert [r[:3] for r in reasons if r[0] == 5] == [(5, "E", "性别")]  # the number is a man's
    assert checked.items == [] and checked.invalid_lines == {2, 3, 4, 5}


def test_an_id_number_twice_in_the_file(tmp_path: Path) -> None:
    checked = _check(tmp_path, ImportKind.PERSONS,
                     f"姓名,身份证号,单位\n张三,{id_number(1)},{UNIT}\n李四,{id_number(2)},{UNIT}\n"
                     f"张三,{id_number(1)},{UNIT}\n")
    assert _reasons(checked) == [(4, "B", "身份证号", "the ID number repeats line 2 of the file")]
    assert [i.line for i in checked.items] == [2, 3]


def test_units_lines(tmp_path: Path) -> None:
    outside = organ_uscc(7, division="110101")
    checked = _check(tmp_path, ImportKind.UNITS,
                     "单位名称,统一社会信用代码,行政区划代码,级别,上级单位\n"
                     f"天河区人社局,{organ_uscc(1)},440106,,\n"
                     f"北京某局,{outside},440106,,\n"
                     f"越秀区财政局,{organ_uscc(2)},449999,区,\n"
                     f"自己,{organ_uscc(3)},440106,,自己\n")
    reasons = _reasons(checked)
    assert [(r[0], r[1]) for r in reasons] == [(3, "B"), (4, "C"), (4, "D"), (5, "E")]
    assert "Guangdong" in reasons[0][3] and "own parent" in reasons[3][3]
    assert [(u.name, u.default_level) for u in checked.items] == [("天河区人社局", "county")]


def test_records_lines(tmp_path: Path) -> None:
    checked = _check(tmp_path, ImportKind.RECORDS,
                     "身份证号,记录类型,严重程度,处分,决定日期,文号,决定机关,事实\n"
                     f"{id_number(1)},纪律处分,一般,记过处分,2025-03-01,天纪〔2025〕1号,天河区纪委,违反纪律\n"
                     f"{id_number(1)},行政处罚,,,2025-03-01,穗罚〔2025〕2号,市监局,违规\n"
                     f"{id_number(1)},嘉奖,,警告,2025-03-01,表彰〔2025〕3号,区政府,表现突出\n"
                     f"{id_number(1)},纪律处分,一般,记过,2099-01-01,天纪〔2025〕4号,天河区纪委,违反纪律\n"
                     f"{id_number(1)},处分,一般,,2025-03-01,,天河区纪委,\n"
                     f"{id_number(1)},纪律处分,一般,记过,2025-03-01,天纪〔2025〕1号,天河区纪委,重复\n")
    reasons = _reasons(checked)
    assert [(r[0], r[2]) for r in reasons] == [(3, "严重程度"), (4, "处分"), (5, "决定日期"), (6, "记录类型"),
                                              (6, "文号"), (6, "事实"), (7, "文号")]
    assert "severity is required" in reasons[0][3] and "repeats line 2" in reasons[-1][3]
    assert [r.record.sanction.value for r in checked.items] == ["demerit"]  # type: ignore[union-attr]


def test_formulas_and_rounded_numbers_in_xlsx_are_problems_of_their_line(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号", "单位"])
    sheet.append(["张三", id_number(1), UNIT])
    sheet.append(["李四", int(id_number(2)), UNIT])
    sheet.append(["王五", id_number(3), "=A2"])
    book.save(tmp_path / "p.xlsx")
    with open_source(ImportKind.PERSONS, tmp_path / "p.xlsx") as source:
        checked = check_lines(PersonImporter(), source, TODAY, lambda d, t: None, lambda: False, 0)
    reasons = _reasons(checked)
    assert [(r[0], r[1], r[2]) for r in reasons] == [(3, "B", "身份证号"), (4, "C", "单位")]
    assert "15 digits" in reasons[0][3] and "formula" in reasons[1][3]
    assert [i.line for i in checked.items] == [2]


def test_a_file_without_the_columns_a_kind_needs(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("甲,乙\n1,2\n", encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        open_source(ImportKind.PERSONS, path)
    assert caught.value.missing == ("name", "id_number", "unit")
    with open_source(ImportKind.PERSONS, path, check=False) as source:  # the wizard maps them by hand
        assert source.info.headers == ("甲", "乙") and source.mapping.unmapped == ("甲", "乙")
