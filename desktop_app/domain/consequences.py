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
    """``reason`` is the Chinese sentence (prints, CLI, reports); ``template`` and ``params`` are the
    same sentence in parts, so the desktop client can show it in its own language."""

    flag: Flag
    reason: str
    template: str = ""
    params: tuple[tuple[str, str | int | LabelledEnum], ...] = ()


# Every reason's sentence, as a template (a translation is of whole sentences: one per choice).
OBJECTION_OPEN = "{document_no} 异议处理中"
DISHONEST_IN_EFFECT = "{document_no} 失信记录有效"
OBJECTION_OVERRIDDEN = "{document_no} 异议处理中，经审核仍限制评优评先"
TWO_YEARS_INCOMPETENT = "{first}、{second}年度连续两年考核不称职：应予辞退"
IN_SANCTION = "{sanction}处分期至{end}，不得晋升职务职级和级别、档次"
IN_SANCTION_WARNING = "{sanction}处分期至{end}，不得晋升职务职级"
GRADE_CAPPED = "{year}年度考核为{grade}，但当年受{sanction}处分（{document_no}），不得确定为称职以上等次"
GRADE_CAPPED_WARNING = "{year}年度考核为{grade}，但当年受{sanction}处分（{document_no}），不得确定为优秀"


def because(flag: Flag, template: str, **params: str | int | LabelledEnum) -> FlagReason:
    """A reason from a Chinese template; enum parameters read as their Chinese labels."""
    text = template.format(**{k: v.label if isinstance(v, LabelledEnum) else v for k, v in params.items()})
    return FlagReason(flag, text, template, tuple(params.items()))


def compute_flags(records: Iterable[RecordFacts], today: date) -> list[FlagReason]:
    """限制评优评先: an active, unrepaired 失信 record not under objection.
    处分期内: a sanction whose period has not ended (no promotion; from 记过 up no pay-step rise).
    异议处理中: any record with an open objection (it does not restrict awards meanwhile, unless a
    reviewer overrode that for this objection)."""
    reasons: list[FlagReason] = []
    for r in records:
        if r.under_objection and r.state is RecordState.ACTIVE:
            reasons.append(because(Flag.UNDER_OBJECTION, OBJECTION_OPEN, document_no=r.document_no))
        if r.polarity is not Polarity.DISHONEST or r.state is not RecordState.ACTIVE:
            continue
        if not r.under_objection:
            reasons.append(because(Flag.RESTRICTED_AWARDS, DISHONEST_IN_EFFECT, document_no=r.document_no))
        elif r.restriction_override:
            reasons.append(because(Flag.RESTRICTED_AWARDS, OBJECTION_OVERRIDDEN, document_no=r.document_no))
        if r.sanction is not None and r.sanction_end is not None and today < r.sanction_end:
            template = (IN_SANCTION_WARNING if r.sanction is SanctionKind.WARNING else IN_SANCTION)
            reasons.append(because(Flag.IN_SANCTION, template, sanction=r.sanction, end=r.sanction_end.isoformat()))
    return reasons


# 公务员考核规定 (2020) and 公务员法 art. 88: what a grade means for the year after it.
_GRADE_EFFECTS = {
    AssessmentGrade.BASICALLY_COMPETENT:
        "{year}年度考核基本称职：诫勉并限期改进；一年内不得晋升职务职级；不享受年度考核奖金",
    AssessmentGrade.INCOMPETENT: "{year}年度考核不称职：降低一个职务或者职级层次任职；不享受年度考核奖金",
}
# 处分 in a year caps that year's grade: 警告 not 优秀; 记过 and above not 称职 or better.
_GRADE_CAP = {SanctionKind.WARNING: frozenset({AssessmentGrade.EXCELLENT})}
_NOT_COMPETENT_OR_BETTER = frozenset({AssessmentGrade.EXCELLENT, AssessmentGrade.COMPETENT})

REASON_TEMPLATES = (OBJECTION_OPEN, DISHONEST_IN_EFFECT, OBJECTION_OVERRIDDEN, IN_SANCTION, IN_SANCTION_WARNING,
                    TWO_YEARS_INCOMPETENT, GRADE_CAPPED, GRADE_CAPPED_WARNING, *_GRADE_EFFECTS.values())


def assessment_reasons(assessments: Iterable[tuple[int, AssessmentGrade]], records: Iterable[RecordFacts],
                       today: date) -> list[FlagReason]:
    """考核结果影响: the effects of last year's (or this year's) grade, two 不称职 in a row, and a
    grade that a sanction decided in the same year does not allow."""
    grades = dict(assessments)
    reasons: list[FlagReason] = []
    for year in sorted(y for y in grades if y >= today.year - 1):
        effect = _GRADE_EFFECTS.get(grades[year])
        if effect:
            reasons.append(because(Flag.ASSESSMENT, effect, year=year))
    incompetent = sorted(y for y, g in grades.items() if g is AssessmentGrade.INCOMPETENT)
    for first, second in pairwise(incompetent):
        if second == first + 1 and second >= today.year - 1:
            reasons.append(because(Flag.ASSESSMENT, TWO_YEARS_INCOMPETENT, first=first, second=second))
    for r in records:
        if (r.sanction is None or r.decided_on is None or r.state not in (RecordState.ACTIVE, RecordState.EXPIRED,
                                                                           RecordState.REPAIRED)):
            continue
        grade = grades.get(r.decided_on.year)
        capped = _GRADE_CAP.get(r.sanction, _NOT_COMPETENT_OR_BETTER)
        if grade is not None and grade in capped:
            template = GRADE_CAPPED_WARNING if r.sanction is SanctionKind.WARNING else GRADE_CAPPED
            reasons.append(because(Flag.ASSESSMENT, template, year=r.decided_on.year, grade=grade,
                                   sanction=r.sanction, document_no=r.document_no))
    return reasons
