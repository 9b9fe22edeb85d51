"""统一社会信用代码 (unified social credit code) per GB 32100-2015.

Layout: 1 registration authority, 2 organization type, 3-8 division code, 9-17 organization code,
18 check character. Only the alphabet, the digit-only division code and the check character are
enforced: the authority/type code lists have grown since 2015, and rejecting a real employer's
code would block data entry.
"""

from __future__ import annotations

from desktop_app.errors import ValidationError

# Digits and capitals without I, O, Z, S, V (too easily confused with 1, 0, 2, 5, U).
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {char: index for index, char in enumerate(USCC_ALPHABET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORGAN_PREFIX = "11"  # 机构编制 registration + 机关 type

# Codes typed with a Chinese IME arrive in full-width forms (０-９, Ａ-Ｚ).
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def uscc_check_character(first17: str) -> str:
    """Check character for the first 17 characters (MOD 31)."""
    if len(first17) != 17 or any(c not in _VALUES for c in first17):
        raise ValueError("uscc_check_character needs exactly 17 characters of the USCC alphabet")
    total = sum(_VALUES[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def parse_uscc(text: str, *, field: str = "uscc") -> str:
    """Normalize (uppercase, half-width) and validate ``text``; return the 18-character code."""
    value = (text or "").strip().translate(_HALF_WIDTH).upper()
    if len(value) != 18:
        raise ValidationError(f"credit code must have 18 characters, got {len(value)}", field=field)
    for position, char in enumerate(value, start=1):
        if char not in _VALUES:
            raise ValidationError(
                f"credit code character {position} is {char!r}, which is not allowed "
                "(digits and capitals except I, O, Z, S, V)", field=field)
    division = value[2:8]
    if not division.isdigit():
        raise ValidationError(f"credit code division code {division} (characters 3-8) must be digits",
                              field=field)
    expected = uscc_check_character(value[:17])
    if value[17] != expected:
        raise ValidationError(f"credit code check character is {value[17]}, expected {expected}",
                              field=field)
    return value


def is_organ(uscc: str) -> bool:
    """True for a 机关 (government organ) code."""
    return uscc.startswith(_ORGAN_PREFIX)


def uscc_division_code(uscc: str) -> str:
    """The GB/T 2260 division code of the registering authority (characters 3-8)."""
    return uscc[2:8]
