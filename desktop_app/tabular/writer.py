"""Writing tables people open in Excel or WPS: XLSX (streamed) and CSV in UTF-8 with a BOM.

* XLSX: bold Chinese headers, column widths from the widest of the first ``WIDTH_SAMPLE`` rows
  (a CJK character counts two), the header row frozen; openpyxl's write-only mode streams rows, so
  100,000 rows do not build 1,000,000 cell objects.
* CSV: UTF-8 with a BOM, which is what makes Excel on a Chinese Windows read it as UTF-8 instead
  of GBK; CRLF line ends.
* Both: a text cell starting with = + - @ (or a tab or carriage return) would run as a formula
  when the file is opened (formula injection, OWASP "CSV injection"); it is written with a leading
  apostrophe, as text.

Files are written to ``<name>.part`` and renamed, so a failed export never leaves half a file
under the name the user chose.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from desktop_app.tabular.errors import TableError

Value = str | int | float | date | datetime | None
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
WIDTH_SAMPLE = 2000
MAX_WIDTH = 60
MAX_SHEET_TITLE = 31
FORMATS = {".xlsx": "xlsx", ".csv": "csv"}


def escape_formula(value: Value) -> Value:
    """Text that a spreadsheet would take for a formula, made plain text ('=1+1 → '=1+1)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table_format(path: Path) -> str:
    """"xlsx" or "csv" from the file name's suffix."""
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise TableError(f"{Path(path).name}: export to a .xlsx or .csv file", field="file")
    return found


def write_table(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Value]]) -> int:
    """Write ``rows`` under ``headers`` to ``path`` (.xlsx or .csv); returns the number of rows."""
    path = Path(path)
    kind = table_format(path)
    if not path.parent.is_dir():
        raise TableError(f"folder {path.parent} does not exist", field="file")
    part = path.with_name(path.name + ".part")
    try:
        count = (_write_xlsx if kind == "xlsx" else _write_csv)(part, title, headers, rows)
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise TableError(f"{path.name} cannot be written ({exc.strerror})", field="file") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return count


def _write_csv(path: Path, _title: str, headers: Sequence[str], rows: Iterable[Sequence[Value]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle, lineterminator="\r\n")
        out.writerow(headers)
        for row in rows:
            out.writerow(["" if v is None else _csv_text(escape_formula(v)) for v in row])
            count += 1
    return count


def _csv_text(value: Value) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _write_xlsx(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Value]]) -> int:
    rows = rows if isinstance(rows, list) else list(rows)  # widths need a look at the rows first
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(title))
    widths = [text_width(h) for h in headers]
    for row in rows[:WIDTH_SAMPLE]:
        widths = [max(w, text_width(_shown(v))) for w, v in zip(widths, row, strict=False)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=str(escape_formula(header)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
    book.save(path)
    return len(rows)


def _xlsx_value(value: Value) -> Value:
    if isinstance(value, str):
        # openpyxl drops characters XML cannot hold; controls have no place in a report anyway
        return escape_formula(value.translate(_XML_ILLEGAL))
    return value


_XML_ILLEGAL = {c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}


def _shown(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def text_width(text: str) -> int:
    """Display width in Excel's units: a CJK (wide) character counts two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def sheet_title(text: str) -> str:
    """A valid worksheet name: no []:*?/\\, at most 31 characters, not empty."""
    cleaned = "".join(ch for ch in text if ch not in "[]:*?/\\").strip().strip("'")
    return (cleaned or "Sheet1")[:MAX_SHEET_TITLE]
