"""What a dry run finds and what an import did: frozen values for the CLI, the wizard and tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.errors import ValidationError
from desktop_app.importing.fields import ImportKind

MAX_LISTED = 5000  # problems and updates listed in a report (counts stay exact)


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a line cannot be imported. ``column`` is the header as written in the file
    (with ``letter``, the spreadsheet column) or "" when the reason concerns the whole line."""

    line: int
    column: str
    letter: str
    field: str | None
    code: str           # the error code (invalid, not_found, duplicate, table_formula, …)
    message: str        # English, for logs and the CLI; the wizard words it in Chinese

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.letter} {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Update:
    """A line that matches a stored row and changes some of its fields."""

    line: int
    key: str                      # what matched it: a masked ID number, a unit code, a 文号
    fields: tuple[str, ...]       # field keys that change


@dataclass(frozen=True, slots=True)
class ImportReport:
    kind: ImportKind
    source: str                    # the file's name
    format: str                    # csv or xlsx
    encoding: str | None
    sheet: str | None
    sheets: tuple[str, ...]
    headers: tuple[str, ...]
    mapping: tuple[tuple[str, str | None], ...]
    lines: int                     # data lines read
    new: int                       # lines that add a row
    updates: int                   # lines that change a stored row
    unchanged: int                 # lines equal to what is stored
    invalid: int                   # lines with at least one problem
    problems: tuple[Problem, ...] = field(default=())          # the first MAX_LISTED
    updated: tuple[Update, ...] = field(default=())           # the first MAX_LISTED
    problem_count: int = 0

    @property
    def ok(self) -> bool:
        return self.invalid == 0

    @property
    def has_work(self) -> bool:
        return bool(self.new or self.updates)

    def bad_lines(self) -> tuple[int, ...]:
        return tuple(sorted({p.line for p in self.problems}))


@dataclass(frozen=True, slots=True)
class ImportResult:
    report: ImportReport
    inserted: int
    updated: int
    skipped: int                   # invalid lines left out (--skip-invalid)
    backup: Path | None            # the encrypted backup taken before writing (None: nothing to write)


class ImportRejected(ValidationError):
    """Lines with problems and no ``skip_invalid``: nothing was written. ``report`` lists them."""

    code = "import_rejected"

    def __init__(self, report: ImportReport) -> None:
        first = report.problems[0] if report.problems else None
        super().__init__(f"{report.invalid} of {report.lines} line(s) cannot be imported"
                         + (f"; first: {first}" if first else "") + "; nothing was imported",
                         field="file", line=first.line if first else None)
        self.report = report


class ImportCancelled(Exception):
    """The user cancelled; the transaction was rolled back. (Named so ``ui.tasks`` ends quietly.)"""



def listed(items: Sequence[Problem]) -> tuple[Problem, ...]:
    """Problems in the order of the file (line, then column), the first ``MAX_LISTED``."""
    return tuple(sorted(items, key=lambda p: (p.line, len(p.letter), p.letter))[:MAX_LISTED])
