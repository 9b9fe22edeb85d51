"""Typed errors of the table reader: each names the file problem, and where it applies the line and column.

They are ``ValidationError``s (bad input, nothing was written) with codes of their own, so a front
end can say precisely what is wrong with the file.
"""

from __future__ import annotations

from desktop_app.errors import ValidationError


class TableError(ValidationError):
    """A spreadsheet or CSV file that cannot be read as a table."""

    code = "table_invalid"


class EmptyFileError(TableError):
    code = "table_empty"


class HeaderOnlyError(TableError):
    """A header row and no data rows."""

    code = "table_header_only"


class BinaryFileError(TableError):
    """Not text: e.g. a workbook or PDF renamed to .csv. ``kind`` says what it looks like."""

    code = "table_binary"

    def __init__(self, message: str, *, kind: str) -> None:
        super().__init__(message, field="file")
        self.kind = kind


class UnsupportedFormatError(TableError):
    """A format we do not read (legacy .xls, .ods, …)."""

    code = "table_format"


class EncodingError(TableError):
    """The bytes do not decode in the detected or the given encoding."""

    code = "table_encoding"


class SheetNotFoundError(TableError):
    code = "table_sheet"

    def __init__(self, message: str, *, sheets: tuple[str, ...]) -> None:
        super().__init__(message, field="sheet")
        self.sheets = sheets


class HeaderError(TableError):
    """A missing, empty or repeated column header."""

    code = "table_header"


class HeaderNotFoundError(HeaderError):
    """None of the expected header names in the first rows."""


class CellError(TableError):
    """One cell we refuse: a formula, a number Excel has rounded, more values than headers."""

    code = "table_cell"


class FormulaCellError(CellError):
    code = "table_formula"
