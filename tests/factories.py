"""Test data builders: valid ID numbers and unit codes computed, not hard-coded."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.id_number import id_check_character
from desktop_app.domain.uscc import uscc_check_character

TODAY = date(2026, 11, 27)
PASSPHRASE = "test passphrase 1"


def id_number(seq: int = 1, *, division: str = "440106", born: date = date(1985, 3, 1),
              female: bool = False) -> str:
    """A valid 公民身份号码; ``seq`` (1–499) keeps numbers of the same birth date apart."""
    order = seq * 2 + (0 if female else 1)
    first17 = f"{division}{born:%Y%m%d}{order:03d}"
    return first17 + id_check_character(first17)


def organ_uscc(seq: int = 1, division: str = "440106") -> str:
    """A valid 统一社会信用代码 of a 机关 (starts with 11) in ``division``."""
    first17 = f"11{division}{seq:08d}A"[:17]
    return first17 + uscc_check_character(first17)
