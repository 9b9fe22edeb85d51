"""Read a PDF back: the embedded content of each part, its recomputed verification code, and
whether the visible text of its pages is that content. Checking the codes against the archive's
audit trail is the print service's part.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from desktop_app.printing.compose import ATTACHMENT_PREFIX
from desktop_app.printing.model import FORMAT, PrintedFile
from desktop_app.printing.text import text_problem

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PdfPart:
    file: PrintedFile
    code: str  # recomputed from the embedded content, never read from the PDF
    first_page: int
    pages: int
    problem: str | None  # None: the pages' visible text is exactly the content


@dataclass(frozen=True, slots=True)
class PdfInspection:
    parts: tuple[PdfPart, ...]
    problem: str | None  # a problem of the whole file (not a print, damaged, pages added)

    @property
    def ok(self) -> bool:
        return self.problem is None and all(p.problem is None for p in self.parts)


def inspect_pdf(data: bytes) -> PdfInspection:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return PdfInspection((), "the PDF is encrypted; a print of this application never is")
        attachments = {name: blobs for name, blobs in reader.attachments.items()
                       if name.startswith(ATTACHMENT_PREFIX)}
        page_count = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.info("unreadable PDF: %r", exc)
        return PdfInspection((), "not a readable PDF file")
    if not attachments:
        return PdfInspection((), "the PDF carries no verification data: it is not a print of this "
                                 "application, or it was rewritten")
    try:
        embedded = sorted((_embedded(blobs) for blobs in attachments.values()), key=lambda e: e[1])
    except ValueError as exc:
        return PdfInspection((), f"the verification data is damaged ({exc})")
    expected_first = 1
    for _, first, pages in embedded:
        if first != expected_first or pages < 1:
            return PdfInspection((), "the pages do not match the verification data (pages added, "
                                     "removed or reordered)")
        expected_first += pages
    if expected_first - 1 != page_count:
        return PdfInspection((), f"the PDF has {page_count} pages but {expected_first - 1} were printed")
    try:
        overlay = _overlay(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        overlay = "the pages cannot be read"
    if overlay:
        return PdfInspection((), overlay)
    parts = []
    for file, first, pages in embedded:
        try:
            texts = [reader.pages[i].extract_text() for i in range(first - 1, first - 1 + pages)]
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.info("text extraction failed: %r", exc)
            texts = []
        problem = (text_problem(file, file.code, texts) if texts
                   else "the text of its pages cannot be read")
        parts.append(PdfPart(file, file.code, first, pages, problem))
    return PdfInspection(tuple(parts), None)


def _overlay(reader: PdfReader) -> str | None:
    """A print has no annotations and no images: either would show something its text does not say."""
    for number, page in enumerate(reader.pages, 1):
        if page.get("/Annots"):
            return f"page {number} carries annotations added after printing"
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        for xobject in (xobjects.get_object().values() if xobjects else ()):
            if xobject.get_object().get("/Subtype") == "/Image":
                return f"page {number} carries an image added after printing"
    return None


def _embedded(blobs: list[bytes]) -> tuple[PrintedFile, int, int]:
    if len(blobs) != 1:
        raise ValueError("an attachment appears twice")
    try:
        payload = json.loads(blobs[0].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not JSON: {exc.__class__.__name__}") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ValueError("unknown format")
    first, pages = payload.get("first_page"), payload.get("pages")
    if not isinstance(first, int) or not isinstance(pages, int):
        raise ValueError("no page range")
    return PrintedFile.from_json(payload.get("content")), first, pages
