"""Sending a PDF held in memory to a QPrinter: each page rendered by QtPdf at the printer's resolution."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 600  # an A4 page at 1200 dpi is a 550 MB image; 600 dpi is more than laser printers resolve


class MemoryPdf:
    """A QPdfDocument loaded from bytes through a QBuffer: the plaintext never touches the disk."""

    def __init__(self, data: bytes) -> None:
        self.bytes = QByteArray(data)
        self.buffer = QBuffer()
        self.buffer.setData(self.bytes)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` onto ``printer``; the number of pages printed."""
    pages = document.pageCount()
    if pages <= 0:
        return 0
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            rect = QRect(target.x() + (target.width() - scaled.width()) // 2,
                         target.y() + (target.height() - scaled.height()) // 2, scaled.width(), scaled.height())
            painter.drawImage(rect, image)
    finally:
        painter.end()
    return pages
