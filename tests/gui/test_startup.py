"""Start-up: the first-run wizard, the unlock dialog (wrong passphrase, lockout) and --demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from desktop_app.errors import LockedOutError
from desktop_app.store.archive import Archive
from desktop_app.ui.demo_setup import DEMO_PASSPHRASE, demo_archive_path
from desktop_app.ui.settings import LAST_ARCHIVE, LAST_USER
from desktop_app.ui.startup.unlock_dialog import OTHER_ARCHIVE, UnlockDialog
from desktop_app.ui.startup.wizard import CREATE, RECOVERY, ArchiveWizard
from tests.factories import PASSPHRASE


def test_first_run_wizard_creates_an_archive_and_signs_the_admin_in(qtbot, shell, tmp_path: Path) -> None:
    shell.start()
    wizard = shell.dialog
    assert isinstance(wizard, ArchiveWizard)
    wizard.next()
    assert wizard.currentId() == CREATE
    page = wizard.create_page
    target = tmp_path / "office" / "archive.db"
    page.path_edit.setText(str(target))
    page.office_edit.setText("天河区人社局")
    page.admin_edit.setText("chief")
    qtbot.keyClicks(page.pass_edit, "short")
    assert page.meter.label.text().endswith("不符合要求")
    page.pass_edit.setText(PASSPHRASE)
    page.confirm_edit.setText(PASSPHRASE + "x")
    wizard.next()
    assert wizard.currentId() == CREATE, "mismatched confirmation must stop the wizard"
    assert page.errors.text("confirm") == "两次输入的口令不一致。"
    assert not target.exists()

    page.confirm_edit.setText(PASSPHRASE)
    wizard.next()
    assert wizard.currentId() == RECOVERY
    assert target.exists() and page.pass_edit.text() == "", "passphrase fields are wiped after use"
    recovery = wizard.recovery_page
    assert len(recovery.key_edit.text()) > 40
    assert not recovery.isComplete(), "the recovery key must be acknowledged"
    recovery.confirm.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()

    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible())
    assert shell.services is not None and shell.services.user.name == "chief"
    assert shell.window.status.user_label.text() == "用户：chief（管理员）"
    assert shell.settings.get(LAST_ARCHIVE) == str(target)


def test_wizard_shows_passphrase_rule_at_the_field(qtbot, shell, tmp_path: Path) -> None:
    shell.start()
    wizard = shell.dialog
    wizard.next()
    page = wizard.create_page
    page.path_edit.setText(str(tmp_path / "a.db"))
    page.pass_edit.setText("aaaaaaaaaaaa")
    page.confirm_edit.setText("aaaaaaaaaaaa")
    wizard.next()
    assert wizard.currentId() == CREATE
    assert page.errors.visible_errors() == {"passphrase": "口令过于简单（不同的字符太少）。"}


def _archive(tmp_path: Path) -> Path:
    archive, _user, _key = Archive.create(tmp_path / "office.db", admin_name="admin", admin_passphrase=PASSPHRASE)
    archive.close()
    return tmp_path / "office.db"


def test_unlock_with_wrong_then_right_passphrase(qtbot, shell, tmp_path: Path) -> None:
    path = _archive(tmp_path)
    shell.settings.set(LAST_ARCHIVE, str(path))
    shell.start()
    dialog = shell.dialog
    assert isinstance(dialog, UnlockDialog)
    assert dialog.user_edit.text() == "admin", "the key file's default user is proposed"
    qtbot.keyClicks(dialog.pass_edit, "wrong passphrase")
    dialog.unlock_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.text() == "用户名或口令不正确。"
    assert dialog.pass_edit.text() == ""
    assert shell.services is None

    qtbot.keyClicks(dialog.pass_edit, PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: shell.services is not None)
    assert shell.window.isVisible()
    assert shell.settings.get(LAST_USER) == "admin"


def test_locked_out_disables_the_unlock_button(qtbot, tmp_path: Path) -> None:
    def refuse(_path: Path, _user: str, _passphrase: str):
        raise LockedOutError("too many failed attempts", retry_after=30)

    dialog = UnlockDialog(tmp_path / "x.db", user_name="admin", unlocker=refuse)
    qtbot.addWidget(dialog)
    dialog.pass_edit.setText("anything at all")
    dialog.try_unlock()
    assert dialog.error_label.text() == "失败次数过多，请在 30 秒后再试。"
    assert not dialog.unlock_button.isEnabled()
    assert dialog.retry_timer.isActive()


def test_demo_archive_is_built_with_progress_and_shows_its_passphrase(qtbot, shell, isolated_data_dir) -> None:
    shell.start(demo=True)
    qtbot.waitUntil(lambda: isinstance(shell.dialog, UnlockDialog), timeout=60_000)
    dialog = shell.dialog
    assert demo_archive_path(isolated_data_dir).exists()
    assert DEMO_PASSPHRASE in dialog.demo_label.text() and not dialog.demo_label.isHidden()
    dialog.pass_edit.setText(DEMO_PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: shell.services is not None)
    page = shell.window.persons_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)


def test_enter_in_the_passphrase_field_unlocks(qtbot, tmp_path: Path) -> None:
    """Enter unlocks. Under a real X server (xcb) Enter used to press 打开其他档案库… and drop the user
    into the wizard; offscreen Qt picks the default button differently, so this guards the offscreen
    half and the fix (no auto-default on the other buttons) was checked by hand under Xvfb."""
    from PySide6.QtCore import Qt

    tried: list[str] = []

    def remember(_path: Path, _user: str, passphrase: str):
        tried.append(passphrase)
        raise LockedOutError("too many failed attempts", retry_after=1)

    dialog = UnlockDialog(tmp_path / "x.db", user_name="admin", unlocker=remember)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.pass_edit.setFocus()
    qtbot.keyClicks(dialog.pass_edit, "secret pass 1")
    qtbot.keyClick(dialog.pass_edit, Qt.Key.Key_Return)
    assert tried == ["secret pass 1"]
    assert dialog.result() != OTHER_ARCHIVE
