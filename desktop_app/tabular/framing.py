"""From raw rows of cells to (line, {header: value}): header row, blank rows, ragged rows.

Both formats feed this the same thing, ``(line_number, [cell text, …])``, so CSV and XLSX tables
behave alike: leading title rows can be skipped by naming the expected headers, blank rows are
ignored, short rows are padded, and a value under no header is refused with its line.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator

from desktop_app.tabular.errors import CellError, HeaderError, HeaderNotFoundError, HeaderOnlyError

RawRow = tuple[int, list[str]]
Row = tuple[int, dict[str, str]]
CellProblems = dict[int, list[CellError]]  # line → the cells of that line that were refused
HEADER_SCAN_ROWS = 20


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (spreadsheet column names, also used for CSV columns in messages)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_blank(cells: list[str]) -> bool:
    return not any(c.strip() for c in cells)


def find_header(rows: Iterator[RawRow], header_names: Collection[str] | None
                ) -> tuple[RawRow | None, Iterator[RawRow]]:
    """The header row and the rows after it.

    With ``header_names`` the header is the first row naming one of them (title rows above it are
    skipped). Without, it is the first row with two different names (a merged title row repeats one
    text), or failing that the first non-blank row (a one-column list)."""
    wanted = {n.strip() for n in header_names} if header_names else None
    scanned: list[RawRow] = []
    for line, cells in rows:
        if is_blank(cells):
            continue
        names = {c.strip() for c in cells} - {""}
        if (wanted & names) if wanted is not None else len(names) >= 2:
            return (line, cells), rows
        scanned.append((line, cells))
        if len(scanned) >= HEADER_SCAN_ROWS:
            break
    if wanted is not None and scanned:
        raise HeaderNotFoundError(f"no header row naming any of {', '.join(sorted(wanted))} in the first "
                          f"{HEADER_SCAN_ROWS} rows", field="header")
    if not scanned:
        return None, rows
    return scanned[0], itertools.chain(scanned[1:], rows)


def clean_headers(line: int, cells: list[str]) -> tuple[str, ...]:
    headers = [c.strip() for c in cells]
    while headers and not headers[-1]:
        headers.pop()
    seen: set[str] = set()
    for index, header in enumerate(headers):
        if not header:
            raise HeaderError(f"column {column_letter(index)} has no header", line=line,
                              field=column_letter(index))
        if header in seen:
            raise HeaderError(f"the header {header!r} appears twice", line=line, field=header)
        seen.add(header)
    return tuple(headers)


def data_rows(rows: Iterator[RawRow], headers: tuple[str, ...], problems: CellProblems | None = None
              ) -> Iterator[Row]:
    """``problems``: keep a value under no header as that line's problem instead of raising."""
    width = len(headers)
    for line, cells in rows:
        values = [c.strip() for c in cells]  # once per cell: this runs for every line of the file
        if not any(values) and not (problems and line in problems):
            continue
        if any(values[width:]):
            beyond = next(i for i, value in enumerate(values[width:]) if value)
            error = CellError(f"a value stands in column {column_letter(width + beyond)} which has no header",
                              line=line, field="header")
            if problems is None:
                raise error
            problems.setdefault(line, []).append(error)
        del values[width:]
        values += [""] * (width - len(values))
        yield line, dict(zip(headers, values, strict=True))


def first_data_row(rows: Iterator[Row], header_line: int) -> Row:
    first = next(rows, None)
    if first is None:
        raise HeaderOnlyError("the file has a header row but no data rows", line=header_line, field="file")
    return first
