"""Kinds, severities, states and roles of the data model (DESIGN.md §4).

Each enum's value is a stable English code stored in the database; ``label`` is the Chinese name
users write. ``parse`` accepts either, so the CLI takes ``--kind 纪律处分`` as well as ``--kind
discipline``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Self, TypeVar

from desktop_app.errors import ValidationError

_LABELS: dict[type, dict[str, str]] = {}
E = TypeVar("E", bound="LabelledEnum")


def labelled(labels: dict[str, str]) -> Callable[[type[E]], type[E]]:
    """Attach the Chinese labels, one per member, checked when the module loads."""

    def attach(cls: type[E]) -> type[E]:
        if set(labels) != {m.value for m in cls}:
            raise TypeError(f"labels of {cls.__name__} do not match its members")
        _LABELS[cls] = labels
        return cls

    return attach


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a Chinese label (from ``@labelled`` or ``NAME = code, label``)."""

    if not TYPE_CHECKING:

        def __new__(cls, value, label=None):
            member = str.__new__(cls, value)
            member._value_ = value
            if label is not None:
                member._label = label
            return member

    @property
    def label(self) -> str:
        inline: str | None = getattr(self, "_label", None)
        return inline if inline is not None else _LABELS[type(self)][self.value]

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


@labelled({"dishonest": "失信", "honest": "守信"})
class Polarity(LabelledEnum):
    DISHONEST = "dishonest"
    HONEST = "honest"


@labelled(
    {
        "judgment": "司法判决",
        "penalty": "行政处罚",
        "discipline": "纪律处分",
        "accountability": "问责处理",
        "broken_commitment": "未守信践诺",
        "other_dishonest": "其他失信",
        "commendation": "嘉奖",
        "merit": "记功",
        "honorary_title": "授予称号",
        "other_honest": "其他守信",
    }
)
class RecordKind(LabelledEnum):
    JUDGMENT = "judgment"
    PENALTY = "penalty"
    DISCIPLINE = "discipline"
    ACCOUNTABILITY = "accountability"
    BROKEN_COMMITMENT = "broken_commitment"
    OTHER_DISHONEST = "other_dishonest"
    COMMENDATION = "commendation"
    MERIT = "merit"
    HONORARY_TITLE = "honorary_title"
    OTHER_HONEST = "other_honest"

    @property
    def polarity(self) -> Polarity:
        return Polarity.HONEST if self in _HONEST_KINDS else Polarity.DISHONEST


_HONEST_KINDS = frozenset(
    {RecordKind.COMMENDATION, RecordKind.MERIT, RecordKind.HONORARY_TITLE, RecordKind.OTHER_HONEST}
)


@labelled({"minor": "轻微", "ordinary": "一般", "serious": "严重"})
class Severity(LabelledEnum):
    MINOR = "minor"
    ORDINARY = "ordinary"
    SERIOUS = "serious"


@labelled(
    {
        "warning": "警告",
        "demerit": "记过",
        "major_demerit": "记大过",
        "demotion": "降级",
        "removal": "撤职",
        "dismissal": "开除",
    }
)
class SanctionKind(LabelledEnum):
    """政务处分/处分 grades with their periods in months (公务员法, 处分条例)."""

    WARNING = "warning"
    DEMERIT = "demerit"
    MAJOR_DEMERIT = "major_demerit"
    DEMOTION = "demotion"
    REMOVAL = "removal"
    DISMISSAL = "dismissal"


@labelled({"draft": "草稿", "active": "已生效", "revoked": "已撤销", "repaired": "已修复", "expired": "公示期满"})
class RecordState(LabelledEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    REVOKED = "revoked"
    REPAIRED = "repaired"
    EXPIRED = "expired"


@labelled({"male": "男", "female": "女"})
class Gender(LabelledEnum):
    MALE = "male"
    FEMALE = "female"


@labelled({"serving": "在职", "transferred": "调出", "retired": "退休", "resigned": "辞职", "deceased": "去世"})
class PersonStatus(LabelledEnum):
    SERVING = "serving"
    TRANSFERRED = "transferred"
    RETIRED = "retired"
    RESIGNED = "resigned"
    DECEASED = "deceased"


@labelled({"province": "省", "city": "市", "county": "县", "township": "乡"})
class UnitLevel(LabelledEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"


@labelled({"excellent": "优秀", "competent": "称职", "basically_competent": "基本称职", "incompetent": "不称职"})
class AssessmentGrade(LabelledEnum):
    EXCELLENT = "excellent"
    COMPETENT = "competent"
    BASICALLY_COMPETENT = "basically_competent"
    INCOMPETENT = "incompetent"


@labelled({"admin": "管理员", "clerk": "录入员", "reviewer": "审核员", "trainer": "培训员", "auditor": "审计员"})
class Role(LabelledEnum):
    ADMIN = "admin"
    CLERK = "clerk"
    REVIEWER = "reviewer"
    TRAINER = "trainer"
    AUDITOR = "auditor"
