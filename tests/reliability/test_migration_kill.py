"""A schema upgrade killed part-way (issue 9, item 3). An archive with data is taken back to an older
revision (``migrations.migrate(..., down=True)``, as ``test_migrations.py`` does); a child forked
from the test process unlocks it, which takes an encrypted backup and then runs every revision up
to head in one transaction. The child ends (``os._exit``) after the backup is written but before its
key file is copied, after the backup, before the first revision, after each revision, after the
commit; and is SIGKILLed at random moments. Afterwards:

* the database opens with its key, at the old revision or at head, never anything else;
* at the old revision it upgrades cleanly on the next unlock;
* units, persons and records are exactly those of before, and ``verify`` passes;
* every backup left beside it is whole: it has its key file, opens and passes ``quick_check``
  (a known bug, kept apart in ``test_a_backup_cut_short_by_a_kill_is_not_left_behind``: the other
  tests count such backups instead of failing on them).

Fast tier: from 0001, every kill point and 4 random kills (seed 20261127). ``--slow``: from each
revision older than head, every kill point and 40 random kills (seed 4004).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic.runtime import migration as alembic_migration

from desktop_app.errors import ArchiveError
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store import archive as archive_module
from desktop_app.store import backups, migrations
from desktop_app.store.archive import Archive
from desktop_app.store.engine import connect_raw, make_engine
from tests.conftest import FAST_KDF
from tests.factories import PASSPHRASE, TODAY, id_number, organ_uscc
from tests.reliability._forking import fork_worker, run_forked

UNIT = "广州市天河区人力资源和社会保障局"
KILLED = 9
DATA_SQL = {  # what must survive, read with plain SQL (the same at every revision)
    "units": "SELECT id, name FROM units ORDER BY id",
    "persons": "SELECT id, name, id_number, unit_id FROM persons ORDER BY id",
    "records": "SELECT id, person_id, facts, document_no FROM records ORDER BY id",
}


@dataclass(frozen=True)
class KillPoint:
    owner: Any
    name: str
    when: str
    nth: int = 1

    def arm(self) -> None:
        real = getattr(self.owner, self.name)
        calls = {"n": 0}

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls["n"] += 1
            if self.when == "before" and calls["n"] == self.nth:
                os._exit(KILLED)
            result = real(*args, **kwargs)
            if self.when == "after" and calls["n"] == self.nth:
                os._exit(KILLED)
            return result

        setattr(self.owner, self.name, wrapper)


def _points(steps: int) -> dict[str, KillPoint]:
    points = {
        # snapshot() copies the key file with shutil.copyfile after VACUUM INTO: the first call
        "backup written, its key file not copied": KillPoint(shutil, "copyfile", "before"),
        "backup taken": KillPoint(archive_module, "snapshot", "after"),
        "before the first revision": KillPoint(alembic_migration.MigrationContext, "run_migrations", "before"),
    }
    for step in range(1, steps + 1):  # each revision's DDL and version bump done, not committed
        points[f"after revision step {step}"] = KillPoint(alembic_migration.HeadMaintainer, "update_to_step",
                                                         "after", step)
    points["upgrade committed"] = KillPoint(migrations, "migrate", "after")
    return points


@dataclass(frozen=True)
class OldArchive:
    path: Path
    key: bytes
    revision: str
    data: dict[str, list[tuple[Any, ...]]]


def _data(path: Path, key: bytes) -> dict[str, list[tuple[Any, ...]]]:
    conn = connect_raw(path, key)
    try:
        return {name: [tuple(r) for r in conn.execute(sql)] for name, sql in DATA_SQL.items()}
    finally:
        conn.close()


def _revision(path: Path, key: bytes) -> str | None:
    engine = make_engine(path, key)
    try:
        with engine.connect() as conn:
            return migrations.current_revision(conn)
    finally:
        engine.dispose()


def _make_old(folder: Path, revision: str) -> OldArchive:
    folder.mkdir(parents=True)
    archive, user, _ = Archive.create(folder / "office.db", admin_name="admin", admin_passphrase=PASSPHRASE,
                                      kdf=FAST_KDF)
    services = Services.for_user(archive, user, today=lambda: TODAY)
    services.units.add(name=UNIT, uscc=organ_uscc(1), division_code="440106")
    for i in range(12):
        person = services.persons.add(PersonDraft(name=f"测试{i}", id_number=id_number(i + 1), unit_name=UNIT))
        services.records.add(person.id, RecordDraft(kind="嘉奖", decided_on=date(2025, 12, 1),
                                                    document_no=f"穗府〔2025〕{i}号", authority="广州市人民政府",
                                                    facts=f"第{i}次年度考核优秀"))
    key, path = archive.raw_key(), archive.path
    services.close()
    engine = make_engine(path, key)
    migrations.migrate(engine, revision, down=True)
    engine.dispose()
    assert _revision(path, key) == revision
    return OldArchive(path, key, revision, _data(path, key))


def _copy(old: OldArchive, folder: Path) -> Path:
    folder.mkdir()
    for source in old.path.parent.iterdir():
        if source.is_file():
            shutil.copyfile(source, folder / source.name)
    return folder / old.path.name


def _unlock(path: Path) -> None:
    archive, _ = Archive.unlock(path, "admin", PASSPHRASE)
    archive.close()


def _check_after_kill(old: OldArchive, path: Path, what: str) -> tuple[str, list[str]]:
    """The revision the kill left (fails on anything else than old or head) and the backups that
    are not whole."""
    revision = _revision(path, old.key)
    assert revision in (old.revision, migrations.head_revision()), f"{what}: left at revision {revision!r}"
    assert _data(path, old.key) == old.data, f"{what}: data changed by the interrupted upgrade"
    broken = _broken_backups(path, old.key)
    archive, user = Archive.unlock(path, "admin", PASSPHRASE)  # upgrades if it is still old
    services = Services.for_user(archive, user, today=lambda: TODAY)
    try:
        report = services.maintenance.verify()
        assert report.ok, (what, report.lines())
    finally:
        services.close()
    assert _revision(path, old.key) == migrations.head_revision(), what
    assert _data(path, old.key) == old.data, f"{what}: data changed by the upgrade after the kill"
    return revision or "", broken


def _broken_backups(path: Path, key: bytes) -> list[str]:
    """Backups beside the archive that would not restore on their own."""
    broken = []
    for backup in sorted(backups.backup_dir(path).glob("*.db")):
        if not Path(f"{backup}.keys").exists():
            broken.append(f"{backup.name}: no key file")
            continue
        try:
            conn = connect_raw(backup, key)
        except ArchiveError as exc:
            broken.append(f"{backup.name}: {exc}")
            continue
        try:
            if [r[0] for r in conn.execute("PRAGMA quick_check")] != ["ok"]:
                broken.append(f"{backup.name}: quick_check failed")
        finally:
            conn.close()
    return broken


def _steps(revision: str) -> int:
    order = sorted(migrations.known_revisions())
    return len(order) - 1 - order.index(revision)


def _deterministic(old: OldArchive, tmp_path: Path, only: str = "") -> tuple[dict[str, str], list[str]]:
    left, broken = {}, []
    for i, (what, point) in enumerate(_points(_steps(old.revision)).items()):
        if only and what != only:
            continue
        path = _copy(old, tmp_path / f"point-{i}")

        def child(point: KillPoint = point, path: Path = path) -> int:
            point.arm()
            _unlock(path)
            return 0

        rc = run_forked(child, path.parent / "out", path.parent / "err")
        assert rc == KILLED, f"{what}: not reached (exit {rc}): {(path.parent / 'err').read_text()[-600:]}"
        left[what], problems = _check_after_kill(old, path, what)
        broken += [f"{what}: {p}" for p in problems]
    return left, broken


def _unlock_then_wait(path: Path) -> Callable[[int], None]:
    def run(fd: int) -> None:
        os.write(fd, b"start\n")
        _unlock(path)
        os.write(fd, b"done\n")
        time.sleep(60)  # killed here at the latest
    return run


def _random(old: OldArchive, tmp_path: Path, kills: int, seed: int) -> tuple[dict[str, int], list[str]]:
    """SIGKILL at a random moment of the unlock (calibrated on one uninterrupted run)."""
    rng = random.Random(seed)
    calibration = _copy(old, tmp_path / "calibration")
    started = time.perf_counter()
    _unlock(calibration)
    span = time.perf_counter() - started
    left = {"old": 0, "head": 0}
    broken: list[str] = []
    for i in range(kills):
        path = _copy(old, tmp_path / f"random-{i}")
        pid, rfd = fork_worker(_unlock_then_wait(path))
        with os.fdopen(rfd, "rb") as pipe:
            assert pipe.readline() == b"start\n"
            time.sleep(rng.uniform(0.0, span * 1.2))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        revision, problems = _check_after_kill(old, path, f"random kill {i}")
        left["old" if revision == old.revision else "head"] += 1
        broken += [f"random kill {i}: {p}" for p in problems]
    return left, broken


def _run(tmp_path: Path, revision: str, kills: int, seed: int) -> None:
    old = _make_old(tmp_path / "old", revision)
    left, broken = _deterministic(old, tmp_path)
    assert left["before the first revision"] == revision and left["upgrade committed"] == migrations.head_revision()
    randomly, broken_randomly = _random(old, tmp_path, kills, seed)
    print(f"from {revision}: deterministic {left}; random kills left {randomly}; "
          f"half-made backups: {len(broken)} deterministic, {len(broken_randomly)} random")


def test_upgrade_from_0001_killed_at_each_step_and_at_random(tmp_path: Path) -> None:
    _run(tmp_path, "0001", kills=4, seed=20261127)


def test_a_backup_cut_short_by_a_kill_is_not_left_behind(tmp_path: Path) -> None:
    """Was a bug: VACUUM INTO wrote straight to the final name, so a kill left a backup without its
    key file. Now it writes <dest>.part and renames it once the key and head files are beside it."""
    old = _make_old(tmp_path / "old", "0004")
    _, broken = _deterministic(old, tmp_path, only="backup written, its key file not copied")
    assert not broken, broken


@pytest.mark.slow
@pytest.mark.parametrize("revision", sorted(migrations.known_revisions())[:-1])  # every one older than head
def test_upgrade_killed_at_each_step_and_at_random_long(revision: str, tmp_path: Path) -> None:
    _run(tmp_path, revision, kills=40, seed=4004)
