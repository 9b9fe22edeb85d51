"""What every page carries besides the body: running header (office, title, variant, person and
unit), footer (printed by and when, verification code, page x/y), a diagonal watermark with the
printing user and time, and the QR code of the verification code.

:meth:`Furniture.texts` lists the strings in the order :func:`draw_furniture` draws them; the page
number is drawn last, when the part's page count is known. The verifier relies on that order.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop_app.printing import layout
from desktop_app.printing.fonts import printable, runs, text_width
from desktop_app.printing.model import PrintedFile, qr_payload, short_code

WATERMARK_POSITIONS = ((0.30, 0.74), (0.62, 0.47), (0.30, 0.20))
WATERMARK_SIZE = 24.0
WATERMARK_ANGLE = 32
CHECK_HINT = "请扫描二维码或在“诚信档案”系统中输入验证码核验本件"
MIN_SIZE = 4.0
LEFT, CENTRE, RIGHT = 0.0, 0.5, 1.0  # the share of a line's width left of its anchor
QR_MASK = 2  # any mask is valid: the symbol records it in its format information


@dataclass(frozen=True, slots=True)
class Furniture:
    watermark: str
    office: str
    title: str
    person: str
    printed: str
    code: str
    hint: str
    qr_value: str
    form_name: str

    @classmethod
    def of(cls, file: PrintedFile, full_hash: str) -> Furniture:
        file = file.mapped(printable)
        return cls(watermark=f"{file.printed_by} {file.printed_at}",
                   office=file.office,
                   title=f"{file.title}（{file.variant.label}）",
                   person=f"姓名：{file.person_name}　单位：{file.unit_name}",
                   printed=f"打印人：{file.printed_by}　打印时间：{file.printed_at}",
                   code=f"验证码：{short_code(full_hash)}",
                   hint=CHECK_HINT,
                   qr_value=qr_payload(file.archive_id, full_hash),
                   form_name=f"qr{full_hash[:16]}")

    def texts(self) -> list[str]:
        """The strings of one page before its body, in drawing order."""
        return [*(self.watermark for _ in WATERMARK_POSITIONS), self.office, self.title, self.person,
                self.printed, self.code, self.hint]


def page_number_text(page: int, pages: int) -> str:
    return f"第 {page} / {pages} 页"


def define_qr_form(canvas: Canvas, furniture: Furniture) -> None:
    """Draw the QR code once per part as a form; every page then references it (small files).

    The code comes from reportlab's QR encoder (``reportlab.graphics.barcode.qrencoder``, what
    ``QrCodeWidget`` uses); its dark modules are drawn as one filled path of row runs. Going through
    the widget's shape tree instead cost ~70 % of the time of printing a one-page file."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(furniture.qr_value)
    qr.version = qr.calculate_version()  # type: ignore[no-untyped-call]  # untyped in the stubs
    qr.makeImpl(False, QR_MASK)  # a fixed mask: choosing the best of 8 took 10 ms per file
    count = len(qr.modules)
    module = layout.QR_SIZE / count
    canvas.beginForm(furniture.form_name, 0, 0, layout.QR_SIZE, layout.QR_SIZE)
    path = canvas.beginPath()
    for row, cells in enumerate(qr.modules):
        y = layout.QR_SIZE - (row + 1) * module
        column = 0
        for dark, run in itertools.groupby(cells):
            length = len(list(run))
            if dark:
                path.rect(column * module, y, length * module, module)
            column += length
    canvas.setFillColor(layout.INK)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.endForm()


def draw_furniture(canvas: Canvas, furniture: Furniture) -> None:
    width, height = layout.PAGE_WIDTH, layout.PAGE_HEIGHT
    left, right = layout.MARGIN_X, width - layout.MARGIN_X
    canvas.saveState()
    _watermark(canvas, furniture.watermark)
    # running header: office left, title with variant right; person and unit below; a rule
    top = height - 11 * mm
    title_size = _fit(furniture.title, 10.5, (right - left) / 2)
    canvas.setFillColor(layout.INK)
    office_room = right - left - text_width(furniture.title, title_size) - 6 * mm
    draw_text(canvas, left, top, furniture.office, _fit(furniture.office, 9.5, office_room))
    draw_text(canvas, right, top, furniture.title, title_size, align=RIGHT)
    canvas.setFillColor(layout.MUTED)
    draw_text(canvas, left, top - 5 * mm, furniture.person, _fit(furniture.person, 8.5, right - left))
    canvas.setStrokeColor(layout.RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 7.5 * mm, right, top - 7.5 * mm)
    # footer: a rule, printed by/when, code and hint on the left, QR on the right
    qr_x = right - layout.QR_SIZE
    text_room = qr_x - left - 24 * mm  # leaves room for the page number
    base = layout.FOOTER_HEIGHT - 4 * mm
    canvas.line(left, base + 1.5 * mm, qr_x - 2 * mm, base + 1.5 * mm)
    canvas.setFillColor(layout.INK)
    draw_text(canvas, left, base - 3.5 * mm, furniture.printed, _fit(furniture.printed, 8, text_room))
    draw_text(canvas, left, base - 8.5 * mm, furniture.code, _fit(furniture.code, 9, text_room))
    canvas.setFillColor(layout.MUTED)
    draw_text(canvas, left, base - 13 * mm, furniture.hint, _fit(furniture.hint, 6.5, text_room))
    canvas.translate(qr_x, base - layout.QR_SIZE + 1.5 * mm)
    canvas.doForm(furniture.form_name)
    canvas.restoreState()


def draw_page_number(canvas: Canvas, page: int, pages: int) -> None:
    canvas.saveState()
    canvas.setFillColor(layout.INK)
    x = layout.PAGE_WIDTH - layout.MARGIN_X - layout.QR_SIZE - 3 * mm
    draw_text(canvas, x, layout.FOOTER_HEIGHT - 7.5 * mm, page_number_text(page, pages), 8.5, align=RIGHT)
    canvas.restoreState()


def _watermark(canvas: Canvas, text: str) -> None:
    canvas.saveState()
    canvas.setFillColor(layout.WATERMARK_INK)
    canvas.setFillAlpha(layout.WATERMARK_ALPHA)
    size = _fit(text, WATERMARK_SIZE, layout.PAGE_WIDTH * 0.75)
    for fx, fy in WATERMARK_POSITIONS:
        canvas.saveState()
        canvas.translate(layout.PAGE_WIDTH * fx + 40, layout.PAGE_HEIGHT * fy)
        canvas.rotate(WATERMARK_ANGLE)
        draw_text(canvas, 0, 0, text, size, align=CENTRE)
        canvas.restoreState()
    canvas.restoreState()


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *, align: float = LEFT) -> None:
    """Draw one line at ``size``, left-aligned at ``x`` (or centred on it, or ending at it), each
    run in the face that has its characters (the main font, or a fallback for rare characters)."""
    pieces = runs(text)
    if align != LEFT:
        x -= align * sum(stringWidth(piece, face, size) for face, piece in pieces)
    line = canvas.beginText(x, y)  # one text object: readers extract the runs as one line
    for face, piece in pieces:
        line.setFont(face, size)
        line.textOut(piece)
    canvas.drawText(line)


def _fit(text: str, size: float, room: float) -> float:
    """The largest size up to ``size`` at which ``text`` fits in ``room`` points (never below 4 pt)."""
    width = text_width(text, size)
    if width <= room or width == 0:
        return size
    return max(MIN_SIZE, size * room / width)
