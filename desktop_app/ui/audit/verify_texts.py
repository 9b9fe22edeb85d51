"""The archive check's report in words: four checks, each passed or not, and what broke."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.services.maintenance import VerifyReport

CTX = "VerifyTexts"
CHAIN_REASONS: tuple[tuple[str, object], ...] = (
    (r"^missing", QT_TRANSLATE_NOOP("VerifyTexts", "该条缺失（被删除）")),
    (r"does not link", QT_TRANSLATE_NOOP("VerifyTexts", "与前一条不衔接（被删除或调换了顺序）")),
    (r"content was altered", QT_TRANSLATE_NOOP("VerifyTexts", "写入后内容被改动")),
    (r"chain ends at entry", QT_TRANSLATE_NOOP("VerifyTexts", "日志末尾被截去（与另存的链头不符）")),
    (r"^unreadable", QT_TRANSLATE_NOOP("VerifyTexts", "无法读取审计日志")),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate(CTX, str(text))


def verdict(ok: bool) -> str:
    if ok:
        return QCoreApplication.translate("VerifyTexts", "通过")
    return QCoreApplication.translate("VerifyTexts", "未通过")


def chain_problem_text(problem: str) -> str:
    match = re.match(r"audit entry (\d+): (.*)", problem)
    seq, reason = (match.group(1), match.group(2)) if match else ("", problem)
    for pattern, sentence in CHAIN_REASONS:
        if re.search(pattern, reason):
            reason = _tr(sentence)
            break
    if seq:
        return QCoreApplication.translate("VerifyTexts", "在第 {0} 条断开：{1}").format(seq, reason)
    return reason


def report_lines(report: VerifyReport) -> list[tuple[str, bool, str]]:
    """(check, passed, what broke) for each of the four checks."""
    chain_ok = report.chain_problem is None
    return [
        (QCoreApplication.translate("VerifyTexts", "加密完整性（每一页的密文校验）"), report.cipher_ok, ""),
        (QCoreApplication.translate("VerifyTexts", "数据库完整性"), report.database_ok, ""),
        (QCoreApplication.translate("VerifyTexts", "审计链（每条日志与前一条的哈希相连）"), chain_ok,
         "" if chain_ok else chain_problem_text(report.chain_problem or "")),
        (QCoreApplication.translate("VerifyTexts", "当前数据与审计日志一致（防止回滚到旧副本）"),
         not report.state_problems,
         QCoreApplication.translate("VerifyTexts", "{0} 处不一致").format(len(report.state_problems))
         if report.state_problems else ""),
    ]
