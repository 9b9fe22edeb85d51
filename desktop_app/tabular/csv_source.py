"""The delimiter of a CSV (or tab- or semicolon-separated) text."""

from __future__ import annotations

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
