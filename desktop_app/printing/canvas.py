"""A canvas that holds the pages of the part being drawn until the part ends, so each page can
say "page x / y" without a second layout pass, and that embeds the verification data as PDF
attachments (an ``EmbeddedFiles`` name tree) when it is saved.

One PDF may hold several parts (a batch printed as one file): each part is one person's file with
its own page numbering and verification code; only one part's pages are held at a time.
"""

from __future__ import annotations

import zlib
from typing import IO, Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, xObjectName
from reportlab.pdfgen.canvas import Canvas

from desktop_app.printing import layout
from desktop_app.printing.fonts import font_name
from desktop_app.printing.page import draw_page_number

_OWN = ("_held", "_attachments", "pages_done")


class PrintCanvas(Canvas):
    def __init__(self, target: str | IO[bytes]) -> None:
        super().__init__(target, pagesize=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT), pageCompression=1,
                         initialFontName=font_name(),  # type: ignore[arg-type]  # stub says float
                         initialFontSize=layout.BODY_SIZE)
        self._held: list[dict[str, Any]] = []
        self._attachments: list[tuple[str, bytes]] = []
        self.pages_done = 0

    def showPage(self) -> None:
        """Hold the finished page; :meth:`end_part` numbers and emits it."""
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab internal, not in the stubs

    def end_part(self) -> int:
        """Number the held pages of the part "x / n", emit them, and return n."""
        own = {key: self.__dict__[key] for key in _OWN}
        held = own["_held"]
        for number, state in enumerate(held, 1):
            self.__dict__.update(state)
            draw_page_number(self, number, len(held))
            Canvas.showPage(self)
            self._pack_last_page()
        self.__dict__.update(own)
        self._held = []
        self.pages_done += len(held)
        return len(held)

    def _pack_last_page(self) -> None:
        """Compress the page just emitted now rather than at save: a PDF of thousands of pages then
        holds compressed streams in memory, not their text (reportlab would keep both until save)."""
        page = self._doc.Pages.pages[-1]  # type: ignore[attr-defined]  # reportlab internal
        if page.stream and page.compression:
            packed = zlib.compress(page.stream.encode("utf8"))  # what reportlab's Flate filter does
            page.Contents = PDFStream(PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}),
                                      content=packed, filters=[])
            page.stream = None

    def pack_form(self, name: str) -> None:
        """Compress a form's stream now (reportlab writes forms uncompressed)."""
        form = self._doc.idToObject[xObjectName(name)]  # type: ignore[attr-defined]  # reportlab internal
        stream = form.stream
        if stream:
            raw = stream if isinstance(stream, bytes) else stream.encode("latin-1")
            form.Contents = PDFStream(PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}),
                                      content=zlib.compress(raw), filters=[])
            form.stream = None

    def attach(self, name: str, data: bytes) -> None:
        """Embed ``data`` as a file attachment named ``name`` (compressed now, written at save)."""
        self._attachments.append((name, zlib.compress(data, 6)))

    def save(self) -> None:
        if self._held:
            raise RuntimeError("a part was not ended before saving")
        if self._attachments:
            self._write_attachments()
        super().save()

    def _write_attachments(self) -> None:
        doc = self._doc  # type: ignore[attr-defined]  # reportlab internal, not in the stubs
        names: list[Any] = []
        for name, packed in sorted(self._attachments):
            stream = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"),
                                              "Subtype": PDFName("application#2Fjson"),
                                              "Filter": PDFName("FlateDecode")}),
                               content=packed, filters=[])
            spec = PDFDictionary({"Type": PDFName("Filespec"), "F": PDFString(name), "UF": PDFString(name),
                                  "EF": PDFDictionary({"F": doc.Reference(stream)})})
            names += [PDFString(name), doc.Reference(spec)]
        tree = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})})
        doc.Catalog.Names = doc.Reference(tree)
