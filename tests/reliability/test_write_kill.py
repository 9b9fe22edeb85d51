"""Crash during write (issue 9): a child process adds persons and their records through the services in
a loop, acknowledging each commit on a pipe after the call returns; the parent SIGKILLs it at random
moments. After every kill the archive unlocks, ``verify`` passes with both integrity checks named
(cipher_integrity_check and integrity_check) and the audit chain and state binding ok, every
acknowledged write is there, and no transaction is half there: every person and record has exactly
its change-log entry and audit entry, and across the whole archive each change-log entry has exactly
one audit entry for the same object (and no audit entry binds an object without a change).

Fast tier: 50 kills, seed 20261127. ``--slow``: 500 kills, seed 9109. The child is forked from the
test process (no interpreter start per kill); it opens its own archive after the fork.
"""

from __future__ import annotations

import os
import random
import signal
import time
import uuid
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.archive import Archive
from desktop_app.store.models import AuditEntry, Change, IntegrityRecord, Person
from tests.conftest import FAST_KDF
from tests.factories import PASSPHRASE, TODAY, id_number, organ_uscc
from tests.reliability._forking import fork_worker

UNIT = "广州市天河区人力资源和社会保障局"


def _person(i: int) -> PersonDraft:
    born = date(1960, 1, 1) + timedelta(days=i // 400)
    return PersonDraft(name=f"测试{i}号", id_number=id_number(i % 400 + 1, born=born), unit_name=UNIT,
                       post="科员")


def _record(i: int) -> RecordDraft:
    return RecordDraft(kind="嘉奖", decided_on=date(2025, 12, 1), document_no=f"穗府〔2025〕{i}号",
                       authority="广州市人民政府", facts=f"第{i}次年度考核优秀，予以嘉奖")


def _writer(db: Path, fd: int) -> None:
    """Runs in the child until killed: person, ack, record, ack, …"""
    archive, user = Archive.unlock(db, "admin", PASSPHRASE)
    services = Services.for_user(archive, user, today=lambda: TODAY)
    with services.ctx.read() as s:
        i = int(s.scalar(select(func.count()).select_from(Person)) or 0)  # indices are used contiguously
    os.write(fd, b"ready\n")
    while True:
        person = services.persons.add(_person(i))
        os.write(fd, f"person {person.id}\n".encode())
        services.records.add(person.id, _record(i))
        os.write(fd, f"record {person.id}\n".encode())
        i += 1


def _kill_once(db: Path, rng: random.Random) -> tuple[set[uuid.UUID], set[uuid.UUID], bool]:
    pid, rfd = fork_worker(lambda fd: _writer(db, fd))
    with os.fdopen(rfd, "rb") as pipe:
        assert pipe.readline() == b"ready\n", "the writer did not start"
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        rest = pipe.read()
    killed = os.waitstatus_to_exitcode(status) == -signal.SIGKILL
    persons: set[uuid.UUID] = set()
    records: set[uuid.UUID] = set()
    for line in rest.split(b"\n")[:-1]:  # the last piece has no newline: not acknowledged
        kind, _, ident = line.decode().partition(" ")
        (persons if kind == "person" else records).add(uuid.UUID(ident))
    return persons, records, killed


def _check(db: Path, acked_persons: set[uuid.UUID], acked_records: set[uuid.UUID]) -> tuple[int, int]:
    archive, user = Archive.unlock(db, "admin", PASSPHRASE)
    services = Services.for_user(archive, user, today=lambda: TODAY)
    try:
        report = services.maintenance.verify()
        assert report.cipher_ok and report.database_ok, report.lines()  # both integrity checks
        assert report.ok, report.lines()  # audit chain and rows bound to their latest entries
        with services.ctx.read() as s:
            persons = set(s.scalars(select(Person.id)))
            record_owners = list(s.scalars(select(IntegrityRecord.person_id)))
            audited = {a: list(s.scalars(select(AuditEntry.object_id).where(AuditEntry.action == a)))
                       for a in ("person.create", "record.create")}
            changes = {e: list(s.scalars(select(Change.entity_id).where(Change.entity == e)))
                       for e in ("person", "record")}
            every_change = Counter((e, i.hex) for e, i in s.execute(select(Change.entity, Change.entity_id)))
            every_bound = Counter((t, i) for t, i in s.execute(select(AuditEntry.object_type, AuditEntry.object_id)
                                                               .where(AuditEntry.after_digest != "")))
        assert acked_persons <= persons, f"acknowledged persons lost: {acked_persons - persons}"
        assert acked_records <= set(record_owners), f"acknowledged records lost: {acked_records - set(record_owners)}"
        assert len(record_owners) == len(set(record_owners)), "a record was written twice"
        assert set(record_owners) <= persons
        # No half transaction: every row has exactly its own change and audit entry, and nothing more.
        assert sorted(audited["person.create"]) == sorted(p.hex for p in persons)
        assert sorted(changes["person"]) == sorted(persons)
        assert len(audited["record.create"]) == len(changes["record"]) == len(record_owners)
        # One audit entry per change, for every entity (units and users included), and no more.
        assert every_change == every_bound, (every_change - every_bound, every_bound - every_change)
        return len(persons), len(record_owners)
    finally:
        services.close()


def _run(tmp_path: Path, kills: int, seed: int) -> None:
    rng = random.Random(seed)
    db = tmp_path / "office.db"
    archive, user, _ = Archive.create(db, admin_name="admin", admin_passphrase=PASSPHRASE, kdf=FAST_KDF)
    services = Services.for_user(archive, user, today=lambda: TODAY)
    services.units.add(name=UNIT, uscc=organ_uscc(1), division_code="440106")
    services.close()
    acked_persons: set[uuid.UUID] = set()
    acked_records: set[uuid.UUID] = set()
    landed = 0
    for _ in range(kills):
        persons, records, killed = _kill_once(db, rng)
        landed += killed
        acked_persons |= persons
        acked_records |= records
        _check(db, acked_persons, acked_records)
    assert landed == kills, "a writer ended by itself instead of being killed"
    assert len(acked_persons) >= kills, "too few writes were acknowledged: the kills proved little"
    print(f"{kills} kills (seed {seed}): {len(acked_persons)} persons and {len(acked_records)} records "
          "acknowledged, all present, none twice")


def test_service_writes_survive_sigkill(tmp_path: Path) -> None:
    _run(tmp_path, kills=50, seed=20261127)


@pytest.mark.slow
def test_service_writes_survive_many_sigkills(tmp_path: Path) -> None:
    _run(tmp_path, kills=500, seed=9109)
