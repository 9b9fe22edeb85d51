"""Lay printed files out into a PDF: one file per PDF, or many files as parts of one PDF.

Each part is laid out by its own small document template onto the shared :class:`PrintCanvas`,
so a batch keeps only one person's flowables and pages in memory at a time; the PDF itself grows
with its pages until it is saved (reportlab writes a document in one go).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import IO, Any

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from desktop_app.printing import layout
from desktop_app.printing.canvas import PrintCanvas
from desktop_app.printing.model import FORMAT, PrintedFile, canonical_json, short_code
from desktop_app.printing.page import Furniture, define_qr_form, draw_furniture
from desktop_app.printing.story import build_story

ATTACHMENT_PREFIX = "integrity-file-"
CREATOR = "Integrity Files (公务员诚信档案)"


@dataclass(frozen=True, slots=True)
class RenderedPart:
    code: str  # full SHA-256 hex of the printed content
    first_page: int
    pages: int


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    data: bytes
    code: str
    pages: int


class PdfComposer:
    """``add`` each printed file, then ``finish``; the PDF is written to ``target`` at the end."""

    def __init__(self, target: str | IO[bytes]) -> None:
        self.canvas = PrintCanvas(target)
        self.parts: list[RenderedPart] = []

    def add(self, file: PrintedFile) -> RenderedPart:
        code = file.code
        furniture = Furniture.of(file, code)
        if not self.canvas.hasForm(furniture.form_name):  # the same content twice shares its QR code
            define_qr_form(self.canvas, furniture)
            self.canvas.pack_form(furniture.form_name)
        first_page = self.canvas.pages_done + 1
        template = _PartTemplate(furniture)
        canvas = self.canvas
        template.build(build_story(file).flowables, canvasmaker=lambda *_a, **_k: canvas)
        pages = self.canvas.end_part()
        part = RenderedPart(code, first_page, pages)
        payload = {"format": FORMAT, "code": code, "first_page": first_page, "pages": pages,
                   "content": file.to_json()}
        self.canvas.attach(f"{ATTACHMENT_PREFIX}{len(self.parts) + 1:05d}.json",
                           canonical_json(payload).encode("utf-8"))
        self.parts.append(part)
        return part

    def finish(self, *, title: str, author: str, subject: str, keywords: str = "") -> None:
        canvas = self.canvas
        canvas.setTitle(title)
        canvas.setAuthor(author)
        canvas.setSubject(subject)
        canvas.setKeywords(keywords)
        canvas.setCreator(CREATOR)
        canvas.save()


def render_file(file: PrintedFile) -> RenderedPdf:
    """One person's file as PDF bytes."""
    buffer = io.BytesIO()
    composer = PdfComposer(buffer)
    part = composer.add(file)
    composer.finish(title=f"{file.title}（{file.variant.label}）— {file.person_name}", author=file.printed_by,
                    subject=f"验证码 {short_code(part.code)}", keywords=Furniture.of(file, part.code).qr_value)
    return RenderedPdf(buffer.getvalue(), part.code, part.pages)


class _PartTemplate(BaseDocTemplate):
    def __init__(self, furniture: Furniture) -> None:
        super().__init__("unused.pdf", pagesize=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT),
                         leftMargin=layout.MARGIN_X, rightMargin=layout.MARGIN_X,
                         topMargin=layout.HEADER_HEIGHT, bottomMargin=layout.FOOTER_HEIGHT)
        frame = Frame(layout.MARGIN_X, layout.FOOTER_HEIGHT, layout.FRAME_WIDTH, layout.FRAME_HEIGHT,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._furnish)])
        self._furniture = furniture
        self._doSave = 0  # the shared canvas is saved once, by the composer

    def _furnish(self, canvas: Any, _doc: Any) -> None:
        draw_furniture(canvas, self._furniture)
