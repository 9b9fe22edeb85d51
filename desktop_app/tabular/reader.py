"""Open a CSV or XLSX table and read it as (line_number, {header: value}) rows.

``open_table`` reads the header and the first data row at once, so an empty, header-only, binary
or mis-encoded file fails before anything else happens; the remaining rows stream. The line
number is the file's line (CSV, where a record starts) or the sheet's row number (XLSX): the
number a person sees in their editor, for error messages.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from desktop_app.tabular.csv_stream import open_csv_stream
from desktop_app.tabular.errors import EmptyFileError, UnsupportedFormatError
from desktop_app.tabular.framing import (
    CellProblems,
    RawRow,
    Row,
    clean_headers,
    data_rows,
    find_header,
    first_data_row,
)
from desktop_app.tabular.table import Table, TableInfo
from desktop_app.tabular.xlsx_source import open_workbook, pick_sheet, xlsx_rows

XLSX_SUFFIXES = (".xlsx", ".xlsm")
REFUSED_SUFFIXES = {".xls": "legacy Excel (.xls)", ".et": "WPS (.et)", ".ods": "OpenDocument (.ods)",
                    ".numbers": "Numbers"}


def open_table(path: Path | str, *, encoding: str | None = None, sheet: str | None = None,
               header_names: Collection[str] | None = None, delimiter: str | None = None,
               lenient_cells: bool = False) -> Table:
    """Open ``path``: .xlsx/.xlsm as a workbook (``sheet`` or the first), anything else as CSV text
    (``encoding`` or detected; ``delimiter`` or guessed among comma, tab and semicolon).

    ``lenient_cells``: a refused data cell (a formula, an error value, a number Excel rounded, a
    value under no header) does not end the read; it reads as "" and its ``CellError`` waits in
    ``Table.cell_problems`` under its line, so an importer can report every bad line at once."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        raise UnsupportedFormatError(f"{REFUSED_SUFFIXES[suffix]} files are not read; save as .xlsx or CSV",
                                     field="file")
    if suffix in XLSX_SUFFIXES:
        return _open_xlsx(path, sheet, header_names, {} if lenient_cells else None)
    return open_csv_stream(path, encoding=encoding, header_names=header_names, delimiter=delimiter,
                           lenient_cells=lenient_cells)


def read_rows(path: Path | str, **options: Any) -> Iterator[Row]:
    """The data rows of a table, closing it at the end (``open_table``'s options)."""
    with open_table(path, **options) as table:
        yield from table


def _open_xlsx(path: Path, sheet: str | None, header_names: Collection[str] | None,
               problems: CellProblems | None) -> Table:
    book = open_workbook(path)
    try:
        worksheet = pick_sheet(book, sheet)
        headers, header_line, rows = _frame(xlsx_rows(path, worksheet, problems), header_names, problems)
    except BaseException:
        book.close()
        raise
    info = TableInfo(path, "xlsx", headers, header_line, sheet=worksheet.title, sheets=tuple(book.sheetnames))
    return Table(info, rows, book, cell_problems=problems)


def _frame(raw: Iterator[RawRow], header_names: Collection[str] | None, problems: CellProblems | None = None
           ) -> tuple[tuple[str, ...], int, Iterator[Row]]:
    header, rest = find_header(raw, header_names)
    if header is None:
        raise EmptyFileError("the file has no rows", field="file")
    line, cells = header
    if problems and line in problems:  # the header row itself must be plain text
        raise problems[line][0]
    headers = clean_headers(line, cells)
    rows = data_rows(rest, headers, problems)
    first = first_data_row(rows, line)
    return headers, line, itertools.chain([first], rows)
