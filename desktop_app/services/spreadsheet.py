"""XLSX output of tables (openpyxl): Chinese headers, column widths, frozen header row, and cells
that would start a formula escaped (CSV/formula injection)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from desktop_app.services.reports import Cell, ReportTable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_xlsx(path: Path, table: ReportTable) -> None:
    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = table.title[:31]
    sheet.append(list(table.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [_width(h) for h in table.headers]
    for row in table.rows:
        sheet.append([safe_cell(c) for c in row])
        widths = [max(w, _width("" if c is None else str(c))) for w, c in zip(widths, row, strict=True)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
    sheet.freeze_panes = "A2"
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    tmp.replace(path)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
