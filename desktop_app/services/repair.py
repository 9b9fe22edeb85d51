"""Credit repair (信用修复) and the end of publication (公示期满) (DESIGN.md §4).

Clerks register an application with its proof and commitment letter (REPAIR_WRITE); reviewers
accept or refuse it and decide 准予/不予 with reasons (REPAIR_DECIDE). 准予 makes the record
已修复: publication and sharing end and the award restriction lifts, while the record and its
history stay in the file. ``expire_due`` turns records whose latest publication end has passed
into 公示期满; the application calls it when an archive is opened and once a day.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain.enums import Polarity, RecordKind, RecordState, Severity
from desktop_app.domain.objections import check_step_date
from desktop_app.domain.permissions import Permission
from desktop_app.domain.repair import (
    STAGE_OF,
    RecordForRepair,
    RepairAction,
    RepairOutcome,
    RepairStage,
    RepairState,
    RepairTooEarly,
    allowed_actions,
    check_conditions,
    check_record_repairable,
    earliest_repair_date,
    next_state,
    stage_deadline,
)
from desktop_app.domain.text import clean_text
from desktop_app.errors import IntegrityFilesError, NotFoundError, StateError, ValidationError
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
from desktop_app.services.records import OPEN_OBJECTION_STATES, OPEN_REPAIR_STATES
from desktop_app.services.scope import Target, scoped, unscoped
from desktop_app.store.archive import SYSTEM_USER
from desktop_app.store.models import IntegrityRecord, Person, Unit
from desktop_app.store.models.objections import Objection, RepairApplication

OWNER = "repair"
MAX_PAGE = 500
EFFECTS = ("终止公示", "停止共享", "解除评优评先限制")


@dataclass(frozen=True, slots=True)
class RepairDraft:
    applicant: str
    obligations_met: bool
    proof: tuple[EvidenceFile, ...]          # that the obligations of the decision are fulfilled
    commitment: tuple[EvidenceFile, ...]     # the signed 信用修复承诺书 (a scan; pages as files)
    statement: str = ""
    applied_on: date | str | None = None     # default: today


@dataclass(frozen=True, slots=True)
class RepairEligibility:
    record_id: uuid.UUID
    possible: bool
    possible_from: date | None      # when it becomes possible (None: now, or never for this record)
    problem: IntegrityFilesError | None


@dataclass(frozen=True, slots=True)
class RepairRow:
    id: uuid.UUID
    record_id: uuid.UUID
    person_id: uuid.UUID
    person_name: str
    unit_name: str
    document_no: str
    record_kind: RecordKind
    severity: Severity
    applicant: str
    statement: str
    applied_on: date
    obligations_met: bool
    commitment_signed: bool
    state: RepairState
    stage: RepairStage | None
    stage_started_on: date
    deadline: DeadlineInfo
    accepted_on: date | None
    decided_on: date | None
    reason: str
    handler: str
    policy_version: int
    attachments: tuple[AttachmentRow, ...]
    version: int

    @property
    def is_open(self) -> bool:
        return self.state.is_open

    @property
    def actions(self) -> frozenset[RepairAction]:
        return allowed_actions(self.state)

    @property
    def effects(self) -> tuple[str, ...]:
        return EFFECTS if self.state is RepairState.GRANTED else ()


@dataclass(frozen=True, slots=True)
class ExpiryResult:
    today: date
    expired: tuple[uuid.UUID, ...]


class RepairService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.RECORD_READ)
    @scoped(record_id=Target.RECORD)
    def eligibility(self, record_id: uuid.UUID, *, on: date | str | None = None) -> RepairEligibility:
        """Whether a repair may be applied for on ``on`` (default today), and if not, from when."""
        day = parse_day(on, "applied_on", default=self.ctx.today())
        with self.ctx.read() as s:
            record = _record(s, record_id)
            try:
                _check_repairable(s, record, day)
            except IntegrityFilesError as exc:
                when = exc.possible_from if isinstance(exc, RepairTooEarly) else None
                return RepairEligibility(record.id, False, when, exc)
            return RepairEligibility(record.id, True, None, None)

    @requires(Permission.REPAIR_WRITE)
    @scoped(record_id=Target.RECORD)
    def apply(self, record_id: uuid.UUID, draft: RepairDraft) -> RepairRow:
        """申请: refused, with the date it becomes possible, before the earliest end of publication."""
        today = self.ctx.today()
        applicant = clean_text(draft.applicant, "applicant", limit=64)
        statement = clean_text(draft.statement, "statement", required=False, multiline=True, limit=20_000)
        applied = parse_day(draft.applied_on, "applied_on", default=today)
        if applied > today:
            raise ValidationError(f"applied_on {applied.isoformat()} is in the future", field="applied_on")
        with self.ctx.write() as w:
            record = _record(w.session, record_id)
            _check_repairable(w.session, record, applied)
            check_conditions(obligations_met=draft.obligations_met, proof_files=len(draft.proof),
                             commitment_files=len(draft.commitment))
            rules = DeadlineRules(w.session)
            due = stage_deadline(rules.current.profile, rules.calendar, RepairState.SUBMITTED, applied)
            application = RepairApplication(
                record_id=record.id, person_id=record.person_id, applicant=applicant, statement=statement,
                applied_on=applied, obligations_met=True, commitment_signed=True,
                state=RepairState.SUBMITTED.value, stage_started_on=applied, due_on=due.due if due else None,
                due_estimated=bool(due and due.estimated), handler=self.ctx.user.name,
                policy_id=rules.current.id, policy_version=rules.current.version)
            w.insert(application, "repair.apply", detail={"record": record.id.hex})
            attach(w, OWNER, application.id, AttachmentPurpose.PROOF, draft.proof)
            attach(w, OWNER, application.id, AttachmentPurpose.COMMITMENT, draft.commitment)
            return self._row(w.session, application)

    @requires(Permission.REPAIR_WRITE)
    @scoped(application_id=Target.REPAIR)
    def add_evidence(self, application_id: uuid.UUID, files: list[EvidenceFile], *,
                     purpose: str = AttachmentPurpose.PROOF.value) -> RepairRow:
        kind = AttachmentPurpose.parse(purpose, field="purpose")
        if not files:
            raise ValidationError("choose at least one file", field=kind.value)
        with self.ctx.write() as w:
            application = _application(w.session, application_id)
            if not RepairState(application.state).is_open:
                raise StateError("a decided application takes no more files", field="application",
                                 code="repair_state")
            attach(w, OWNER, application.id, kind, files)
            w.audit("repair.add_evidence", "repair", application.id, detail={"files": len(files)})
            return self._row(w.session, application)

    @requires(Permission.REPAIR_DECIDE)
    @scoped(application_id=Target.REPAIR)
    def accept(self, application_id: uuid.UUID, *, on: date | str | None = None) -> RepairRow:
        """受理 (within 3 working days of the application)."""
        return self._move(application_id, RepairAction.ACCEPT, on, "", lambda day: {"accepted_on": day})

    @requires(Permission.REPAIR_DECIDE)
    @scoped(application_id=Target.REPAIR)
    def refuse(self, application_id: uuid.UUID, *, reason: str, on: date | str | None = None) -> RepairRow:
        """不予受理, with the reason."""
        why = clean_text(reason, "reason", multiline=True)
        return self._move(application_id, RepairAction.REFUSE, on, why, lambda day: {"decided_on": day})

    @requires(Permission.REPAIR_DECIDE)
    @scoped(application_id=Target.REPAIR)
    def decide(self, application_id: uuid.UUID, *, outcome: str, reason: str,
               on: date | str | None = None) -> RepairRow:
        """准予 (the record becomes 已修复) or 不予 (it stays as it is), with the reason."""
        decided = RepairOutcome.parse_decision(outcome)
        why = clean_text(reason, "reason", multiline=True)

        def values(day: date) -> dict[str, object]:
            return {"decided_on": day}

        return self._move(application_id, decided.action, on, why, values)

    # -- reading --------------------------------------------------------------------------

    @requires(Permission.RECORD_READ)
    @scoped(application_id=Target.REPAIR)
    def get(self, application_id: uuid.UUID) -> RepairRow:
        with self.ctx.read() as s:
            return self._row(s, _application(s, application_id))

    @requires(Permission.RECORD_READ)
    @scoped(rows=True, person_id=Target.PERSON, record_id=Target.RECORD)
    def search(self, *, open_only: bool = False, person_id: uuid.UUID | None = None,
             record_id: uuid.UUID | None = None, limit: int = 100, offset: int = 0) -> list[RepairRow]:
        """Newest first."""
        with self.ctx.read() as s:
            query = select(RepairApplication).where(self.ctx.scope(s).where_person(RepairApplication.person_id))
            if open_only:
                query = query.where(RepairApplication.state.in_(OPEN_REPAIR_STATES))
            if person_id is not None:
                query = query.where(RepairApplication.person_id == person_id)
            if record_id is not None:
                query = query.where(RepairApplication.record_id == record_id)
            query = query.order_by(RepairApplication.applied_on.desc(), RepairApplication.created_at.desc())
            return self._rows(s, list(s.scalars(query.limit(max(1, min(limit, MAX_PAGE))).offset(max(0, offset)))))

    @requires(Permission.RECORD_READ)
    @scoped(rows=True)
    def count_open(self) -> int:
        with self.ctx.read() as s:
            return int(s.scalar(select(func.count(RepairApplication.id)).where(
                RepairApplication.state.in_(OPEN_REPAIR_STATES),
                self.ctx.scope(s).where_person(RepairApplication.person_id))) or 0)

    @requires(Permission.RECORD_READ)
    @scoped(rows=True)
    def overdue(self) -> list[RepairRow]:
        with self.ctx.read() as s:
            page = list(s.scalars(select(RepairApplication).where(
                RepairApplication.state.in_(OPEN_REPAIR_STATES),
                self.ctx.scope(s).where_person(RepairApplication.person_id))))
            rows = [r for r in self._rows(s, page) if r.deadline.overdue]
        return sorted(rows, key=lambda r: (r.deadline.due_on or date.max, r.applied_on))

    @requires(Permission.RECORD_READ)
    @scoped(attachment_id=Target.ATTACHMENT)
    def evidence_content(self, attachment_id: uuid.UUID) -> tuple[AttachmentRow, bytes]:
        with self.ctx.write() as w:
            row, data = read_content(w.session, attachment_id, OWNER)
            w.audit("attachment.read", "attachment", row.id, detail={"owner": OWNER})
            return row, data

    @requires(Permission.RECORD_READ)
    @unscoped("公示期满 is the calendar's consequence for the whole archive, written by the system actor "
              "(like sync apply); it returns record ids only")
    def expire_due(self, today: date | None = None) -> ExpiryResult:
        """公示期满: active 失信 records whose latest publication end (and sanction period) have passed.

        A consequence of the calendar, not a person's decision: the entries are written by the
        ``system`` actor, naming the signed-in user who opened the archive. Records under objection
        or with an open repair application wait until that is decided."""
        day = today or self.ctx.today()
        if day > self.ctx.today():
            raise ValidationError("records cannot be expired ahead of today", field="today")
        r = IntegrityRecord
        # 民法典 art. 202: the day a period of months ends on is its last day, so it has passed the day after.
        due = and_(r.state == RecordState.ACTIVE.value, r.polarity == Polarity.DISHONEST.value,
                   r.publication_latest_end.is_not(None), r.publication_latest_end < day,
                   or_(r.sanction_end.is_(None), r.sanction_end <= day), r.under_objection.is_(False),
                   ~exists().where(RepairApplication.record_id == r.id,
                                   RepairApplication.state.in_(OPEN_REPAIR_STATES)),
                   ~exists().where(Objection.record_id == r.id, Objection.state.in_(OPEN_OBJECTION_STATES)))
        with self.ctx.read() as s:
            if s.scalar(select(r.id).where(due).limit(1)) is None:
                return ExpiryResult(day, ())     # the usual case: no write at all
        expired: list[uuid.UUID] = []
        with self.ctx.archive.writing(SYSTEM_USER) as w:
            for record in w.session.scalars(select(r).where(due).order_by(r.publication_latest_end, r.id)).all():
                end = record.publication_latest_end
                assert end is not None
                w.update(record, {"state": RecordState.EXPIRED.value, "state_reason": f"公示期满（{end.isoformat()}）"},
                         "record.expire", reason="公示期满", detail={"opened_by": self.ctx.user.name})
                expired.append(record.id)
        return ExpiryResult(day, tuple(expired))

    # -- helpers --------------------------------------------------------------------------

    def _move(self, application_id: uuid.UUID, action: RepairAction, on: date | str | None, reason: str,
              values: Callable[[date], dict[str, object]]) -> RepairRow:
        today = self.ctx.today()
        with self.ctx.write() as w:
            application = _application(w.session, application_id)
            state = next_state(RepairState(application.state), action)
            day = check_step_date(parse_day(on, "on", default=today), previous=application.stage_started_on,
                                  today=today)
            record = _record(w.session, application.record_id)
            if state is RepairState.GRANTED:
                if record.state != RecordState.ACTIVE.value:
                    raise StateError(f"the record is {RecordState(record.state).label}; it cannot be repaired",
                                     field="record", code="repair_record_state")
                w.update(record, {"state": RecordState.REPAIRED.value, "state_reason": f"信用修复：{reason}"},
                         "record.repair", reason=reason, detail={"repair": application.id.hex})
            rules = DeadlineRules(w.session)
            due = stage_deadline(rules.profile(application.policy_version), rules.calendar, state, day)
            w.update(application, {"state": state.value, "stage_started_on": day, "reason": reason,
                                   "due_on": due.due if due else None, "due_estimated": bool(due and due.estimated),
                                   "handler": self.ctx.user.name, **values(day)}, f"repair.{action.value}",
                     reason=reason)
            return self._row(w.session, application)

    def _row(self, session: Session, application: RepairApplication) -> RepairRow:
        return self._rows(session, [application])[0]

    def _rows(self, session: Session, applications: list[RepairApplication]) -> list[RepairRow]:
        if not applications:
            return []
        today = self.ctx.today()
        rules = DeadlineRules(session)
        info = {r.id: (r, p.name, u.name) for r, p, u in session.execute(
            select(IntegrityRecord, Person, Unit).join(Person, IntegrityRecord.person_id == Person.id)
            .join(Unit, Person.unit_id == Unit.id)
            .where(IntegrityRecord.id.in_({a.record_id for a in applications}))).all()}
        files = attachments_of(session, [a.id for a in applications])
        rows = []
        for a in applications:
            state = RepairState(a.state)
            deadline = stage_deadline(rules.profile(a.policy_version), rules.calendar, state, a.stage_started_on)
            record, person, unit = info[a.record_id]
            rows.append(RepairRow(
                a.id, a.record_id, a.person_id, person, unit, record.document_no, RecordKind(record.kind),
                Severity(record.severity), a.applicant, a.statement, a.applied_on, a.obligations_met,
                a.commitment_signed, state, STAGE_OF.get(state), a.stage_started_on, rules.info(deadline, today),
                a.accepted_on, a.decided_on, a.reason, a.handler, a.policy_version, files[a.id], a.version))
        return rows


def _check_repairable(session: Session, record: IntegrityRecord, applied_on: date) -> None:
    facts = RecordForRepair(Polarity(record.polarity), RecordState(record.state), record.under_objection,
                            record.decided_on, record.publication_earliest_end, record.sanction_end)
    if session.scalar(select(Objection.id).where(Objection.record_id == record.id,
                                                 Objection.state.in_(OPEN_OBJECTION_STATES)).limit(1)):
        facts = RecordForRepair(facts.polarity, facts.state, True, facts.decided_on,
                                facts.publication_earliest_end, facts.sanction_end)
    check_record_repairable(facts, applied_on)
    open_since = session.scalar(select(RepairApplication.applied_on).where(
        RepairApplication.record_id == record.id, RepairApplication.state.in_(OPEN_REPAIR_STATES)).limit(1))
    if open_since is not None:
        raise StateError(f"a repair application for this record is already open (applied {open_since.isoformat()})",
                         field="record", code="repair_already_open")


def repair_possible_from(record: IntegrityRecord) -> date | None:
    """The earliest date a repair of ``record`` may be applied for (None: no waiting)."""
    facts = RecordForRepair(Polarity(record.polarity), RecordState(record.state), record.under_objection,
                            record.decided_on, record.publication_earliest_end, record.sanction_end)
    return earliest_repair_date(facts)[0]


def _record(session: Session, record_id: uuid.UUID) -> IntegrityRecord:
    record = session.get(IntegrityRecord, record_id)
    if record is None:
        raise NotFoundError("no such record", field="record")
    return record


def _application(session: Session, application_id: uuid.UUID) -> RepairApplication:
    application = session.get(RepairApplication, application_id)
    if application is None:
        raise NotFoundError("no such repair application", field="application")
    return application
