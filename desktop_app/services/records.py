"""Integrity records (诚信记录): entry, correction and revocation. A record is never deleted."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import identity
from desktop_app.domain.enums import (
    AssessmentGrade,
    Polarity,
    RecordKind,
    RecordState,
    SanctionKind,
    Severity,
)
from desktop_app.domain.objections import ObjectionState
from desktop_app.domain.permissions import Permission
from desktop_app.domain.policy import PolicyProfile
from desktop_app.domain.repair import RepairState
from desktop_app.domain.text import clean_text
from desktop_app.errors import NotFoundError, StateError, ValidationError
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.policy import current_policy, policy_by_version
from desktop_app.services.rows import AssessmentRow, RecordRow
from desktop_app.services.scope import Target, scoped
from desktop_app.store.digest import JsonValue
from desktop_app.store.models import Assessment, IntegrityRecord, Person
from desktop_app.store.models.objections import Objection, RepairApplication
from desktop_app.store.writer import Writer

EARLIEST_DECISION = date(1949, 10, 1)
OPEN_OBJECTION_STATES = tuple(s.value for s in ObjectionState if s.is_open)
OPEN_REPAIR_STATES = tuple(s.value for s in RepairState if s.is_open)
EDITABLE_STATES = (RecordState.DRAFT, RecordState.ACTIVE)


@dataclass(frozen=True, slots=True)
class RecordDraft:
    """Raw user input; ``kind``, ``severity`` and ``sanction`` take codes or Chinese names."""

    kind: str
    decided_on: date | str
    document_no: str
    authority: str
    facts: str
    severity: str | None = None
    sanction: str | None = None
    draft: bool = False


@dataclass(frozen=True, slots=True)
class CheckedRecord:
    kind: RecordKind
    severity: Severity
    sanction: SanctionKind | None
    decided_on: date
    document_no: str
    authority: str
    facts: str


class RecordService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.RECORD_WRITE)
    @scoped(person_id=Target.PERSON)
    def add(self, person_id: uuid.UUID, draft: RecordDraft) -> RecordRow:
        checked = _check(draft, self.ctx.today())
        with self.ctx.write() as w:
            person = w.session.get(Person, person_id)
            if person is None:
                raise NotFoundError("no such person", field="person")
            if checked.decided_on < person.birth_date:
                raise ValidationError("decision date is before the person's birth date", field="decided_on")
            policy = current_policy(w.session).profile
            record = IntegrityRecord(person_id=person.id, polarity=checked.kind.polarity.value,
                                     state=(RecordState.DRAFT if draft.draft else RecordState.ACTIVE).value,
                                     under_objection=False, policy_version=policy.version,
                                     **_derived(checked, policy))
            w.insert(record, "record.create")
            return to_record_row(record)

    @requires(Permission.RECORD_WRITE)
    @scoped(record_id=Target.RECORD)
    def correct(self, record_id: uuid.UUID, draft: RecordDraft, *, reason: str) -> RecordRow:
        """更正: new values, the old ones kept as a revision with the reason."""
        why = clean_text(reason, "reason")
        checked = _check(draft, self.ctx.today())
        with self.ctx.write() as w:
            record = _editable(w.session.get(IntegrityRecord, record_id))
            _check_no_open_procedure(w.session, record)
            apply_correction(w, record, checked, why)
            return to_record_row(record)

    @requires(Permission.RECORD_WRITE)
    @scoped(record_id=Target.RECORD)
    def activate(self, record_id: uuid.UUID) -> RecordRow:
        with self.ctx.write() as w:
            record = _editable(w.session.get(IntegrityRecord, record_id))
            if record.state != RecordState.DRAFT.value:
                raise StateError("only a draft record can be put into effect", field="state")
            w.update(record, {"state": RecordState.ACTIVE.value}, "record.activate")
            return to_record_row(record)

    @requires(Permission.RECORD_WRITE)
    @scoped(record_id=Target.RECORD)
    def revoke(self, record_id: uuid.UUID, *, reason: str) -> RecordRow:
        """撤销: the record stays in the file as 已撤销, with the reason."""
        why = clean_text(reason, "reason")
        with self.ctx.write() as w:
            record = _editable(w.session.get(IntegrityRecord, record_id))
            _check_no_open_procedure(w.session, record)
            apply_revocation(w, record, why)
            return to_record_row(record)

    @requires(Permission.RECORD_READ)
    @scoped(person_id=Target.PERSON)
    def for_person(self, person_id: uuid.UUID) -> list[RecordRow]:
        with self.ctx.read() as s:
            return [to_record_row(r) for r in s.scalars(
                select(IntegrityRecord).where(IntegrityRecord.person_id == person_id)
                .order_by(IntegrityRecord.decided_on, IntegrityRecord.created_at))]

    @requires(Permission.ASSESSMENT_WRITE)
    @scoped(person_id=Target.PERSON)
    def set_assessment(self, person_id: uuid.UUID, year: int, grade: str) -> AssessmentRow:
        """年度考核: one grade per person and year; setting it again corrects it."""
        parsed = AssessmentGrade.parse(grade, field="grade")
        if not 1990 <= year <= self.ctx.today().year:
            raise ValidationError(f"assessment year {year} is out of range", field="year")
        with self.ctx.write() as w:
            if w.session.get(Person, person_id) is None:
                raise NotFoundError("no such person", field="person")
            existing = w.session.scalar(select(Assessment).where(Assessment.person_id == person_id,
                                                                 Assessment.year == year))
            if existing is None:
                existing = Assessment(id=identity.assessment_id(person_id, year), person_id=person_id, year=year,
                                      grade=parsed.value)
                w.insert(existing, "assessment.create")
            else:
                w.update(existing, {"grade": parsed.value}, "assessment.update")
            return AssessmentRow(existing.id, person_id, year, parsed)


def apply_correction(w: Writer, record: IntegrityRecord, checked: CheckedRecord, reason: str, *,
                     extra: Mapping[str, object] | None = None,
                     detail: Mapping[str, object] | None = None) -> dict[str, JsonValue]:
    """更正 inside the caller's transaction (RecordService.correct, an objection's decision); returns
    the fields that changed. The publication window and sanction period follow the profile version
    the record was decided under."""
    if checked.kind.polarity.value != record.polarity:
        raise ValidationError("a correction cannot turn a 失信 record into a 守信 one or back; "
                              "revoke it and enter a new record", field="kind")
    values = _derived(checked, policy_by_version(w.session, record.policy_version))
    return w.update(record, {**values, **(extra or {})}, "record.correct", reason=reason, detail=dict(detail or {}))


def apply_revocation(w: Writer, record: IntegrityRecord, reason: str, *,
                     extra: Mapping[str, object] | None = None, detail: Mapping[str, object] | None = None) -> None:
    """撤销 inside the caller's transaction: the record stays in the file as 已撤销, with the reason."""
    w.update(record, {"state": RecordState.REVOKED.value, "state_reason": reason, **(extra or {})},
             "record.revoke", reason=reason, detail=dict(detail or {}))


