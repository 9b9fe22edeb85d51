"""Yearly training totals against the norms, per person: in Python for reports and the person view,
and as the SQL twin the person list filters by (``shortfall_condition``).

Both count only 合格 attendance, by the year of the session's end date, with the rank tier of
``domain.training.classify_rank``; ``test_training_norms`` holds the two to the same answers.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_app.domain.consequences import Flag, FlagReason
from desktop_app.domain.enums import PersonStatus
from desktop_app.domain.training import (
    COUNTY_GRADE_ORGAN_LEVELS,
    RANK_RULES,
    SUB_PROVINCIAL_PREFIXES,
    AttendanceResult,
    CourseTopic,
    NormRules,
    RankTier,
    Totals,
    check_norm,
    classify_rank,
    flag_year,
    is_assessed,
    rules_from,
    window,
)
from desktop_app.services.context import ServiceContext
from desktop_app.services.policy import current_policy
from desktop_app.services.scope import UnitScope
from desktop_app.services.training_rows import PersonNorm
from desktop_app.store.models import Person, Unit
from desktop_app.store.models.training import Attendance, Course, TrainingSession

CHUNK = 500


def current_rules(session: Session) -> NormRules:
    return rules_from(current_policy(session).profile.training)


@dataclass(frozen=True, slots=True)
class _Sums:
    year: Totals
    window: Totals


def norm_checks(session: Session, year: int, rules: NormRules, *, unit_id: uuid.UUID | None = None,
                person_ids: Sequence[uuid.UUID] | None = None, assessed_only: bool = False,
                scope: UnitScope | None = None) -> list[PersonNorm]:
    """Each selected person's standing for ``year``, ordered by unit and pinyin (only persons of
    ``scope``'s units when one is given)."""
    query = (select(Person, Unit.name, Unit.level, Unit.division_code).join(Unit, Person.unit_id == Unit.id)
             .order_by(Unit.name, Person.name_pinyin, Person.id))
    if scope is not None:
        query = query.where(scope.where_unit(Person.unit_id))
    if unit_id is not None:
        query = query.where(Person.unit_id == unit_id)
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    if assessed_only:
        query = query.where(Person.status == PersonStatus.SERVING.value, Person.file_opened_on <= date(year, 1, 1))
    rows = session.execute(query).all()
    sums = _sums(session, year, rules, [p.id for p, *_ in rows] if person_ids is not None else None, unit_id)
    empty = _Sums(Totals(), Totals())
    result = []
    for person, unit_name, level, division in rows:
        decision = classify_rank(person.rank, person.post, unit_level=level, division_code=division)
        found = sums.get(person.id, empty)
        check = check_norm(decision.tier, year, found.year, found.window, rules)
        assessed = is_assessed(person.status, person.file_opened_on, year)
        result.append(PersonNorm(person.id, person.name, unit_name, person.rank, decision.basis, assessed, check))
    return result


def training_flag(session: Session, person: Person, today: date) -> FlagReason | None:
    """培训未达标 for the last completed year, with the numbers, if the person is held to it."""
    year = flag_year(today)
    if not is_assessed(person.status, person.file_opened_on, year):
        return None
    checks = norm_checks(session, year, current_rules(session), person_ids=[person.id])
    if not checks or checks[0].check.met:
        return None
    return FlagReason(Flag.TRAINING_SHORTFALL, checks[0].check.reason())


def _sums(session: Session, year: int, rules: NormRules, person_ids: list[uuid.UUID] | None,
          unit_id: uuid.UUID | None) -> dict[uuid.UUID, _Sums]:
    agg = _aggregate(year, rules)
    if unit_id is not None:
        agg = agg.join(Person, Person.id == Attendance.person_id).where(Person.unit_id == unit_id)
    out: dict[uuid.UUID, _Sums] = {}
    batches = [None] if person_ids is None else [person_ids[i:i + CHUNK] for i in range(0, len(person_ids), CHUNK)]
    for batch in batches:
        query = agg if batch is None else agg.where(Attendance.person_id.in_(batch))
        for pid, yh, yd, wh, wd, yi in session.execute(query):
            out[pid] = _Sums(Totals(float(yh), float(yd), int(yi)), Totals(float(wh), float(wd), int(yi)))
    return out


