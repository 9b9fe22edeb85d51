"""Printing from the GUI: the preview of a rendered file (QtPdf, from memory), the variant switch, export,
printing to a QPrinter, the permission, and batch printing with progress and cancel."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from desktop_app.domain.enums import Role
from desktop_app.printing.model import Variant
from desktop_app.ui.printing.batch_print_dialog import BatchPrintDialog
from desktop_app.ui.printing.print_preview_dialog import PrintPreviewDialog
from desktop_app.ui.tasks import Task
from tests.conftest import sign_in
from tests.factories import PASSPHRASE

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "print-preview.png"


def visible(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def open_preview(qtbot, admin, open_window) -> PrintPreviewDialog:
    window = open_window(admin)
    page = window.persons_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    zhang = admin.persons.search("张三")[0]
    page.open_person(zhang.id)
    button = page.file_view.print_button
    assert button.isEnabled() and button.text() == "打印档案"
    button.click()
    qtbot.waitUntil(lambda: len(visible(PrintPreviewDialog)) == 1, timeout=10_000)
    return visible(PrintPreviewDialog)[0]


def test_print_file_opens_a_preview_of_the_rendered_document(qtbot, admin, open_window, tmp_path) -> None:
    dialog = open_preview(qtbot, admin, open_window)
    printed = dialog.printed
    document = dialog.pdf.document
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() == printed.pages >= 1
    assert dialog.view.document() is document
    assert dialog.pages_label.text() == f"共 {printed.pages} 页"
    assert printed.short_code in dialog.code_label.text()
    assert dialog.variant is Variant.INTERNAL
    assert admin.printing.verify(printed.data).valid  # the render was audited as a print

    dialog.resize(820, 900)
    qtbot.wait(200)
    # INTEGRITY_FILES_SCREENSHOTS=1 refreshes the user guide's picture; otherwise nothing in the
    # repository is touched by a test run.
    target = SCREENSHOT if os.environ.get("INTEGRITY_FILES_SCREENSHOTS") else tmp_path / SCREENSHOT.name
    assert dialog.grab().save(str(target), "PNG")


def test_switching_to_public_renders_again(qtbot, admin, open_window) -> None:
    dialog = open_preview(qtbot, admin, open_window)
    first = dialog.printed
    dialog.variant_combo.setCurrentIndex(dialog.variant_combo.findData(Variant.PUBLIC))
    qtbot.waitUntil(lambda: dialog.printed.variant is Variant.PUBLIC, timeout=10_000)
    assert dialog.printed.code != first.code
    assert not dialog.printed.full_id
    assert dialog.pdf.document.pageCount() == dialog.printed.pages
    assert dialog.printed.short_code in dialog.code_label.text()


def test_export_writes_a_pdf_that_verifies(qtbot, admin, open_window, tmp_path, monkeypatch) -> None:
    dialog = open_preview(qtbot, admin, open_window)
    target = tmp_path / "export" / "zhang"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF (*.pdf)"))
    dialog.export_button.click()
    written = target.with_suffix(".pdf")
    qtbot.waitUntil(lambda: "已导出" in dialog.status_label.text(), timeout=10_000)
    assert admin.printing.verify(written.read_bytes()).valid


def test_print_sends_every_page_to_the_printer(qtbot, admin, open_window, tmp_path, monkeypatch) -> None:
    dialog = open_preview(qtbot, admin, open_window)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)  # keeps the test light; the dialog renders at the printer's resolution
    dialog.printer = printer
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog.print_button.click()
    assert PdfReader(str(out)).get_num_pages() == dialog.printed.pages
    assert dialog.status_label.text() == f"已发送 {dialog.printed.pages} 页到打印机。"


def test_a_trainer_cannot_print(qtbot, admin, open_window) -> None:
    admin.users.add("trainer1", Role.TRAINER.value, PASSPHRASE)
    trainer = sign_in(admin, "trainer1")
    try:
        window = open_window(trainer)
        page = window.persons_page
        qtbot.waitUntil(lambda: page.model.rowCount() == 2)
        page.open_person(admin.persons.search("张三")[0].id)
        assert not page.file_view.print_button.isEnabled()
        assert not page.batch_button.isEnabled()
    finally:
        trainer.close()


def start_batch(qtbot, page, target: Path, *, one_file: bool) -> BatchPrintDialog:
    page.batch_button.click()
    dialog = visible(BatchPrintDialog)[0]
    assert dialog.result_radio.isChecked() and "2 人" in dialog.result_radio.text()
    (dialog.one_file_radio if one_file else dialog.per_person_radio).setChecked(True)
    dialog.target_edit.setText(str(target))
    return dialog


@pytest.fixture
def unit_page(qtbot, admin, open_window):
    window = open_window(admin)
    page = window.persons_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.unit_combo.setCurrentIndex(1)  # the unit: its two persons
    qtbot.waitUntil(lambda: page.count_label.text() == "共 2 人")
    return page


def test_batch_print_of_a_unit_writes_one_file_per_person(qtbot, admin, unit_page, tmp_path) -> None:
    target = tmp_path / "batch"
    dialog = start_batch(qtbot, unit_page, target, one_file=False)
    with qtbot.waitSignal(unit_page.batch_print.finished, timeout=20_000) as finished:
        dialog.buttons.accepted.emit()
    result = finished.args[0]
    assert result is not None and result.persons == 2 and not result.cancelled
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in result.files)
    assert all(admin.printing.verify(p.read_bytes()).valid for p in result.files)
    message = visible(QMessageBox)[0]
    assert message.objectName() == "batchResult" and "已打印 2 人的档案" in message.text()


def test_cancelled_batch_ends_quietly_and_writes_nothing(qtbot, admin, unit_page, tmp_path, monkeypatch) -> None:
    target = tmp_path / "all.pdf"
    original = admin.printing.batch

    def batch_cancelled_after_first(*args, progress, cancel, **kwargs):
        def tick(done: int, total: int) -> None:
            progress(done, total)
            unit_page.batch_print.task.cancel()  # as the progress dialog's 取消 does
        return original(*args, progress=tick, cancel=cancel, **kwargs)

    monkeypatch.setattr(admin.printing, "batch", batch_cancelled_after_first)
    dialog = start_batch(qtbot, unit_page, target, one_file=True)
    with qtbot.waitSignal(unit_page.batch_print.finished, timeout=20_000) as finished:
        dialog.buttons.accepted.emit()
    assert finished.args == [None]
    assert not target.exists() and list(tmp_path.glob("*.part")) == []
    assert visible(QMessageBox) == []


def test_batch_cancelled_before_it_starts(qtbot, unit_page, tmp_path) -> None:
    release = threading.Event()
    blocker = unit_page.batch_print.runner.start(Task(lambda _p, _c: release.wait(5), "blocker"))
    dialog = start_batch(qtbot, unit_page, tmp_path / "folder", one_file=False)
    dialog.buttons.accepted.emit()
    unit_page.batch_print.task.cancel()
    with qtbot.waitSignal(unit_page.batch_print.finished, timeout=10_000) as finished:
        release.set()
    assert finished.args == [None] and blocker is not None
    assert not (tmp_path / "folder").exists()
    assert visible(QMessageBox) == []
