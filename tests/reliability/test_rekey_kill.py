"""Kill during rekey (issue 9, item 3): a child rotates the data key in a loop, and adds a person
between rotations, acknowledging each on a pipe; the parent SIGKILLs it at random moments. After
every kill the passphrase still opens the archive (the old key or the new one, never neither), the
recovery key still opens it, ``verify`` passes and every acknowledged person is there.

Fast tier: 12 kills, seed 20261130. ``--slow``: 120 kills, seed 7717. (The deterministic kills after
each of rekey's steps are in tests/integration/test_archive_keys.py.)
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
from sqlalchemy import select

from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.store.archive import Archive
from desktop_app.store.models import Person
from tests.conftest import FAST_KDF
from tests.factories import PASSPHRASE, TODAY, id_number, organ_uscc
from tests.reliability._forking import fork_worker

UNIT = "广州市天河区人力资源和社会保障局"


def _rotator(db: Path, fd: int) -> None:
    """Runs in the child until killed: rekey, ack, person, ack, …"""
    archive, user = Archive.unlock(db, "admin", PASSPHRASE)
    services = Services.for_user(archive, user, today=lambda: TODAY)
    with services.ctx.read() as s:
        i = len(s.scalars(select(Person.id)).all())
    os.write(fd, b"ready\n")
    while True:
        services.maintenance.rekey()
        os.write(fd, b"rekey -\n")
        # id_number() keeps 499 apart per birth date; the slow tier acknowledges more than that
        number = id_number(i % 499 + 1, born=date(1985, 3, 1) + timedelta(days=i // 499))
        person = services.persons.add(PersonDraft(name=f"轮换{i}号", id_number=number, unit_name=UNIT))
        os.write(fd, f"person {person.id}\n".encode())
        i += 1


def _kill_once(db: Path, rng: random.Random) -> tuple[set[uuid.UUID], int]:
    pid, rfd = fork_worker(lambda fd: _rotator(db, fd))
    with os.fdopen(rfd, "rb") as pipe:
        assert pipe.readline() == b"ready\n", "the child did not start"
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        rest = pipe.read()
    persons, rekeys = set(), 0
    for line in rest.split(b"\n")[:-1]:
        kind, _, ident = line.decode().partition(" ")
        if kind == "person":
            persons.add(uuid.UUID(ident))
        else:
            rekeys += 1
    return persons, rekeys


def _check(db: Path, recovery_key: str, acknowledged: set[uuid.UUID]) -> None:
    archive, user = Archive.unlock(db, "admin", PASSPHRASE)  # raises if neither key opens
    services = Services.for_user(archive, user, today=lambda: TODAY)
    try:
        report = services.maintenance.verify()
        assert report.ok, report.lines()
        with services.ctx.read() as s:
            present = set(s.scalars(select(Person.id)))
        assert acknowledged <= present, f"lost acknowledged persons: {acknowledged - present}"
    finally:
        services.close()
    Archive.unlock_with_recovery(db, recovery_key).close()


def _run(tmp_path: Path, kills: int, seed: int) -> Counter[str]:
    archive, user, recovery_key = Archive.create(tmp_path / "office.db", admin_name="admin",
                                                 admin_passphrase=PASSPHRASE, kdf=FAST_KDF)
    services = Services.for_user(archive, user, today=lambda: TODAY)
    services.units.add(name=UNIT, uscc=organ_uscc(1), division_code="440106")
    services.close()
    rng = random.Random(seed)
    acknowledged: set[uuid.UUID] = set()
    figures: Counter[str] = Counter()
    for _ in range(kills):
        persons, rekeys = _kill_once(archive.path, rng)
        acknowledged |= persons
        figures["rekeys acknowledged"] += rekeys
        figures["persons acknowledged"] += len(persons)
        _check(archive.path, recovery_key, acknowledged)
        figures["kills"] += 1
    print(f"rekey kills, seed {seed}: {dict(figures)}")
    return figures


def test_a_rekey_killed_at_random_moments_leaves_a_key_that_opens(tmp_path: Path) -> None:
    figures = _run(tmp_path, kills=12, seed=20261130)
    assert figures["rekeys acknowledged"] > 0 and figures["kills"] == 12


@pytest.mark.slow
def test_a_rekey_killed_at_random_moments_leaves_a_key_that_opens_long(tmp_path: Path) -> None:
    figures = _run(tmp_path, kills=120, seed=7717)
    assert figures["rekeys acknowledged"] > 0 and figures["kills"] == 120