def _aggregate(year: int, rules: NormRules) -> Any:
    """Per person: 合格 hours and days in the year and in the five-year window, 诚信教育 courses in the year."""
    first, _ = window(year, RankTier.COUNTY, rules)
    in_year = TrainingSession.ends_on >= date(year, 1, 1)
    integrity = and_(in_year, Course.topic == CourseTopic.INTEGRITY.value)
    return (select(Attendance.person_id,
                   func.coalesce(func.sum(case((in_year, Attendance.hours_earned), else_=0.0)), 0.0),
                   func.coalesce(func.sum(case((in_year, Attendance.days_earned), else_=0.0)), 0.0),
                   func.coalesce(func.sum(Attendance.hours_earned), 0.0),
                   func.coalesce(func.sum(Attendance.days_earned), 0.0),
                   func.count(func.distinct(case((integrity, Course.id)))))
            .join(TrainingSession, TrainingSession.id == Attendance.session_id)
            .join(Course, Course.id == TrainingSession.course_id)
            .where(Attendance.result == AttendanceResult.PASSED.value,
                   TrainingSession.ends_on.between(date(first, 1, 1), date(year, 12, 31)))
            .group_by(Attendance.person_id))


# -- the SQL twin ---------------------------------------------------------------------------------


def rank_tier_sql(rank: Any, post: Any, unit_level: Any, division_code: Any) -> ColumnElement[str]:
    """``classify_rank`` as a CASE expression, built from the same ordered rule table."""
    county_organ = or_(unit_level.in_(COUNTY_GRADE_ORGAN_LEVELS),
                       and_(unit_level == "county", func.substr(division_code, 1, 4).in_(SUB_PROVINCIAL_PREFIXES)))
    whens: list[tuple[Any, str]] = []
    for column in (rank, post):
        for word, tier in RANK_RULES:
            hit = func.instr(column, word) > 0
            if tier is None:
                whens.append((and_(hit, county_organ), RankTier.COUNTY.value))
                whens.append((hit, RankTier.TOWNSHIP.value))
            else:
                whens.append((hit, tier.value))
    return case(*whens, else_=RankTier.TOWNSHIP.value)


def shortfall_condition(year: int, rules: NormRules) -> ColumnElement[bool]:
    """True for persons (correlated on ``Person``) short of their norm for ``year``: the filter of the
    person list, which must agree with ``norm_checks`` + ``is_assessed``."""
    agg = _aggregate(year, rules).subquery()
    pid, yh, yd, wh, wd, yi = agg.c
    person, unit = aliased(Person), aliased(Unit)
    tier = rank_tier_sql(person.rank, person.post, unit.level, unit.division_code)
    county = tier == RankTier.COUNTY.value
    hours_met = or_(and_(county, or_(wh >= rules.window_hours, wd >= rules.window_days)),
                    and_(~county, or_(yh >= rules.annual_hours, yd >= rules.annual_days)))
    met = (select(pid).join(person, person.id == pid).join(unit, unit.id == person.unit_id)
           .where(hours_met, yi >= rules.integrity_courses_per_year))
    return and_(Person.status == PersonStatus.SERVING.value, Person.file_opened_on <= date(year, 1, 1),
                Person.id.not_in(met))


def training_shortfall_condition(ctx: ServiceContext, today: date) -> ColumnElement[bool]:
    """The person-list filter 培训未达标: ``shortfall_condition`` for the year ``training_flag`` judges."""
    with ctx.read() as s:
        rules = current_rules(s)
    return shortfall_condition(flag_year(today), rules)
