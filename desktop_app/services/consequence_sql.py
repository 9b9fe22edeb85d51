"""SQL twins of consequence rules, so person lists filter in the database (STYLE.md)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, Integer, and_, cast, exists, func, or_

from desktop_app.domain.enums import AssessmentGrade, RecordState, SanctionKind
from desktop_app.store.models import Assessment, IntegrityRecord, Person

_EFFECT_GRADES = (AssessmentGrade.BASICALLY_COMPETENT.value, AssessmentGrade.INCOMPETENT.value)
_COUNTED_STATES = (RecordState.ACTIVE.value, RecordState.EXPIRED.value, RecordState.REPAIRED.value)
_AT_LEAST_DEMERIT = tuple(s.value for s in SanctionKind if s is not SanctionKind.WARNING)


def assessment_condition(today: date) -> ColumnElement[bool]:
    """考核结果影响 (domain.consequences.assessment_reasons): a grade with effects last year or this
    year, or a grade that a sanction decided in the same year does not allow."""
    a, r = Assessment, IntegrityRecord
    effects = exists().where(a.person_id == Person.id, a.year >= today.year - 1, a.grade.in_(_EFFECT_GRADES))
    capped = or_(and_(r.sanction == SanctionKind.WARNING.value, a.grade == AssessmentGrade.EXCELLENT.value),
                 and_(r.sanction.in_(_AT_LEAST_DEMERIT),
                      a.grade.in_((AssessmentGrade.EXCELLENT.value, AssessmentGrade.COMPETENT.value))))
    conflict = exists().where(r.person_id == Person.id, r.state.in_(_COUNTED_STATES), a.person_id == Person.id,
                              a.year == cast(func.strftime("%Y", r.decided_on), Integer), capped)
    return or_(effects, conflict)
