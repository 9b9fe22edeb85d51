"""Shared plumbing of the objection and repair services: dates people type, and stage deadlines
computed with the profile a procedure started under and the best calendar known today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from desktop_app.domain.calendar import Deadline, WorkingCalendar
from desktop_app.domain.policy import PolicyProfile
from desktop_app.errors import ValidationError
from desktop_app.services.policy import current_policy, policy_by_version


def parse_day(value: date | str | None, field: str, *, default: date) -> date:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(f"{field} must be a date YYYY-MM-DD, got {value!r}", field=field) from None


@dataclass(frozen=True, slots=True)
class DeadlineInfo:
    due_on: date | None
    estimated: bool
    warning: str | None
    overdue: bool            # today is after the due date
    days_overdue: int        # working days past the due date (0 on the weekend right after it)


NO_DEADLINE = DeadlineInfo(None, False, None, False, 0)


class DeadlineRules:
    """Profiles by version (how many working days) and today's calendar (which days are working days).

    The number of days is part of the decision (the profile the procedure started under); the
    holiday arrangement is a fact, so the latest known one is used — an estimated due date becomes
    exact once the administrator enters the year or the package learns it.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self.current = current_policy(session)
        self.calendar: WorkingCalendar = self.current.profile.working_calendar()
        self._profiles: dict[int, PolicyProfile] = {self.current.version: self.current.profile}

    def profile(self, version: int) -> PolicyProfile:
        if version not in self._profiles:
            self._profiles[version] = policy_by_version(self._session, version)
        return self._profiles[version]

    def info(self, deadline: Deadline | None, today: date) -> DeadlineInfo:
        if deadline is None:
            return NO_DEADLINE
        late = self.calendar.working_days_between(deadline.due, today) if today > deadline.due else 0
        return DeadlineInfo(deadline.due, deadline.estimated, deadline.warning, today > deadline.due, late)
