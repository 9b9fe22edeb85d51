"""Render every page and dialog offscreen into docs/screenshots/ (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.screenshots

Needs a CJK font (CI/docs machines: ``apt-get install fonts-noto-cjk``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.app import build_application
from desktop_app.services import Services
from desktop_app.store import keyslots
from desktop_app.store.archive import Archive
from desktop_app.ui.crash_dialog import CrashDialog
from desktop_app.ui.demo_setup import DEMO_PASSPHRASE, ensure_demo_archive
from desktop_app.ui.i18n import Translations, build_translations
from desktop_app.ui.main_window import ADMIN, OBJECTIONS, SETTINGS, TRAINING, MainWindow
from desktop_app.ui.paths import TRANSLATIONS
from desktop_app.ui.records.record_dialog import RecordDialog
from desktop_app.ui.records.revoke_dialog import RevokeDialog
from desktop_app.ui.settings import AppSettings
from desktop_app.ui.startup.unlock_dialog import UnlockDialog
from desktop_app.ui.startup.wizard import ArchiveWizard
from desktop_app.ui.tasks import TaskRunner

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget: QWidget, name: str) -> None:
    widget.show()
    wait(150)
    widget.grab().save(str(OUT / f"{name}.png"), "PNG", 9)
    print("saved", name)


def main() -> int:
    keyslots.DEFAULT_KDF = keyslots.KdfParams(salt=b"", iterations=1, lanes=1, memory_kib=8192)
    build_application([])
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    translations = Translations(tmp)
    build_translations(TRANSLATIONS, tmp)
    translations.apply("zh_CN")

    wizard = ArchiveWizard(tmp)
    shot(wizard, "wizard-start")
    wizard.next()
    wizard.create_page.office_edit.setText("广州市天河区人力资源和社会保障局")
    wizard.create_page.pass_edit.setText("天河区诚信档案 2026 春")
    wizard.create_page.confirm_edit.setText("天河区诚信档案 2026 春")
    shot(wizard, "wizard-create")
    wizard.recovery_page.set_key(keyslots.new_recovery_key())
    wizard.next_id = None
    wizard.setStartId(2)
    wizard.restart()
    shot(wizard, "wizard-recovery")
    wizard.close()

    path = ensure_demo_archive(tmp / "demo.db", persons=300)
    unlock = UnlockDialog(path, user_name="admin", demo_hint=DEMO_PASSPHRASE)
    shot(unlock, "unlock-demo")
    unlock.pass_edit.setText("wrong passphrase")
    unlock.try_unlock()
    shot(unlock, "unlock-wrong-passphrase")
    unlock.close()

    archive, user = Archive.unlock(path, "admin", DEMO_PASSPHRASE)
    services = Services.for_user(archive, user)  # the day the demo was built: its casework is recent
    window = MainWindow(AppSettings.at(str(tmp / "s.ini")), TaskRunner())
    window.set_services(services)
    window.show()
    wait(800)
    shot(window, "persons")
    page = window.persons_page
    page.search_edit.setText("张")
    wait(800)
    shot(window, "persons-search")
    page.search_edit.clear()
    wait(600)
    target = None
    for row in range(page.model.rowCount()):
        person = page.model.person_at(row)
        file = page.file_view.queries.person_file(person.id)
        if any(r.sanction for r in file.records) and len(file.records) >= 2:
            target = person
            break
    page.open_person((target or page.model.person_at(0)).id)
    shot(window, "person-file")
    page.file_view.tabs.setCurrentIndex(5)
    shot(window, "person-history")
    page.file_view.tabs.setCurrentIndex(0)

    dialog = RecordDialog(services, window.events, page.file_view.person_id, parent=window)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("discipline"))
    dialog.authority_edit.setText("天河区纪委监委")
    dialog.facts_edit.setPlainText("违反工作纪律，造成不良影响。")
    dialog.save()
    shot(dialog, "record-dialog-error")
    dialog.reject()
    record = page.file_view.file.records[-1]
    revoke = RevokeDialog(services, window.events, record, parent=window)
    shot(revoke, "revoke-dialog")
    revoke.reject()

    window.go_to(TRAINING)
    training = window.pages.widget(TRAINING)
    training.courses.session_table.setCurrentIndex(training.courses.sessions.index(1, 0))  # a past, marked one
    wait(400)
    shot(window, "training-page")
    window.go_to(OBJECTIONS)
    objections = window.pages.widget(OBJECTIONS)
    objections.objections.table.selectRow(0)
    shot(window, "objections-page")
    objections.tabs.setCurrentWidget(objections.repairs)
    objections.repairs.table.selectRow(0)
    shot(window, "repairs-page")
    window.go_to(ADMIN)
    shot(window, "admin-page")
    window.go_to(SETTINGS)
    shot(window, "settings")
    window.clear()
    locked = UnlockDialog(path, user_name="admin", locked=True, parent=window)
    shot(window, "locked-window")
    shot(locked, "lock-dialog")
    locked.close()

    translations.apply("en")
    window.set_services(services)
    wait(800)
    shot(window, "persons-english")
    translations.apply("zh_CN")

    crash = CrashDialog("Integrity Files 0.1.0, Python 3.11\nTraceback (most recent call last):\n"
                        "  File \"desktop_app/ui/…\", line 42, in …\nRuntimeError: example\n")
    shot(crash, "crash-dialog")
    window.runner.cancel_all()
    services.close()
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
