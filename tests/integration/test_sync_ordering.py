"""Pull never skips a change whose transaction commits late (DESIGN.md §5), on real PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.services.persons import PersonDraft
from desktop_app.sync.central import CentralStore
from tests.factories import id_number, organ_uscc
from tests.sync_helpers import UNIT_A, make_office


@pytest.fixture
def pg_hq(postgres_url: str) -> Iterator[CentralStore]:
    store = CentralStore.initialize(postgres_url)
    yield store
    store.close()


def _raw_change(conn: object, device: str, n: int) -> None:
    conn.execute(text(  # type: ignore[attr-defined]
        "INSERT INTO sync_changes (change_id, device_id, scope, entity, entity_id, op, hlc, payload, signature,"
        " received_at) VALUES (:id, :d, '', 'unit', :id, 'insert', :id, '{}', '\\x00', 'now')"),
        {"id": f"{n:032x}", "d": device})


def test_a_change_committed_late_is_not_skipped(pg_hq: CentralStore, tmp_path: Path) -> None:
    office = make_office(tmp_path, "reader", pg_hq, ["44"])
    device = office.archive.device_id
    slow = pg_hq.engine.connect()
    slow_tx = slow.begin()
    _raw_change(slow, "another-office", 1)  # gets the smaller seq, commits last
    with pg_hq.engine.begin() as fast:
        _raw_change(fast, "another-office", 2)  # larger seq, committed first
    seen_while_open = [r.incoming.payload for r in pg_hq.pull(device, (-1, -1))]
    assert seen_while_open == []  # nothing past the still-open transaction is served yet
    slow_tx.commit()
    slow.close()
    rows = pg_hq.pull(device, (-1, -1))
    assert sorted(r.seq for r in rows) == [1, 2]
    cursor = (rows[-1].tx, rows[-1].seq)
    assert pg_hq.pull(device, cursor) == []
    office.close()


def test_concurrent_pushers_and_a_puller_lose_nothing(pg_hq: CentralStore, tmp_path: Path) -> None:
    writers = [make_office(tmp_path, f"w{i}", pg_hq, ["44"]) for i in range(3)]
    reader = make_office(tmp_path, "reader", pg_hq, ["44"])
    for i, office in enumerate(writers):
        office.services.units.add(name=f"{UNIT_A}{i}", uscc=organ_uscc(i + 1), division_code="440106")
        for j in range(12):
            office.services.persons.add(PersonDraft(name=f"员工{i}{j}", id_number=id_number(i * 20 + j + 1),
                                                    unit_name=f"{UNIT_A}{i}"))
    errors: list[BaseException] = []

    def push(office: object) -> None:
        try:
            office.sync(batch=3)  # type: ignore[attr-defined]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(w,)) for w in writers]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        reader.sync(batch=5)  # pulls while the pushers are committing
    for t in threads:
        t.join()
    assert errors == []
    reader.sync()
    assert reader.services.persons.count() == 36
    assert reader.services.maintenance.verify().ok
    for office in (*writers, reader):
        office.close()
