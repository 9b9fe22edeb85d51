"""Consequences computed with reasons: the reviewer's override during an objection, and what
annual assessment grades (and sanctions in the same year) mean (domain.consequences)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.consequences import Flag, RecordFacts, assessment_reasons, compute_flags
from desktop_app.domain.enums import AssessmentGrade, Polarity, RecordState, SanctionKind

TODAY = date(2026, 11, 27)


def _facts(**over: object) -> RecordFacts:
    values: dict[str, object] = dict(polarity=Polarity.DISHONEST, state=RecordState.ACTIVE, under_objection=False,
                                     sanction=None, sanction_end=None, document_no="文号1")
    values.update(over)
    return RecordFacts(**values)  # type: ignore[arg-type]


def test_an_open_objection_lifts_the_restriction_unless_a_reviewer_overrode_it() -> None:
    assert {f.flag for f in compute_flags([_facts(under_objection=True)], TODAY)} == {Flag.UNDER_OBJECTION}
    overridden = compute_flags([_facts(under_objection=True, restriction_override=True)], TODAY)
    assert {f.flag for f in overridden} == {Flag.UNDER_OBJECTION, Flag.RESTRICTED_AWARDS}
    assert "经审核仍限制" in next(f.reason for f in overridden if f.flag is Flag.RESTRICTED_AWARDS)


def test_basically_competent_and_incompetent_have_effects_the_year_after() -> None:
    reasons = assessment_reasons([(2025, AssessmentGrade.BASICALLY_COMPETENT), (2024, AssessmentGrade.INCOMPETENT)],
                                 [], TODAY)
    assert [r.flag for r in reasons] == [Flag.ASSESSMENT]  # 2024 is too long ago to matter now
    assert "一年内不得晋升职务职级" in reasons[0].reason and "2025" in reasons[0].reason
    assert assessment_reasons([(2026, AssessmentGrade.COMPETENT)], [], TODAY) == []


def test_two_incompetent_years_in_a_row_mean_dismissal() -> None:
    reasons = assessment_reasons([(2025, AssessmentGrade.INCOMPETENT), (2026, AssessmentGrade.INCOMPETENT)], [], TODAY)
    assert any("连续两年" in r.reason and "辞退" in r.reason for r in reasons)
    apart = assessment_reasons([(2023, AssessmentGrade.INCOMPETENT), (2025, AssessmentGrade.INCOMPETENT)], [], TODAY)
    assert not any("连续两年" in r.reason for r in apart)


def test_a_grade_the_sanction_of_that_year_does_not_allow_is_pointed_out() -> None:
    warning = _facts(sanction=SanctionKind.WARNING, sanction_end=date(2026, 9, 1), decided_on=date(2026, 3, 1))
    demerit = _facts(sanction=SanctionKind.DEMERIT, sanction_end=date(2026, 9, 1), decided_on=date(2025, 3, 1),
                     document_no="文号2")
    reasons = assessment_reasons([(2026, AssessmentGrade.EXCELLENT), (2025, AssessmentGrade.COMPETENT)],
                                 [warning, demerit], TODAY)
    texts = [r.reason for r in reasons]
    assert any("2026年度考核为优秀" in t and "警告" in t and "不得确定为优秀" in t for t in texts)
    assert any("2025年度考核为称职" in t and "记过" in t and "称职以上" in t for t in texts)
    fine = assessment_reasons([(2026, AssessmentGrade.COMPETENT)], [warning], TODAY)
    assert fine == []
    revoked = _facts(state=RecordState.REVOKED, sanction=SanctionKind.WARNING, decided_on=date(2026, 3, 1))
    assert assessment_reasons([(2026, AssessmentGrade.EXCELLENT)], [revoked], TODAY) == []
