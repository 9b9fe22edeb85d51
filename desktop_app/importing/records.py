"""Importing integrity records (诚信记录) of persons already in the archive.

A line's key is (person, 文号, 决定日期, 记录类型): the same key in the archive is the same record.
If its 严重程度, 处分, 决定机关 or 事实 differ, the line corrects it (更正, through the same path as
``RecordService.correct``: a revision with the reason, the publication window recomputed); a record
that is revoked, repaired, expired or under an objection or repair procedure is not changed by an
import. New records are written in effect (已生效), with the publication window and sanction period
of the current policy profile.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.enums import RecordKind, RecordState, Severity
from desktop_app.domain.text import clean_text
from desktop_app.errors import IntegrityFilesError
from desktop_app.importing import values
from desktop_app.importing.engine import (
    BATCH,
    CHUNK,
    Blame,
    Plan,
    WriteContext,
    chunks,
    import_reason,
    masked,
    merge_changes,
    tick,
)
from desktop_app.importing.fields import ImportKind
from desktop_app.importing.lines import LineCheck
from desktop_app.services.policy import current_policy
from desktop_app.services.records import (
    OPEN_OBJECTION_STATES,
    OPEN_REPAIR_STATES,
    CheckedRecord,
    RecordDraft,
    _derived,
    apply_correction,
    check_record_draft,
)
from desktop_app.store.bulk import BulkWriter
from desktop_app.store.models import IntegrityRecord, Person
from desktop_app.store.models.objections import Objection, RepairApplication
from desktop_app.store.writer import Changes, Writer

COMPARED = ("severity", "sanction", "authority", "facts")
EDITABLE = (RecordState.DRAFT.value, RecordState.ACTIVE.value)


@dataclass(frozen=True, slots=True)
class RecordLine:
    line: int
    id_number: str
    name: str | None
    record: CheckedRecord


class RecordImporter:
    kind = ImportKind.RECORDS
    chunked = True  # a line's plan needs only the archive: matched and written a window at a time

    def parse(self, check: LineCheck, today: date) -> RecordLine | None:
        number = check.value("id_number", lambda t: values.id_number(t, today))
        name = check.optional("name", values.person_name)
        kind = check.value("kind", lambda t: RecordKind.parse(t, field="kind"))
        severity = check.optional("severity", lambda t: Severity.parse(t, field="severity"))
        sanction = check.optional("sanction", values.sanction)
        decided = check.value("decided_on", lambda t: values.parse_date(t, "decided_on"))
        document_no = check.value("document_no", lambda t: clean_text(t, "document_no"))
        authority = check.value("authority", lambda t: clean_text(t, "authority"))
        facts = check.value("facts", lambda t: clean_text(t, "facts", multiline=True))
        if number is None or kind is None or decided is None or not check.ok:
            return None
        draft = RecordDraft(kind=kind.value, decided_on=decided, document_no=document_no or "",
                            authority=authority or "", facts=facts or "",
                            severity=severity.value if severity else None,
                            sanction=sanction.value if sanction else None)
        try:
            checked = check_record_draft(draft, today)
        except IntegrityFilesError as exc:
            check.fail(exc)
            return None
        return RecordLine(check.line, number.value, name, checked)

    def key(self, item: RecordLine) -> tuple[Hashable, str, str]:
        r = item.record
        return (item.id_number, r.document_no, r.decided_on, r.kind), "document_no", \
            "the same record (ID number, 文号, 决定日期, 记录类型)"

    def plan(self, session: Session, items: Sequence[RecordLine], today: date, blame: Blame) -> Plan[RecordLine]:
        plan: Plan[RecordLine] = Plan()
        for batch in chunks(items, CHUNK):
            persons = {p.id_number: p for p in session.execute(
                select(Person.id, Person.id_number, Person.name, Person.birth_date)
                .where(Person.id_number.in_({i.id_number for i in batch})))}
            stored = _stored_records(session, [p.id for p in persons.values()])
            for item in batch:
                person = persons.get(item.id_number)
                if person is None:
                    plan.problems.append(blame(item.line, "id_number", "not_found",
                                               "no person with this ID number in the archive; import the persons "
                                               "first"))
                    continue
                if item.name and item.name != person.name:
                    plan.problems.append(blame(item.line, "name", "invalid",
                                               f"the ID number belongs to {person.name}, not {item.name}"))
                    continue
                if item.record.decided_on < person.birth_date:
                    plan.problems.append(blame(item.line, "decided_on", "invalid",
                                               "decision date is before the person's birth date"))
                    continue
                r = item.record
                found = stored.get((person.id, r.document_no, r.decided_on, r.kind.value), [])
                self._plan_line(plan, item, person.id, found, blame)
        return plan

    def _plan_line(self, plan: Plan[RecordLine], item: RecordLine, person_id: uuid.UUID,
                   found: list[dict[str, Any]], blame: Blame) -> None:
        if not found:
            plan.inserts.append((item, {"person_id": person_id}))
            return
        if len(found) > 1:
            plan.problems.append(blame(item.line, "document_no", "duplicate",
                                       f"{len(found)} records in the archive have this 文号, date and kind"))
            return
        current = found[0]
        wanted = _compared(item.record)
        changed = {k: v for k, v in wanted.items() if current[k] != v}
        if not changed:
            plan.unchanged += 1
            return
        if current["state"] not in EDITABLE or current["open_procedure"]:
            plan.problems.append(blame(item.line, "document_no", "illegal_state",
                                       "the stored record is revoked, repaired, expired or under an objection or "
                                       "repair; an import does not change it"))
            return
        plan.updates.append((item, current["id"], changed, f"{masked(item.id_number)} {item.record.document_no}"))

    def apply(self, ctx: WriteContext, plan: Plan[RecordLine]) -> Changes:
        policy = current_policy(ctx.session).profile
        bulk = BulkWriter(ctx.session, ctx.actor, ctx.clock)
        total, done = len(plan.inserts) + len(plan.updates), 0
        # Ids drawn first and written in their order (see persons.apply: index locality).
        ordered = sorted(((uuid.uuid4(), item, resolved) for item, resolved in plan.inserts), key=lambda e: e[0].hex)
        for batch in chunks(ordered, BATCH):
            rows = [{"id": record_id, "person_id": resolved["person_id"],
                     "polarity": item.record.kind.polarity.value, "state": RecordState.ACTIVE.value,
                     "under_objection": False, "policy_version": policy.version, "state_reason": "",
                     **_derived(item.record, policy)} for record_id, item, resolved in batch]
            bulk.insert_rows(IntegrityRecord, rows, "record.import")
            done += len(batch)
            tick(ctx, done, total)
        bulk.finish()
        writer = Writer(ctx.session, ctx.actor, ctx.clock)
        for batch in chunks(plan.updates, CHUNK):
            ids = [u[1] for u in batch]
            objects = {r.id: r for r in ctx.session.scalars(select(IntegrityRecord).where(IntegrityRecord.id.in_(ids)))}
            for item, record_id, _changed, _key in batch:
                apply_correction(writer, objects[record_id], item.record, import_reason(ctx.source, item.line),
                                 detail={"import": ctx.source, "line": item.line})
            done += len(batch)
            tick(ctx, done, total)
        writer.finish()
        return merge_changes(bulk.changes, writer.changes)


def _compared(record: CheckedRecord) -> dict[str, Any]:
    return {"severity": record.severity.value, "sanction": record.sanction.value if record.sanction else None,
            "authority": record.authority, "facts": record.facts}


def _stored_records(session: Session, person_ids: list[uuid.UUID]) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    """The records of these persons by key, each with whether an objection or repair is open on it."""
    if not person_ids:
        return {}
    r = IntegrityRecord
    open_objection = select(Objection.record_id).where(Objection.state.in_(OPEN_OBJECTION_STATES))
    open_repair = select(RepairApplication.record_id).where(RepairApplication.state.in_(OPEN_REPAIR_STATES))
    query = select(r.id, r.person_id, r.document_no, r.decided_on, r.kind, r.state, r.under_objection,
                   *(getattr(r, c) for c in COMPARED),
                   r.id.in_(open_objection).label("objection"), r.id.in_(open_repair).label("repair")
                   ).where(r.person_id.in_(person_ids))
    found: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in session.execute(query).mappings():
        values_ = dict(row)
        values_["open_procedure"] = bool(row["under_objection"] or row["objection"] or row["repair"])
        found.setdefault((row["person_id"], row["document_no"], row["decided_on"], row["kind"]), []).append(values_)
    return found
