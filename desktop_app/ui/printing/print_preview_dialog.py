"""The print preview: the rendered file in a QPdfView, the variant, page count and verification code,
then 打印… (QPrintDialog), 导出PDF… (PrintService.export) or 关闭.

The PDF stays in memory (QBuffer): plaintext personal data never reaches a temporary file. Every
render and export goes through PrintService, which audits it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.printing.model import Variant
from desktop_app.services.printing import PrintedPdf, PrintService
from desktop_app.ui.messages import show_error
from desktop_app.ui.printing.pdf_printing import MemoryPdf, print_pdf
from desktop_app.ui.tasks import Task, TaskRunner


class PrintPreviewDialog(QDialog):
    def __init__(self, printing: PrintService, printed: PrintedPdf, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("打印预览"))
        self.printing = printing
        self.runner = runner
        self.printed = printed
        self.pdf: MemoryPdf | None = None
        self.printer: QPrinter | None = None
        self.view = QPdfView()
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.variant_combo = QComboBox()
        self.variant_combo.setObjectName("variantCombo")
        self.variant_combo.addItem(self.tr("内部审查"), Variant.INTERNAL)
        self.variant_combo.addItem(self.tr("公示"), Variant.PUBLIC)
        self.variant_combo.setToolTip(self.tr("公示版不含身份证号全号等内部信息"))
        self.pages_label = QLabel()
        self.pages_label.setObjectName("pageCount")
        self.code_label = QLabel()
        self.code_label.setObjectName("verificationCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setObjectName("printStatus")
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setObjectName("printButton")
        self.export_button = QPushButton(self.tr("导出PDF…"))
        self.export_button.setObjectName("exportButton")
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("closeButton")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.export_button.clicked.connect(self.export_pdf)
        self.close_button.clicked.connect(self.reject)
        info = QHBoxLayout()
        info.addWidget(QLabel(self.tr("版本：")))
        info.addWidget(self.variant_combo)
        info.addSpacing(16)
        info.addWidget(self.pages_label)
        info.addSpacing(16)
        info.addWidget(self.code_label)
        info.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(info)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(820, 900)
        self.variant_combo.setCurrentIndex(self.variant_combo.findData(printed.variant))
        self.variant_combo.currentIndexChanged.connect(self._variant_changed)
        self.show_pdf(printed)

    # -- showing ------------------------------------------------------------------------

    @property
    def variant(self) -> Variant:
        return Variant(self.variant_combo.currentData())

    def show_pdf(self, printed: PrintedPdf) -> None:
        old = self.pdf
        self.printed = printed
        self.pdf = MemoryPdf(printed.data)
        self.view.setDocument(self.pdf.document)
        if old is not None:
            old.close()
        self.pages_label.setText(self.tr("共 {0} 页").format(printed.pages))
        self.code_label.setText(self.tr("验证码：{0}").format(printed.short_code))
        self.code_label.setToolTip(printed.code)

    def _variant_changed(self, _index: int) -> None:
        person_id, variant = self.printed.person_id, self.variant
        self.status_label.setText(self.tr("正在生成…"))
        self._run(lambda: self.printing.render(person_id, variant=variant), self._rendered, "print-render")

    def _rendered(self, printed: PrintedPdf) -> None:
        if printed.variant is self.variant and self.pdf is not None:  # a later switch wins; not once closed
            self.status_label.clear()
            self.show_pdf(printed)

    # -- actions ------------------------------------------------------------------------

    def print_document(self) -> None:
        if self.pdf is None:
            return
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setFullPage(True)  # the PDF has its own margins: print it 1:1
        self.printer.setDocName(self.printed.file_name.removesuffix(".pdf"))
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("打印档案"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            pages = print_pdf(self.pdf.document, self.printer)
        except OSError:
            self.status_label.setText(self.tr("无法打开打印机。"))
            return
        self.status_label.setText(self.tr("已发送 {0} 页到打印机。").format(pages))

    def export_pdf(self) -> None:
        start = str(Path.home() / self.printed.file_name)
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("导出PDF"), start, self.tr("PDF 文件 (*.pdf)"))
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        person_id, variant = self.printed.person_id, self.variant
        self.status_label.setText(self.tr("正在导出…"))
        self._run(lambda: self.printing.export(person_id, path, variant=variant),
                  lambda _printed: self.status_label.setText(self.tr("已导出：{0}").format(path)), "print-export")

    def _run(self, call: Callable[[], Any], done: Callable[[Any], None], name: str) -> None:
        task = Task(lambda _progress, _cancel: call(), name)
        task.signals.succeeded.connect(done)
        task.signals.failed.connect(self._failed)
        self.runner.start(task, progress_parent=self, label=self.tr("正在生成档案…"))

    def _failed(self, exc: BaseException) -> None:
        self.status_label.clear()
        show_error(self, exc)

    def done(self, result: int) -> None:
        super().done(result)
        self.view.setDocument(None)
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None
