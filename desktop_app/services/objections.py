"""Objections (异议): file against a record, accept or refuse, verify, decide (DESIGN.md §4).

Clerks register an objection and its evidence and forward it for verification (OBJECTION_WRITE);
reviewers accept or refuse it, decide it and may override the award rule (OBJECTION_DECIDE).
Each call is one transaction: the objection, the record's 异议处理中 flag, a correction or
revocation of the record, the files, their change-log and audit entries commit together or not
at all. The states and legal moves are in ``domain.objections``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.enums import RecordKind, RecordState
from desktop_app.domain.objections import (
    OPEN_STATES,
    STAGE_OF,
    ObjectionAction,
    ObjectionOutcome,
    ObjectionStage,
    ObjectionState,
    allowed_actions,
    check_step_date,
    next_state,
    stage_deadline,
)
from desktop_app.domain.permissions import Permission
from desktop_app.domain.text import clean_text
from desktop_app.errors import NotFoundError, StateError, ValidationError
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.deadlines import DeadlineInfo, DeadlineRules, parse_day
from desktop_app.services.evidence import (
    AttachmentPurpose,
    AttachmentRow,
    EvidenceFile,
    attach,
    attachments_of,
    read_content,
)
from desktop_app.services.records import (
    OPEN_REPAIR_STATES,
    RecordDraft,
    apply_correction,
    apply_revocation,
    check_record_draft,
)
from desktop_app.services.scope import Target, scoped
from desktop_app.store.models import IntegrityRecord, Person, Unit
from desktop_app.store.models.objections import Objection, RepairApplication
from desktop_app.store.writer import Writer

OWNER = "objection"
MAX_PAGE = 500
LIMITS = {"grounds": 20_000, "findings": 20_000, "reply": 20_000, "applicant": 64}


@dataclass(frozen=True, slots=True)
class ObjectionDraft:
    applicant: str
    grounds: str
    received_on: date | str | None = None      # default: today
    evidence: tuple[EvidenceFile, ...] = ()


@dataclass(frozen=True, slots=True)
class RecordCorrection:
    """The fields a 更正 changes; the others keep the record's values."""

    kind: str | None = None
    severity: str | None = None
    sanction: str | None = None
    clear_sanction: bool = False
    decided_on: date | str | None = None
    document_no: str | None = None
    authority: str | None = None
    facts: str | None = None

    def draft_over(self, r: IntegrityRecord) -> RecordDraft:
        sanction = None if self.clear_sanction else (self.sanction or r.sanction)
        return RecordDraft(kind=self.kind or r.kind, severity=self.severity or r.severity, sanction=sanction,
                           decided_on=self.decided_on or r.decided_on, document_no=self.document_no or r.document_no,
                           authority=self.authority or r.authority, facts=self.facts or r.facts)


@dataclass(frozen=True, slots=True)
class ObjectionDecision:
    outcome: str                          # code or label: 更正 / 撤销 / 维持 / 无法确认
    reply: str                            # the written reply to the applicant
    findings: str = ""                    # what verification found (required for 维持 and 无法确认)
    on: date | str | None = None          # default: today
    correction: RecordCorrection | None = None   # required for 更正


@dataclass(frozen=True, slots=True)
class ObjectionRow:
    id: uuid.UUID
    record_id: uuid.UUID
    person_id: uuid.UUID
    person_name: str
    unit_name: str
    document_no: str
    record_kind: RecordKind
    applicant: str
    grounds: str
    received_on: date
    state: ObjectionState
    stage: ObjectionStage | None
    stage_started_on: date
    deadline: DeadlineInfo
    accepted_on: date | None
    verification_started_on: date | None
    closed_on: date | None
    outcome: ObjectionOutcome | None
    findings: str
    reply: str
    handler: str
    restricts_awards: bool
    override_reason: str
    policy_version: int
    attachments: tuple[AttachmentRow, ...]
    version: int

    @property
    def is_open(self) -> bool:
        return self.state.is_open

    @property
    def actions(self) -> frozenset[ObjectionAction]:
        return allowed_actions(self.state)


class ObjectionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- clerk: register, add evidence, forward for verification ------------------------------

    @requires(Permission.OBJECTION_WRITE)
    @scoped(record_id=Target.RECORD)
    def file(self, record_id: uuid.UUID, draft: ObjectionDraft) -> ObjectionRow:
        """登记: the record shows 异议处理中 from now until the objection is refused or decided."""
        today = self.ctx.today()
        applicant = clean_text(draft.applicant, "applicant", limit=LIMITS["applicant"])
        grounds = clean_text(draft.grounds, "grounds", multiline=True, limit=LIMITS["grounds"])
        received = parse_day(draft.received_on, "received_on", default=today)
        with self.ctx.write() as w:
            record = _record_open_to_objection(w.session, record_id)
            check_step_date(received, previous=record.decided_on, today=today, field="received_on")
            rules = DeadlineRules(w.session)
            due = stage_deadline(rules.current.profile, rules.calendar, ObjectionState.REGISTERED, received)
            objection = Objection(record_id=record.id, person_id=record.person_id, applicant=applicant, grounds=grounds,
                                  received_on=received, state=ObjectionState.REGISTERED.value,
                                  stage_started_on=received, due_on=due.due if due else None,
                                  due_estimated=bool(due and due.estimated), handler=self.ctx.user.name,
                                  policy_id=rules.current.id, policy_version=rules.current.version)
            w.insert(objection, "objection.file", detail={"record": record.id.hex})
            attach(w, OWNER, objection.id, AttachmentPurpose.EVIDENCE, draft.evidence)
            w.update(record, {"under_objection": True}, "record.objection_opened",
                     detail={"objection": objection.id.hex})
            return self._row(w.session, objection)

    @requires(Permission.OBJECTION_WRITE)
    @scoped(objection_id=Target.OBJECTION)
    def add_evidence(self, objection_id: uuid.UUID, files: list[EvidenceFile]) -> ObjectionRow:
        if not files:
            raise ValidationError("choose at least one file", field="evidence")
        with self.ctx.write() as w:
            objection = _objection(w.session, objection_id)
            if not ObjectionState(objection.state).is_open:
                raise StateError(f"an objection that is {ObjectionState(objection.state).label} takes no more "
                                 "evidence", field="objection", code="objection_state")
            attach(w, OWNER, objection.id, AttachmentPurpose.EVIDENCE, files)
            w.audit("objection.add_evidence", "objection", objection.id, detail={"files": len(files)})
            return self._row(w.session, objection)

    @requires(Permission.OBJECTION_WRITE)
    @scoped(objection_id=Target.OBJECTION)
    def start_verification(self, objection_id: uuid.UUID, *, on: date | str | None = None) -> ObjectionRow:
        """转提供单位核查: the self-check could not settle it; the data provider verifies."""
        return self._move(objection_id, ObjectionAction.VERIFY, on, lambda o, day: {"verification_started_on": day})

    # -- reviewer: accept or refuse, decide, override ----------------------------------------

    @requires(Permission.OBJECTION_DECIDE)
    @scoped(objection_id=Target.OBJECTION)
    def accept(self, objection_id: uuid.UUID, *, on: date | str | None = None) -> ObjectionRow:
        """受理."""
        return self._move(objection_id, ObjectionAction.ACCEPT, on, lambda o, day: {"accepted_on": day})

    @requires(Permission.OBJECTION_DECIDE)
    @scoped(objection_id=Target.OBJECTION)
    def refuse(self, objection_id: uuid.UUID, *, reply: str, on: date | str | None = None) -> ObjectionRow:
        """不予受理, with the written reply saying why; the record no longer shows 异议处理中."""
        text = clean_text(reply, "reply", multiline=True, limit=LIMITS["reply"])
        return self._move(objection_id, ObjectionAction.REFUSE, on,
                          lambda o, day: {"closed_on": day, "reply": text}, close_record=True)

    @requires(Permission.OBJECTION_DECIDE)
    @scoped(objection_id=Target.OBJECTION)
    def decide(self, objection_id: uuid.UUID, decision: ObjectionDecision) -> ObjectionRow:
        """办结: 更正 or 撤销 change the record through the record write path; 维持 keeps it with the
        reason; 无法确认 keeps it annotated with the findings."""
        outcome = ObjectionOutcome.parse(decision.outcome, field="outcome")
        reply = clean_text(decision.reply, "reply", multiline=True, limit=LIMITS["reply"])
        findings = clean_text(decision.findings, "findings", multiline=True, required=outcome in (
            ObjectionOutcome.UPHELD, ObjectionOutcome.UNCONFIRMABLE), limit=LIMITS["findings"])
        if outcome is ObjectionOutcome.CORRECTED and decision.correction is None:
            raise ValidationError("a 更正 decision needs the corrected values", field="correction")
        today = self.ctx.today()
        with self.ctx.write() as w:
            objection = _objection(w.session, objection_id)
            state = next_state(ObjectionState(objection.state), ObjectionAction.DECIDE)
            day = check_step_date(parse_day(decision.on, "on", default=today), previous=objection.stage_started_on,
                                  today=today)
            record = _record(w.session, objection.record_id)
            if record.state != RecordState.ACTIVE.value:
                raise StateError(f"the record is {RecordState(record.state).label}; the objection can no longer "
                                 "change it", field="record", code="objection_record_state")
            _apply_outcome(w, record, objection, outcome, decision.correction, findings or reply, today)
            w.update(objection, {"state": state.value, "outcome": outcome.value, "closed_on": day, "reply": reply,
                                 "findings": findings, "due_on": None, "due_estimated": False,
                                 "handler": self.ctx.user.name}, "objection.decide",
                     detail={"outcome": outcome.value})
            return self._row(w.session, objection)

    @requires(Permission.OBJECTION_DECIDE)
    @scoped(objection_id=Target.OBJECTION)
    def override_restriction(self, objection_id: uuid.UUID, *, restrict: bool, reason: str) -> ObjectionRow:
        """Let the record restrict awards while this objection is open (or undo that), with the reason."""
        why = clean_text(reason, "reason", multiline=True)
        with self.ctx.write() as w:
            objection = _objection(w.session, objection_id)
            if not ObjectionState(objection.state).is_open:
                raise StateError("only an open objection can be overridden", field="objection",
                                 code="objection_state")
            if objection.restricts_awards == restrict:
                raise ValidationError("the award rule of this objection is already so", field="restrict")
            w.update(objection, {"restricts_awards": restrict, "override_reason": why}, "objection.override",
                     reason=why, detail={"restricts_awards": restrict})
            return self._row(w.session, objection)

    # -- reading --------------------------------------------------------------------------

    @requires(Permission.RECORD_READ)
    @scoped(objection_id=Target.OBJECTION)
    def get(self, objection_id: uuid.UUID) -> ObjectionRow:
        with self.ctx.read() as s:
            return self._row(s, _objection(s, objection_id))

    @requires(Permission.RECORD_READ)
    @scoped(rows=True, person_id=Target.PERSON, record_id=Target.RECORD)
    def search(self, *, open_only: bool = False, state: str | None = None, person_id: uuid.UUID | None = None,
             record_id: uuid.UUID | None = None, limit: int = 100, offset: int = 0) -> list[ObjectionRow]:
        """Newest first."""
        with self.ctx.read() as s:
            query = select(Objection).where(self.ctx.scope(s).where_person(Objection.person_id))
            if open_only:
                query = query.where(Objection.state.in_([x.value for x in OPEN_STATES]))
            if state:
                query = query.where(Objection.state == ObjectionState.parse(state, field="state").value)
            if person_id is not None:
                query = query.where(Objection.person_id == person_id)
            if record_id is not None:
                query = query.where(Objection.record_id == record_id)
            query = query.order_by(Objection.received_on.desc(), Objection.created_at.desc())
            page = list(s.scalars(query.limit(max(1, min(limit, MAX_PAGE))).offset(max(0, offset))))
            return self._rows(s, page)

    @requires(Permission.RECORD_READ)
    @scoped(rows=True)
    def count_open(self) -> int:
        with self.ctx.read() as s:
            return int(s.scalar(select(func.count(Objection.id)).where(
                Objection.state.in_([x.value for x in OPEN_STATES]),
                self.ctx.scope(s).where_person(Objection.person_id))) or 0)

    @requires(Permission.RECORD_READ)
    @scoped(rows=True)
    def overdue(self) -> list[ObjectionRow]:
        """Open objections whose current stage is past its deadline, most overdue first."""
        with self.ctx.read() as s:
            page = list(s.scalars(select(Objection).where(Objection.state.in_([x.value for x in OPEN_STATES]),
                                                          self.ctx.scope(s).where_person(Objection.person_id))))
            rows = [r for r in self._rows(s, page) if r.deadline.overdue]
        return sorted(rows, key=lambda r: (r.deadline.due_on or date.max, r.received_on))

    @requires(Permission.RECORD_READ)
    @scoped(attachment_id=Target.ATTACHMENT)
    def evidence_content(self, attachment_id: uuid.UUID) -> tuple[AttachmentRow, bytes]:
        """The bytes of one file, for a preview or an export the person asked for; audited."""
        with self.ctx.write() as w:
            row, data = read_content(w.session, attachment_id, OWNER)
            w.audit("attachment.read", "attachment", row.id, detail={"owner": OWNER})
            return row, data

    # -- helpers --------------------------------------------------------------------------

    def _move(self, objection_id: uuid.UUID, action: ObjectionAction, on: date | str | None,
              values: Any, *, close_record: bool = False) -> ObjectionRow:
        today = self.ctx.today()
        with self.ctx.write() as w:
            objection = _objection(w.session, objection_id)
            state = next_state(ObjectionState(objection.state), action)
            day = check_step_date(parse_day(on, "on", default=today), previous=objection.stage_started_on,
                                  today=today)
            rules = DeadlineRules(w.session)
            due = stage_deadline(rules.profile(objection.policy_version), rules.calendar, state, day)
            w.update(objection, {"state": state.value, "stage_started_on": day, "due_on": due.due if due else None,
                                 "due_estimated": bool(due and due.estimated), "handler": self.ctx.user.name,
                                 **values(objection, day)}, f"objection.{action.value}")
            if close_record:
                w.update(_record(w.session, objection.record_id), {"under_objection": False},
                         "record.objection_closed", detail={"objection": objection.id.hex})
            return self._row(w.session, objection)

    def _row(self, session: Session, objection: Objection) -> ObjectionRow:
        return self._rows(session, [objection])[0]

    def _rows(self, session: Session, objections: list[Objection]) -> list[ObjectionRow]:
        if not objections:
            return []
        today = self.ctx.today()
        rules = DeadlineRules(session)
        info = {r.id: (r.document_no, RecordKind(r.kind), p.name, u.name) for r, p, u in session.execute(
            select(IntegrityRecord, Person, Unit).join(Person, IntegrityRecord.person_id == Person.id)
            .join(Unit, Person.unit_id == Unit.id)
            .where(IntegrityRecord.id.in_({o.record_id for o in objections}))).all()}
        files = attachments_of(session, [o.id for o in objections])
        rows = []
        for o in objections:
            state = ObjectionState(o.state)
            deadline = stage_deadline(rules.profile(o.policy_version), rules.calendar, state, o.stage_started_on)
            document_no, kind, person, unit = info[o.record_id]
            rows.append(ObjectionRow(
                o.id, o.record_id, o.person_id, person, unit, document_no, kind, o.applicant, o.grounds, o.received_on,
                state, STAGE_OF.get(state), o.stage_started_on, rules.info(deadline, today), o.accepted_on,
                o.verification_started_on, o.closed_on, ObjectionOutcome(o.outcome) if o.outcome else None,
                o.findings, o.reply, o.handler, o.restricts_awards, o.override_reason, o.policy_version,
                files[o.id], o.version))
        return rows


