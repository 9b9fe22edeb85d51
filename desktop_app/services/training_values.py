"""Raw input of the training feature checked into stored values (one place for the interactive
path and the roster import)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.domain.text import clean_text
from desktop_app.domain.training import (
    MAX_DAYS,
    MAX_HOURS,
    AttendanceResult,
    CourseMode,
    CourseTopic,
    NormRules,
    default_earned,
    parse_amount,
    settle_result,
)
from desktop_app.errors import ValidationError
from desktop_app.services.training_rows import AttendanceEntry, CourseDraft, SessionDraft
from desktop_app.store.models.training import Attendance, Course

EARLIEST_SESSION = date(1990, 1, 1)
MAX_SESSION_DAYS = 366


@dataclass(frozen=True, slots=True)
class CheckedCourse:
    title: str
    topic: CourseTopic
    mode: CourseMode
    organizer: str
    hours: float
    days: float

    def values(self) -> dict[str, object]:
        return {"title": self.title, "topic": self.topic.value, "mode": self.mode.value,
                "organizer": self.organizer, "hours": self.hours, "days": self.days}


def check_course(draft: CourseDraft) -> CheckedCourse:
    hours = parse_amount(draft.hours, "hours", maximum=MAX_HOURS)
    if hours <= 0:
        raise ValidationError("hours must be more than 0", field="hours")
    return CheckedCourse(title=clean_text(draft.title, "title", limit=200),
                         topic=CourseTopic.parse(draft.topic, field="topic"),
                         mode=CourseMode.parse(draft.mode, field="mode"),
                         organizer=clean_text(draft.organizer, "organizer", required=False, limit=200),
                         hours=hours, days=parse_amount(draft.days, "days", maximum=MAX_DAYS, default=0.0))


def check_session(draft: SessionDraft, today: date) -> dict[str, object]:
    starts, ends = parse_day(draft.starts_on, "starts_on"), parse_day(draft.ends_on, "ends_on")
    latest = date(today.year + 1, 12, 31)
    for day, field in ((starts, "starts_on"), (ends, "ends_on")):
        if not EARLIEST_SESSION <= day <= latest:
            raise ValidationError(f"{field} {day} is out of range ({EARLIEST_SESSION} to {latest})", field=field)
    if ends < starts:
        raise ValidationError("the session ends before it starts", field="ends_on")
    if ends - starts > timedelta(days=MAX_SESSION_DAYS):
        raise ValidationError(f"a session lasts at most {MAX_SESSION_DAYS} days (out of range)", field="ends_on")
    return {"starts_on": starts, "ends_on": ends,
            "place": clean_text(draft.place, "place", required=False, limit=200),
            "trainer": clean_text(draft.trainer, "trainer", required=False, limit=64)}


def parse_day(value: date | str, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        raise ValidationError(f"{field} must be a date YYYY-MM-DD, got {value!r}", field=field) from None


def attendance_values(course: Course, entry: AttendanceEntry, current: Attendance | None,
                      rules: NormRules) -> dict[str, object]:
    """Stored values of one attendance. Leave given without earned hours/days recomputes them (the
    course's, less the leave); the 1/7 rule then settles the result and says why in ``note``."""
    previous_leave = current.leave_hours if current is not None else 0.0
    leave = parse_amount(entry.leave_hours, "leave_hours", maximum=course.hours, default=previous_leave)
    default_hours, default_days = default_earned(course.hours, course.days, leave)
    leave_changed = current is None or leave != current.leave_hours
    hours = parse_amount(entry.hours_earned, "hours_earned", maximum=course.hours,
                         default=default_hours if leave_changed or current is None else current.hours_earned)
    days = parse_amount(entry.days_earned, "days_earned", maximum=course.days,
                        default=default_days if leave_changed or current is None else current.days_earned)
    if entry.result is None or not entry.result.strip():
        marked = AttendanceResult(current.result) if current is not None else AttendanceResult.PENDING
    else:
        marked = AttendanceResult.parse(entry.result, field="result")
    result, note = settle_result(CourseMode(course.mode), course.hours, leave, marked, rules)
    certificate = (current.certificate_no if current is not None else "") if entry.certificate_no is None \
        else clean_text(entry.certificate_no, "certificate_no", required=False, limit=64)
    return {"leave_hours": leave, "hours_earned": hours, "days_earned": days, "result": result.value,
            "certificate_no": certificate, "note": note}
