"""Raw rows of one worksheet of an .xlsx workbook, read with openpyxl's streaming (read-only) reader.

Cells become text the way a person reads them: whole numbers without ".0", dates as YYYY-MM-DD.
Merged cells give every cell of the range the value of its top-left cell (a unit name merged down
a column belongs to every row). Formulas and error values are refused with their cell: a roster
must carry values, and a formula's cached result may be stale or missing. Integers longer than 15
digits are refused too: Excel has already rounded them (an ID number typed as a number).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from desktop_app.tabular.errors import CellError, FormulaCellError, SheetNotFoundError, TableError
from desktop_app.tabular.framing import CellProblems, RawRow, column_letter

MAX_EXACT = 10**15  # Excel keeps 15 significant digits
MAX_MERGED_CELLS = 1_000_000
_REF = re.compile(r"^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$")


def open_workbook(path: Path) -> Workbook:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise TableError(f"{path.name} cannot be read ({exc.strerror})", field="file") from None
    try:
        return load_workbook(handle, read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        handle.close()
        raise TableError(f"{path.name} is not a readable .xlsx workbook ({type(exc).__name__})",
                         field="file") from None


def pick_sheet(book: Workbook, sheet: str | None) -> Any:
    names = tuple(book.sheetnames)
    if sheet is None:
        if not names:
            raise SheetNotFoundError("the workbook has no sheets", sheets=names)
        sheet = names[0]
    elif sheet not in names:
        stripped = {n.strip(): n for n in names}
        if sheet.strip() not in stripped:
            raise SheetNotFoundError(f"no sheet named {sheet!r}; the workbook has: {', '.join(names)}",
                                     sheets=names)
        sheet = stripped[sheet.strip()]
    worksheet = book[sheet]
    if not hasattr(worksheet, "iter_rows"):
        raise SheetNotFoundError(f"sheet {sheet!r} is a chart, not a table", sheets=names)
    return worksheet


def xlsx_rows(path: Path, worksheet: Any, problems: CellProblems | None = None) -> Iterator[RawRow]:
    """Rows of cell texts. With ``problems``, a refused cell (formula, error value, rounded number)
    reads as "" and its error is kept under its line instead of ending the read."""
    merged = _MergedCells(_merged_ranges(path, getattr(worksheet, "_worksheet_path", None)))
    for line, row in enumerate(worksheet.iter_rows(min_row=1, min_col=1), start=1):
        if problems is None:
            cells = [_text(cell, line, col) for col, cell in enumerate(row)]
        else:
            cells = [_lenient_text(cell, line, col, problems) for col, cell in enumerate(row)]
        yield line, merged.fill(line, cells)


def _lenient_text(cell: Any, line: int, col: int, problems: CellProblems) -> str:
    try:
        return _text(cell, line, col)
    except CellError as exc:
        problems.setdefault(line, []).append(exc)
        return ""


def _text(cell: Any, line: int, col: int) -> str:
    value = cell.value
    kind = getattr(cell, "data_type", None)
    if kind == "f" or type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
        raise FormulaCellError(f"cell {column_letter(col)}{line} holds a formula; paste values instead",
                               line=line, field=column_letter(col))
    if kind == "e":
        raise CellError(f"cell {column_letter(col)}{line} holds the error value {value}", line=line,
                        field=column_letter(col))
    return cell_text(value, line, col)


def cell_text(value: object, line: int, col: int) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return repr(value)
        if abs(value) >= MAX_EXACT:
            raise CellError(f"cell {column_letter(col)}{line} holds a number of more than 15 digits that "
                            "Excel has rounded; format the column as text and enter it again",
                            line=line, field=column_letter(col))
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


class _MergedCells:
    """Top-left values copied into the rest of each merged range, row by row."""

    def __init__(self, ranges: list[tuple[int, int, int, int]]) -> None:
        self.by_row: dict[int, list[tuple[int, int, tuple[int, int]]]] = {}
        self.anchors: dict[tuple[int, int], str] = {}
        covered = 0
        for min_row, min_col, max_row, max_col in ranges:
            covered += (max_row - min_row + 1) * (max_col - min_col + 1)
            if covered > MAX_MERGED_CELLS:
                break
            for row in range(min_row, max_row + 1):
                self.by_row.setdefault(row, []).append((min_col, max_col, (min_row, min_col)))

    def fill(self, line: int, cells: list[str]) -> list[str]:
        for min_col, max_col, anchor in self.by_row.get(line, ()):
            if anchor[0] == line:
                self.anchors[anchor] = cells[min_col] if min_col < len(cells) else ""
            value = self.anchors.get(anchor, "")
            if len(cells) <= max_col:
                cells = cells + [""] * (max_col + 1 - len(cells))
            for col in range(min_col, max_col + 1):
                if (line, col) != anchor:
                    cells[col] = value
        return cells


def _merged_ranges(path: Path, member: str | None) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col), 0-based columns, from the sheet's <mergeCell> elements."""
    if not member:
        return []
    ranges: list[tuple[int, int, int, int]] = []
    with zipfile.ZipFile(path) as archive:
        if not _mentions(archive, member, b"mergeCell"):
            return []
        with archive.open(member) as source:
            for _event, element in iterparse(source, events=("end",)):
                tag = element.tag.rsplit("}", 1)[-1]
                if tag == "mergeCell":
                    parsed = _parse_ref(element.get("ref", ""))
                    if parsed:
                        ranges.append(parsed)
                if tag in ("row", "mergeCell"):
                    element.clear()
    return ranges


def _mentions(archive: zipfile.ZipFile, member: str, needle: bytes) -> bool:
    tail = b""
    with archive.open(member) as source:
        while chunk := source.read(1 << 20):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle):]
    return False


def _parse_ref(ref: str) -> tuple[int, int, int, int] | None:
    match = _REF.match(ref.replace("$", "").upper())
    if not match:
        return None
    first_col, first_row, last_col, last_row = match.groups()
    last_col, last_row = last_col or first_col, last_row or first_row
    return int(first_row), _col_index(first_col), int(last_row), _col_index(last_col)


def _col_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1
