"""Sync results, stages and quarantine reasons in words."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.sync.bundles import BundleResult
from desktop_app.sync.engine import SyncReport
from desktop_app.ui.i18n import format_count

CTX = "SyncTexts"

STAGES = {
    "push": QT_TRANSLATE_NOOP("SyncTexts", "正在发送本机的更改…"),
    "pull": QT_TRANSLATE_NOOP("SyncTexts", "正在接收中心库的更改…"),
    "export": QT_TRANSLATE_NOOP("SyncTexts", "正在导出离线包…"),
    "preview": QT_TRANSLATE_NOOP("SyncTexts", "正在检查回执包…"),
    "import": QT_TRANSLATE_NOOP("SyncTexts", "正在导入回执包…"),
    "start": QT_TRANSLATE_NOOP("SyncTexts", "正在连接中心库…"),
}

QUARANTINE_REASONS: tuple[tuple[str, object], ...] = (
    (r"bad signature", QT_TRANSLATE_NOOP("SyncTexts", "签名不符（内容可能在途中被改动）")),
    (r"unknown device", QT_TRANSLATE_NOOP("SyncTexts", "来自未登记的设备")),
    (r"is revoked|revoked device", QT_TRANSLATE_NOOP("SyncTexts", "来自已被撤销的设备")),
    (r"differs from its sender|made by another device",
     QT_TRANSLATE_NOOP("SyncTexts", "发送设备与更改中记载的设备不一致")),
    (r"malformed", QT_TRANSLATE_NOOP("SyncTexts", "内容格式损坏")),
    (r"not synchronised", QT_TRANSLATE_NOOP("SyncTexts", "这类数据不参与同步")),
    (r"not in this archive", QT_TRANSLATE_NOOP("SyncTexts", "所修改的对象不在本档案库中")),
    (r"outside the device's scope", QT_TRANSLATE_NOOP("SyncTexts", "超出该设备的数据范围")),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate(CTX, str(text))


def stage_text(stage: str) -> str:
    return _tr(STAGES[stage]) if stage in STAGES else stage


def quarantine_reason(reason: str) -> str:
    for pattern, sentence in QUARANTINE_REASONS:
        if re.search(pattern, reason):
            return _tr(sentence)
    return reason


def report_summary(report: SyncReport) -> str:
    n = format_count
    parts = [QCoreApplication.translate("SyncTexts", "发送 {0} 项更改").format(n(report.pushed))]
    if report.duplicates:
        parts.append(QCoreApplication.translate("SyncTexts", "{0} 项中心库已有").format(n(report.duplicates)))
    parts.append(QCoreApplication.translate("SyncTexts", "接收 {0} 项，应用 {1} 项").format(
        n(report.pulled), n(report.applied)))
    if report.conflicts:
        parts.append(QCoreApplication.translate("SyncTexts", "新增冲突 {0} 项").format(n(report.conflicts)))
    if report.quarantined or report.refused_by_central:
        parts.append(QCoreApplication.translate("SyncTexts", "隔离 {0} 项").format(
            n(report.quarantined + report.refused_by_central)))
    seconds = QCoreApplication.translate("SyncTexts", "用时 {0} 秒").format(f"{report.seconds:.1f}")
    separator = QCoreApplication.translate("SyncTexts", "，")
    return QCoreApplication.translate("SyncTexts", "同步完成：{0}（{1}）。").format(separator.join(parts), seconds)


def export_summary(result: BundleResult, file_name: str) -> str:
    return QCoreApplication.translate("SyncTexts", "已导出第 {0} 号离线包（{1} 项更改）：{2}。"
                                                   "请交给上级单位导入。").format(
        result.number, format_count(result.changes), file_name)


def import_preview(result: BundleResult) -> str:
    return QCoreApplication.translate(
        "SyncTexts", "第 {0} 号回执包，含 {1} 项更改：将应用 {2} 项，本机已有 {3} 项，隔离 {4} 项，"
                     "产生冲突 {5} 项。").format(result.number, *(format_count(v) for v in (
                         result.changes, result.new, result.duplicates, result.refused, result.conflicts)))


def import_summary(result: BundleResult) -> str:
    return QCoreApplication.translate("SyncTexts", "已导入第 {0} 号回执包：应用 {1} 项，已有 {2} 项，隔离 {3} 项，"
                                                   "冲突 {4} 项。").format(
        result.number, *(format_count(v) for v in (result.new, result.duplicates, result.refused,
                                                   result.conflicts)))