def _apply_outcome(w: Writer, record: IntegrityRecord, objection: Objection, outcome: ObjectionOutcome,
                   correction: RecordCorrection | None, reason: str, today: date) -> None:
    detail = {"objection": objection.id.hex}
    closed = {"under_objection": False}
    if outcome is ObjectionOutcome.CORRECTED:
        assert correction is not None
        checked = check_record_draft(correction.draft_over(record), today)
        changed = apply_correction(w, record, checked, f"异议更正：{reason}", extra=closed, detail=detail)
        if set(changed) <= set(closed):
            raise ValidationError("the correction changes nothing in the record; decide 维持 instead",
                                  field="correction")
    elif outcome is ObjectionOutcome.REVOKED:
        apply_revocation(w, record, f"异议撤销：{reason}", extra=closed, detail=detail)
    elif outcome is ObjectionOutcome.UPHELD:
        w.update(record, closed, "record.objection_closed", reason=f"异议维持：{reason}", detail=detail)
    else:
        w.update(record, {**closed, "state_reason": f"异议无法确认：{reason}"}, "record.annotate",
                 reason=f"异议无法确认：{reason}", detail=detail)


def _record(session: Session, record_id: uuid.UUID) -> IntegrityRecord:
    record = session.get(IntegrityRecord, record_id)
    if record is None:
        raise NotFoundError("no such record", field="record")
    return record


