"""Offline bundles: an air-gapped office and headquarters exchange files; every bad bundle is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.services.persons import PersonDraft
from desktop_app.store.models import AuditEntry, Change
from desktop_app.sync.bundles import (
    BundleError,
    export_office_bundle,
    import_office_bundle,
    import_return_bundle,
)
from desktop_app.sync.central import CentralStore
from tests.factories import id_number, organ_uscc
from tests.sync_helpers import UNIT_A, Office, make_office


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[CentralStore, Office, Office]]:
    hq = CentralStore.initialize(str(tmp_path / "central.db"))
    offline = make_office(tmp_path, "offline", hq, ["44"])
    online = make_office(tmp_path, "online", hq, ["44"])
    offline.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    offline.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name=UNIT_A))
    online.services.units.add(name="仁化县审计局", uscc=organ_uscc(2, "440224"), division_code="440224")
    online.services.persons.add(PersonDraft(name="李四", id_number=id_number(2), unit_name="仁化县审计局"))
    online.sync()
    yield hq, offline, online
    offline.close()
    online.close()
    hq.close()


def _export(office: Office, hq: CentralStore, path: Path) -> Path:
    export_office_bundle(office.archive, "admin", hq.hq_public(), path)
    return path


def test_round_trip_through_headquarters(setup: tuple[CentralStore, Office, Office], tmp_path: Path) -> None:
    hq, offline, online = setup
    bundle = _export(offline, hq, tmp_path / "b1.ifb")
    assert b"\xe5\xbc\xa0\xe4\xb8\x89" not in bundle.read_bytes()  # 张三 is encrypted
    preview = import_office_bundle(hq, bundle, dry_run=True)
    assert preview.dry_run and preview.new == 2 and hq.change_count() == 2  # nothing stored by the preview
    result = import_office_bundle(hq, bundle, reply=tmp_path / "r1.ifb")
    assert (result.number, result.new) == (1, 2) and hq.change_count() == 4
    back = import_return_bundle(offline.archive, "admin", tmp_path / "r1.ifb")
    assert back.new == 2  # the online office's unit and person
    assert sorted(p.name for p in offline.services.persons.search("")) == ["张三", "李四"]
    with offline.services.ctx.read() as s:
        unacked = s.scalar(select(func.count()).select_from(Change).where(Change.acked_at.is_(None),
                                                                           Change.entity != "user"))
    assert unacked == 0  # headquarters acknowledged what it received
    online.sync()
    assert sorted(p.name for p in online.services.persons.search("")) == ["张三", "李四"]
    assert offline.services.maintenance.verify().ok
    status = {d.name: d for d in hq.status()}
    assert (status["offline"].bundle_in_number, status["offline"].bundle_out_number) == (1, 1)
    # The next bundle carries only what is new.
    offline.services.persons.edit(id_number(1), post="科长")
    second = _export(offline, hq, tmp_path / "b2.ifb")
    assert import_office_bundle(hq, second).new == 1


def test_bad_bundles_are_refused_and_change_nothing(setup: tuple[CentralStore, Office, Office],
                                                    tmp_path: Path) -> None:
    hq, offline, online = setup
    good = _export(offline, hq, tmp_path / "b1.ifb")
    data = good.read_bytes()
    cases = {
        "tampered": data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1:],
        "truncated": data[: len(data) - 40],
        "not a bundle": b"PK\x03\x04 a spreadsheet renamed",
        "header": data[:30] + b"X" + data[31:],
    }
    for name, content in cases.items():
        bad = tmp_path / f"{name}.ifb"
        bad.write_bytes(content)
        with pytest.raises(BundleError):
            import_office_bundle(hq, bad)
        assert hq.change_count() == 2, name
    other_hq = CentralStore.initialize(str(tmp_path / "other-central.db"))
    stranger = make_office(tmp_path, "stranger", other_hq, ["44"])
    foreign = tmp_path / "foreign.ifb"
    export_office_bundle(stranger.archive, "admin", other_hq.hq_public(), foreign)
    with pytest.raises(BundleError, match="another headquarters"):
        import_office_bundle(hq, foreign)
    stranger.close()
    import_office_bundle(hq, good, reply=tmp_path / "r1.ifb")
    with pytest.raises(BundleError, match="already imported"):
        import_office_bundle(hq, good)  # replay
    third = _export(offline, hq, tmp_path / "b2.ifb")
    third = _export(offline, hq, tmp_path / "b3.ifb")
    with pytest.raises(BundleError, match="bundle 2 is missing"):
        import_office_bundle(hq, third)
    hq.revoke(online.archive.device_id)
    revoked = tmp_path / "revoked.ifb"
    export_office_bundle(online.archive, "admin", hq.hq_public(), revoked)
    with pytest.raises(BundleError, match="revoked"):
        import_office_bundle(hq, revoked)
    # Back at the office: a return bundle for someone else, and a replay, are refused and audited.
    with pytest.raises(BundleError, match="another office"):
        import_return_bundle(online.archive, "admin", tmp_path / "r1.ifb")
    import_return_bundle(offline.archive, "admin", tmp_path / "r1.ifb")
    with pytest.raises(BundleError, match="already imported"):
        import_return_bundle(offline.archive, "admin", tmp_path / "r1.ifb")
    with offline.services.ctx.read() as s:
        refusals = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "bundle.refused"))
    assert refusals == 1
    other_hq.close()


def test_a_bundle_is_stored_in_order_on_postgresql_in_several_batches(postgres_url: str, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Headquarters stores an office bundle in one transaction, a batch at a time through COPY and a
    staging table (sync/central_copy.py): every batch lands once and in the office's order."""
    from sqlalchemy import text

    from desktop_app.sync import bundles

    monkeypatch.setattr(bundles, "PUSH_BATCH", 2)
    hq = CentralStore.initialize(postgres_url)
    offline = make_office(tmp_path, "offline", hq, ["44"])
    offline.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    for n in range(1, 6):
        offline.services.persons.add(PersonDraft(name=f"员工{n}", id_number=id_number(n), unit_name=UNIT_A))
    bundle = _export(offline, hq, tmp_path / "b1.ifb")
    result = import_office_bundle(hq, bundle)
    assert (result.changes, result.new, result.duplicates, result.refused) == (6, 6, 0, 0)
    with offline.archive.session() as s:
        local = [c.hex for c in s.scalars(select(Change.change_id).where(Change.entity != "user")
                                          .order_by(Change.seq))]
    with hq.engine.connect() as conn:
        assert list(conn.scalars(text("SELECT change_id FROM sync_changes ORDER BY tx, seq"))) == local
        assert conn.scalar(text("SELECT count(DISTINCT tx) FROM sync_changes")) == 1   # one transaction
    offline.close()
    hq.close()
