"""A sync killed at each protocol step in turn (issue 9, item 3; the random kills are in
test_sync_kill.py). ``run_sync`` (sync/engine.py) goes: device row, history check, push batches
(each stored centrally, then marked sent locally), the audit head report, device registry, pull
batches (each applied together with its cursor), the pull report, the local 'sync' audit entry.

In a child forked from the test process, office A syncs (batches of 5, so every step repeats) with
one step patched to ``os._exit(9)`` just before or just after it. Then A syncs again in a fresh
child, B and A sync to completion, and:

* exactly once: headquarters holds each change of A and B once; A applied each of B's changes once
  and B each of A's, each with one ``sync.insert`` audit entry; A's outbox is all sent;
* convergence: A and B hold the same rows;
* A's pull cursor never went down (before the kill, after it, after each later sync);
* both archives verify; nothing was quarantined; headquarters raised no alarm.

Fast tier: every kill point against a SQLite central store. ``--slow``: the same against
PostgreSQL (one database per kill point).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Table, func, select

from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.archive import Archive
from desktop_app.store.engine import connect_raw
from desktop_app.store.models import AuditEntry, Change, IntegrityRecord, Person, Unit
from desktop_app.store.models.sync import AppliedChange
from desktop_app.sync import central_schema as cs
from desktop_app.sync import engine
from desktop_app.sync.central import CentralStore, Cursor
from desktop_app.sync.merge import NOT_SYNCED, Applier
from tests.factories import PASSPHRASE, TODAY, id_number, organ_uscc
from tests.integration.conftest import postgres_admin_url, postgres_url  # noqa: F401 (fixtures, --slow)
from tests.reliability._forking import run_forked
from tests.sync_helpers import make_office

BATCH = 5
PERSONS = 8  # per office: with its unit and a record each, 17 changes = 4 batches of 5
KILLED = 9


@dataclass(frozen=True)
class KillPoint:
    owner: Any          # class or module whose attribute is patched
    name: str
    when: str           # "before" or "after" the call
    nth: int = 1        # which matching call (1-based); -1: the last one (known only after it returned)
    match: Callable[[tuple[Any, ...]], bool] = lambda args: True

    def arm(self) -> None:
        """Patch ``owner.name`` in this (child) process to end it at the chosen call."""
        real = getattr(self.owner, self.name)
        calls = {"n": 0}

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not self.match(args):
                return real(*args, **kwargs)
            calls["n"] += 1
            if self.when == "before" and calls["n"] == self.nth:
                os._exit(KILLED)
            result = real(*args, **kwargs)
            if self.when == "after" and (calls["n"] == self.nth or (self.nth == -1 and not result)):
                os._exit(KILLED)
            return result

        setattr(self.owner, self.name, wrapper)


def _batch_push(args: tuple[Any, ...]) -> bool:
    return bool(args[2])  # (self, device_id, batch, scopes, ...): a batch of changes


def _head_report(args: tuple[Any, ...]) -> bool:
    return not args[2]  # the empty push that carries the audit head


# Each point leaves a different state behind; points with nothing between them (before the device
# row ~ before the history check, after the head report ~ before the registry, the empty last pull ~
# before the pull report ~ after it ~ before the local audit entry) are represented once.
POINTS: dict[str, KillPoint] = {
    "before the history check": KillPoint(engine, "check_history", "before"),
    "after the history check": KillPoint(engine, "check_history", "after"),
    "push batch 1 stored, not marked sent": KillPoint(CentralStore, "push", "after", 1, _batch_push),
    "push batch 1 marked sent, batch 2 not stored": KillPoint(CentralStore, "push", "before", 2, _batch_push),
    "last push batch stored, not marked sent": KillPoint(CentralStore, "push", "after", 4, _batch_push),
    "before the head report": KillPoint(CentralStore, "push", "before", 1, _head_report),
    "after the head report": KillPoint(CentralStore, "push", "after", 1, _head_report),
    "pull batch 1 read, not applied": KillPoint(CentralStore, "pull", "after", 1),
    "pull batch 1 applied, cursor not committed": KillPoint(Applier, "apply_all", "after", 1),
    "pull batch 1 and cursor committed": KillPoint(CentralStore, "pull", "before", 2),
    "pull batch 3 applied, cursor not committed": KillPoint(Applier, "apply_all", "after", 3),
    "before the pull report": KillPoint(CentralStore, "record_pull", "before"),
    "before the local sync audit entry": KillPoint(Archive, "writing", "before", 1),
}


@dataclass(frozen=True)
class Setup:
    folder: Path
    hq_url: str    # headquarters' own URL (checks)
    url_a: str     # each office's login (PostgreSQL) or the file (SQLite)
    url_b: str
    key_a: bytes   # A's data key and cursor name: the parent reads the cursor without signing in
    cursor_name: str

    def moved(self, folder: Path) -> Setup:
        """The same setup copied to ``folder`` (SQLite: the central file moves too)."""
        shutil.copytree(self.folder, folder)
        if self.hq_url.startswith("postgresql"):
            return replace(self, folder=folder)
        central = str(folder / "central.db")
        return replace(self, folder=folder, hq_url=central, url_a=central, url_b=central)


def _fill(services: Services, unit: str, code: str, first: int) -> None:
    services.units.add(name=unit, uscc=organ_uscc(first, code), division_code=code)
    for i in range(first, first + PERSONS):
        person = services.persons.add(PersonDraft(name=f"测试{i}", id_number=id_number(i, division=code),
                                                  unit_name=unit))
        services.records.add(person.id, RecordDraft(kind="嘉奖", decided_on=date(2025, 12, 1),
                                                    document_no=f"穗府〔2025〕{i}号", authority="广州市人民政府",
                                                    facts=f"第{i}次年度考核优秀"))


def _build(folder: Path, hq_url: str) -> Setup:
    """Offices A and B: B's changes are at headquarters, A's are all still in its outbox."""
    folder.mkdir(exist_ok=True)
    hq = CentralStore.initialize(hq_url)
    a = make_office(folder, "a", hq, ["44"])
    b = make_office(folder, "b", hq, ["44"])
    a.sync()  # A has been here before: the history check has a head to compare
    _fill(a.services, "广州市天河区人力资源和社会保障局", "440106", 1)
    _fill(b.services, "仁化县审计局", "440224", 101)
    b.sync()
    setup = Setup(folder, hq.url, a.central.url, b.central.url, a.archive.raw_key(),
                  engine.cursor_key(hq.hq_public().fingerprint))
    for office in (a, b):
        office.close()
    hq.close()
    return setup


def _open(setup: Setup, name: str) -> tuple[Services, CentralStore]:
    archive, user = Archive.unlock(setup.folder / f"{name}.db", "admin", PASSPHRASE)
    return (Services.for_user(archive, user, today=lambda: TODAY),
            CentralStore(setup.url_a if name == "a" else setup.url_b))


def _sync(setup: Setup, name: str, point: KillPoint | None = None) -> Cursor:
    services, central = _open(setup, name)
    try:
        if point is not None:
            point.arm()  # after the sign-in, which writes through Archive.writing too
        engine.run_sync(services.ctx.archive, "admin", central, batch=BATCH)
        return _cursor(services, central)
    finally:
        services.close()
        central.close()


def _cursor(services: Services, central: CentralStore) -> Cursor:
    return engine.read_cursor(services.ctx.archive, engine.cursor_key(central.hq_public().fingerprint))


def _cursor_of(setup: Setup) -> Cursor:
    """A's cursor, read with the key alone (no sign-in, nothing written)."""
    conn = connect_raw(setup.folder / "a.db", setup.key_a)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (setup.cursor_name,)).fetchone()
    finally:
        conn.close()
    tx, seq = row[0].split(":") if row else ("-1", "-1")
    return int(tx), int(seq)


