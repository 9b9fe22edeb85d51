"""公民身份号码 (citizen ID number) per GB 11643-1999.

Only the province part of the division code is checked: county codes change over time but a number
issued under an old code stays valid for life, so requiring a current county would reject real people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import mul

from desktop_app.domain.enums import Gender
from desktop_app.errors import ValidationError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_EARLIEST_BIRTH = date(1900, 1, 1)

# Province-level codes of GB/T 2260 (incl. 71 Taiwan, 81 Hong Kong, 82 Macao).
PROVINCE_CODES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82",
})

# Users paste numbers typed with a Chinese IME, which produces full-width forms (０-９, Ｘ).
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


@dataclass(frozen=True, slots=True)
class IdNumber:
    """A validated ID number; build it with :func:`parse_id_number`."""

    value: str  # normalized: 18 chars, uppercase X

    @property
    def division_code(self) -> str:
        return self.value[:6]

    @property
    def birth_date(self) -> date:
        v = self.value
        return date(int(v[6:10]), int(v[10:12]), int(v[12:14]))

    @property
    def gender(self) -> Gender:
        return Gender.MALE if int(self.value[16]) % 2 else Gender.FEMALE

    def masked(self) -> str:
        return f"{self.value[:6]}{'*' * 8}{self.value[-4:]}"

    # Keep full numbers out of logs and tracebacks that print the object.
    def __repr__(self) -> str:
        return f"IdNumber({self.masked()!r})"


def id_check_character(first17: str) -> str:
    """MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("id_check_character needs exactly 17 ASCII digits")
    total = sum(map(mul, map(int, first17), _WEIGHTS))  # map/mul: the demo generator calls this 100k times
    return _CHECK_CHARS[total % 11]


def parse_id_number(text: str, *, today: date | None = None, field: str = "id_number") -> IdNumber:
    """Normalize and validate ``text``; raise :class:`ValidationError` naming the first broken rule."""
    value = (text or "").strip().translate(_HALF_WIDTH).upper()
    if len(value) != 18:
        raise ValidationError(f"ID number must have 18 characters, got {len(value)}", field=field)
    if not (value[:17].isascii() and value[:17].isdigit()):  # one call for a good number (imports check 10⁵)
        for position, char in enumerate(value[:17], start=1):
            if not (char.isascii() and char.isdigit()):
                raise ValidationError(
                    f"ID number character {position} must be a digit, got {char!r}", field=field)
    last = value[17]
    if not (last == "X" or (last.isascii() and last.isdigit())):
        raise ValidationError(f"ID number last character must be a digit or X, got {last!r}", field=field)
    if value[:2] not in PROVINCE_CODES:
        raise ValidationError(
            f"ID number division code starts with {value[:2]}, which is not a province-level code",
            field=field)
    _check_birth_date(value[6:14], today or date.today(), field)
    expected = id_check_character(value[:17])
    if last != expected:
        raise ValidationError(f"ID number check character is {last}, expected {expected}", field=field)
    return IdNumber(value)


def _check_birth_date(digits: str, today: date, field: str) -> None:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ValidationError(f"ID number birth date {digits} is not a real date", field=field) from None
    if born > today:
        raise ValidationError(f"ID number birth date {digits} is in the future", field=field)
    if born < _EARLIEST_BIRTH:
        raise ValidationError(f"ID number birth date {digits} is before 1900-01-01", field=field)
