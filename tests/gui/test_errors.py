"""Typed errors become clear Chinese sentences; an unexpected exception shows the crash dialog,
is logged without secrets, and the app keeps running."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QGuiApplication

from desktop_app.errors import (
    ArchiveError,
    AuthenticationError,
    DuplicateError,
    LockedOutError,
    PermissionDenied,
    ValidationError,
)
from desktop_app.ui.crash import RedactingFormatter, install_excepthook, redact
from desktop_app.ui.crash_dialog import CrashDialog
from desktop_app.ui.error_text import error_text
from tests.factories import id_number


def test_error_texts_name_the_field_and_the_rule() -> None:
    assert error_text(ValidationError("document_no is required", field="document_no")) == "请填写文号。"
    assert error_text(ValidationError("facts is longer than 20000 characters (20001)", field="facts")) \
        == "事实不能超过 20000 个字符。"
    assert error_text(ValidationError("decision date is in the future", field="decided_on")) == "决定日期不能晚于今天。"
    assert error_text(ValidationError("something new", field="authority")) == "决定机关填写有误。"
    assert error_text(PermissionDenied("clerk may not x")) == "您的角色无权执行此操作。"
    assert error_text(AuthenticationError("unknown user or wrong passphrase")) == "用户名或口令不正确。"
    assert error_text(LockedOutError("wait", retry_after=29.6)) == "失败次数过多，请在 30 秒后再试。"
    assert error_text(DuplicateError("a person with the ID number ending in 1234 already has a file",
                                     field="id_number")) == "该身份证号已经建有档案。"
    assert error_text(ArchiveError("x.db already exists; choose another file name")) \
        == "该位置已有档案库，请换一个文件名。"
    assert error_text(ValidationError("bad", field="name", line=7)) == "第 7 行：姓名填写有误。"


def test_disk_full_errors_say_so_and_that_nothing_changed() -> None:
    assert "未导入任何内容" in error_text(ArchiveError(
        "nothing was imported: the backup taken before every import could not be written (disk I/O error)",
        field="file", code="import_backup_failed"))
    for message in ("backup failed (No space left on device); nothing was written",
                    "cannot open x.db: the disk is full or failing (disk I/O error); free space and try again"):
        assert error_text(ArchiveError(message)) \
            == "磁盘空间不足或磁盘故障，操作未完成，档案库没有改变。请释放磁盘空间后重试。"


def test_redaction_masks_id_numbers_and_secrets() -> None:
    number = id_number(1)
    text = redact(f"person {number} passphrase=hunter2hunter2 key x'00112233445566778899aabb'")
    assert number not in text and f"{number[:6]}********{number[-4:]}" in text
    assert "hunter2" not in text and "00112233445566778899" not in text


def test_excepthook_logs_without_secrets_and_shows_copyable_details(qtbot, caplog) -> None:
    shown: list[str] = []
    previous = install_excepthook(shown.append)
    number = id_number(3)
    try:
        try:
            raise RuntimeError(f"boom while showing {number}")
        except RuntimeError as exc:
            with caplog.at_level(logging.ERROR, logger="desktop_app"):
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    assert len(shown) == 1 and "RuntimeError: boom while showing" in shown[0]
    assert number not in shown[0]
    formatted = RedactingFormatter().format(caplog.records[-1])
    assert "unexpected error" in formatted and number not in formatted

    dialog = CrashDialog(shown[0])
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == shown[0]
    assert dialog.copy_button.text() == "已复制"


def test_a_limited_administrator_is_told_why_archive_wide_work_is_refused() -> None:
    assert error_text(PermissionDenied("管理员 (admin-a) may not policy.update: only a user who works on the whole "
                                       "archive may: change the policy profile")) \
        == "只有负责整个档案库的用户才能执行此操作（您只负责部分单位）。"


def test_a_failed_sync_names_the_side_that_failed() -> None:
    from desktop_app.sync.central_errors import CentralStoreError
    from desktop_app.ui.sync.sync_errors import sync_error_text

    class OperationalError(Exception):  # a driver error escaping the core, by its class name
        pass

    assert sync_error_text(CentralStoreError("the central store postgresql://x@h/db failed (OperationalError: "
                                             "server closed the connection unexpectedly)")).startswith(
        "中心库出错或连接中断，同步未完成。本机档案库完好")
    assert sync_error_text(CentralStoreError("central store not reachable: FATAL: role \"if_dev_1\" is not "
                                             "permitted to log in")).startswith("中心库拒绝登录")
    assert sync_error_text(CentralStoreError("sqlite:///c.db is not an Integrity Files central store "
                                             "(OperationalError: no such table: sync_devices)")).startswith(
        "该地址不是中心库")
    assert sync_error_text(ArchiveError("this archive could not be read or written during the sync (disk I/O "
                                        "error)", code="archive_sync")).startswith("本机档案库读写失败")
    assert sync_error_text(OperationalError("database or disk is full")).startswith("本机档案库读写失败")