def _child_sync(setup: Setup, point: KillPoint | None) -> Callable[[], int]:
    def run() -> int:
        _sync(setup, "a", point)
        return 0
    return run


def _facts(services: Services) -> dict[str, Any]:
    with services.ctx.read() as s:
        own = {c.hex for c in s.scalars(select(Change.change_id).where(Change.entity.not_in(NOT_SYNCED)))}
        unsent = s.scalar(select(func.count()).select_from(Change).where(Change.sent_at.is_(None),
                                                                          Change.entity.not_in(NOT_SYNCED)))
        applied = [c.hex for c in s.scalars(select(AppliedChange.change_id))]
        inserts = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "sync.insert"))
        updates = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "sync.update"))
        state = {}
        for model in (Unit, Person, IntegrityRecord):
            table = cast(Table, model.__table__)
            columns = [c for c in table.columns if c.name != "version"]  # a local counter
            state[table.name] = sorted(map(tuple, s.execute(select(*columns))), key=repr)
    report = services.maintenance.verify()
    return {"own": own, "unsent": unsent, "applied": applied, "audited": (inserts, updates), "state": state,
            "verify": report.ok, "lines": report.lines()}


def _check(setup: Setup, point: str, cursors: list[Cursor]) -> None:
    assert cursors == sorted(cursors), f"{point}: A's pull cursor went down: {cursors}"
    facts = {}
    for name in ("a", "b"):
        services, central = _open(setup, name)
        try:
            facts[name] = _facts(services)
        finally:
            services.close()
            central.close()
    a, b = facts["a"], facts["b"]
    hq = CentralStore(setup.hq_url)
    try:
        with hq.engine.connect() as conn:
            central_ids = list(conn.scalars(select(cs.changes.c.change_id)))
            quarantined = conn.scalar(select(func.count()).select_from(cs.quarantine))
            alarms = [r for r in conn.scalars(select(cs.devices.c.chain_alarm)) if r]
    finally:
        hq.close()
    assert a["verify"] and b["verify"], (point, a["lines"], b["lines"])
    assert a["unsent"] == 0, f"{point}: A still has {a['unsent']} unsent changes"
    assert len(central_ids) == len(set(central_ids)) and set(central_ids) == a["own"] | b["own"], point
    assert sorted(a["applied"]) == sorted(b["own"]), f"{point}: A did not apply each of B's changes once"
    assert sorted(b["applied"]) == sorted(a["own"]), f"{point}: B did not apply each of A's changes once"
    assert a["audited"] == (len(a["applied"]), 0) and b["audited"] == (len(b["applied"]), 0), point
    assert a["state"] == b["state"], f"{point}: A and B hold different rows"
    assert (quarantined, alarms) == (0, []), point