def _check_no_open_procedure(session: Session, record: IntegrityRecord) -> None:
    """A record under objection or repair changes only through that procedure's decision."""
    if record.under_objection or session.scalar(select(Objection.id).where(
            Objection.record_id == record.id, Objection.state.in_(OPEN_OBJECTION_STATES)).limit(1)):
        raise StateError("an objection to this record is open; it changes through the objection's decision",
                         field="record", code="record_under_objection")
    if session.scalar(select(RepairApplication.id).where(
            RepairApplication.record_id == record.id, RepairApplication.state.in_(OPEN_REPAIR_STATES)).limit(1)):
        raise StateError("a credit repair application for this record is open; decide it first",
                         field="record", code="record_under_repair")


def _editable(record: IntegrityRecord | None) -> IntegrityRecord:
    if record is None:
        raise NotFoundError("no such record", field="record")
    if RecordState(record.state) not in EDITABLE_STATES:
        raise StateError(f"a record that is {RecordState(record.state).label} can no longer be changed",
                         field="state")
    return record


def check_record_draft(draft: RecordDraft, today: date) -> CheckedRecord:
    """Validate raw input into the stored kinds and dates (also used by an objection's 更正)."""
    return _check(draft, today)


def _check(draft: RecordDraft, today: date) -> CheckedRecord:
    kind = RecordKind.parse(draft.kind, field="kind")
    if kind.polarity is Polarity.DISHONEST:
        if not draft.severity:
            raise ValidationError("severity is required for a 失信 record", field="severity")
        severity = Severity.parse(draft.severity, field="severity")
    else:
        severity = Severity.parse(draft.severity, field="severity") if draft.severity else Severity.ORDINARY
    sanction = SanctionKind.parse(draft.sanction, field="sanction") if draft.sanction else None
    if sanction is not None and kind is not RecordKind.DISCIPLINE:
        raise ValidationError("a sanction grade belongs only to a 纪律处分 record", field="sanction")
    decided_on = _parse_date(draft.decided_on, "decided_on")
    if decided_on > today:
        raise ValidationError("decision date is in the future", field="decided_on")
    if decided_on < EARLIEST_DECISION:
        raise ValidationError("decision date is before 1949-10-01", field="decided_on")
    return CheckedRecord(kind, severity, sanction, decided_on, clean_text(draft.document_no, "document_no"),
                         clean_text(draft.authority, "authority"),
                         clean_text(draft.facts, "facts", multiline=True))


def _derived(checked: CheckedRecord, policy: PolicyProfile) -> dict[str, object]:
    """Stored values, with the publication window and sanction period the policy gives."""
    values: dict[str, object] = {
        "kind": checked.kind.value, "severity": checked.severity.value,
        "sanction": checked.sanction.value if checked.sanction else None,
        "decided_on": checked.decided_on, "document_no": checked.document_no,
        "authority": checked.authority, "facts": checked.facts,
        "publication_start": None, "publication_earliest_end": None, "publication_latest_end": None,
        "sanction_end": None,
    }
    if checked.kind.polarity is Polarity.DISHONEST:
        window = policy.publication_window(checked.severity, checked.decided_on)
        values.update(publication_start=window.start, publication_earliest_end=window.earliest_end,
                      publication_latest_end=window.latest_end)
    if checked.sanction is not None:
        values["sanction_end"] = policy.sanction_end(checked.sanction, checked.decided_on)
    return values


def _parse_date(value: date | str, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        raise ValidationError(f"{field} must be a date YYYY-MM-DD, got {value!r}", field=field) from None


def to_record_row(r: IntegrityRecord) -> RecordRow:
    return RecordRow(r.id, r.person_id, Polarity(r.polarity), RecordKind(r.kind), Severity(r.severity),
                     SanctionKind(r.sanction) if r.sanction else None, r.document_no, r.authority,
                     r.decided_on, r.facts, RecordState(r.state), r.under_objection, r.publication_start,
                     r.publication_earliest_end, r.publication_latest_end, r.sanction_end, r.state_reason,
                     r.version)
