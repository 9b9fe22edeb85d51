"""Kinds, severities, states and roles of the data model (DESIGN.md §4).

Each enum's value is a stable English code stored in the database; ``label`` is the Chinese name
users write. ``parse`` accepts either, so the CLI takes ``--kind 纪律处分`` as well as ``--kind
discipline``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from desktop_app.errors import ValidationError


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a Chinese label."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def parse(cls, text: str, *, field: str) -> Self:
        cleaned = (text or "").strip()
        for member in cls:
            if cleaned in (member.value, member.label) or cleaned.lower() == member.value:
                return member
        choices = ", ".join(f"{m.label} ({m.value})" for m in cls)
        raise ValidationError(f"unknown {field} {cleaned!r}; expected one of: {choices}", field=field)

    @classmethod
    def help_text(cls) -> str:
        return ", ".join(f"{m.label}/{m.value}" for m in cls)


class Polarity(LabelledEnum):
    DISHONEST = "dishonest", "失信"
    HONEST = "honest", "守信"


class RecordKind(LabelledEnum):
    JUDGMENT = "judgment", "司法判决"
    PENALTY = "penalty", "行政处罚"
    DISCIPLINE = "discipline", "纪律处分"
    ACCOUNTABILITY = "accountability", "问责处理"
    BROKEN_COMMITMENT = "broken_commitment", "未守信践诺"
    OTHER_DISHONEST = "other_dishonest", "其他失信"
    COMMENDATION = "commendation", "嘉奖"
    MERIT = "merit", "记功"
    HONORARY_TITLE = "honorary_title", "授予称号"
    OTHER_HONEST = "other_honest", "其他守信"

    @property
    def polarity(self) -> Polarity:
        return Polarity.HONEST if self in _HONEST_KINDS else Polarity.DISHONEST


_HONEST_KINDS = frozenset({RecordKind.COMMENDATION, RecordKind.MERIT, RecordKind.HONORARY_TITLE,
                           RecordKind.OTHER_HONEST})


class Severity(LabelledEnum):
    MINOR = "minor", "轻微"
    ORDINARY = "ordinary", "一般"
    SERIOUS = "serious", "严重"


class SanctionKind(LabelledEnum):
    """政务处分/处分 grades with their periods in months (公务员法, 处分条例)."""

    WARNING = "warning", "警告"
    DEMERIT = "demerit", "记过"
    MAJOR_DEMERIT = "major_demerit", "记大过"
    DEMOTION = "demotion", "降级"
    REMOVAL = "removal", "撤职"
    DISMISSAL = "dismissal", "开除"


class RecordState(LabelledEnum):
    DRAFT = "draft", "草稿"
    ACTIVE = "active", "已生效"
    REVOKED = "revoked", "已撤销"
    REPAIRED = "repaired", "已修复"
    EXPIRED = "expired", "公示期满"


class Gender(LabelledEnum):
    MALE = "male", "男"
    FEMALE = "female", "女"


class PersonStatus(LabelledEnum):
    SERVING = "serving", "在职"
    TRANSFERRED = "transferred", "调出"
    RETIRED = "retired", "退休"
    RESIGNED = "resigned", "辞职"
    DECEASED = "deceased", "去世"


class UnitLevel(LabelledEnum):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县"
    TOWNSHIP = "township", "乡"


class AssessmentGrade(LabelledEnum):
    EXCELLENT = "excellent", "优秀"
    COMPETENT = "competent", "称职"
    BASICALLY_COMPETENT = "basically_competent", "基本称职"
    INCOMPETENT = "incompetent", "不称职"


class Role(LabelledEnum):
    ADMIN = "admin", "管理员"
    CLERK = "clerk", "录入员"
    REVIEWER = "reviewer", "审核员"
    TRAINER = "trainer", "培训员"
    AUDITOR = "auditor", "审计员"
