"""Free-text fields: required-ness, length limits, and characters we refuse.

Text is stored byte-exact (no normalisation), so rare CJK characters (Extension B and beyond),
full-width digits and the middle dot of minority names survive every round trip. Control
characters and bidirectional overrides are refused: they can make a name display as another.
"""

from __future__ import annotations

import re

from desktop_app.errors import ValidationError

# C0/C1 controls except tab/newline, bidi embeddings/overrides/isolates, zero-width marks, BOM.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_LINE_BREAKS = re.compile("[\t\n\r]")

LIMITS = {"name": 64, "post": 64, "rank": 64, "category": 32, "document_no": 128, "authority": 200,
          "facts": 20_000, "reason": 4_000}


def clean_text(value: str | None, field: str, *, required: bool = True, multiline: bool = False,
               limit: int | None = None) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"{field} is required", field=field)
    max_len = limit if limit is not None else LIMITS.get(field, 200)
    if len(text) > max_len:
        raise ValidationError(f"{field} is longer than {max_len} characters ({len(text)})", field=field)
    bad = _FORBIDDEN.search(text) or (None if multiline else _LINE_BREAKS.search(text))
    if bad:
        raise ValidationError(f"{field} contains a control character U+{ord(bad.group()):04X}", field=field)
    return text
