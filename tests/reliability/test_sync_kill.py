"""A syncing process killed with SIGKILL at random moments: the next sync completes, nothing is lost
and nothing is applied twice (DESIGN.md §5). Seeds are fixed so a failure can be replayed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.store.models import AuditEntry, Person
from desktop_app.store.models.sync import AppliedChange
from desktop_app.sync.central import CentralStore
from tests.factories import PASSPHRASE
from tests.sync_helpers import make_office

CHILD = """
import sys
from desktop_app.services import Services
services = Services.sign_in(sys.argv[1], "admin", sys.argv[2])
print("ready", flush=True)
services.sync.sync(sys.argv[3])
print("done", flush=True)
"""


def _kill_during_sync(archive: Path, central: str, rng: random.Random) -> str:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(archive), PASSPHRASE, central],
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, 0.6))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    return "killed" if child.returncode == -signal.SIGKILL else "finished"


def _run(tmp_path: Path, kills: int, seed: int) -> None:
    rng = random.Random(seed)
    hq = CentralStore.initialize(str(tmp_path / "central.db"))
    writer = make_office(tmp_path, "writer", hq, ["44"])
    reader = make_office(tmp_path, "reader", hq, ["44"])
    persons = writer.services.demo.load(persons=400, seed=seed).persons
    outcomes = []
    for i in range(kills):  # alternate: kill the pusher, kill the puller
        office = writer if i % 2 == 0 else reader
        office.services.ctx.archive.engine.dispose()
        outcomes.append(_kill_during_sync(office.archive.path, hq.url, rng))
    writer.sync()
    reader.sync()
    assert "killed" in outcomes, "no kill landed during a sync; the test proved nothing"
    with reader.services.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == persons
        applied = s.scalar(select(func.count()).select_from(AppliedChange))
        inserts = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "sync.insert"))
    assert applied == inserts == hq.change_count()  # every change applied exactly once
    assert reader.services.maintenance.verify().ok and writer.services.maintenance.verify().ok
    writer.close()
    reader.close()
    hq.close()


def test_sync_survives_sigkill(tmp_path: Path) -> None:
    _run(tmp_path, kills=6, seed=20261127)


@pytest.mark.slow
def test_sync_survives_many_sigkills(tmp_path: Path) -> None:
    _run(tmp_path, kills=60, seed=4401)
