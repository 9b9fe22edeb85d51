"""A correct ToUnicode map for characters beyond the Basic Multilingual Plane.

reportlab (5.1) writes each entry of a subset's ToUnicode CMap as ``<%04X>``: for U+20BB7 that is
``<20BB7>``, five hex digits, which is not UTF-16BE. Readers then map the glyph to nothing, so a
name with a CJK Extension B–G character would print but not extract, and ``print verify`` could
not check it. The PDF reference (9.10.3) wants the destination as UTF-16BE, here the surrogate
pair ``<D842DFB7>``. For BMP characters the map below is reportlab's, byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts

reportlab_map = ttfonts.makeToUnicodeCMap  # the original: ours equals it on the BMP (tested)


def utf16_hex(code: int) -> str:
    """The UTF-16BE code units of ``code`` in hex: 4 digits in the BMP, 8 (a surrogate pair) above."""
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ``makeToUnicodeCMap`` with UTF-16BE destinations."""
    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16_hex(code)}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


def install() -> None:
    """Make reportlab's TrueType subsets use :func:`to_unicode_cmap` (idempotent).

    ``TTFont.addObjects`` looks the function up in its module at save time, so replacing the module
    attribute is enough; a reportlab upgrade that renames it fails the ToUnicode tests."""
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
