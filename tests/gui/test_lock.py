"""Auto-lock and Ctrl+L: the key leaves memory, the window is covered, an open form becomes an
encrypted draft and comes back after unlock. (The archive closes right after the lock, once the
event loop has run: ``AppShell.locked``; timing, suspend, modal dialogs and imports: test_idle_lock.)"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.ui.records.record_dialog import RecordDialog
from desktop_app.ui.settings import LAST_ARCHIVE
from desktop_app.ui.startup.unlock_dialog import UnlockDialog
from tests.factories import PASSPHRASE
from tests.gui.conftest import type_text


def signed_in_shell(qtbot, shell, admin):
    path = admin.ctx.archive.path
    shell.settings.set(LAST_ARCHIVE, str(path))
    shell.start()
    dialog = shell.dialog
    dialog.user_edit.setText("admin")
    dialog.pass_edit.setText(PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: shell.services is not None)
    page = shell.window.persons_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    return page


def unlock_again(qtbot, shell) -> None:
    qtbot.waitUntil(lambda: isinstance(shell.dialog, UnlockDialog) and shell.dialog.locked)
    dialog = shell.dialog
    assert isinstance(dialog, UnlockDialog) and dialog.locked and dialog.isVisible()
    dialog.pass_edit.setText(PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: shell.services is not None)


def test_idle_lock_keeps_an_open_form_as_an_encrypted_draft(qtbot, shell, admin, clock,
                                                          isolated_data_dir: Path) -> None:
    page = signed_in_shell(qtbot, shell, admin)
    zhang = admin.persons.search("张三")[0]
    page.open_person(zhang.id)
    page.file_view.records_tab.add_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible())
    type_text(dialog.document_edit, "穗纪〔2026〕77号")
    type_text(dialog.facts_edit, "草稿中的事实描述")
    archive = shell.services.ctx.archive

    clock.advance(9 * 60)
    assert not shell.idle.check(), "not idle yet after 9 of 10 minutes"
    clock.advance(61)
    with qtbot.waitSignal(shell.locked, timeout=5000):
        assert shell.idle.check()

    assert shell.services is None and not archive.is_open, "the key is dropped"
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed (and deleted with its page)
    assert shell.window.outer.currentIndex() == 1 and shell.window.persons_page is None
    assert shell.window.status.user_label.text() == ""
    sealed = b"".join(p.read_bytes() for p in (isolated_data_dir / "drafts").iterdir())
    assert "穗纪".encode() not in sealed and "草稿中的事实".encode() not in sealed

    unlock_again(qtbot, shell)
    restored = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible()]
    assert len(restored) == 1
    assert restored[0].document_edit.text() == "穗纪〔2026〕77号"
    assert restored[0].facts_edit.toPlainText() == "草稿中的事实描述"
    assert shell.window.persons_page.file_view.identity.name_label.text() == "张三"
    assert not list((isolated_data_dir / "drafts").iterdir()), "a draft is read once"


def test_ctrl_l_locks_and_activity_postpones_auto_lock(qtbot, shell, admin, clock) -> None:
    page = signed_in_shell(qtbot, shell, admin)
    clock.advance(9 * 60)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_A)  # activity resets the idle timer
    clock.advance(5 * 60)
    assert not shell.idle.check()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.services is None
    unlock_again(qtbot, shell)
    assert shell.window.persons_page is not None


def test_idle_minutes_setting_changes_the_delay(qtbot, shell, admin, clock) -> None:
    signed_in_shell(qtbot, shell, admin)
    settings_page = shell.window.settings_page
    settings_page.idle_spin.setValue(2)
    clock.advance(2 * 60 + 1)
    assert shell.idle.check()
    assert shell.services is None
