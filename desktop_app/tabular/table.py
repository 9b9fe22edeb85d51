"""An open table: what was found about the file (``TableInfo``) and its data rows (``Table``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop_app.tabular.framing import CellProblems, Row


@dataclass(frozen=True, slots=True)
class TableInfo:
    path: Path
    format: str                      # "csv" or "xlsx"
    headers: tuple[str, ...]
    header_line: int
    encoding: str | None = None      # CSV: the codec used (detected or given)
    delimiter: str | None = None     # CSV
    sheet: str | None = None         # XLSX: the sheet read
    sheets: tuple[str, ...] = field(default=())  # XLSX: every sheet of the workbook


class Table:
    """An open table; iterate it for the data rows. Use as a context manager (closes the workbook)."""

    def __init__(self, info: TableInfo, rows: Iterator[Row], closer: Any = None,
                 cell_problems: CellProblems | None = None) -> None:
        self.info = info
        self._rows = rows
        self._closer = closer
        # lenient_cells: refused cells by line, filled as rows are read (take a line's with ``pop``)
        self.cell_problems: CellProblems = cell_problems if cell_problems is not None else {}

    def __iter__(self) -> Iterator[Row]:
        return self._rows

    def close(self) -> None:
        if self._closer is not None:
            self._closer.close()
            self._closer = None

    def __enter__(self) -> Table:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
