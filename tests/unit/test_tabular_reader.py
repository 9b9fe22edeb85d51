"""The table reader: CSV in the encodings Chinese offices produce, XLSX, and every way a file goes wrong."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.errors import ValidationError
from desktop_app.tabular import (
    BinaryFileError,
    CellError,
    EmptyFileError,
    EncodingError,
    FormulaCellError,
    HeaderError,
    HeaderOnlyError,
    SheetNotFoundError,
    TableError,
    UnsupportedFormatError,
    open_table,
    read_rows,
)

ROSTER = "姓名,身份证号,单位\n张三,440106198503010035,天河区人社局\n欧阳娜娜,440106198503010051,越秀区财政局\n"


def _write(tmp_path: Path, data: bytes, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("encoding", "detected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gbk"), ("gb18030", "gbk"),
])
def test_encodings_are_detected(tmp_path: Path, encoding: str, detected: str) -> None:
    with open_table(_write(tmp_path, ROSTER.encode(encoding))) as table:
        rows = list(table)
        assert table.info.encoding == detected  # GB18030 text of common characters is GBK text
        assert table.info.headers == ("姓名", "身份证号", "单位")
    assert rows == [(2, {"姓名": "张三", "身份证号": "440106198503010035", "单位": "天河区人社局"}),
                    (3, {"姓名": "欧阳娜娜", "身份证号": "440106198503010051", "单位": "越秀区财政局"})]


def test_rare_characters_need_gb18030(tmp_path: Path) -> None:
    path = _write(tmp_path, "姓名,单位\n𠮷祥,天河区\n".encode("gb18030"))
    with open_table(path) as table:
        assert table.info.encoding == "gb18030"
        assert list(table) == [(2, {"姓名": "𠮷祥", "单位": "天河区"})]
    with open_table(_write(tmp_path, "\ufeff姓名\n𠮷祥\n".encode(), "u.csv")) as table:
        assert list(table) == [(2, {"姓名": "𠮷祥"})]  # the BOM is not part of the first header


def test_the_encoding_can_be_given(tmp_path: Path) -> None:
    path = _write(tmp_path, ROSTER.encode("gbk"))
    with open_table(path, encoding="GB18030") as table:
        assert table.info.encoding == "gb18030" and len(list(table)) == 2
    with open_table(path, encoding="cp936") as table:
        assert table.info.encoding == "gbk"
    with pytest.raises(EncodingError) as caught:
        open_table(path, encoding="utf-8")
    assert caught.value.line == 1 and caught.value.field == "encoding"
    with pytest.raises(ValidationError) as unknown:
        open_table(path, encoding="martian")
    assert unknown.value.field == "encoding"


def test_undecodable_bytes_name_their_line(tmp_path: Path) -> None:
    data = "姓名\n张三\n".encode() + b"\xff\xfe\xfd\n"
    with pytest.raises(EncodingError) as caught:
        open_table(_write(tmp_path, data))
    assert caught.value.line == 3


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \r\n\n", "\n\n".encode("utf-16")])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EmptyFileError):
        open_table(_write(tmp_path, data))


@pytest.mark.parametrize("data", ["姓名,身份证号\n", "姓名,身份证号\r\n\r\n,,\n", "\ufeff姓名\n"])
def test_header_only_files(tmp_path: Path, data: str) -> None:
    with pytest.raises(HeaderOnlyError) as caught:
        open_table(_write(tmp_path, data.encode()))
    assert caught.value.line == 1


@pytest.mark.parametrize(("data", "kind"), [
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "xlsx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "xls"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "image"),
    ("姓名\n张三\n".encode() + b"\x00\x01\x02", "binary"),
])
def test_binary_files_renamed_csv_are_refused(tmp_path: Path, data: bytes, kind: str) -> None:
    with pytest.raises(BinaryFileError) as caught:
        open_table(_write(tmp_path, data))
    assert caught.value.kind == kind and caught.value.code == "table_binary"


def test_a_real_workbook_renamed_csv_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["姓名"])  # type: ignore[union-attr]
    book.save(tmp_path / "real.xlsx")
    renamed = _write(tmp_path, (tmp_path / "real.xlsx").read_bytes(), "roster.csv")
    with pytest.raises(BinaryFileError, match=r"open it as \.xlsx"):
        open_table(renamed)


def test_legacy_formats_are_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError, match=r"save as \.xlsx or CSV"):
        open_table(_write(tmp_path, b"whatever", "old.xls"))


def test_delimiters_quotes_blank_and_ragged_rows(tmp_path: Path) -> None:
    data = "姓名\t备注\n张三\t\"多行\n备注\"\n\n李四\n王五\t好\n"
    with open_table(_write(tmp_path, data.encode("utf-8"), "r.tsv")) as table:
        assert table.info.delimiter == "\t"
        assert list(table) == [(2, {"姓名": "张三", "备注": "多行\n备注"}), (5, {"姓名": "李四", "备注": ""}),
                               (6, {"姓名": "王五", "备注": "好"})]
    with open_table(_write(tmp_path, "姓名;单位\n张三;天河\n".encode())) as table:
        assert table.info.delimiter == ";" and list(table) == [(2, {"姓名": "张三", "单位": "天河"})]


def test_values_under_no_header_and_bad_headers(tmp_path: Path) -> None:
    with pytest.raises(CellError) as caught:
        list(read_rows(_write(tmp_path, "姓名,单位\n张三,天河,,\n李四,越秀,多余\n".encode())))
    assert caught.value.line == 3
    with pytest.raises(HeaderError, match="appears twice"):
        open_table(_write(tmp_path, "姓名,姓名\n张三,张三\n".encode()))
    with pytest.raises(HeaderError, match="column B has no header"):
        open_table(_write(tmp_path, "姓名,,单位\n张三,x,天河\n".encode()))


def test_title_rows_are_skipped(tmp_path: Path) -> None:
    data = "2026年诚信教育培训班花名册,,\n制表单位：区委组织部,,\n姓名,身份证号,单位\n张三,1,天河\n"
    with open_table(_write(tmp_path, data.encode("gbk")), header_names={"姓名"}) as table:
        assert table.info.header_line == 3 and list(table) == [(4, {"姓名": "张三", "身份证号": "1", "单位": "天河"})]
    with pytest.raises(HeaderError, match="no header row naming"):
        open_table(_write(tmp_path, "甲,乙\n1,2\n".encode()), header_names={"姓名"})


def test_a_one_column_list_keeps_its_first_row_as_header(tmp_path: Path) -> None:
    with open_table(_write(tmp_path, "身份证号\n440106198503010035\n".encode())) as table:
        assert table.info.headers == ("身份证号",) and list(table) == [(2, {"身份证号": "440106198503010035"})]


# -- XLSX -------------------------------------------------------------------------------------------


def _book(tmp_path: Path, rows: list[list[object]], *, title: str = "花名册", name: str = "roster.xlsx",
          merge: tuple[str, ...] = (), more_sheets: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for ref in merge:
        sheet.merge_cells(ref)
    for other in more_sheets:
        extra = book.create_sheet(other)
        extra.append(["x", "y"])
        extra.append(["1", "2"])
    path = tmp_path / name
    book.save(path)
    return path


def test_xlsx_values_read_as_text(tmp_path: Path) -> None:
    path = _book(tmp_path, [["姓名", "学时", "天数", "日期", "合格"],
                            ["张三", 16, 2.5, datetime(2026, 3, 1), True],
                            ["李四", 8.0, None, date(2026, 3, 2), False]])
    with open_table(path) as table:
        assert table.info.format == "xlsx" and table.info.sheet == "花名册" and table.info.sheets == ("花名册",)
        assert list(table) == [
            (2, {"姓名": "张三", "学时": "16", "天数": "2.5", "日期": "2026-03-01", "合格": "TRUE"}),
            (3, {"姓名": "李四", "学时": "8", "天数": "", "日期": "2026-03-02", "合格": "FALSE"})]


def test_xlsx_formulas_are_refused_with_their_cell(tmp_path: Path) -> None:
    path = _book(tmp_path, [["姓名", "学时"], ["张三", 8], ["李四", "=B2*2"]])
    with open_table(path) as table, pytest.raises(FormulaCellError) as caught:
        list(table)
    assert (caught.value.line, caught.value.field) == (3, "B") and "B3" in caught.value.message


def test_xlsx_merged_cells_give_every_cell_their_value(tmp_path: Path) -> None:
    path = _book(tmp_path, [["2026年诚信教育培训花名册", None, None], ["姓名", "单位", "成绩"],
                            ["张三", "天河区人社局", "合格"], ["李四", None, "合格"], ["王五", "越秀区", None]],
                 merge=("A1:C1", "B3:B4"))
    with open_table(path) as table:  # the merged title repeats one text: not taken for the header
        assert table.info.header_line == 2
        assert [v["单位"] for _, v in table] == ["天河区人社局", "天河区人社局", "越秀区"]


def test_xlsx_sheets_by_name(tmp_path: Path) -> None:
    path = _book(tmp_path, [["姓名"], ["张三"]], more_sheets=("说明",))
    with open_table(path, sheet="说明") as table:
        assert table.info.headers == ("x", "y") and table.info.sheets == ("花名册", "说明")
    with pytest.raises(SheetNotFoundError) as caught:
        open_table(path, sheet="Sheet1")
    assert caught.value.sheets == ("花名册", "说明") and "花名册" in caught.value.message


def test_xlsx_empty_and_header_only_sheets(tmp_path: Path) -> None:
    with pytest.raises(EmptyFileError):
        open_table(_book(tmp_path, []))
    with pytest.raises(HeaderOnlyError):
        open_table(_book(tmp_path, [["姓名", "单位"], [None, None]], name="h.xlsx"))


def test_xlsx_long_numbers_rounded_by_excel_are_refused(tmp_path: Path) -> None:
    path = _book(tmp_path, [["姓名", "身份证号"], ["张三", "440106198503010035"], ["李四", 440106198503010051]])
    with open_table(path) as table, pytest.raises(CellError, match="more than 15 digits") as caught:
        list(table)
    assert (caught.value.line, caught.value.field) == (3, "B")


def test_xlsx_keeps_sheet_row_numbers_across_gaps(tmp_path: Path) -> None:
    path = _book(tmp_path, [["姓名"], ["张三"], [], [], ["李四"]])
    assert [line for line, _ in read_rows(path)] == [2, 5]


def test_a_broken_workbook(tmp_path: Path) -> None:
    with pytest.raises(TableError, match=r"not a readable \.xlsx"):
        open_table(_write(tmp_path, "姓名\n张三\n".encode(), "fake.xlsx"))
