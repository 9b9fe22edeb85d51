"""Raw rows of a CSV (or tab-separated) text, with the line each record starts on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from desktop_app.tabular.framing import RawRow

DELIMITERS = (",", "\t", ";")


def guess_delimiter(text: str) -> str:
    """The candidate seen most often on one of the first non-blank lines (comma when none)."""
    best, best_count = ",", 0
    lines = [line for line in text.splitlines()[:50] if line.strip()][:5]
    for line in lines:
        for candidate in DELIMITERS:
            count = line.count(candidate)
            if count > best_count:
                best, best_count = candidate, count
    return best


def csv_rows(text: str, delimiter: str) -> Iterator[RawRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    previous_end = 0
    for cells in reader:
        start, previous_end = previous_end + 1, reader.line_num
        yield start, cells
