"""导入向导: choose a file → encoding and sheet → column mapping → dry run → import.

The wizard holds what the pages decide (kind, file, session, encoding, sheet, mapping); the pages
call ``ImportService`` through it. The dry run and the import run as ``Task``s on the window's
runner (one thread owns the database); the import announces what changed so pages refresh.

    wizard = ImportWizard(services, runner, events, parent=window)
    wizard.open()
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop_app.importing import ColumnMapping, ImportKind, ImportResult
from desktop_app.services import Services
from desktop_app.services.importing import FileInspection, ImportOptions, ImportService
from desktop_app.ui.events import ArchiveEvents
from desktop_app.ui.importing.check_page import CheckPage
from desktop_app.ui.importing.file_page import FilePage
from desktop_app.ui.importing.mapping_page import MappingPage
from desktop_app.ui.importing.options_page import OptionsPage
from desktop_app.ui.importing.run_page import RunPage
from desktop_app.ui.tasks import Cancel, Progress, Task, TaskRunner, Work

FILE, OPTIONS, MAPPING, CHECK, RUN = range(5)


class ImportWizard(QWizard):
    imported = Signal(object)  # ImportResult

    def __init__(self, services: Services, runner: TaskRunner, events: ArchiveEvents | None = None, *,
                 kind: ImportKind | None = None, session_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.events = events
        self.importer = ImportService(services.ctx)
        self.kind = ImportKind.PERSONS
        self.path = Path()
        self.session_id: uuid.UUID | None = None
        self.encoding: str | None = None
        self.sheet: str | None = None
        self.mapping: ColumnMapping | None = None
        self.inspection: FileInspection | None = None
        self.skip_invalid = False
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("导入"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.resize(860, 560)
        self.file_page = FilePage(self)
        self.options_page = OptionsPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        for page_id, page in ((FILE, self.file_page), (OPTIONS, self.options_page), (MAPPING, self.mapping_page),
                              (CHECK, self.check_page), (RUN, self.run_page)):
            self.setPage(page_id, page)
        if kind is not None:
            self.file_page.select_kind(kind)
        if session_id is not None:
            self.file_page.select_session(session_id)

    # -- what the pages decide -----------------------------------------------------------------

    def open_file(self, kind: ImportKind, path: Path, session_id: uuid.UUID | None) -> None:
        """Read the file's header and first rows (short: called on the GUI thread)."""
        self.inspection = self.importer.inspect_file(kind.value, path)
        self.kind, self.path, self.session_id = kind, path, session_id
        self.encoding, self.sheet, self.mapping = None, self.inspection.sheet, None

    def reopen(self, encoding: str | None, sheet: str | None) -> None:
        self.inspection = self.importer.inspect_file(self.kind.value, self.path, encoding=encoding, sheet=sheet)
        self.encoding, self.sheet, self.mapping = encoding, sheet, None

    def import_options(self) -> ImportOptions:
        return ImportOptions(encoding=self.encoding, sheet=self.sheet, mapping=self.mapping,
                             skip_invalid=self.skip_invalid)

    # -- work in the task thread -----------------------------------------------------------------

    def check_work(self) -> Work:
        importer, kind, path, session = self.importer, self.kind, self.path, self.session_id
        options = self.import_options()

        def work(progress: Progress, cancel: Cancel) -> Any:
            if kind is ImportKind.ATTENDANCE:
                assert session is not None
                return importer.check_attendance(session, path, options, progress=progress, cancel=cancel)
            return getattr(importer, f"check_{kind.value}")(path, options, progress=progress, cancel=cancel)

        return work

    def import_work(self) -> Work:
        importer, kind, path, session = self.importer, self.kind, self.path, self.session_id
        options = self.import_options()

        def work(progress: Progress, cancel: Cancel) -> Any:
            if kind is ImportKind.ATTENDANCE:
                assert session is not None
                return importer.import_attendance(session, path, options, progress=progress, cancel=cancel)
            return getattr(importer, f"import_{kind.value}")(path, options, progress=progress, cancel=cancel)

        return work

    def start(self, work: Work, succeeded: Callable[[Any], None], failed: Callable[[BaseException], None],
              progressed: Callable[[int, int], None], *, cancelled: Callable[[], None] | None = None) -> Task:
        task = Task(work, f"import-{self.kind.value}", writes=True)
        task.signals.succeeded.connect(succeeded)
        task.signals.failed.connect(failed)
        task.signals.progressed.connect(progressed)
        if cancelled is not None:
            task.signals.cancelled.connect(cancelled)
        return self.runner.start(task)

    def announce(self, result: ImportResult) -> None:
        entities = {ImportKind.PERSONS: {"person"}, ImportKind.UNITS: {"unit"}, ImportKind.RECORDS: {"record"},
                    ImportKind.ATTENDANCE: {"attendance"}}[self.kind]
        if (result.inserted or result.updated) and self.events is not None:
            self.events.announce(entities, self)
        self.imported.emit(result)

    def reject(self) -> None:
        """Cancel closes the wizard; a dry run still running is told to stop."""
        self.check_page.cleanupPage()
        if self.run_page.task is not None:  # an import cannot be abandoned half way: cancel it first
            self.run_page.cancel()
            return
        super().reject()
