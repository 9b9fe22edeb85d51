"""A conflict's field and values in words: domain codes as their labels, dates as dates."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.domain.enums import (
    AssessmentGrade,
    Gender,
    PersonStatus,
    Polarity,
    RecordKind,
    RecordState,
    SanctionKind,
    Severity,
    UnitLevel,
)
from desktop_app.ui.error_text import FIELD_NAMES, field_name
from desktop_app.ui.i18n import format_date, format_datetime, label

CTX = "ConflictValues"

ENUM_FIELDS: dict[str, type[Enum]] = {
    "kind": RecordKind, "severity": Severity, "sanction": SanctionKind, "state": RecordState, "gender": Gender,
    "status": PersonStatus, "polarity": Polarity, "level": UnitLevel, "grade": AssessmentGrade,
}
MORE_FIELDS = {
    "under_objection": QT_TRANSLATE_NOOP("ConflictValues", "异议处理中"),
    "state_reason": QT_TRANSLATE_NOOP("ConflictValues", "状态说明"),
    "sanction_end": QT_TRANSLATE_NOOP("ConflictValues", "处分期满日"),
    "publication_start": QT_TRANSLATE_NOOP("ConflictValues", "公示开始日"),
    "publication_earliest_end": QT_TRANSLATE_NOOP("ConflictValues", "最早公示结束日"),
    "publication_latest_end": QT_TRANSLATE_NOOP("ConflictValues", "最晚公示结束日"),
    "unit_id": QT_TRANSLATE_NOOP("ConflictValues", "单位"),
    "birth_date": QT_TRANSLATE_NOOP("ConflictValues", "出生日期"),
    "file_opened_on": QT_TRANSLATE_NOOP("ConflictValues", "建档日期"),
    "polarity": QT_TRANSLATE_NOOP("ConflictValues", "失信/守信"),
    "gender": QT_TRANSLATE_NOOP("ConflictValues", "性别"),
    "level": QT_TRANSLATE_NOOP("ConflictValues", "层级"),
    "parent_id": QT_TRANSLATE_NOOP("ConflictValues", "上级单位"),
}
KINDS = {
    "concurrent_edit": QT_TRANSLATE_NOOP("ConflictValues", "同时修改"),
    "edit_after_revoke": QT_TRANSLATE_NOOP("ConflictValues", "撤销后修改"),
}
EMPTY = QT_TRANSLATE_NOOP("ConflictValues", "（空）")
YES, NO = QT_TRANSLATE_NOOP("ConflictValues", "是"), QT_TRANSLATE_NOOP("ConflictValues", "否")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _tr(text: object) -> str:
    return QCoreApplication.translate(CTX, str(text))


def title(text: object) -> str:
    """A QT_TRANSLATE_NOOP marker's text as ``str`` (PySide6 types the marker as returning object)."""
    return str(text)


def field_label(field: str) -> str:
    """One field (``post``) or several (``facts,severity`` of an edit after a revoke)."""
    names = []
    for name in field.split(","):
        if name in MORE_FIELDS:
            names.append(_tr(MORE_FIELDS[name]))
        elif name in FIELD_NAMES:
            names.append(field_name(name))
        else:
            names.append(name)
    return QCoreApplication.translate("ConflictValues", "、").join(names)


def kind_label(kind: str) -> str:
    return _tr(KINDS[kind]) if kind in KINDS else kind


def value_text(field: str, value: Any) -> str:
    if value is None or value == "":
        return _tr(EMPTY)
    if isinstance(value, bool):
        return _tr(YES if value else NO)
    if isinstance(value, dict):
        pair = QCoreApplication.translate("ConflictValues", "{0}：{1}")
        return QCoreApplication.translate("ConflictValues", "；").join(
            pair.format(field_label(k), value_text(k, v)) for k, v in sorted(value.items()))
    if isinstance(value, list):
        return QCoreApplication.translate("ConflictValues", "、").join(value_text(field, v) for v in value)
    enum = ENUM_FIELDS.get(field)
    if enum is not None:
        try:
            return label(enum(value).label)  # type: ignore[attr-defined]
        except ValueError:
            return str(value)
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    if field.endswith("_id") and isinstance(value, str):
        return value[:8]
    return str(value)


def hlc_time(stamp: str) -> str:
    """When an edit was made: the wall-clock part of its hybrid logical clock stamp."""
    try:
        millis = int(stamp.split(".", 1)[0])
    except ValueError:
        return ""
    return format_datetime(datetime.fromtimestamp(millis / 1000, UTC))
