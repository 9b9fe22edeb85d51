"""Checking one line: each field parsed on its own, so a report names every bad column of a line,
not only the first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop_app.errors import IntegrityFilesError
from desktop_app.importing.report import Problem
from desktop_app.importing.source import ImportSource, SourceRow

T = TypeVar("T")


class LineCheck:
    def __init__(self, source: ImportSource, row: SourceRow) -> None:
        self.source = source
        self.line = row.line
        self.values = row.values
        self.problems: list[Problem] = list(row.cell_problems)
        # A refused cell (formula …) reads as "": say so once, not again as "required".
        self.refused = {p.field for p in row.cell_problems if p.field}

    @property
    def ok(self) -> bool:
        return not self.problems

    def mapped(self, field: str) -> bool:
        return field in self.values

    def text(self, field: str) -> str:
        return self.values.get(field, "").strip()

    def value(self, field: str, parse: Callable[[str], T]) -> T | None:
        """``parse(text)``, or None with the error kept as a problem of the field's column."""
        if field in self.refused:
            return None
        try:
            return parse(self.text(field))
        except IntegrityFilesError as exc:
            self.fail(exc, field)
            return None

    def optional(self, field: str, parse: Callable[[str], T]) -> T | None:
        """Like ``value`` for a column that may be missing or blank: then None (left as stored)."""
        if not self.text(field):
            return None
        return self.value(field, parse)

    def fail(self, exc: IntegrityFilesError, field: str | None = None) -> None:
        """Keep ``exc`` as a problem; its own field names the column when it has one we read."""
        target = exc.field if exc.field in self.source.columns else field
        self.add(target, exc.code, exc.message)

    def add(self, field: str | None, code: str, message: str) -> None:
        header, letter = self.source.column(field) if field else ("", "")
        self.problems.append(Problem(self.line, header, letter, field, code, message))
