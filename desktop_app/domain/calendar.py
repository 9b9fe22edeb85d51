"""Working days (工作日) by the State Council's holiday arrangements, make-up working days (调休)
included, from the ``chinese-calendar`` package (DESIGN.md §4).

A deadline of *n* working days counts from the day after its start (民法典 art. 201: the day a period
starts is not counted), so "2 working days from Tuesday" ends on Thursday, and a period that starts
before 国庆 skips the whole holiday but counts the make-up Saturday or Sunday.

The package knows the years the State Council has published (it raises for later ones). For a year
it does not know, the administrator can enter the arrangement in the policy profile
(``YearArrangement``); otherwise a deadline is *estimated* by skipping weekends only and says so
(``Deadline.estimated_years`` and ``warning``), and strict callers get ``CalendarYearUnknown``.
A wrong date is never returned silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar

from desktop_app.errors import ValidationError

MAX_DEADLINE_DAYS = 366


class CalendarYearUnknown(ValidationError):
    """The holiday arrangement of a year is not known yet (neither the package nor the profile has it)."""

    code = "calendar_unknown"

    def __init__(self, years: Iterable[int], *, field: str | None = None) -> None:
        self.years = tuple(sorted(set(years)))
        listed = ", ".join(str(y) for y in self.years)
        super().__init__(f"the State Council holiday arrangement for {listed} is not known yet; enter it in "
                         "the policy profile or update the chinese-calendar package", field=field)


@dataclass(frozen=True, slots=True)
class YearArrangement:
    """One year's arrangement entered by hand: weekday days off and weekend make-up working days."""

    year: int
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for day in (*self.holidays, *self.workdays):
            if day.year != self.year:
                raise ValidationError(f"{day.isoformat()} does not belong to the year {self.year}",
                                      field="calendar")
        if self.holidays & self.workdays:
            raise ValidationError("a day cannot be both a holiday and a make-up working day", field="calendar")


@dataclass(frozen=True, slots=True)
class Deadline:
    start: date
    working_days: int
    due: date
    estimated_years: tuple[int, ...] = ()

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)

    @property
    def warning(self) -> str | None:
        if not self.estimated_years:
            return None
        years = ", ".join(str(y) for y in self.estimated_years)
        return (f"holiday arrangement for {years} not known yet: the due date skips weekends only and may "
                "move when the State Council publishes the holidays")


@lru_cache(maxsize=64)
def _package_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


class WorkingCalendar:
    def __init__(self, supplement: Iterable[YearArrangement] = ()) -> None:
        self._extra = {a.year: a for a in supplement}

    def knows(self, year: int) -> bool:
        return year in self._extra or _package_knows(year)

    def is_working_day(self, day: date) -> bool:
        """Strict: raises ``CalendarYearUnknown`` for a year nobody knows."""
        working, known = self._classify(day)
        if not known:
            raise CalendarYearUnknown([day.year], field="calendar")
        return working

    def add_working_days(self, start: date, days: int, *, strict: bool = False) -> Deadline:
        """The ``days``-th working day after ``start``; estimated (or refused if strict) past the known years."""
        if not 1 <= days <= MAX_DEADLINE_DAYS:
            raise ValidationError(f"a deadline must be 1 to {MAX_DEADLINE_DAYS} working days", field="days")
        day, counted, unknown = start, 0, set[int]()
        while counted < days:
            day += timedelta(days=1)
            working, known = self._classify(day)
            if not known:
                unknown.add(day.year)
            counted += working
        if unknown and strict:
            raise CalendarYearUnknown(unknown, field="calendar")
        return Deadline(start, days, day, tuple(sorted(unknown)))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how far ``end`` is past ``start`` (0 if not after it)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self._classify(day)[0]
        return count

    def _classify(self, day: date) -> tuple[bool, bool]:
        """(is a working day, the year's arrangement is known); unknown years fall back to Mon–Fri."""
        extra = self._extra.get(day.year)
        if extra is not None:
            if day in extra.workdays:
                return True, True
            if day in extra.holidays:
                return False, True
            return day.weekday() < 5, True
        if _package_knows(day.year):
            return bool(chinese_calendar.is_workday(day)), True
        return day.weekday() < 5, False


DEFAULT_CALENDAR = WorkingCalendar()
