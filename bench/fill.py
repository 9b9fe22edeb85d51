"""What the demo generator does not make at the issue's scale: integrity records up to about ten per
person, and training attendance. Both go through the product's own write paths, so every row has its
change-log and audit entry like the demo's: records through ``BulkWriter`` (as the demo and the record
import do), attendance through ``TrainingService.import_roster`` (the roster import, 5,000 lines a
session at most). Fixed seeds: records 2026, attendance 2027."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from sqlalchemy import select

from desktop_app.demo.generator import DemoGenerator, RecordSeed
from desktop_app.services import Services
from desktop_app.services.demo import _record_row  # the demo's own record row: same policy windows
from desktop_app.services.training_roster import MAX_LINES, RosterEntry
from desktop_app.services.training_rows import AttendanceEntry, CourseDraft, SessionDraft
from desktop_app.store.bulk import BulkWriter
from desktop_app.store.models import IntegrityRecord, Person
from desktop_app.store.writer import Actor

RECORD_SEED = 2026
ATTENDANCE_SEED = 2027
PERSONS_PER_TRANSACTION = 10_000
PERSONS_PER_BATCH = 1_000
COURSES = (CourseDraft("廉洁从政专题网络培训", "integrity", "online", 4),
           CourseDraft("习近平新时代中国特色社会主义思想专题", "political", "concentrated", 16, 2),
           CourseDraft("行政执法法律法规培训", "law", "online", 8),
           CourseDraft("专业能力提升脱产培训班", "professional", "full_time", 40, 5))


def person_ids(services: Services) -> list[uuid.UUID]:
    with services.ctx.archive.session() as s:
        return list(s.scalars(select(Person.id).order_by(Person.id)))


def add_records(services: Services, ids: list[uuid.UUID], wanted: int) -> int:
    """About ``wanted`` more records (decisions, commendations, … from the demo's own texts) spread over
    ``ids``, 0–2× the mean each so some files are long; returns how many were written."""
    if wanted <= 0 or not ids:
        return 0
    rng = random.Random(RECORD_SEED)
    pool = _record_pool(services)
    mean = wanted / len(ids)
    archive, user = services.ctx.archive, services.ctx.user
    written = 0
    for start in range(0, len(ids), PERSONS_PER_TRANSACTION):
        with archive.session(write=True) as session:
            bulk = BulkWriter(session, Actor(user.name, archive.device_id), archive.clock)
            before = written
            for first in range(start, min(start + PERSONS_PER_TRANSACTION, len(ids)), PERSONS_PER_BATCH):
                rows = []  # a batch at a time: 10,000 persons' records at once would take ~400 MB
                for person_id in ids[first:min(first + PERSONS_PER_BATCH, start + PERSONS_PER_TRANSACTION)]:
                    count = int(rng.random() * (2 * mean + 1))
                    rows += [_record_row(person_id, rng.choice(pool)) for _ in range(count)]
                bulk.insert_rows(IntegrityRecord, rows, "record.create")
                written += len(rows)
            bulk.audit("bench.records", detail={"rows": written - before, "seed": RECORD_SEED})
            bulk.finish()
    return written


def _record_pool(services: Services) -> list[RecordSeed]:
    """A few thousand realistic records: the demo generator's, for other seeds than the archive's."""
    pool: list[RecordSeed] = []
    for seed in range(RECORD_SEED, RECORD_SEED + 4):
        generator = DemoGenerator(seed=seed, today=services.ctx.today())
        units = generator.units()
        for person in generator.persons(2000, units):
            pool += generator.records(person)
    return pool


def add_attendance(services: Services, ids: list[uuid.UUID], wanted: int) -> int:
    """About ``wanted`` attendance rows: sessions of the four courses over the last three years, each with
    up to 5,000 distinct persons (90% 合格, 5% 不合格, 5% 未评定); returns how many were written."""
    if wanted <= 0 or not ids:
        return 0
    rng = random.Random(ATTENDANCE_SEED)
    training = services.training
    courses = [training.add_course(draft).id for draft in COURSES]
    today = services.ctx.today()
    per_session = min(MAX_LINES, len(ids))
    written = 0
    number = 0
    while written < wanted:
        size = min(per_session, wanted - written)
        ends = today - timedelta(days=rng.randrange(1, 3 * 365))
        run = training.add_session(courses[number % len(courses)],
                                   SessionDraft(ends - timedelta(days=rng.randrange(0, 5)), ends,
                                                place=f"第{number + 1}期 党校教室", trainer="基准讲师"))
        entries = [RosterEntry(line, person_id, _marks(rng)) for line, person_id in
                   enumerate(rng.sample(ids, size), start=1)]
        written += training.import_roster(run.id, entries, source=f"bench session {number + 1}").added
        number += 1
    return written


def _marks(rng: random.Random) -> AttendanceEntry:
    roll = rng.random()
    return AttendanceEntry(result="passed" if roll < 0.90 else "failed" if roll < 0.95 else None)
