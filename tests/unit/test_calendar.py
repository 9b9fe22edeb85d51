"""Working days with State Council holidays and 调休 make-up days (domain.calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.calendar import CalendarYearUnknown, WorkingCalendar, YearArrangement
from desktop_app.errors import ValidationError

CAL = WorkingCalendar()


@pytest.mark.parametrize(("start", "days", "due"), [
    # 国庆/中秋 2025: 1–8 October off, Sunday 28 September and Saturday 11 October are working days.
    (date(2025, 9, 26), 2, date(2025, 9, 29)),    # Fri → make-up Sunday 28th counts, Monday 29th
    (date(2025, 9, 30), 2, date(2025, 10, 10)),   # filed the day before the holiday: 9th and 10th
    (date(2025, 9, 30), 10, date(2025, 10, 21)),  # the make-up Saturday 11 October counts
    (date(2025, 10, 1), 2, date(2025, 10, 10)),   # filed on a holiday: counting starts after it
    # 春节 2026: 15–23 February off, Saturdays 14 and 28 February are working days.
    (date(2026, 2, 13), 2, date(2026, 2, 24)),    # Fri → Sat 14th, then Tue 24th
    (date(2026, 2, 13), 3, date(2026, 2, 25)),
    (date(2026, 2, 13), 10, date(2026, 3, 5)),    # Saturday 28 February counts too
    # an ordinary week: weekends skipped, the start day not counted
    (date(2026, 11, 27), 2, date(2026, 12, 1)),
    (date(2026, 11, 23), 2, date(2026, 11, 25)),
])
def test_deadlines_cross_holidays_and_make_up_days(start: date, days: int, due: date) -> None:
    deadline = CAL.add_working_days(start, days)
    assert deadline.due == due
    assert not deadline.estimated and deadline.warning is None


def test_make_up_weekend_days_are_working_days_and_holiday_weekdays_are_not() -> None:
    assert CAL.is_working_day(date(2025, 9, 28)) and CAL.is_working_day(date(2026, 2, 14))
    assert not CAL.is_working_day(date(2025, 10, 3)) and not CAL.is_working_day(date(2026, 2, 17))
    assert not CAL.is_working_day(date(2026, 11, 28))  # an ordinary Saturday


def test_a_year_the_calendar_does_not_know_is_estimated_with_a_warning() -> None:
    deadline = CAL.add_working_days(date(2026, 12, 28), 10)
    assert deadline.estimated and deadline.estimated_years == (2027,)
    assert "2027" in (deadline.warning or "")
    assert deadline.due == date(2027, 1, 11)  # weekends only: 1 January counted as a working day
    with pytest.raises(CalendarYearUnknown) as caught:
        CAL.add_working_days(date(2026, 12, 28), 10, strict=True)
    assert caught.value.years == (2027,) and caught.value.code == "calendar_unknown"
    with pytest.raises(CalendarYearUnknown):
        CAL.is_working_day(date(2027, 1, 4))


def test_a_year_entered_by_hand_makes_the_deadline_exact() -> None:
    cal = WorkingCalendar([YearArrangement(2027, holidays=frozenset({date(2027, 1, 1)}))])
    assert cal.knows(2027) and not CAL.knows(2027)
    deadline = cal.add_working_days(date(2026, 12, 28), 10, strict=True)
    assert not deadline.estimated
    assert deadline.due == date(2027, 1, 12)  # 1 January off: one day later than the estimate
    assert cal.add_working_days(date(2026, 12, 31), 1).due == date(2027, 1, 4)
    with_make_up = WorkingCalendar([YearArrangement(2027, holidays=frozenset({date(2027, 1, 1)}),
                                                    workdays=frozenset({date(2027, 1, 9)}))])
    assert with_make_up.add_working_days(date(2026, 12, 28), 10).due == date(2027, 1, 11)  # Saturday 9th worked


def test_a_deadline_ending_just_before_an_unknown_year_is_exact() -> None:
    deadline = CAL.add_working_days(date(2026, 12, 28), 3)
    assert deadline.due == date(2026, 12, 31) and not deadline.estimated


def test_working_days_between_counts_after_the_start() -> None:
    assert CAL.working_days_between(date(2025, 9, 30), date(2025, 10, 10)) == 2
    assert CAL.working_days_between(date(2026, 11, 27), date(2026, 11, 29)) == 0  # the weekend
    assert CAL.working_days_between(date(2026, 11, 27), date(2026, 11, 27)) == 0
    assert CAL.working_days_between(date(2026, 11, 30), date(2026, 11, 27)) == 0


@pytest.mark.parametrize("days", [0, -1, 400])
def test_deadline_length_is_bounded(days: int) -> None:
    with pytest.raises(ValidationError):
        CAL.add_working_days(date(2026, 1, 5), days)


def test_a_hand_entered_year_is_checked() -> None:
    with pytest.raises(ValidationError):
        YearArrangement(2027, holidays=frozenset({date(2026, 12, 31)}))
    with pytest.raises(ValidationError):
        YearArrangement(2027, holidays=frozenset({date(2027, 1, 2)}), workdays=frozenset({date(2027, 1, 2)}))
