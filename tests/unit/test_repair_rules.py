"""Who may apply for credit repair when, and the application's states (domain.repair)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.calendar import WorkingCalendar
from desktop_app.domain.enums import Polarity, RecordState
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.domain.repair import (
    TRANSITIONS,
    RecordForRepair,
    RepairAction,
    RepairOutcome,
    RepairState,
    RepairTooEarly,
    check_conditions,
    check_record_repairable,
    next_state,
    stage_deadline,
)
from desktop_app.errors import StateError, ValidationError

CAL = WorkingCalendar()


def _record(**over: object) -> RecordForRepair:
    values: dict[str, object] = dict(polarity=Polarity.DISHONEST, state=RecordState.ACTIVE, under_objection=False,
                                     decided_on=date(2026, 1, 5), publication_earliest_end=date(2026, 4, 5),
                                     sanction_end=None)
    values.update(over)
    return RecordForRepair(**values)  # type: ignore[arg-type]


def test_repair_is_possible_from_the_earliest_end_of_publication() -> None:
    check_record_repairable(_record(), date(2026, 4, 5))
    with pytest.raises(RepairTooEarly) as caught:
        check_record_repairable(_record(), date(2026, 4, 4))
    assert caught.value.possible_from == date(2026, 4, 5) and "2026-04-05" in caught.value.message
    assert caught.value.field == "applied_on" and caught.value.because == "publication"


def test_a_minor_record_can_be_repaired_at_once() -> None:
    check_record_repairable(_record(publication_earliest_end=None), date(2026, 1, 5))


def test_a_running_sanction_period_postpones_repair() -> None:
    record = _record(sanction_end=date(2027, 1, 5))
    with pytest.raises(RepairTooEarly) as caught:
        check_record_repairable(record, date(2026, 6, 1))
    assert caught.value.possible_from == date(2027, 1, 5) and caught.value.because == "sanction"
    check_record_repairable(record, date(2027, 1, 5))


@pytest.mark.parametrize(("over", "code"), [
    ({"polarity": Polarity.HONEST}, "repair_not_dishonest"),
    ({"state": RecordState.REVOKED}, "repair_record_state"),
    ({"state": RecordState.REPAIRED}, "repair_record_state"),
    ({"state": RecordState.EXPIRED}, "repair_record_state"),
    ({"state": RecordState.DRAFT}, "repair_record_state"),
    ({"under_objection": True}, "repair_under_objection"),
])
def test_records_that_cannot_be_repaired(over: dict[str, object], code: str) -> None:
    with pytest.raises(StateError) as caught:
        check_record_repairable(_record(**over), date(2026, 11, 27))
    assert caught.value.code == code and caught.value.field == "record"


def test_an_application_before_the_decision_date_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        check_record_repairable(_record(publication_earliest_end=None), date(2026, 1, 4))
    assert caught.value.field == "applied_on"


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"obligations_met": False, "proof_files": 1, "commitment_files": 1}, "obligations"),
    ({"obligations_met": True, "proof_files": 0, "commitment_files": 1}, "proof"),
    ({"obligations_met": True, "proof_files": 1, "commitment_files": 0}, "commitment"),
])
def test_conditions_of_an_application(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_conditions(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
    check_conditions(obligations_met=True, proof_files=1, commitment_files=1)


@pytest.mark.parametrize("state", list(RepairState))
@pytest.mark.parametrize("action", list(RepairAction))
def test_every_move_is_either_in_the_table_or_refused(state: RepairState, action: RepairAction) -> None:
    if (state, action) in TRANSITIONS:
        assert next_state(state, action) is TRANSITIONS[(state, action)]
    else:
        with pytest.raises(StateError):
            next_state(state, action)


@pytest.mark.parametrize(("state", "started", "due"), [
    (RepairState.SUBMITTED, date(2026, 2, 13), date(2026, 2, 25)),   # 3 days over 春节 2026
    (RepairState.ACCEPTED, date(2026, 2, 13), date(2026, 3, 5)),     # 10 days, two make-up Saturdays
    (RepairState.SUBMITTED, date(2025, 9, 30), date(2025, 10, 11)),  # 国庆 2025: 9, 10 and Saturday 11 Oct
])
def test_repair_deadlines(state: RepairState, started: date, due: date) -> None:
    deadline = stage_deadline(DEFAULT_POLICY, CAL, state, started)
    assert deadline is not None and deadline.due == due
    assert stage_deadline(DEFAULT_POLICY, CAL, RepairState.GRANTED, started) is None


@pytest.mark.parametrize(("text", "outcome"), [("准予", RepairOutcome.GRANTED), ("不予修复", RepairOutcome.DENIED),
                                              ("grant", RepairOutcome.GRANTED), ("denied", RepairOutcome.DENIED)])
def test_decisions_parse_in_chinese_or_english(text: str, outcome: RepairOutcome) -> None:
    assert RepairOutcome.parse_decision(text) is outcome
