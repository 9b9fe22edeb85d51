"""Flags the software computes from a person's records, with reasons a person can read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from desktop_app.domain.enums import AssessmentGrade, LabelledEnum, Polarity, RecordState, SanctionKind, labelled


@labelled({"restricted_awards": "限制评优评先", "in_sanction": "处分期内", "under_objection": "异议处理中",
           "training_shortfall": "培训未达标", "assessment": "考核结果影响"})
class Flag(LabelledEnum):
    RESTRICTED_AWARDS = "restricted_awards"
    IN_SANCTION = "in_sanction"
    UNDER_OBJECTION = "under_objection"
    TRAINING_SHORTFALL = "training_shortfall"
    ASSESSMENT = "assessment"


@dataclass(frozen=True, slots=True)
class RecordFacts:
    """What the rules need of one record."""

    polarity: Polarity
    state: RecordState
    under_objection: bool
    sanction: SanctionKind | None
    sanction_end: date | None
    document_no: str
    # A reviewer decided that this record keeps restricting awards while its objection is open.
    restriction_override: bool = False
    decided_on: date | None = None


@dataclass(frozen=True, slots=True)
class FlagReason:
    flag: Flag
    reason: str


def compute_flags(records: Iterable[RecordFacts], today: date) -> list[FlagReason]:
    """限制评优评先: an active, unrepaired 失信 record not under objection.
    处分期内: a sanction whose period has not ended (no promotion; from 记过 up no pay-step rise).
    异议处理中: any record with an open objection (it does not restrict awards meanwhile, unless a
    reviewer overrode that for this objection)."""
    reasons: list[FlagReason] = []
    for r in records:
        if r.under_objection and r.state is RecordState.ACTIVE:
            reasons.append(FlagReason(Flag.UNDER_OBJECTION, f"{r.document_no} 异议处理中"))
        if r.polarity is not Polarity.DISHONEST or r.state is not RecordState.ACTIVE:
            continue
        if not r.under_objection:
            reasons.append(FlagReason(Flag.RESTRICTED_AWARDS, f"{r.document_no} 失信记录有效"))
        elif r.restriction_override:
            reasons.append(FlagReason(Flag.RESTRICTED_AWARDS, f"{r.document_no} 异议处理中，经审核仍限制评优评先"))
        if r.sanction is not None and r.sanction_end is not None and today < r.sanction_end:
            extra = "，不得晋升职务职级" + ("和级别、档次" if r.sanction is not SanctionKind.WARNING else "")
            reasons.append(FlagReason(Flag.IN_SANCTION,
                                      f"{r.sanction.label}处分期至{r.sanction_end.isoformat()}{extra}"))
    return reasons


# 公务员考核规定 (2020) and 公务员法 art. 88: what a grade means for the year after it.
_GRADE_EFFECTS = {
    AssessmentGrade.BASICALLY_COMPETENT: "诫勉并限期改进；一年内不得晋升职务职级；不享受年度考核奖金",
    AssessmentGrade.INCOMPETENT: "降低一个职务或者职级层次任职；不享受年度考核奖金",
}
# 处分 in a year caps that year's grade: 警告 not 优秀; 记过 and above not 称职 or better.
_GRADE_CAP = {SanctionKind.WARNING: frozenset({AssessmentGrade.EXCELLENT})}
_NOT_COMPETENT_OR_BETTER = frozenset({AssessmentGrade.EXCELLENT, AssessmentGrade.COMPETENT})


def assessment_reasons(assessments: Iterable[tuple[int, AssessmentGrade]], records: Iterable[RecordFacts],
                       today: date) -> list[FlagReason]:
    """考核结果影响: the effects of last year's (or this year's) grade, two 不称职 in a row, and a
    grade that a sanction decided in the same year does not allow."""
    grades = dict(assessments)
    reasons: list[FlagReason] = []
    for year in sorted(y for y in grades if y >= today.year - 1):
        effect = _GRADE_EFFECTS.get(grades[year])
        if effect:
            reasons.append(FlagReason(Flag.ASSESSMENT, f"{year}年度考核{grades[year].label}：{effect}"))
    incompetent = sorted(y for y, g in grades.items() if g is AssessmentGrade.INCOMPETENT)
    for first, second in pairwise(incompetent):
        if second == first + 1 and second >= today.year - 1:
            reasons.append(FlagReason(Flag.ASSESSMENT, f"{first}、{second}年度连续两年考核不称职：应予辞退"))
    for r in records:
        if (r.sanction is None or r.decided_on is None or r.state not in (RecordState.ACTIVE, RecordState.EXPIRED,
                                                                           RecordState.REPAIRED)):
            continue
        grade = grades.get(r.decided_on.year)
        capped = _GRADE_CAP.get(r.sanction, _NOT_COMPETENT_OR_BETTER)
        if grade is not None and grade in capped:
            limit = "不得确定为优秀" if r.sanction is SanctionKind.WARNING else "不得确定为称职以上等次"
            reasons.append(FlagReason(Flag.ASSESSMENT, f"{r.decided_on.year}年度考核为{grade.label}，但当年受"
                                                       f"{r.sanction.label}处分（{r.document_no}），{limit}"))
    return reasons
