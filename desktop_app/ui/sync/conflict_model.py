"""The open conflicts: whose file, which field, the value kept beside the value that lost, who
made the losing edit and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.services.sync import ConflictRow
from desktop_app.ui.rows_model import Column, RowsTableModel
from desktop_app.ui.sync.conflict_values import field_label, hlc_time, kind_label, title, value_text

REVOKE = "edit_after_revoke"


def fields_text(c: ConflictRow) -> str:
    """The field, or for an edit after a revoke every field the edit changed (the stored field
    list is cut short; the edited values carry them all)."""
    if c.kind == REVOKE and isinstance(c.lost_value, dict):
        return field_label(",".join(sorted(c.lost_value)))
    return field_label(c.field)


def kept_text(c: ConflictRow) -> str:
    return value_text("state" if c.kind == REVOKE else c.field, c.kept_value)


def lost_text(c: ConflictRow) -> str:
    return value_text(c.field, c.lost_value)


def who_text(c: ConflictRow, own_device: str = "") -> str:
    """Who made the edit that lost: the user (when the change carried one) and the device, this
    one named 本机."""
    if c.lost_device and c.lost_device == own_device:
        device = QCoreApplication.translate("ConflictTableModel", "本机")
    else:
        device = QCoreApplication.translate("ConflictTableModel", "设备 {0}").format(c.lost_device[:8])
    if not c.lost_user:
        return device
    who = QCoreApplication.translate("ConflictTableModel", "{user}（{device}）")
    return who.format(user=c.lost_user, device=device)


def columns(own_device: str) -> tuple[Column[ConflictRow], ...]:
    return (
        Column(title(QT_TRANSLATE_NOOP("Columns", "档案")), lambda c: c.subject),
        Column(title(QT_TRANSLATE_NOOP("Columns", "内容")), fields_text),
        Column(title(QT_TRANSLATE_NOOP("Columns", "当前值")), kept_text),
        Column(title(QT_TRANSLATE_NOOP("Columns", "未采用的修改")), lost_text),
        Column(title(QT_TRANSLATE_NOOP("Columns", "修改人")), lambda c: who_text(c, own_device),
               lambda c: f"{c.lost_user or '—'} · {c.lost_device}"),
        Column(title(QT_TRANSLATE_NOOP("Columns", "修改时间")), lambda c: hlc_time(c.lost_hlc)),
        Column(title(QT_TRANSLATE_NOOP("Columns", "类型")), lambda c: kind_label(c.kind)),
    )


class ConflictTableModel(RowsTableModel[ConflictRow]):
    def __init__(self, own_device: str = "", parent: Any = None) -> None:
        super().__init__(columns(own_device), parent)
        self.own_device = own_device
