"""Training reports in the registry (``integrity-files report ARCHIVE KIND --year Y``, the 培训 page):

* ``training`` — 年度培训学时统计: every person's 合格 hours and days for the year against their norm;
* ``training-shortfall`` — 培训未达标名单: the persons held to the norm who fall short;
* ``training-sessions`` — 培训签到汇总: every attendance of the sessions that end in the year.

``--unit NAME`` limits each to one unit. The year defaults to the current one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop_app.domain.permissions import Permission
from desktop_app.services.reports import Cell, ReportParams, ReportSpec, ReportTable, register_report
from desktop_app.services.training_norms import current_rules, norm_checks
from desktop_app.services.training_sheets import norm_table, num
from desktop_app.services.units import unit_by_name
from desktop_app.store.models import Person, Unit
from desktop_app.store.models.training import Attendance, Course, TrainingSession

if TYPE_CHECKING:
    from desktop_app.services import Services

SESSION_HEADERS = ("课程", "主题", "方式", "开始日期", "结束日期", "地点", "授课人", "姓名", "身份证号", "单位",
                   "请假学时", "获得学时", "获得天数", "成绩", "证书编号")


def _year(services: Services, params: ReportParams) -> int:
    return params.year or services.ctx.today().year


def build_hours(services: Services, params: ReportParams) -> ReportTable:
    year, today = _year(services, params), services.ctx.today()
    with services.ctx.read() as s:
        unit_id = unit_by_name(s, params.unit_name).id if params.unit_name else None
        rules = current_rules(s)
        checks = norm_checks(s, year, rules, unit_id=unit_id, scope=services.ctx.scope(s))
    scope = params.unit_name or "全部单位"
    return norm_table(f"{year}年培训学时统计", checks, year, today, rules, (f"范围：{scope}",))


def build_shortfall(services: Services, params: ReportParams) -> ReportTable:
    year, today = _year(services, params), services.ctx.today()
    with services.ctx.read() as s:
        unit_id = unit_by_name(s, params.unit_name).id if params.unit_name else None
        rules = current_rules(s)
        checks = [c for c in norm_checks(s, year, rules, unit_id=unit_id, assessed_only=True,
                                         scope=services.ctx.scope(s)) if not c.check.met]
    scope = params.unit_name or "全部单位"
    return norm_table(f"{year}年培训未达标名单", checks, year, today, rules, (f"范围：{scope}，{len(checks)}人",))


def build_sessions(services: Services, params: ReportParams) -> ReportTable:
    from desktop_app.domain.training import AttendanceResult, CourseMode, CourseTopic
    from desktop_app.services.training_roster import trainee

    year = _year(services, params)
    with services.ctx.read() as s:
        query = (select(Course, TrainingSession, Attendance, Person, Unit.name)
                 .join(TrainingSession, TrainingSession.course_id == Course.id)
                 .join(Attendance, Attendance.session_id == TrainingSession.id)
                 .join(Person, Person.id == Attendance.person_id).join(Unit, Unit.id == Person.unit_id)
                 .where(TrainingSession.ends_on.between(f"{year:04d}-01-01", f"{year:04d}-12-31"),
                        services.ctx.scope(s).where_unit(Person.unit_id))
                 .order_by(TrainingSession.starts_on, Course.title, TrainingSession.id, Person.name_pinyin))
        if params.unit_name:
            query = query.where(Person.unit_id == unit_by_name(s, params.unit_name).id)
        rows: list[tuple[Cell, ...]] = []
        for c, run, a, p, unit_name in s.execute(query):
            t = trainee(p, unit_name)
            rows.append((c.title, CourseTopic(c.topic).label, CourseMode(c.mode).label, run.starts_on.isoformat(),
                         run.ends_on.isoformat(), run.place, run.trainer, t.name, t.id_number_masked, unit_name,
                         num(a.leave_hours), num(a.hours_earned), num(a.days_earned), AttendanceResult(a.result).label,
                         a.certificate_no))
    return ReportTable(f"{year}年培训签到汇总", SESSION_HEADERS, tuple(rows), (f"{len(rows)}人次",))


REPORT_KINDS = (
    ReportSpec("training", "年度培训学时统计", Permission.TRAINING_READ, build_hours),
    ReportSpec("training-shortfall", "培训未达标名单", Permission.TRAINING_READ, build_shortfall),
    ReportSpec("training-sessions", "培训签到汇总", Permission.TRAINING_READ, build_sessions),
)
for _spec in REPORT_KINDS:
    register_report(_spec)