def _record_open_to_objection(session: Session, record_id: uuid.UUID) -> IntegrityRecord:
    record = _record(session, record_id)
    state = RecordState(record.state)
    if state is RecordState.REVOKED:
        raise StateError("the record was revoked; there is nothing left to object to", field="record",
                         code="objection_record_revoked")
    if state is not RecordState.ACTIVE:
        raise StateError(f"an objection can be filed only against a record in effect (this one is {state.label})",
                         field="record", code="objection_record_state")
    open_objection = session.scalar(select(Objection.received_on).where(
        Objection.record_id == record.id, Objection.state.in_([x.value for x in OPEN_STATES])).limit(1))
    if open_objection is not None or record.under_objection:
        since = f" (filed {open_objection.isoformat()})" if open_objection else ""
        raise StateError(f"an objection to this record is already open{since}", field="record",
                         code="objection_already_open")
    if session.scalar(select(RepairApplication.id).where(RepairApplication.record_id == record.id,
                                                         RepairApplication.state.in_(OPEN_REPAIR_STATES)).limit(1)):
        raise StateError("a credit repair application for this record is open; decide it first", field="record",
                         code="record_under_repair")
    return record


def _objection(session: Session, objection_id: uuid.UUID) -> Objection:
    objection = session.get(Objection, objection_id)
    if objection is None:
        raise NotFoundError("no such objection", field="objection")
    return objection

