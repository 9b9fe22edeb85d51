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
