"""Bit-flip fuzzing (issue 9): random single-bit flips in copies of a small closed archive, and in the
WAL of an archive captured while open (database and WAL copied while the writer is paused between
transactions). Each copy must be refused at unlock with an ``ArchiveError`` (or another
``desktop_app.errors`` type) or be reported by ``verify`` as not ok. Never another exception (a
crash), and never an archive that opens and verifies while something is wrong.

Database: fast tier 150 flips (seed 20261127), ``--slow`` 1,000 (seed 1009).
WAL: fast tier 50 flips (seed 20261128), ``--slow`` 1,000 (seed 2003).
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.archive import Archive
from desktop_app.store.models import Person
from tests.factories import PASSPHRASE, TODAY, id_number

UNIT = "广州市天河区人力资源和社会保障局"


def _fill(services: Services, first: int, count: int) -> None:
    for i in range(first, first + count):
        person = services.persons.add(PersonDraft(name=f"测试{i}号", id_number=id_number(i), unit_name=UNIT))
        services.records.add(person.id, RecordDraft(kind="嘉奖", decided_on="2025-12-01", authority="广州市人民政府",
                                                    document_no=f"穗府〔2025〕{i}号", facts=f"第{i}次嘉奖"))


def _try(db: Path) -> tuple[str, set[str]]:
    """Open and verify one damaged copy: ('refused'|'caught'|'ok'|'crash: …', person ids seen)."""
    try:
        archive, user = Archive.unlock(db, "admin", PASSPHRASE)
    except IntegrityFilesError:
        return "refused", set()
    except Exception as exc:
        return f"crash at unlock: {type(exc).__name__}: {exc}", set()
    services = Services.for_user(archive, user, today=lambda: TODAY)
    try:
        report = services.maintenance.verify()
        if not report.ok:
            return "caught", set()
        with services.ctx.read() as s:
            return "ok", {p.hex for p in s.scalars(select(Person.id))}
    except IntegrityFilesError:
        return "refused", set()
    except Exception as exc:
        return f"crash after unlock: {type(exc).__name__}: {exc}", set()
    finally:
        services.close()


def _flip(data: bytes, rng: random.Random) -> tuple[bytes, int]:
    offset = rng.randrange(len(data) * 8)
    damaged = bytearray(data)
    damaged[offset // 8] ^= 1 << (offset % 8)
    return bytes(damaged), offset


def _place(folder: Path, keys: Path, db: bytes, wal: bytes | None, head: bytes | None = None) -> Path:
    """The archive's files as a crash or a copy leaves them: database, WAL, key file, head file."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    path = folder / "office.db"
    path.write_bytes(db)
    if wal is not None:
        path.with_name("office.db-wal").write_bytes(wal)
    if head is not None:
        path.with_name("office.db.head").write_bytes(head)
    shutil.copyfile(keys, folder / "office.db.keys")
    return path


def _database_flips(admin: Services, tmp_path: Path, flips: int, seed: int) -> None:
    _fill(admin, 10, 5)
    archive = admin.ctx.archive
    admin.close()
    assert not archive.path.with_name("office.db-wal").exists()  # closed: everything is in the database file
    data, keys = archive.path.read_bytes(), archive.key_path
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    for n in range(flips):
        damaged, offset = _flip(data, rng)
        outcome, _ = _try(_place(tmp_path / f"copy{n % 2}", keys, damaged, None))
        outcomes[outcome if not outcome.startswith("crash") else f"bit {offset}: {outcome}"] += 1
    bad = {k: v for k, v in outcomes.items() if k not in ("refused", "caught")}
    assert not bad, f"{bad} (all outcomes: {outcomes})"
    print(f"database flips, seed {seed}: {dict(outcomes)}")


def test_database_bit_flips_are_refused_or_caught(admin: Services, tmp_path: Path) -> None:
    _database_flips(admin, tmp_path, flips=150, seed=20261127)


@pytest.mark.slow
def test_database_bit_flips_thousand(admin: Services, tmp_path: Path) -> None:
    _database_flips(admin, tmp_path, flips=1000, seed=1009)


_WAL_OUTCOMES: dict[tuple[int, int], Counter[str]] = {}


def _wal_flips(admin: Services, tmp_path: Path, flips: int, seed: int) -> Counter[str]:
    """Outcomes per kind; computed once per (flips, seed) and shared by the two WAL tests below."""
    if (flips, seed) not in _WAL_OUTCOMES:
        _WAL_OUTCOMES[flips, seed] = _run_wal_flips(admin, tmp_path, flips, seed)
    return _WAL_OUTCOMES[flips, seed]


def _run_wal_flips(admin: Services, tmp_path: Path, flips: int, seed: int) -> Counter[str]:
    archive = admin.ctx.archive
    admin.close()
    admin = Services.for_user(*Archive.unlock(archive.path, "admin", PASSPHRASE), today=lambda: TODAY)
    _fill(admin, 10, 5)  # the writer pauses here, between transactions, with the archive open
    wal_path = archive.path.with_name("office.db-wal")
    db, wal = archive.path.read_bytes(), wal_path.read_bytes()
    head = archive.path.with_name("office.db.head").read_bytes()
    with admin.ctx.read() as s:
        committed = {p.hex for p in s.scalars(select(Person.id))}
    assert len(wal) > 4096 and len(committed) == 7
    # Control: the undamaged files open with everything committed (so "refused" below means something).
    assert _try(_place(tmp_path / "control", archive.key_path, db, wal, head)) == ("ok", committed)
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    for n in range(flips):
        damaged, offset = _flip(wal, rng)
        outcome, seen = _try(_place(tmp_path / f"copy{n % 2}", archive.key_path, db, damaged, head))
        if outcome == "ok" and seen != committed:
            outcome = f"silent loss of {len(committed - seen)} committed persons"
        outcomes[outcome if not outcome.startswith("crash") else f"bit {offset}: {outcome}"] += 1
    admin.close()
    print(f"WAL flips, seed {seed}: {dict(outcomes)}")
    return outcomes


@pytest.mark.parametrize("flips, seed", [(50, 20261128), pytest.param(1000, 2003, marks=pytest.mark.slow)])
def test_wal_bit_flips_never_crash(admin: Services, tmp_path: Path, flips: int, seed: int) -> None:
    outcomes = _wal_flips(admin, tmp_path, flips, seed)
    crashes = {k: v for k, v in outcomes.items() if "crash" in k}
    assert not crashes, outcomes


@pytest.mark.parametrize("flips, seed", [(50, 20261128), pytest.param(1000, 2003, marks=pytest.mark.slow)])
def test_wal_bit_flips_are_refused_or_caught(admin: Services, tmp_path: Path, flips: int, seed: int) -> None:
    outcomes = _wal_flips(admin, tmp_path, flips, seed)
    bad = {k: v for k, v in outcomes.items() if k not in ("refused", "caught")}
    assert not bad, f"{bad} (all outcomes: {outcomes})"
