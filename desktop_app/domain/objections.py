"""Objections (异议) to an integrity record: states, the legal transitions and the stage deadlines.

```
已登记 ──受理──► 已受理 ──转提供单位核查──► 核查中 ──办结──► 已办结
   │               └──────────────办结（自查即可确认）──────────► 已办结
   └──不予受理──► 不予受理
```

Each open state has a deadline in working days from the day the stage began (policy profile:
accept 2 / self-check 2 / provider verification 10). While an objection is open its record shows
异议处理中 and does not restrict awards, unless a reviewer overrides that (audited).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.calendar import Deadline, WorkingCalendar
from desktop_app.domain.enums import LabelledEnum, labelled
from desktop_app.domain.policy import PolicyProfile
from desktop_app.errors import StateError, ValidationError


@labelled({"registered": "已登记", "accepted": "已受理", "verifying": "核查中", "closed": "已办结",
           "refused": "不予受理"})
class ObjectionState(LabelledEnum):
    REGISTERED = "registered"
    ACCEPTED = "accepted"
    VERIFYING = "verifying"
    CLOSED = "closed"
    REFUSED = "refused"

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATES


OPEN_STATES = frozenset({ObjectionState.REGISTERED, ObjectionState.ACCEPTED, ObjectionState.VERIFYING})


@labelled({"corrected": "更正", "revoked": "撤销", "upheld": "维持", "unconfirmable": "无法确认"})
class ObjectionOutcome(LabelledEnum):
    CORRECTED = "corrected"          # the record is corrected through the record write path
    REVOKED = "revoked"              # the record is revoked (it stays in the file as 已撤销)
    UPHELD = "upheld"                # the record is kept; the reason is recorded
    UNCONFIRMABLE = "unconfirmable"  # the record is kept with an annotation; the findings are recorded


@labelled({"accept": "受理", "refuse": "不予受理", "verify": "转提供单位核查", "decide": "办结"})
class ObjectionAction(LabelledEnum):
    ACCEPT = "accept"
    REFUSE = "refuse"
    VERIFY = "verify"
    DECIDE = "decide"


@labelled({"accept": "受理", "self_check": "自查", "verification": "提供单位核查"})
class ObjectionStage(LabelledEnum):
    ACCEPT = "accept"
    SELF_CHECK = "self_check"
    VERIFICATION = "verification"


TRANSITIONS: dict[tuple[ObjectionState, ObjectionAction], ObjectionState] = {
    (ObjectionState.REGISTERED, ObjectionAction.ACCEPT): ObjectionState.ACCEPTED,
    (ObjectionState.REGISTERED, ObjectionAction.REFUSE): ObjectionState.REFUSED,
    (ObjectionState.ACCEPTED, ObjectionAction.VERIFY): ObjectionState.VERIFYING,
    (ObjectionState.ACCEPTED, ObjectionAction.DECIDE): ObjectionState.CLOSED,
    (ObjectionState.VERIFYING, ObjectionAction.DECIDE): ObjectionState.CLOSED,
}

STAGE_OF: dict[ObjectionState, ObjectionStage] = {
    ObjectionState.REGISTERED: ObjectionStage.ACCEPT,
    ObjectionState.ACCEPTED: ObjectionStage.SELF_CHECK,
    ObjectionState.VERIFYING: ObjectionStage.VERIFICATION,
}


def next_state(state: ObjectionState, action: ObjectionAction) -> ObjectionState:
    """The state after ``action``, or ``StateError`` naming what the current state allows."""
    target = TRANSITIONS.get((state, action))
    if target is None:
        allowed = [a.label for (s, a) in TRANSITIONS if s is state]
        hint = f"; it allows: {', '.join(allowed)}" if allowed else "; it is closed"
        raise StateError(f"an objection that is {state.label} cannot be {action.value}ed{hint}",
                         field="objection", code="objection_state")
    return target


def allowed_actions(state: ObjectionState) -> frozenset[ObjectionAction]:
    return frozenset(a for (s, a) in TRANSITIONS if s is state)


def stage_days(policy: PolicyProfile, stage: ObjectionStage) -> int:
    return {ObjectionStage.ACCEPT: policy.objection.accept_days,
            ObjectionStage.SELF_CHECK: policy.objection.self_check_days,
            ObjectionStage.VERIFICATION: policy.objection.verification_days}[stage]


def stage_deadline(policy: PolicyProfile, calendar: WorkingCalendar, state: ObjectionState,
                   stage_started_on: date) -> Deadline | None:
    """The due date of the current stage; None once the objection is closed or refused."""
    stage = STAGE_OF.get(state)
    if stage is None:
        return None
    return calendar.add_working_days(stage_started_on, stage_days(policy, stage))


@dataclass(frozen=True, slots=True)
class Overdue:
    due: date
    working_days_late: int


def overdue(calendar: WorkingCalendar, deadline: Deadline | None, today: date) -> Overdue | None:
    if deadline is None or today <= deadline.due:
        return None
    return Overdue(deadline.due, calendar.working_days_between(deadline.due, today))


def check_step_date(on: date, *, previous: date, today: date, field: str = "on") -> date:
    """A step's date: not in the future, not before the step before it."""
    if on > today:
        raise ValidationError(f"{field} {on.isoformat()} is in the future", field=field)
    if on < previous:
        raise ValidationError(f"{field} {on.isoformat()} is before the previous step ({previous.isoformat()})",
                              field=field)
    return on
