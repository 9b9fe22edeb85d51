"""Credit repair (信用修复): who may apply when, the application's states and its deadlines.

```
已申请 ──受理──► 已受理 ──准予──► 准予修复   (record → 已修复: publication ends, award restriction lifts)
   │                └──不予──► 不予修复   (record unchanged; a new application may follow)
   └──不予受理──► 不予受理
```

Conditions (国办发〔2025〕22号, NDRC 信用修复管理办法 2026): a 失信 record in effect, not under
objection; the earliest end of its publication reached (轻微 records: at once); a sanction period
over (during it the person may be neither promoted nor commended, so a repair could not lift
anything); obligations fulfilled with proof; a signed commitment letter. Deadlines: accept or
refuse within 3 working days of the application, answer within 10 working days of acceptance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.calendar import Deadline, WorkingCalendar
from desktop_app.domain.enums import LabelledEnum, Polarity, RecordState, labelled
from desktop_app.domain.policy import PolicyProfile
from desktop_app.errors import StateError, ValidationError


@labelled({"submitted": "已申请", "accepted": "已受理", "not_accepted": "不予受理", "granted": "准予修复",
           "denied": "不予修复"})
class RepairState(LabelledEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not_accepted"
    GRANTED = "granted"
    DENIED = "denied"

    @property
    def is_open(self) -> bool:
        return self in (RepairState.SUBMITTED, RepairState.ACCEPTED)


@labelled({"accept": "受理", "refuse": "不予受理", "grant": "准予修复", "deny": "不予修复"})
class RepairAction(LabelledEnum):
    ACCEPT = "accept"
    REFUSE = "refuse"
    GRANT = "grant"
    DENY = "deny"


@labelled({"granted": "准予", "denied": "不予"})
class RepairOutcome(LabelledEnum):
    GRANTED = "granted"
    DENIED = "denied"

    @classmethod
    def parse_decision(cls, text: str) -> RepairOutcome:
        cleaned = (text or "").strip().lower()
        if cleaned in ("grant", "准予修复"):
            return cls.GRANTED
        if cleaned in ("deny", "不予修复"):
            return cls.DENIED
        return cls.parse(text, field="outcome")

    @property
    def action(self) -> RepairAction:
        return RepairAction.GRANT if self is RepairOutcome.GRANTED else RepairAction.DENY


@labelled({"decision": "决定是否受理", "answer": "作出修复决定"})
class RepairStage(LabelledEnum):
    DECISION = "decision"
    ANSWER = "answer"


TRANSITIONS: dict[tuple[RepairState, RepairAction], RepairState] = {
    (RepairState.SUBMITTED, RepairAction.ACCEPT): RepairState.ACCEPTED,
    (RepairState.SUBMITTED, RepairAction.REFUSE): RepairState.NOT_ACCEPTED,
    (RepairState.ACCEPTED, RepairAction.GRANT): RepairState.GRANTED,
    (RepairState.ACCEPTED, RepairAction.DENY): RepairState.DENIED,
}

STAGE_OF = {RepairState.SUBMITTED: RepairStage.DECISION, RepairState.ACCEPTED: RepairStage.ANSWER}


class RepairTooEarly(StateError):
    """The record may not be repaired yet; ``possible_from`` says from when."""

    code = "repair_too_early"

    def __init__(self, message: str, *, possible_from: date, because: str) -> None:
        super().__init__(message, field="applied_on")
        self.possible_from = possible_from
        self.because = because  # "publication" or "sanction"


def next_state(state: RepairState, action: RepairAction) -> RepairState:
    target = TRANSITIONS.get((state, action))
    if target is None:
        allowed = [a.label for (s, a) in TRANSITIONS if s is state]
        hint = f"; it allows: {', '.join(allowed)}" if allowed else "; it is decided"
        raise StateError(f"a repair application that is {state.label} cannot be {action.value}ed{hint}",
                         field="application", code="repair_state")
    return target


def allowed_actions(state: RepairState) -> frozenset[RepairAction]:
    return frozenset(a for (s, a) in TRANSITIONS if s is state)


def stage_deadline(policy: PolicyProfile, calendar: WorkingCalendar, state: RepairState,
                   stage_started_on: date) -> Deadline | None:
    stage = STAGE_OF.get(state)
    if stage is None:
        return None
    days = policy.repair.decision_days if stage is RepairStage.DECISION else policy.repair.answer_days
    return calendar.add_working_days(stage_started_on, days)


@dataclass(frozen=True, slots=True)
class RecordForRepair:
    """What the repair rules need of the record."""

    polarity: Polarity
    state: RecordState
    under_objection: bool
    decided_on: date
    publication_earliest_end: date | None
    sanction_end: date | None


def earliest_repair_date(record: RecordForRepair) -> tuple[date | None, str]:
    """From when a repair may be applied for, and why then ("publication", "sanction" or "")."""
    candidates = [(d, why) for d, why in ((record.publication_earliest_end, "publication"),
                                           (record.sanction_end, "sanction")) if d is not None]
    if not candidates:
        return None, ""
    return max(candidates)


def check_record_repairable(record: RecordForRepair, applied_on: date) -> None:
    """Refuse, with the reason, a record that cannot be repaired on ``applied_on``."""
    if record.polarity is not Polarity.DISHONEST:
        raise StateError("only a 失信 record can be repaired", field="record", code="repair_not_dishonest")
    if record.state is not RecordState.ACTIVE:
        raise StateError(f"a record that is {record.state.label} cannot be repaired (only 已生效 records)",
                         field="record", code="repair_record_state")
    if record.under_objection:
        raise StateError("an objection to this record is open; repair can be applied for once it is closed",
                         field="record", code="repair_under_objection")
    if applied_on < record.decided_on:
        raise ValidationError(f"applied_on {applied_on.isoformat()} is before the record's decision date "
                              f"{record.decided_on.isoformat()}", field="applied_on")
    possible_from, because = earliest_repair_date(record)
    if possible_from is not None and applied_on < possible_from:
        what = "the earliest end of its publication" if because == "publication" else "the end of the sanction period"
        raise RepairTooEarly(f"repair of this record can be applied for from {possible_from.isoformat()} ({what})",
                             possible_from=possible_from, because=because)


def check_conditions(*, obligations_met: bool, proof_files: int, commitment_files: int) -> None:
    if not obligations_met:
        raise ValidationError("the obligations of the decision must be fulfilled before a repair",
                              field="obligations")
    if proof_files < 1:
        raise ValidationError("proof that the obligations are fulfilled is required (at least one file)",
                              field="proof")
    if commitment_files < 1:
        raise ValidationError("the signed commitment letter (信用修复承诺书) is required", field="commitment")
