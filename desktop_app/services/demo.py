"""Demo data: the generator's seeds written through the bulk path, in one transaction.

Every row gets its change-log and audit entry like any other write, so a demo archive syncs and
verifies like a real one. Also what ``bench/`` uses to build its data.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from desktop_app.demo.generator import DemoGenerator, PersonSeed
from desktop_app.domain import identity
from desktop_app.domain.enums import Polarity, RecordState
from desktop_app.domain.id_number import parse_id_number
from desktop_app.domain.permissions import Permission
from desktop_app.domain.pinyin import pinyin_keys
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.errors import StateError
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.scope import unscoped
from desktop_app.store.bulk import BulkWriter
from desktop_app.store.models import Assessment, IntegrityRecord, Person, Unit
from desktop_app.store.writer import Actor

BATCH = 2000
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class DemoSummary:
    units: int
    persons: int
    records: int
    assessments: int


class Cancelled(Exception):
    """The user cancelled; the transaction was rolled back."""


class DemoService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.UNIT_WRITE)
    @unscoped("demo data goes into an empty archive, units included")
    def load(self, *, persons: int, seed: int = 2017, progress: Progress | None = None,
             cancel: Callable[[], bool] | None = None) -> DemoSummary:
        for needed in (Permission.PERSON_WRITE, Permission.RECORD_WRITE, Permission.ASSESSMENT_WRITE):
            self.ctx.require("demo.load", needed)
        archive = self.ctx.archive
        generator = DemoGenerator(seed=seed, today=self.ctx.today())
        with archive.session(write=True) as session:
            if session.scalar(select(func.count()).select_from(Person)):
                raise StateError("demo data goes into an empty archive; this one already has persons",
                                 field="archive")
            bulk = BulkWriter(session, Actor(self.ctx.user.name, archive.device_id), archive.clock)
            unit_seeds = generator.units()
            unit_ids = _insert_units(session, bulk, unit_seeds)
            batch: list[PersonSeed] = []
            done = 0
            for person in generator.persons(persons, unit_seeds):
                batch.append(person)
                if len(batch) == BATCH:
                    _insert_people(bulk, generator, batch, unit_ids)
                    done += len(batch)
                    batch = []
                    if progress:
                        progress(done, persons)
                    if cancel and cancel():
                        raise Cancelled("demo generation cancelled")
            _insert_people(bulk, generator, batch, unit_ids)
            bulk.audit("demo.load", detail={"persons": persons, "seed": seed})
            bulk.finish()
            if progress:
                progress(persons, persons)
            counts = bulk.counts
        return DemoSummary(counts.get("unit", 0), counts.get("person", 0), counts.get("record", 0),
                           counts.get("assessment", 0))


def _insert_units(session: Any, bulk: BulkWriter, seeds: list[Any]) -> dict[str, uuid.UUID]:
    existing = {name: uid for name, uid in session.execute(select(Unit.name, Unit.id))}
    ids: dict[str, uuid.UUID] = {}
    rows = []
    for seed in seeds:
        if seed.name in existing:
            ids[seed.key] = existing[seed.name]
            continue
        ids[seed.key] = identity.unit_id(seed.uscc)
        rows.append({"id": ids[seed.key], "name": seed.name, "uscc": seed.uscc,
                     "division_code": seed.division_code, "level": seed.level.value,
                     "parent_id": ids.get(seed.parent_key) if seed.parent_key else None})
    bulk.insert_rows(Unit, rows, "unit.create")
    return ids


def _insert_people(bulk: BulkWriter, generator: DemoGenerator, seeds: list[PersonSeed],
                   unit_ids: dict[str, uuid.UUID]) -> None:
    persons, records, assessments = [], [], []
    for seed in seeds:
        number = parse_id_number(seed.id_number, today=generator.today)
        person_id = identity.person_id(number.value)
        full, initials = pinyin_keys(seed.name)
        persons.append({"id": person_id, "name": seed.name, "name_pinyin": full, "name_initials": initials,
                        "id_number": number.value, "id_number_rev": number.value[::-1],
                        "gender": number.gender.value, "birth_date": number.birth_date,
                        "unit_id": unit_ids[seed.unit_key], "post": seed.post, "rank": seed.rank,
                        "category": "公务员", "status": seed.status.value,
                        "file_opened_on": seed.file_opened_on})
        for r in generator.records(seed):
            records.append(_record_row(person_id, r))
        for a in generator.assessments(seed):
            assessments.append({"id": identity.assessment_id(person_id, a.year), "person_id": person_id, "year": a.year,
                                "grade": a.grade.value})
    bulk.insert_rows(Person, persons, "person.create")
    bulk.insert_rows(IntegrityRecord, records, "record.create")
    bulk.insert_rows(Assessment, assessments, "assessment.create")


def _record_row(person_id: uuid.UUID, r: Any) -> dict[str, Any]:
    polarity = r.kind.polarity
    window = (DEFAULT_POLICY.publication_window(r.severity, r.decided_on)
              if polarity is Polarity.DISHONEST else None)
    reason = {RecordState.REVOKED: "经复查撤销", RecordState.REPAIRED: "信用修复准予",
              RecordState.EXPIRED: "公示期满"}.get(r.state, "")
    return {"id": uuid.uuid4(), "person_id": person_id, "polarity": polarity.value, "kind": r.kind.value,
            "severity": r.severity.value, "sanction": r.sanction.value if r.sanction else None,
            "document_no": r.document_no, "authority": r.authority, "decided_on": r.decided_on,
            "facts": r.facts, "state": r.state.value, "under_objection": False,
            "publication_start": window.start if window else None,
            "publication_earliest_end": window.earliest_end if window else None,
            "publication_latest_end": window.latest_end if window else None,
            "sanction_end": DEFAULT_POLICY.sanction_end(r.sanction, r.decided_on) if r.sanction else None,
            "policy_version": DEFAULT_POLICY.version, "state_reason": reason}
