"""The objection state machine and its stage deadlines in working days (domain.objections)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.calendar import WorkingCalendar
from desktop_app.domain.objections import (
    TRANSITIONS,
    ObjectionAction,
    ObjectionState,
    allowed_actions,
    check_step_date,
    next_state,
    overdue,
    stage_deadline,
)
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.errors import StateError, ValidationError

CAL = WorkingCalendar()
S, A = ObjectionState, ObjectionAction


@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("action", list(A))
def test_every_move_is_either_in_the_table_or_refused(state: ObjectionState, action: ObjectionAction) -> None:
    if (state, action) in TRANSITIONS:
        assert next_state(state, action) is TRANSITIONS[(state, action)]
    else:
        with pytest.raises(StateError) as caught:
            next_state(state, action)
        assert caught.value.field == "objection"


def test_the_lifecycle_of_the_design() -> None:
    assert next_state(S.REGISTERED, A.ACCEPT) is S.ACCEPTED
    assert next_state(S.ACCEPTED, A.VERIFY) is S.VERIFYING
    assert next_state(S.VERIFYING, A.DECIDE) is S.CLOSED
    assert next_state(S.ACCEPTED, A.DECIDE) is S.CLOSED          # settled by the self-check
    assert next_state(S.REGISTERED, A.REFUSE) is S.REFUSED
    assert allowed_actions(S.CLOSED) == allowed_actions(S.REFUSED) == frozenset()
    assert {s for s in S if s.is_open} == {S.REGISTERED, S.ACCEPTED, S.VERIFYING}


def test_a_decision_on_a_closed_objection_says_it_is_closed() -> None:
    with pytest.raises(StateError, match="closed"):
        next_state(S.CLOSED, A.DECIDE)


@pytest.mark.parametrize(("state", "started", "due"), [
    (S.REGISTERED, date(2025, 9, 30), date(2025, 10, 10)),   # accept: 2 days over 国庆 2025
    (S.ACCEPTED, date(2025, 10, 10), date(2025, 10, 13)),    # self-check: make-up Saturday 11 Oct counts
    (S.VERIFYING, date(2025, 9, 30), date(2025, 10, 21)),    # provider verification: 10 days
    (S.REGISTERED, date(2026, 2, 13), date(2026, 2, 24)),    # 春节 2026: Sat 14 Feb, then Tue 24 Feb
    (S.VERIFYING, date(2026, 2, 13), date(2026, 3, 5)),
])
def test_stage_deadlines_in_working_days(state: ObjectionState, started: date, due: date) -> None:
    deadline = stage_deadline(DEFAULT_POLICY, CAL, state, started)
    assert deadline is not None and deadline.due == due


def test_closed_objections_have_no_deadline() -> None:
    assert stage_deadline(DEFAULT_POLICY, CAL, S.CLOSED, date(2026, 1, 5)) is None
    assert stage_deadline(DEFAULT_POLICY, CAL, S.REFUSED, date(2026, 1, 5)) is None


def test_the_profile_sets_the_number_of_days() -> None:
    longer = DEFAULT_POLICY.with_settings({"objection.verification_days": "15"}, version=2)
    deadline = stage_deadline(longer, CAL, S.VERIFYING, date(2026, 2, 13))
    assert deadline is not None and deadline.due == date(2026, 3, 12)


def test_overdue_counts_working_days_after_the_due_date() -> None:
    deadline = stage_deadline(DEFAULT_POLICY, CAL, S.REGISTERED, date(2025, 9, 30))  # due 10 October
    assert overdue(CAL, deadline, date(2025, 10, 10)) is None
    late = overdue(CAL, deadline, date(2025, 10, 14))
    assert late is not None and late.working_days_late == 3  # Sat 11 (make-up), Mon 13, Tue 14
    assert overdue(CAL, None, date(2030, 1, 1)) is None


def test_step_dates_are_not_in_the_future_nor_before_the_previous_step() -> None:
    today = date(2026, 11, 27)
    assert check_step_date(today, previous=date(2026, 11, 20), today=today) == today
    with pytest.raises(ValidationError, match="future"):
        check_step_date(date(2026, 11, 28), previous=date(2026, 11, 20), today=today)
    with pytest.raises(ValidationError, match="before the previous step") as caught:
        check_step_date(date(2026, 11, 19), previous=date(2026, 11, 20), today=today, field="received_on")
    assert caught.value.field == "received_on"