def _kill_and_recover(setup: Setup, point: str, tmp_path: Path) -> None:
    cursors = [_cursor_of(setup)]
    rc = run_forked(_child_sync(setup, POINTS[point]), tmp_path / "out", tmp_path / "err")
    assert rc == KILLED, f"{point}: the kill point was not reached (exit {rc}): {(tmp_path / 'err').read_text()}"
    cursors.append(_cursor_of(setup))
    rc = run_forked(_child_sync(setup, None), tmp_path / "out2", tmp_path / "err2")  # a fresh process
    assert rc == 0, f"{point}: the next sync failed: {(tmp_path / 'err2').read_text()[-800:]}"
    cursors.append(_cursor_of(setup))
    _sync(setup, "b")
    cursors.append(_sync(setup, "a"))
    _check(setup, point, cursors)


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    folder = tmp_path_factory.mktemp("sync-steps") / "template"
    folder.mkdir()
    yield _build(folder, str(folder / "central.db"))  # the central file travels with the folder


def _sqlite_setup(template: Setup, tmp_path: Path) -> Setup:
    return template.moved(tmp_path / "case")


@pytest.mark.parametrize("point", list(POINTS))
def test_sync_killed_at_each_step_recovers(point: str, sqlite_template: Setup, tmp_path: Path) -> None:
    _kill_and_recover(_sqlite_setup(sqlite_template, tmp_path), point, tmp_path)


def test_the_kill_points_cover_a_whole_sync(sqlite_template: Setup, tmp_path: Path) -> None:
    """Without a kill the child completes; with one the sync stops where it was told to (a kill
    point that is never reached would make its test fail, not pass silently)."""
    setup = _sqlite_setup(sqlite_template, tmp_path)
    assert run_forked(_child_sync(setup, None), tmp_path / "out", tmp_path / "err") == 0
    _sync(setup, "b")
    _check(setup, "no kill", [_cursor_of(setup)])


@pytest.mark.slow
@pytest.mark.parametrize("point", list(POINTS))
def test_sync_killed_at_each_step_recovers_postgresql(point: str, postgres_url: str,  # noqa: F811 (the fixture)
                                                      tmp_path: Path) -> None:
    setup = _build(tmp_path / "setup", postgres_url)
    _kill_and_recover(setup, point, tmp_path)
