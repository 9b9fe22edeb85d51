"""GB/T 2260 administrative division codes of Guangdong.

Codes are renamed, merged and abolished over time, so the table is versioned data: a record stores
the code it was entered with, and a code missing from a newer vintage is not retroactively invalid
(see id_number.py, which only checks the province).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop_app.errors import ValidationError
from desktop_app.resources import resource_path

DIVISIONS_VERSION = "2023"  # vintage of resources/data/gb2260-guangdong.csv
GUANGDONG_PREFIX = "44"
_CSV_PATH = resource_path("data", "gb2260-guangdong.csv")


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: str  # province, city or county
    parent: str | None


class DivisionTable:
    def __init__(self, divisions: list[Division]) -> None:
        self._by_code = {d.code: d for d in divisions}

    @classmethod
    def load(cls, path: Path = _CSV_PATH) -> DivisionTable:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        return cls([Division(r["code"].strip(), r["name"].strip(), r["level"].strip(),
                             r["parent"].strip() or None) for r in rows])

    def get(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def require(self, code: str, *, field: str = "division_code") -> Division:
        """The Guangdong division ``code`` names, or :class:`ValidationError`."""
        cleaned = (code or "").strip()
        if len(cleaned) != 6 or not (cleaned.isascii() and cleaned.isdigit()):
            raise ValidationError(f"division code must be 6 digits, got {cleaned!r}", field=field)
        if not cleaned.startswith(GUANGDONG_PREFIX):
            raise ValidationError(f"division code {cleaned} is not in Guangdong (44xxxx)", field=field)
        division = self._by_code.get(cleaned)
        if division is None:
            raise ValidationError(
                f"division code {cleaned} is not in the GB/T 2260 table ({DIVISIONS_VERSION})", field=field)
        return division

    def full_name(self, code: str) -> str:
        """Names from the province down, e.g. "广东省 广州市 天河区"; the bare code if unknown."""
        names: list[str] = []
        current = self._by_code.get(code)
        while current is not None and len(names) < 3:  # bound guards against a cyclic parent column
            names.append(current.name)
            current = self._by_code.get(current.parent) if current.parent else None
        return " ".join(reversed(names)) if names else code

    def counties(self) -> list[Division]:
        return self._of_level("county")

    def cities(self) -> list[Division]:
        return self._of_level("city")

    def _of_level(self, level: str) -> list[Division]:
        return [d for d in self._by_code.values() if d.level == level]


@cache
def division_table() -> DivisionTable:
    return DivisionTable.load()
