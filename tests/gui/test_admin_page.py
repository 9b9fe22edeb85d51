"""账户与维护: a user changes their own passphrase; an administrator manages users, takes a backup and
rotates the data key from the window, on real archives, with the refusals read as sentences."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.errors import AuthenticationError
from desktop_app.services import Services
from desktop_app.store.archive import Archive
from desktop_app.store.keyslots import key_path_for
from desktop_app.ui.admin.admin_page import AdminPage
from desktop_app.ui.admin.user_table_model import UserTableModel
from desktop_app.ui.admin.users_panel import UsersPanel
from desktop_app.ui.main_window import ADMIN, SETTINGS, MainWindow
from tests.conftest import sign_in
from tests.factories import PASSPHRASE, TODAY, organ_uscc
from tests.gui.test_lock import signed_in_shell
from tests.gui.test_sync_page import save_screenshot, styled

HOME_UNIT = "广州市天河区人力资源和社会保障局"
OTHER_UNIT = "广州市越秀区人力资源和社会保障局"
NEW_PASSPHRASE = "a brand new passphrase 2"
BUSY = "档案库正在其他会话中打开（例如另一个窗口或命令行）。请先关闭它们，再更换数据密钥。"


def _page(window: MainWindow) -> AdminPage:
    window.go_to(ADMIN)
    page = window.pages.widget(ADMIN)
    assert isinstance(page, AdminPage)
    return page


def _users(page: AdminPage) -> UsersPanel:
    assert page.users is not None
    return page.users


def _type(qtbot: Any, edit: QWidget, text: str) -> None:
    qtbot.keyClicks(edit, text)


def _column(panel: UsersPanel, name: str) -> list[str]:
    model = panel.model
    row = model.row_of(name)
    assert row >= 0, f"{name} is not in the table"
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def _select(panel: UsersPanel, name: str) -> None:
    panel.table.selectRow(panel.model.row_of(name))
    assert panel.selected() is not None and panel.selected().name == name  # type: ignore[union-attr]


def _can_sign_in(services: Services, user: str, passphrase: str) -> bool:
    try:
        sign_in(services, user, passphrase).close()
    except AuthenticationError:
        return False
    return True


# -- 我的账户 ------------------------------------------------------------------------------

def test_a_user_changes_their_own_passphrase(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(admin)
    assert window.nav.item(ADMIN).text() == "账户与维护" and window.nav.item(SETTINGS).text() == "设置"
    account = _page(window).account
    account.change_button.click()
    dialog = account.dialog
    assert dialog is not None and dialog.isVisible()
    _type(qtbot, dialog.old_edit, "not my passphrase")
    _type(qtbot, dialog.pair.first, NEW_PASSPHRASE)
    _type(qtbot, dialog.pair.second, NEW_PASSPHRASE)
    qtbot.keyClick(dialog.pair.second, Qt.Key.Key_Return)           # Enter = the default button
    assert dialog.isVisible() and dialog.errors.visible_errors() == {"old": "原口令不正确。"}
    assert _can_sign_in(admin, "admin", PASSPHRASE)                    # nothing changed

    dialog.old_edit.clear()
    _type(qtbot, dialog.old_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and account.dialog is None
    assert (dialog.old_edit.text(), dialog.pair.first.text(), dialog.pair.second.text()) == ("", "", "")
    assert account.status.text() == "口令已修改。下次登录或解锁时请使用新口令。"
    assert _can_sign_in(admin, "admin", NEW_PASSPHRASE)
    assert not _can_sign_in(admin, "admin", PASSPHRASE)


def test_two_different_new_entries_never_reach_the_service(qtbot, admin: Services, open_window,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(admin.users, "change_own_passphrase", lambda old, new: calls.append((old, new)))
    account = _page(open_window(admin)).account
    account.change_button.click()
    dialog = account.dialog
    assert dialog is not None
    _type(qtbot, dialog.old_edit, PASSPHRASE)
    _type(qtbot, dialog.pair.first, NEW_PASSPHRASE)
    _type(qtbot, dialog.pair.second, NEW_PASSPHRASE + "x")
    dialog.ok_button.click()
    assert calls == []
    assert dialog.isVisible() and dialog.errors.visible_errors() == {"confirm": "两次输入的口令不一致。"}


def test_escape_closes_the_dialog_and_forgets_what_was_typed(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    account = _page(open_window(admin)).account
    account.change_button.click()
    dialog = account.dialog
    assert dialog is not None
    _type(qtbot, dialog.old_edit, PASSPHRASE)
    _type(qtbot, dialog.pair.first, NEW_PASSPHRASE)
    qtbot.keyClick(dialog.pair.first, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and account.dialog is None
    assert (dialog.old_edit.text(), dialog.pair.first.text()) == ("", "")
    assert not account.status.isVisible()
    assert _can_sign_in(admin, "admin", PASSPHRASE)


def test_locking_closes_the_dialog_and_keeps_no_passphrase(qtbot, shell, admin: Services) -> None:  # type: ignore[no-untyped-def]
    signed_in_shell(qtbot, shell, admin)
    account = _page(shell.window).account
    account.change_button.click()
    dialog = account.dialog
    assert dialog is not None
    _type(qtbot, dialog.old_edit, PASSPHRASE)
    _type(qtbot, dialog.pair.first, NEW_PASSPHRASE)
    shell.lock()
    assert not dialog.isVisible() and (dialog.old_edit.text(), dialog.pair.first.text()) == ("", "")
    assert shell.vault.take(admin.ctx.archive.raw_key(), admin.ctx.archive.archive_id, "admin") == []  # no draft


def test_a_short_new_passphrase_is_shown_at_its_field(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    account = _page(open_window(admin)).account
    account.change_button.click()
    dialog = account.dialog
    assert dialog is not None
    _type(qtbot, dialog.old_edit, PASSPHRASE)
    _type(qtbot, dialog.pair.first, "short")
    _type(qtbot, dialog.pair.second, "short")
    dialog.ok_button.click()
    assert dialog.errors.visible_errors() == {"passphrase": "口令至少需要 10 个字符。"}


def test_a_clerk_sees_my_account_only(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    admin.users.add("clerk1", "clerk", PASSPHRASE)
    admin.users.set_scope("clerk1", [HOME_UNIT])
    clerk = sign_in(admin, "clerk1")
    try:
        page = _page(open_window(clerk))
        assert page.users is None and page.maintenance is None
        assert page.account.change_button.isEnabled()
        assert page.account.findChild(QWidget, "ownScope").text() == HOME_UNIT  # type: ignore[union-attr]
    finally:
        clerk.close()


# -- 用户 ----------------------------------------------------------------------------------

def test_the_user_table_model(qtmodeltester, admin: Services) -> None:  # type: ignore[no-untyped-def]
    admin.users.add("clerk1", "clerk", PASSPHRASE)
    admin.users.set_scope("clerk1", [HOME_UNIT])
    admin.users.add("gone1", "reviewer", PASSPHRASE)
    admin.users.remove("gone1")
    model = UserTableModel()
    model.set_rows(admin.users.list())
    qtmodeltester.check(model, force_py=True)
    rows = {model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(4)]
            for r in range(model.rowCount())}
    assert rows == {"admin": ["admin", "管理员", "整个档案库", "在用"],
                    "clerk1": ["clerk1", "录入员", HOME_UNIT, "在用"],
                    "gone1": ["gone1", "审核员", "整个档案库", "已停用"]}
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["用户名", "角色", "负责单位", "状态"]


def test_an_administrator_adds_a_user_limited_to_a_unit(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    admin.units.add(name=OTHER_UNIT, uscc=organ_uscc(2), division_code="440104")
    panel = _users(_page(open_window(admin)))
    assert panel.selected() is None
    assert not any(b.isEnabled() for b in (panel.reset_button, panel.scope_button, panel.remove_button))
    panel.add_button.click()
    dialog = panel.dialog
    assert dialog is not None and dialog.objectName() == "addUserDialog"
    _type(qtbot, dialog.name_edit, "li.clerk")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("reviewer"))
    _type(qtbot, dialog.pair.first, "li's passphrase 1")
    _type(qtbot, dialog.pair.second, "li's passphrase 1")
    units = dialog.units
    row = next(r for r in range(units.count()) if units.item(r).text() == OTHER_UNIT)
    units.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert _column(panel, "li.clerk") == ["li.clerk", "审核员", OTHER_UNIT, "在用"]
    assert panel.selected().name == "li.clerk"  # type: ignore[union-attr]
    assert panel.status.text() == "已新增用户 li.clerk。"
    li = sign_in(admin, "li.clerk", "li's passphrase 1")
    try:
        assert [u.name for u in li.users.own_scope()] == [OTHER_UNIT]
    finally:
        li.close()

    panel.add_button.click()                                      # the same name again: refused at the field
    again = panel.dialog
    assert again is not None
    _type(qtbot, again.name_edit, "li.clerk")
    _type(qtbot, again.pair.first, "li's passphrase 1")
    _type(qtbot, again.pair.second, "li's passphrase 1")
    again.ok_button.click()
    assert again.isVisible() and again.errors.visible_errors() == {"user": "用户名已存在。"}
    again.reject()


def test_reset_passphrase_lets_the_user_sign_in_with_the_new_one(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    admin.users.add("clerk1", "clerk", "clerk passphrase 1")
    panel = _users(_page(open_window(admin)))
    _select(panel, "clerk1")
    panel.reset_button.click()
    dialog = panel.dialog
    assert dialog is not None and dialog.objectName() == "resetPassphraseDialog"
    _type(qtbot, dialog.pair.first, "clerk passphrase 2")
    _type(qtbot, dialog.pair.second, "clerk passphrase 2")
    qtbot.keyClick(dialog.pair.second, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.pair.first.text() == ""
    assert panel.status.text() == "已为 clerk1 重置口令。"
    assert _can_sign_in(admin, "clerk1", "clerk passphrase 2")
    assert not _can_sign_in(admin, "clerk1", "clerk passphrase 1")


def test_limit_units_and_give_the_whole_archive_back(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    admin.units.add(name=OTHER_UNIT, uscc=organ_uscc(2), division_code="440104")
    admin.users.add("clerk1", "clerk", PASSPHRASE)
    panel = _users(_page(open_window(admin)))
    _select(panel, "clerk1")
    panel.scope_button.click()
    dialog = panel.dialog
    assert dialog is not None and dialog.whole_radio.isChecked() and not dialog.units.isEnabled()
    dialog.some_radio.setChecked(True)
    dialog.ok_button.click()                                      # nothing ticked: said, not sent
    assert dialog.errors.visible_errors() == {"units": "请至少勾选一个单位，或选择“整个档案库”。"}
    dialog.units.set_checked([HOME_UNIT])
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert _column(panel, "clerk1")[2] == HOME_UNIT
    assert [u.name for u in admin.users.scope("clerk1")] == [HOME_UNIT]

    panel.scope_button.click()
    dialog = panel.dialog
    assert dialog is not None and dialog.some_radio.isChecked() and dialog.units.checked_ids()
    dialog.whole_radio.setChecked(True)
    dialog.ok_button.click()
    assert _column(panel, "clerk1")[2] == "整个档案库" and admin.users.scope("clerk1") == ()


def test_remove_deactivates_and_removing_yourself_is_refused(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    admin.users.add("clerk1", "clerk", PASSPHRASE)
    panel = _users(_page(open_window(admin)))
    _select(panel, "clerk1")
    panel.remove_button.click()
    box = panel.confirm_box
    assert box is not None and box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()         # cancelled: nothing happens
    assert _column(panel, "clerk1")[3] == "在用"

    panel.remove_button.click()
    box = panel.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert _column(panel, "clerk1")[3] == "已停用"
    assert panel.status.text() == "已停用 clerk1。"
    assert not any(b.isEnabled() for b in (panel.reset_button, panel.scope_button, panel.remove_button))
    assert not _can_sign_in(admin, "clerk1", PASSPHRASE)

    _select(panel, "admin")
    panel.remove_button.click()
    box = panel.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert panel.status.text() == "不能删除自己的账户。"
    assert _column(panel, "admin")[3] == "在用"


def test_a_limited_administrator_cannot_give_the_whole_archive(qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    admin.users.add("admin-a", "admin", PASSPHRASE, units=[HOME_UNIT])
    admin.users.add("clerk1", "clerk", PASSPHRASE, units=[HOME_UNIT])
    limited = sign_in(admin, "admin-a")
    try:
        page = _page(open_window(limited))
        panel = _users(page)
        _select(panel, "clerk1")
        panel.scope_button.click()
        dialog = panel.dialog
        assert dialog is not None and not dialog.whole_radio.isEnabled()
        dialog.reject()
        assert page.maintenance is not None and page.maintenance.backup_button is not None
        page.maintenance.choose_backup_path = lambda default: str(default)
        page.maintenance.backup_button.click()
        qtbot.waitUntil(lambda: page.maintenance.task is None)  # type: ignore[union-attr]
        assert page.maintenance.status.text() == "只有负责整个档案库的用户才能执行此操作（您只负责部分单位）。"
        assert not (admin.ctx.archive.path.parent / f"office-{TODAY:%Y-%m-%d}.db").exists()
    finally:
        limited.close()


# -- 备份与密钥 ---------------------------------------------------------------------------

def _run(qtbot: Any, page: AdminPage, start: Callable[[], None]) -> str:
    """Start the work from the button, see that it runs in the task runner, wait for its end."""
    panel = page.maintenance
    assert panel is not None
    start()
    assert panel.task is not None and panel.progress.isVisibleTo(panel)
    qtbot.waitUntil(lambda: panel.task is None, timeout=30_000)
    assert not panel.progress.isVisibleTo(panel)
    return panel.status.text()


def test_a_backup_runs_in_the_worker_and_opens_with_the_same_passphrase(qtbot, admin: Services,  # type: ignore[no-untyped-def]
                                                                      open_window, tmp_path: Path) -> None:
    threads: list[str] = []
    real_backup = admin.maintenance.backup

    def backup(dest: Path) -> Path:
        threads.append(threading.current_thread().name)
        return real_backup(dest)

    admin.maintenance.backup = backup  # type: ignore[method-assign]  # a spy: the real backup runs
    page = _page(open_window(admin))
    panel = page.maintenance
    assert panel is not None and panel.backup_button is not None and panel.rekey_button is not None
    offered: list[Path] = []
    target = tmp_path / "usb" / "tianhe-backup"
    target.parent.mkdir()
    panel.choose_backup_path = lambda default: (offered.append(default), str(target))[1]
    text = _run(qtbot, page, panel.backup_button.click)
    assert offered == [admin.ctx.archive.path.with_name(f"office-{TODAY:%Y-%m-%d}.db")]
    dest = target.with_suffix(".db")
    assert text == f"备份已写入 {dest}，密钥文件写入 {key_path_for(dest)}。"
    assert threads and threads[0] != threading.main_thread().name
    archive, user = Archive.unlock(dest, "admin", PASSPHRASE)
    copy = Services.for_user(archive, user, today=lambda: TODAY)
    try:
        assert copy.persons.count() == 2 and copy.maintenance.verify().ok
    finally:
        copy.close()

    text = _run(qtbot, page, panel.backup_button.click)          # the same file again: refused, said
    assert text == "该位置已有档案库，请换一个文件名。"


def _confirm_rekey(page: AdminPage) -> None:
    panel = page.maintenance
    assert panel is not None and panel.rekey_button is not None
    panel.rekey_button.click()
    box = panel.confirm_box
    assert box is not None and "口令" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).click()


def test_rekey_with_another_session_open_is_refused_and_changes_nothing(qtbot, admin: Services,  # type: ignore[no-untyped-def]
                                                                      open_window) -> None:
    admin.users.add("clerk1", "clerk", "clerk passphrase 1")
    other = sign_in(admin, "clerk1", "clerk passphrase 1")
    try:
        path = admin.ctx.archive.path
        key, keys_before = admin.ctx.archive.raw_key(), key_path_for(path).read_bytes()
        page = _page(open_window(admin))
        assert _run(qtbot, page, lambda: _confirm_rekey(page)) == BUSY
        assert admin.ctx.archive.raw_key() == key and key_path_for(path).read_bytes() == keys_before
        assert other.persons.count() == 2
    finally:
        other.close()


def test_rekey_alone_rotates_the_key_and_everyone_keeps_their_passphrase(qtbot, admin: Services,  # type: ignore[no-untyped-def]
                                                                        open_window) -> None:
    admin.users.add("clerk1", "clerk", "clerk passphrase 1")
    key = admin.ctx.archive.raw_key()
    page = _page(open_window(admin))
    assert _run(qtbot, page, lambda: _confirm_rekey(page)) == "数据密钥已更换。每位用户继续使用自己现在的口令。"
    assert admin.ctx.archive.raw_key() != key and admin.maintenance.verify().ok
    assert _can_sign_in(admin, "clerk1", "clerk passphrase 1") and _can_sign_in(admin, "admin", PASSPHRASE)
    users = page.users
    assert users is not None
    users.refresh()                                                # the open window goes on with the new key
    assert users.model.rowCount() == 2


def test_screenshot_of_the_page(qtbot, admin: Services, open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin.units.add(name=OTHER_UNIT, uscc=organ_uscc(2), division_code="440104")
    admin.users.add("li.clerk", "clerk", PASSPHRASE, units=[HOME_UNIT])
    admin.users.add("wang.reviewer", "reviewer", PASSPHRASE, units=[HOME_UNIT, OTHER_UNIT])
    admin.users.add("zhao.auditor", "auditor", PASSPHRASE)
    admin.users.add("chen.left", "clerk", PASSPHRASE)
    admin.users.remove("chen.left")
    with styled():
        window = open_window(admin)
        window.resize(1180, 720)
        page = _page(window)
        _select(_users(page), "li.clerk")
        assert save_screenshot(window, "admin-page", tmp_path).stat().st_size > 1000
        window.clear()
