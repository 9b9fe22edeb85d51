"""Pull never skips a change whose transaction commits late (DESIGN.md §5), on real PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from desktop_app.services.persons import PersonDraft
from desktop_app.store.models import Change
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


def test_a_pushed_batch_keeps_its_order_and_a_resent_one_counts_as_duplicates(pg_hq: CentralStore,
                                                                              tmp_path: Path) -> None:
    """The push stages a batch with COPY and moves it in one INSERT … SELECT (sync/central_copy.py):
    the central order must still be the office's, or a puller would meet an update before its insert."""
    office = make_office(tmp_path, "writer", pg_hq, ["44"])
    office.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    for j in range(40):
        office.services.persons.add(PersonDraft(name=f"员工{j}", id_number=id_number(j + 1), unit_name=UNIT_A))
        office.services.persons.edit(id_number(j + 1), post=f"岗位{j}")
    assert office.sync().pushed == 81
    with office.archive.session() as s:
        local = [c.hex for c in s.scalars(select(Change.change_id).where(Change.entity != "user")
                                          .order_by(Change.seq))]
    with pg_hq.engine.connect() as conn:
        central = list(conn.scalars(text("SELECT change_id FROM sync_changes ORDER BY tx, seq")))
    assert central == local and sorted(local) != local   # change ids are random: order is not by id
    with office.archive.session(write=True) as s:   # as if the office died before marking them sent
        s.execute(update(Change).values(sent_at=None))
    again = office.sync(batch=30)
    assert (again.pushed, again.duplicates) == (0, 81)
    assert pg_hq.change_count() == 81
    office.close()


def test_an_office_pushes_where_public_may_not_create_temporary_tables(pg_hq: CentralStore, tmp_path: Path) -> None:
    """The push stages batches in a temporary table; the central migration grants that to the office
    role itself, so a server hardened with REVOKE TEMPORARY … FROM PUBLIC still accepts pushes."""
    with pg_hq.engine.begin() as conn:
        database = conn.scalar(text("SELECT current_database()"))
        conn.execute(text(f'REVOKE TEMPORARY ON DATABASE "{database}" FROM PUBLIC'))
    office = make_office(tmp_path, "hardened", pg_hq, ["44"])
    office.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    assert office.sync().pushed == 1
    office.close()
