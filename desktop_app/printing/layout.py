"""Page geometry, type sizes and table column widths of the printed file (A4 portrait)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 16 * mm
HEADER_HEIGHT = 21 * mm  # the running header sits above the frame
FOOTER_HEIGHT = 27 * mm  # printed by/when, code, page number and the QR code
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - HEADER_HEIGHT - FOOTER_HEIGHT
QR_SIZE = 19 * mm

BODY_SIZE = 8.5
BODY_LEADING = 11.5
NOTE_SIZE = 8.0
CELL_PAD = 3.0

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5c5c5c")
RULE = colors.HexColor("#9a9a9a")
SECTION_INK = colors.HexColor("#1f3a5f")
HEADER_FILL = colors.HexColor("#e8ecf1")
NOTE_INK = colors.HexColor("#333333")
OBJECTION_INK = colors.HexColor("#b35900")
WATERMARK_INK = colors.HexColor("#7f7f7f")
WATERMARK_ALPHA = 0.13

# Relative column widths per section key; scaled to the frame width.
COLUMN_WEIGHTS: dict[str, tuple[float, ...]] = {
    "identity": (62, 186, 62, 186),
    "dishonest": (26, 68, 28, 84, 88, 54, 52, 96),
    "honest": (26, 70, 110, 148, 62, 80),
    "sanctions": (26, 60, 120, 62, 62, 62, 104),
    "objections": (26, 100, 62, 146, 62, 100),
    "repairs": (26, 100, 62, 90, 62, 156),
    "training": (70, 80, 230, 116),
    "assessments": (120, 376),
    "flags": (110, 386),
}
# Columns whose text breaks at spaces (dates, windows) rather than between any two characters.
SPACE_WRAP_COLUMNS: dict[str, frozenset[int]] = {
    "dishonest": frozenset({5, 7}),
    "honest": frozenset({4}),
    "sanctions": frozenset({3, 4}),
}
# Cell texts drawn in a colour of their own: a record under objection, and ended records.
STATE_INK = {
    "异议处理中": OBJECTION_INK,
    "已修复": MUTED,
    "公示期满": MUTED,
    "已撤销": MUTED,
    "草稿": MUTED,
}


def column_widths(key: str, count: int) -> list[float]:
    weights = COLUMN_WEIGHTS.get(key)
    if weights is None or len(weights) != count:
        weights = tuple(1.0 for _ in range(count))
    total = sum(weights)
    return [FRAME_WIDTH * w / total for w in weights]
