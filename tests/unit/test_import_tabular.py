"""What the import added to ``desktop_app.tabular``: lenient cells, missing files, and the writer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.tabular import FormulaCellError, TableError, open_table
from desktop_app.tabular.writer import escape_formula, sheet_title, table_format, text_width, write_table


def test_a_missing_file_is_a_table_error(tmp_path: Path) -> None:
    for name in ("missing.csv", "missing.xlsx"):
        with pytest.raises(TableError, match="cannot be read"):
            open_table(tmp_path / name)


def test_lenient_cells_keep_reading_and_name_each_refused_cell(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["姓名", "学时"], ["张三", 8], ["李四", "=B2*2"], [None, "=1/0"], ["王五", 123456789012345678]):
        sheet.append(row)
    book.save(tmp_path / "r.xlsx")
    with open_table(tmp_path / "r.xlsx", lenient_cells=True) as table:
        rows = list(table)
        problems = table.cell_problems
    assert rows == [(2, {"姓名": "张三", "学时": "8"}), (3, {"姓名": "李四", "学时": ""}),
                    (4, {"姓名": "", "学时": ""}),  # kept: its only value was refused
                    (5, {"姓名": "王五", "学时": ""})]
    assert sorted(problems) == [3, 4, 5] and isinstance(problems[3][0], FormulaCellError)
    assert problems[5][0].field == "B" and "15 digits" in problems[5][0].message
    path = tmp_path / "r.csv"
    path.write_text("姓名,单位\n张三,天河,多余\n李四,越秀\n", encoding="utf-8")
    with open_table(path, lenient_cells=True) as table:
        assert [line for line, _ in table] == [2, 3] and list(table.cell_problems) == [2]


def test_a_formula_in_the_header_row_still_refuses_the_file(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "=A1"])
    sheet.append(["张三", "x"])
    book.save(tmp_path / "h.xlsx")
    with pytest.raises(FormulaCellError):
        open_table(tmp_path / "h.xlsx", lenient_cells=True, header_names={"姓名"})


def test_writer_escapes_formulas_and_writes_excel_friendly_files(tmp_path: Path) -> None:
    assert [escape_formula(v) for v in ("=1+1", "+86", "-3", "@A1", "\tx", "张三", 5, None)] == [
        "'=1+1", "'+86", "'-3", "'@A1", "'\tx", "张三", 5, None]
    rows = [("张三", "=HYPERLINK(\"http://x\")", 3, date(2026, 1, 5)), ("李四", None, -2, None)]
    assert write_table(tmp_path / "t.csv", "名单", ("姓名", "备注", "数", "日期"), rows) == 2
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert raw.decode("utf-8-sig").splitlines()[1] == "张三,\"'=HYPERLINK(\"\"http://x\"\")\",3,2026-01-05"
    write_table(tmp_path / "t.xlsx", "名单:2026/1", ("姓名", "备注", "数", "日期"), rows)
    sheet = load_workbook(tmp_path / "t.xlsx").active
    assert sheet is not None and sheet.title == "名单20261" and sheet.freeze_panes == "A2"
    assert sheet["B2"].value == "'=HYPERLINK(\"http://x\")" and sheet["B2"].data_type == "s"
    assert sheet["C3"].value == -2 and sheet["A1"].font.bold
    assert not list(tmp_path.glob("*.part"))


def test_writer_refuses_other_formats_and_missing_folders(tmp_path: Path) -> None:
    with pytest.raises(TableError, match=r"\.xlsx or \.csv"):
        table_format(tmp_path / "x.xls")
    with pytest.raises(TableError, match="does not exist"):
        write_table(tmp_path / "no" / "x.csv", "t", ("a",), [])
    assert text_width("张三ab") == 6 and sheet_title("") == "Sheet1" and len(sheet_title("很" * 40)) == 31
