"""Reports of consequences (DESIGN.md §4): award eligibility, overdue objections and repairs,
建档率 per unit, persons in a sanction period. Registered with ``services.reports`` so the CLI
(``integrity-files report ARCHIVE KIND``) and the GUI's report pages find them.

Each report reads in one transaction and computes flags with the same rules as the person view
(``domain.consequences``), so a list and a file never disagree.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.consequences import Flag, FlagReason, RecordFacts, compute_flags
from desktop_app.domain.enums import AssessmentGrade, PersonStatus, Polarity, RecordState, SanctionKind
from desktop_app.domain.permissions import Permission
from desktop_app.errors import ValidationError
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.objections import ObjectionService
from desktop_app.services.records import OPEN_OBJECTION_STATES
from desktop_app.services.repair import RepairService
from desktop_app.services.reports import Cell, ReportParams, ReportSpec, ReportTable, register_report
from desktop_app.services.scope import Target, UnitScope, scoped
from desktop_app.services.units import unit_by_name
from desktop_app.store.models import Assessment, IntegrityRecord, Person, Unit
from desktop_app.store.models.objections import Objection, UnitHeadcount

if TYPE_CHECKING:
    from desktop_app.services import Services

NOT_ELIGIBLE_GRADES = (AssessmentGrade.BASICALLY_COMPETENT, AssessmentGrade.INCOMPETENT)


@dataclass(frozen=True, slots=True)
class HeadcountRow:
    unit_id: uuid.UUID
    unit_name: str
    year: int
    headcount: int


class HeadcountService:
    """在册人数 per unit and year: the denominator of 建档率 (from the unit's establishment report)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.UNIT_WRITE)
    @scoped(unit_name=Target.UNIT_NAME)
    def set_headcount(self, unit_name: str, year: int, headcount: int) -> HeadcountRow:
        if not 1990 <= year <= self.ctx.today().year + 1:
            raise ValidationError(f"year {year} is out of range", field="year")
        if not 0 <= headcount <= 1_000_000:
            raise ValidationError(f"headcount {headcount} is out of range", field="headcount")
        with self.ctx.write() as w:
            unit = unit_by_name(w.session, unit_name)
            row = w.session.scalar(select(UnitHeadcount).where(UnitHeadcount.unit_id == unit.id,
                                                               UnitHeadcount.year == year))
            if row is None:
                row = UnitHeadcount(id=uuid.uuid5(unit.id, f"headcount:{year}"), unit_id=unit.id, year=year,
                                    headcount=headcount)
                w.insert(row, "headcount.create")
            else:
                w.update(row, {"headcount": headcount}, "headcount.update")
            return HeadcountRow(unit.id, unit.name, year, headcount)

    @requires(Permission.UNIT_READ)
    @scoped(rows=True)
    def for_year(self, year: int) -> list[HeadcountRow]:
        with self.ctx.read() as s:
            return [HeadcountRow(h.unit_id, name, h.year, h.headcount) for h, name in s.execute(
                select(UnitHeadcount, Unit.name).join(Unit, UnitHeadcount.unit_id == Unit.id)
                .where(UnitHeadcount.year == year, self.ctx.scope(s).where_unit(Unit.id)).order_by(Unit.name)).all()]


# -- awards ---------------------------------------------------------------------------------

def build_awards(services: Services, params: ReportParams) -> ReportTable:
    today = services.ctx.today()
    year = params.year or today.year
    with services.ctx.read() as s:
        persons = _persons(s, params.unit_name, services.ctx.scope(s))
        ids = [p.id for p, _ in persons]
        facts = _record_facts(s, ids)
        grades = {pid: AssessmentGrade(g) for pid, g in s.execute(
            select(Assessment.person_id, Assessment.grade).where(Assessment.year == year,
                                                                 Assessment.person_id.in_(ids))).all()}
    rows: list[tuple[Cell, ...]] = []
    for person, unit in persons:
        flags = compute_flags(facts.get(person.id, ()), today)
        grade = grades.get(person.id)
        reasons = _award_obstacles(flags, grade, year)
        pending = [f.reason for f in flags if f.flag is Flag.UNDER_OBJECTION]
        rows.append((unit, person.name, _masked(person.id_number), person.post, grade.label if grade else "未登记",
                     "否" if reasons else "是", "；".join(reasons + [n + "（不影响评优）" for n in pending])))
    headers = ("单位", "姓名", "身份证号", "职务", f"{year}年度考核", "可参评", "原因")
    notes = (f"按{today.isoformat()}的档案状态计算；只列在职人员。",
             "限制：有效的失信记录（异议处理中的除外，审核员另有决定的仍限制）、处分期内、当年考核基本称职或不称职。")
    return ReportTable(f"{year}年度评优评先资格名单", headers, tuple(rows), notes)


def _award_obstacles(flags: Iterable[FlagReason], grade: AssessmentGrade | None, year: int) -> list[str]:
    out = [f"{f.flag.label}：{f.reason}" for f in flags if f.flag in (Flag.RESTRICTED_AWARDS, Flag.IN_SANCTION)]
    if grade in NOT_ELIGIBLE_GRADES:
        assert grade is not None
        out.append(f"{year}年度考核{grade.label}")
    return out


# -- sanctions ------------------------------------------------------------------------------

def build_sanctions(services: Services, params: ReportParams) -> ReportTable:
    today = services.ctx.today()
    r = IntegrityRecord
    with services.ctx.read() as s:
        query = (select(r, Person, Unit.name).join(Person, r.person_id == Person.id)
                 .join(Unit, Person.unit_id == Unit.id)
                 .where(r.state == RecordState.ACTIVE.value, r.polarity == Polarity.DISHONEST.value,
                        r.sanction.is_not(None), r.sanction_end > today,
                        services.ctx.scope(s).where_unit(Person.unit_id))
                 .order_by(Unit.name, Person.name_pinyin, r.sanction_end))
        if params.unit_name:
            query = query.where(Person.unit_id == unit_by_name(s, params.unit_name).id)
        found = s.execute(query).all()
    rows: list[tuple[Cell, ...]] = []
    for record, person, unit in found:
        sanction = SanctionKind(record.sanction or "")
        effect = "不得晋升职务职级" + ("" if sanction is SanctionKind.WARNING else "、级别和工资档次")
        rows.append((unit, person.name, _masked(person.id_number), sanction.label, record.document_no,
                     record.decided_on.isoformat(), record.sanction_end.isoformat() if record.sanction_end else "",
                     effect + "；不得评优评先"))
    return ReportTable("处分期内人员名单", ("单位", "姓名", "身份证号", "处分", "文号", "决定日期", "处分期至", "影响"),
                       tuple(rows), (f"截至{today.isoformat()}。",))


# -- overdue --------------------------------------------------------------------------------

def build_overdue(services: Services, params: ReportParams) -> ReportTable:
    objections = ObjectionService(services.ctx).overdue()
    repairs = RepairService(services.ctx).overdue()
    rows: list[tuple[Cell, ...]] = []
    warnings: set[str] = set()
    for o in objections:
        if params.unit_name and o.unit_name != params.unit_name:
            continue
        rows.append(("异议", o.unit_name, o.person_name, o.document_no, o.state.label,
                     o.stage.label if o.stage else "", o.stage_started_on.isoformat(), _due(o.deadline.due_on),
                     o.deadline.days_overdue, o.handler, str(o.id)))
        if o.deadline.warning:
            warnings.add(o.deadline.warning)
    for a in repairs:
        if params.unit_name and a.unit_name != params.unit_name:
            continue
        rows.append(("信用修复", a.unit_name, a.person_name, a.document_no, a.state.label,
                     a.stage.label if a.stage else "", a.stage_started_on.isoformat(), _due(a.deadline.due_on),
                     a.deadline.days_overdue, a.handler, str(a.id)))
        if a.deadline.warning:
            warnings.add(a.deadline.warning)
    notes = (f"截至{services.ctx.today().isoformat()}；期限按工作日计算（含国务院节假日和调休）。",
             *(f"注意：{w}" for w in sorted(warnings)))
    return ReportTable("逾期未办结的异议和信用修复", ("类型", "单位", "姓名", "记录文号", "状态", "当前环节", "起算日",
                                                "期限", "逾期工作日", "经办人", "编号"), tuple(rows), notes)


def _due(day: date | None) -> str:
    return day.isoformat() if day else ""


# -- coverage -------------------------------------------------------------------------------

def build_coverage(services: Services, params: ReportParams) -> ReportTable:
    today = services.ctx.today()
    year = params.year or today.year
    year_end = min(date(year, 12, 31), today)
    with services.ctx.read() as s:
        units = list(s.scalars(select(Unit).where(services.ctx.scope(s).where_unit(Unit.id))
                               .order_by(Unit.division_code, Unit.name)))
        if params.unit_name:
            units = [unit_by_name(s, params.unit_name)]
        serving = Person.status == PersonStatus.SERVING.value
        filed = {u: int(n) for u, n in s.execute(select(Person.unit_id, func.count(Person.id)).where(
            serving, Person.file_opened_on <= year_end).group_by(Person.unit_id)).all()}
        on_roll = {u: int(n) for u, n in s.execute(select(Person.unit_id, func.count(Person.id)).where(serving)
                                                   .group_by(Person.unit_id)).all()}
        declared = {u: int(n) for u, n in s.execute(select(UnitHeadcount.unit_id, UnitHeadcount.headcount)
                                                    .where(UnitHeadcount.year == year)).all()}
    rows: list[tuple[Cell, ...]] = []
    total_filed = total_roster = 0
    for unit in units:
        count = int(filed.get(unit.id, 0))
        roster = int(declared.get(unit.id, on_roll.get(unit.id, 0)))
        basis = "填报在册人数" if unit.id in declared else "在职人员数（未填报在册人数）"
        rows.append((unit.name, roster, count, _rate(count, roster), basis))
        total_filed, total_roster = total_filed + count, total_roster + roster
    if len(units) > 1:
        rows.append(("合计", total_roster, total_filed, _rate(total_filed, total_roster), ""))
    headers = ("单位", "在册人数", "已建档人数", "建档率", "在册人数口径")
    return ReportTable(f"{year}年公务员诚信档案建档率", headers, tuple(rows),
                       (f"已建档：在职且建档日期不晚于{year_end.isoformat()}；粤府〔2017〕140号要求覆盖率达到100%。",))


def _rate(count: int, roster: int) -> str:
    return f"{100 * count / roster:.1f}%" if roster else "—"


# -- shared ---------------------------------------------------------------------------------

def _persons(s: Session, unit_name: str | None, scope: UnitScope) -> list[tuple[Person, str]]:
    query = (select(Person, Unit.name).join(Unit, Person.unit_id == Unit.id)
             .where(Person.status == PersonStatus.SERVING.value, scope.where_unit(Person.unit_id))
             .order_by(Unit.name, Person.name_pinyin, Person.id))
    if unit_name:
        query = query.where(Person.unit_id == unit_by_name(s, unit_name).id)
    return [(p, name) for p, name in s.execute(query).all()]


def _record_facts(s: Session, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[RecordFacts]]:
    """Facts of the active records of these persons (the only ones that set flags)."""
    r = IntegrityRecord
    overridden = set(s.scalars(select(Objection.record_id).where(Objection.restricts_awards.is_(True),
                                                                 Objection.state.in_(OPEN_OBJECTION_STATES))))
    out: dict[uuid.UUID, list[RecordFacts]] = defaultdict(list)
    for chunk in range(0, len(person_ids), 900):
        for rec in s.scalars(select(r).where(r.person_id.in_(person_ids[chunk:chunk + 900]),
                                             r.state == RecordState.ACTIVE.value)):
            out[rec.person_id].append(RecordFacts(
                Polarity(rec.polarity), RecordState(rec.state), rec.under_objection,
                SanctionKind(rec.sanction) if rec.sanction else None, rec.sanction_end, rec.document_no,
                rec.id in overridden, rec.decided_on))
    return out


def _masked(number: str) -> str:
    return f"{number[:6]}********{number[-4:]}"


register_report(ReportSpec("awards", "评优评先资格名单", Permission.RECORD_READ, build_awards))
register_report(ReportSpec("sanctions", "处分期内人员名单", Permission.RECORD_READ, build_sanctions))
register_report(ReportSpec("overdue", "逾期未办结的异议和信用修复", Permission.RECORD_READ, build_overdue))
register_report(ReportSpec("coverage", "建档率", Permission.PERSON_READ, build_coverage))
