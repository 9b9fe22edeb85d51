"""Training tables: the attendance sheet of a session, and the yearly tables of the report registry."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from desktop_app.domain.training import NormRules
from desktop_app.services.reports import Cell, ReportTable
from desktop_app.services.training_rows import AttendanceRow, CourseRow, PersonNorm, SessionRow

_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")

SHEET_HEADERS = ("序号", "姓名", "身份证号", "单位", "请假学时", "获得学时", "获得天数", "成绩", "证书编号", "备注",
                 "签名")
NORM_HEADERS = ("单位", "姓名", "职级", "层级", "统计期间", "学时", "天数", "应达学时", "应达天数", "诚信教育（门）",
                "是否达标", "说明")


def attendance_sheet(course: CourseRow, run: SessionRow, rows: Sequence[AttendanceRow]) -> ReportTable:
    """签到表/成绩单 with an empty 签名 column to print and sign."""
    body = tuple((i, r.name, r.id_number_masked, r.unit_name, num(r.leave_hours), num(r.hours_earned),
                  num(r.days_earned), r.result.label, r.certificate_no, r.note, "")
                 for i, r in enumerate(rows, start=1))
    notes = (f"课程：{course.title}（{course.topic.label}，{course.mode.label}，"
             f"{course.hours:g}学时/{course.days:g}天）",
             f"时间：{run.starts_on.isoformat()} 至 {run.ends_on.isoformat()}",
             f"地点：{run.place or '—'}  授课人：{run.trainer or '—'}  主办：{course.organizer or '—'}",
             f"人数：{len(rows)}")
    return ReportTable(safe_title(f"{course.title}签到表"), SHEET_HEADERS, body, notes)


def norm_table(title: str, checks: Sequence[PersonNorm], year: int, today: date, rules: NormRules,
               notes: tuple[str, ...] = ()) -> ReportTable:
    body: list[tuple[Cell, ...]] = []
    for n in checks:
        c = n.check
        verdict = "不考核" if not n.assessed else ("达标" if c.met else "未达标")
        body.append((n.unit_name, n.name, n.rank, c.tier.label, c.period, num(c.totals.hours), num(c.totals.days),
                     num(c.required_hours), num(c.required_days), c.integrity_done, verdict,
                     "" if not n.assessed or c.met else c.reason()))
    extra = (f"统计截至 {today.isoformat()}（{year}年尚未结束）",) if year >= today.year else ()
    return ReportTable(title, NORM_HEADERS, tuple(body), (*notes, *extra, *rule_notes(rules)))


def rule_notes(rules: NormRules) -> tuple[str, ...]:
    integrity = (f"每年至少{rules.integrity_courses_per_year}门诚信教育课程" if rules.integrity_courses_per_year
                 else "不要求诚信教育课程")
    return ("只计成绩为“合格”的培训，按期次结束日期所在年度计。",
            f"乡科级及以下：每年{rules.annual_days:g}天或{rules.annual_hours:g}学时；县处级及以上：{rules.window_years}年"
            f"累计{rules.window_days / 30:g}个月（{rules.window_days:g}天）或{rules.window_hours:g}学时；{integrity}。",
            "不考核：非在职人员，或当年1月1日以后才建档的人员。")


def num(value: float) -> int | float:
    """Whole amounts as integers (56, not 56.0) in tables, JSON and XLSX."""
    return int(value) if float(value).is_integer() else value


def safe_title(text: str) -> str:
    """A title that is also a valid worksheet name (no []:*?/\\, at most 31 characters)."""
    cleaned = _SHEET_UNSAFE.sub("", text).strip() or "培训"
    return cleaned[:31]
