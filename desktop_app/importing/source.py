"""A file opened for import: the table reader (``desktop_app.tabular``; a CSV streamed by
``tabular.csv_stream``, so a file of a million lines is never held whole) plus a column mapping.

Rows come out as ``SourceRow``: the line, ``{field: text}`` for the mapped columns, and the cells
the reader refused on that line (formulas, error values, numbers Excel rounded), which become
problems of that line instead of ending the read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from desktop_app.errors import ValidationError
from desktop_app.importing.fields import ImportKind, all_aliases
from desktop_app.importing.mapping import ColumnMapping, auto_mapping, check_mapping
from desktop_app.importing.report import Problem
from desktop_app.tabular import HeaderNotFoundError, Table, TableInfo, open_table
from desktop_app.tabular.errors import CellError
from desktop_app.tabular.framing import column_letter

MAX_ROWS = 1_000_000  # data lines of one file (the import streams; the limit bounds its time)


@dataclass(frozen=True, slots=True)
class SourceRow:
    line: int
    values: dict[str, str]               # field → cell text (mapped fields only)
    cell_problems: tuple[Problem, ...]   # cells of this line the reader refused


class ImportSource:
    """Use as a context manager; iterate for the rows."""

    def __init__(self, kind: ImportKind, table: Table, mapping: ColumnMapping) -> None:
        self.kind = kind
        self.table = table
        self.info: TableInfo = table.info
        self.mapping = mapping
        index = {header: i for i, header in enumerate(self.info.headers)}
        self.columns: dict[str, tuple[str, str]] = {  # field → (header, column letter)
            key: (header, column_letter(index[header])) for header, key in mapping.columns
            if key is not None and header in index}
        self._pairs = [(header, key) for header, key in mapping.columns if key is not None and header in index]
        self._letters = {column_letter(i): header for header, i in index.items()}

    def column(self, field: str) -> tuple[str, str]:
        """(header, letter) of a field's column, or ("", "") when no column fills it."""
        return self.columns.get(field, ("", ""))

    def __iter__(self) -> Iterator[SourceRow]:
        pending = self.table.cell_problems
        for count, (line, cells) in enumerate(self.table, start=1):
            if count > MAX_ROWS:
                raise ValidationError(f"the file has more than {MAX_ROWS:,} lines; split it into smaller files",
                                      field="file", line=line)
            values = {key: cells[header] for header, key in self._pairs}
            refused = pending.pop(line, None)
            yield SourceRow(line, values, tuple(self._problem(line, e) for e in refused) if refused else ())

    def _problem(self, line: int, error: CellError) -> Problem:
        letter = error.field if error.field in self._letters else ""
        header = self._letters.get(letter, "")
        field = self.mapping.field_of(header) if header else None
        return Problem(line, header, letter, field, error.code, error.message)

    def close(self) -> None:
        self.table.close()

    def __enter__(self) -> ImportSource:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_source(kind: ImportKind, path: Path, *, encoding: str | None = None, sheet: str | None = None,
                mapping: ColumnMapping | None = None, check: bool = True) -> ImportSource:
    """Open ``path`` for a ``kind`` import. ``mapping`` (from the wizard or a template) decides the
    headers it names; the others are recognised. ``check``: refuse a mapping that cannot work."""
    if mapping is not None and mapping.kind is not kind:
        raise ValidationError(f"the mapping is for {mapping.kind.value}, not {kind.value}", field="mapping")
    names = set(all_aliases(kind)) | ({h for h, _ in mapping.columns} if mapping else set())
    try:
        table = _open_table(Path(path), encoding, sheet, names)
    except HeaderNotFoundError:
        # No header we know: take the first row with names, for the user to map in the wizard.
        table = _open_table(Path(path), encoding, sheet, None)
    try:
        final = auto_mapping(kind, table.info.headers, mapping)
        if check:
            check_mapping(final)
    except BaseException:
        table.close()
        raise
    return ImportSource(kind, table, final)


def _open_table(path: Path, encoding: str | None, sheet: str | None, names: set[str] | None) -> Table:
    return open_table(path, encoding=encoding, sheet=sheet, header_names=names, lenient_cells=True)


def estimate_rows(info: TableInfo) -> int:
    """About how many data lines the file has, for a progress bar (0: unknown)."""
    if info.format != "csv":
        return 0
    count = 0
    try:
        with info.path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
    except OSError:
        return 0
    return max(count - info.header_line + 1, 0)
