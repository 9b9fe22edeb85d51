"""Cell texts of a spreadsheet made into values, with the forms offices write them in.

Dates come as 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 or 20250301. Names padded to the width
of three characters ("张  三", "张　三") lose the padding. An ID number that Excel turned into a
number (4.40106E+17) is named as such, since its digits are lost.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desktop_app.domain.enums import SanctionKind
from desktop_app.domain.id_number import IdNumber, parse_id_number
from desktop_app.errors import ValidationError

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_CJK_NAME = re.compile(r"^[\u3400-\u9fff\U00020000-\U0003134f·•.\s\u3000]+$")
_SPACES = re.compile(r"[\s\u3000]+")


def parse_date(text: str, field: str) -> date:
    value = unicodedata.normalize("NFKC", text or "").strip()
    if " " in value and _DATE.match(value.split(" ", 1)[0]):  # a date and time: 2025-03-01 00:00:00
        value = value.split(" ", 1)[0]
    match = _DATE.match(value) or _COMPACT_DATE.match(value)
    if match is None:
        raise ValidationError(f"{field} must be a date YYYY-MM-DD, got {value[:20]!r}", field=field)
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ValidationError(f"{field} must be a date YYYY-MM-DD; {value[:20]!r} is not a real date",
                              field=field) from None


def year_month(text: str) -> tuple[int, int] | None:
    """(1985, 3) for 出生年月 written 1985.03, 1985-3 or 1985年3月; None for anything else."""
    match = _YEAR_MONTH.match(unicodedata.normalize("NFKC", text or "").strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return int(match.group(1)), int(match.group(2))


def person_name(text: str) -> str:
    """A Chinese name without the spaces offices pad short names with (张  三 → 张三)."""
    value = (text or "").strip()
    if _CJK_NAME.match(value):
        return _SPACES.sub("", value).replace("•", "·")
    return value


def id_number(text: str, today: date, field: str = "id_number") -> IdNumber:
    value = (text or "").strip()
    if _SCIENTIFIC.match(value):
        raise ValidationError("the ID number was turned into a number by Excel (its last digits are lost); "
                              "format the column as text and enter it again", field=field)
    return parse_id_number(value, today=today, field=field)


def sanction(text: str) -> SanctionKind:
    """处分 grades, also written with the word 处分 (记过处分) or 政务 (政务警告)."""
    value = (text or "").strip()
    cleaned = value.removeprefix("政务").removesuffix("处分") or value
    return SanctionKind.parse(cleaned, field="sanction")


def optional(text: str) -> str | None:
    """None for a blank cell: the stored value stays as it is."""
    value = (text or "").strip()
    return value or None
