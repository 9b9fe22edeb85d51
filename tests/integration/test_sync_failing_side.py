"""A failed sync names the side that failed (the reliability programme's "which side" gap).

A driver error alone says nothing of where it came from, and the cure differs: the central store
(headquarters' server went away, refused the login, or the file is not a central store) needs only
another sync later; the office's own archive (a full disk) needs space or ``verify``. Real parts:
a SQLite central file replaced under a running sync, and a PostgreSQL login disabled and its
connection terminated in the middle of a push. The archive's own failure (a full disk) is covered
by ``tests/reliability/test_disk_full_paths.py``, whose every failure must say "this archive".
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from desktop_app.services.persons import PersonDraft
from desktop_app.store.models import Change
from desktop_app.sync import central_schema as cs
from desktop_app.sync.central import CentralStore
from desktop_app.sync.central_errors import CentralStoreError
from desktop_app.sync.merge import NOT_SYNCED
from tests.factories import id_number, organ_uscc
from tests.sync_helpers import UNIT_A, Office, make_office


@pytest.fixture
def office(central_url: str, tmp_path: Path) -> Iterator[tuple[Office, CentralStore]]:
    hq = CentralStore.initialize(central_url)
    office = make_office(tmp_path, "a", hq, ["44"])
    office.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    for i in range(30):
        office.services.persons.add(PersonDraft(name=f"人员{i}", id_number=id_number(i + 1), unit_name=UNIT_A))
    yield office, hq
    office.close()
    hq.close()


def _unsent(office: Office) -> int:
    """Changes waiting to be pushed (local-only entities never are)."""
    with office.services.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(Change).where(
            Change.sent_at.is_(None), Change.entity.not_in(NOT_SYNCED))) or 0)


def _stored(hq: CentralStore) -> int:
    with hq.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(cs.changes)) or 0)


def _break_central(office: Office, hq: CentralStore, tmp_path: Path) -> tuple[object, object]:
    """What breaks the central store in the middle of a push, and what mends it."""
    url = make_url(office.central.url)
    if url.get_backend_name() == "sqlite":
        central, saved = Path(url.database or ""), tmp_path / "central.saved"

        def brk() -> None:
            office.central.engine.dispose()  # the pool's open files would still see the old one
            shutil.copyfile(central, saved)
            central.write_bytes(b"this is not a database, it is a page of notes\n" * 200)

        def mend() -> None:
            shutil.copyfile(saved, central)
        return brk, mend
    role = url.username

    def alter(login: bool) -> None:
        admin = create_engine(hq.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'ALTER ROLE "{role}" {"LOGIN" if login else "NOLOGIN"}'))
            if not login:
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                             {"r": role})
        admin.dispose()
    return (lambda: alter(False)), (lambda: alter(True))


def test_a_central_store_that_fails_mid_sync_is_named_and_nothing_is_lost(
        office: tuple[Office, CentralStore], tmp_path: Path) -> None:
    a, hq = office
    total = _unsent(a)
    brk, mend = _break_central(a, hq, tmp_path)
    broken = False

    def progress(phase: str, done: int, _total: int) -> None:
        nonlocal broken
        if phase == "push" and done > 0 and not broken:
            broken = True
            brk()  # type: ignore[operator]

    with pytest.raises(CentralStoreError) as caught:
        a.sync(batch=10, progress=progress)
    assert broken
    message = str(caught.value)
    assert caught.value.code == "central" and "central store" in message
    password = make_url(a.central.url).password
    assert not password or str(password) not in message
    assert a.services.maintenance.verify().ok
    waiting = _unsent(a)
    assert 0 < waiting < total  # the first batch went and is marked sent; the rest waits
    mend()  # type: ignore[operator]
    assert a.sync(batch=10).pushed == waiting
    assert _unsent(a) == 0 and _stored(hq) == total  # every change once: none lost, none twice
