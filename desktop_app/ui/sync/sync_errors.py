"""Sync and bundle failures in words (the core's English message is for logs and the CLI).

``error_text`` covers the shared error codes; the sync-specific sentences are matched here on the
error's code and message, first match wins. The core names the side that failed: the central
store's failures arrive as code ``central`` (``sync/central_errors.py``), the archive's during a
sync as ``archive_sync``; a database driver error that still escapes (recognised by its class
name: ``ui/`` does not import SQLAlchemy) is the archive's, e.g. a full disk during a bundle import.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.error_text import error_text

CTX = "SyncErrors"

# (error code, pattern on the English message, sentence)
RULES: tuple[tuple[str, str, object], ...] = (
    ("central", r"is not an Integrity Files central store",
     QT_TRANSLATE_NOOP("SyncErrors", "该地址不是中心库（缺少中心库的数据表），请核对地址。")),
    ("archive_sync", r"",
     QT_TRANSLATE_NOOP("SyncErrors", "本机档案库读写失败（磁盘已满或出错），同步未完成。已同步的部分已保存；"
                                     "请释放磁盘空间，或在“审计”页校验档案库，然后重新同步。")),
    ("central", r"password authentication failed|authentication failed|not permitted to log in",
     QT_TRANSLATE_NOOP("SyncErrors", "中心库拒绝登录：口令不正确，或本机的登录已被上级单位停用。")),
    ("central", r"not reachable",
     QT_TRANSLATE_NOOP("SyncErrors", "无法连接中心库：网络不通、服务器未开启或地址有误。程序会稍后自动重试。")),
    ("central", r"no central store at",
     QT_TRANSLATE_NOOP("SyncErrors", "找不到中心库：该位置没有中心库文件，请核对地址（中心库由上级单位建立）。")),
    ("central", r"not enrolled",
     QT_TRANSLATE_NOOP("SyncErrors", "本机尚未在中心库登记：请把“保存本机公钥文件”得到的文件交给上级单位办理登记。")),
    ("central", r"no headquarters keys",
     QT_TRANSLATE_NOOP("SyncErrors", "中心库尚未初始化，请联系上级单位。")),
    ("central", r"",
     QT_TRANSLATE_NOOP("SyncErrors", "中心库出错或连接中断，同步未完成。本机档案库完好，已同步的部分已保存，"
                                     "下次同步会接着进行。")),
    ("sync", r"revoked",
     QT_TRANSLATE_NOOP("SyncErrors", "本机已被上级单位撤销，不能再同步。请联系上级单位。")),
    ("sync", r"flagged this archive",
     QT_TRANSLATE_NOOP("SyncErrors", "上级单位已将本档案库标记为异常（审计历史不一致），请先联系上级单位核查。")),
    ("sync", r"went backwards|was rewritten",
     QT_TRANSLATE_NOOP("SyncErrors", "本档案库的审计历史与中心库记录不符（可能是从旧副本恢复的），同步已停止，"
                                     "并已通知上级单位。")),
    ("invalid", r"not a database URL",
     QT_TRANSLATE_NOOP("SyncErrors", "中心库地址的格式不正确。")),
    ("invalid", r"does not exist",
     QT_TRANSLATE_NOOP("SyncErrors", "所选的公钥文件不存在。")),
    ("invalid", r"public key file",
     QT_TRANSLATE_NOOP("SyncErrors", "所选文件不是上级单位的公钥文件。")),
    ("bundle", r"already imported",
     QT_TRANSLATE_NOOP("SyncErrors", "这个回执包已经导入过（重复或较旧的数据包），未做任何更改。")),
    ("bundle", r"is missing: import it",
     QT_TRANSLATE_NOOP("SyncErrors", "缺少更早的回执包：请按编号顺序导入，未做任何更改。")),
    ("bundle", r"does not follow",
     QT_TRANSLATE_NOOP("SyncErrors", "这个回执包与上次导入的不衔接，未做任何更改。")),
    ("bundle", r"addressed to another",
     QT_TRANSLATE_NOOP("SyncErrors", "这个数据包是发给其他单位的，未做任何更改。")),
    ("bundle", r"not a return bundle",
     QT_TRANSLATE_NOOP("SyncErrors", "这不是上级单位发来的回执包。")),
    ("bundle", r"never sent a bundle",
     QT_TRANSLATE_NOOP("SyncErrors", "本档案库还没有导出过离线包，无法核验回执包：请先导出离线包。")),
    ("bundle", r"headquarters key differs",
     QT_TRANSLATE_NOOP("SyncErrors", "所选的上级单位公钥与以前使用的不同，请核对公钥文件。")),
    ("bundle", r"signature does not match|tampered",
     QT_TRANSLATE_NOOP("SyncErrors", "数据包的签名不符：文件可能被篡改或伪造，未做任何更改。")),
    ("bundle", r"truncated|damaged|cannot be decrypted|out of order|entries but its header|not a bundle",
     QT_TRANSLATE_NOOP("SyncErrors", "数据包不完整或已损坏，未做任何更改。")),
)
LOCAL_FAILED = QT_TRANSLATE_NOOP("SyncErrors", "本机档案库读写失败（磁盘已满或出错），操作未完成，"
                                               "已保存的内容不受影响。请释放磁盘空间，或在“审计”页校验档案库。")
BUNDLE_REFUSED = QT_TRANSLATE_NOOP("SyncErrors", "数据包被拒绝，未做任何更改。")
SYNC_FAILED = QT_TRANSLATE_NOOP("SyncErrors", "同步未能完成。")
DRIVER_ERRORS = ("OperationalError", "InterfaceError", "DatabaseError", "ProgrammingError")


def _tr(text: object) -> str:
    return QCoreApplication.translate(CTX, str(text))


def is_driver_error(exc: BaseException) -> bool:
    return type(exc).__name__ in DRIVER_ERRORS and not isinstance(exc, IntegrityFilesError)


def is_expected(exc: BaseException) -> bool:
    """A failure people should read as a sentence, not a crash report."""
    return isinstance(exc, IntegrityFilesError) or is_driver_error(exc) or isinstance(exc, OSError)


def sync_error_text(exc: BaseException) -> str:
    if isinstance(exc, IntegrityFilesError):
        for code, pattern, sentence in RULES:
            if exc.code == code and re.search(pattern, exc.message):
                return _tr(sentence)
        if exc.code == "bundle":
            return _tr(BUNDLE_REFUSED)
        if exc.code == "sync":
            return _tr(SYNC_FAILED)
        return error_text(exc)
    if is_driver_error(exc):  # the central store's are CentralStoreError by now: this is the archive's
        return _tr(LOCAL_FAILED)
    if isinstance(exc, OSError):
        return QCoreApplication.translate("SyncErrors", "无法读写文件：{0}").format(exc.strerror or exc)
    return _tr(SYNC_FAILED)
