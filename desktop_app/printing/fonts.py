"""The embedded CJK font: WenQuanYi Micro Hei, shipped in ``resources/fonts/`` with its licence.

reportlab embeds a TrueType font as subsets of the glyphs a document uses, so a file carries only
the characters it prints. The font has one weight; headings differ by size and colour.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.errors import IntegrityFilesError

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILE = FONT_DIR / "wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"

_lock = threading.Lock()


class FontMissingError(IntegrityFilesError):
    code = "font_missing"


def font_name() -> str:
    """Register the font once per process and return its reportlab name."""
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            if not FONT_FILE.is_file():
                raise FontMissingError(f"the print font {FONT_FILE.name} is missing from {FONT_DIR}",
                                       field="font")
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_FILE), subfontIndex=0))
    return FONT_NAME


def text_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font_name(), size))


def covered(char: str) -> bool:
    """Whether the print font has a glyph for ``char`` (whitespace always prints)."""
    font_name()
    face = pdfmetrics.getFont(FONT_NAME).face  # type: ignore[attr-defined]  # TTFont's parsed tables
    return char.isspace() or ord(char) in face.charToGlyph


def printable(text: str) -> str:
    """``text`` with every character the font cannot draw shown as its code point, e.g. 〔U+20BB7〕.

    The font covers the Basic Multilingual Plane only; a rare name character (CJK Extension B and
    beyond) would otherwise print as an empty box and extract as U+0000: a wrong name with no sign
    of it. The code point is visible, exact, and what a verifier reads back."""
    if text.isascii():
        return text
    return "".join(c if covered(c) else f"〔U+{ord(c):04X}〕" for c in text)
