"""Sync with the central store (DESIGN.md §5), against a SQLite central file and real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop_app.domain.enums import RecordState
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.models import Change
from desktop_app.store.models.sync import Conflict, QuarantinedChange
from desktop_app.sync.central import CentralStore
from desktop_app.sync.engine import SyncError
from tests.factories import id_number, organ_uscc
from tests.sync_helpers import UNIT_A, Office, make_office

UNIT_B = "韶关市仁化县人力资源和社会保障局"


@pytest.fixture
def hq(central_url: str) -> Iterator[CentralStore]:
    store = CentralStore.initialize(central_url)
    yield store
    store.close()


@pytest.fixture
def offices(hq: CentralStore, tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    a = make_office(tmp_path, "a", hq, ["44"])
    b = make_office(tmp_path, "b", hq, ["44"])
    a.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    a.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name=UNIT_A, post="科员"))
    a.sync()
    b.sync()
    yield a, b
    a.close()
    b.close()


def _open_conflicts(office: Office) -> set[tuple[str, str]]:
    with office.services.ctx.read() as s:
        return {(c.field, c.lost_value) for c in s.scalars(select(Conflict).where(Conflict.resolved.is_(False)))}


def test_changes_travel_and_both_archives_verify(offices: tuple[Office, Office]) -> None:
    a, b = offices
    assert [p.name for p in b.services.persons.search("zs")] == ["张三"]
    person = b.services.persons.search("zs")[0]
    b.services.records.add(person.id, RecordDraft(kind="行政处罚", severity="一般", decided_on=date(2026, 2, 3),
                                                  document_no="穗市监罚〔2026〕9号", authority="广州市市场监管局",
                                                  facts="未按规定申报"))
    assert b.sync().pushed == 1
    assert a.sync().applied == 1
    assert [r.document_no for r in a.services.records.for_person(person.id)] == ["穗市监罚〔2026〕9号"]
    assert a.services.maintenance.verify().ok and b.services.maintenance.verify().ok


def test_users_never_leave_their_archive(offices: tuple[Office, Office], hq: CentralStore) -> None:
    a, _ = offices
    a.services.users.add("clerk1", "clerk", "clerk passphrase 1")
    a.sync()
    with hq.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM sync_changes WHERE entity = 'user'")) == 0


def test_different_fields_merge_and_same_field_converges_with_the_loser_kept(offices: tuple[Office, Office]) -> None:
    a, b = offices
    a.services.persons.edit(id_number(1), post="科长")
    b.services.persons.edit(id_number(1), rank="一级主任科员")
    b.services.persons.edit(id_number(1), category="综合管理类")
    a.services.persons.edit(id_number(1), category="行政执法类")
    for office in (a, b, a):
        office.sync()
    pa, pb = a.services.persons.search("zs")[0], b.services.persons.search("zs")[0]
    assert (pa.post, pa.rank) == (pb.post, pb.rank) == ("科长", "一级主任科员")
    categories = {o.services.persons.show(id_number(1)).person for o in (a, b)}
    assert len({p.name for p in categories}) == 1
    with a.services.ctx.read() as s:
        category_a = s.scalar(text("SELECT category FROM persons"))
    with b.services.ctx.read() as s:
        category_b = s.scalar(text("SELECT category FROM persons"))
    assert category_a == category_b  # one deterministic winner
    loser = {"综合管理类", "行政执法类"} - {category_a}
    assert _open_conflicts(a) == _open_conflicts(b) == {("category", f'"{loser.pop()}"')}


def test_push_is_idempotent_when_the_local_mark_is_lost(offices: tuple[Office, Office], hq: CentralStore,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    a, _ = offices
    a.services.persons.edit(id_number(1), post="科长")
    a.sync()
    before = hq.change_count()
    with a.archive.session(write=True) as s:  # as if the process died after the central commit
        s.execute(Change.__table__.update().values(sent_at=None))
    report = a.sync()
    assert report.pushed == 0 and report.duplicates >= 3
    assert hq.change_count() == before


def test_edit_against_a_revoke_keeps_both_and_flags_it(offices: tuple[Office, Office]) -> None:
    a, b = offices
    person = a.services.persons.search("zs")[0]
    record = a.services.records.add(person.id, RecordDraft(kind="问责处理", severity="一般",
                                                           decided_on=date(2026, 1, 9),
                                                           document_no="天委问〔2026〕1号", authority="天河区委",
                                                           facts="履职不力"))
    a.sync()
    b.sync()
    a.services.records.revoke(record.id, reason="复查撤销")
    b.services.records.correct(record.id, RecordDraft(kind="问责处理", severity="严重", decided_on=date(2026, 1, 9),
                                                      document_no="天委问〔2026〕1号", authority="天河区委",
                                                      facts="履职不力，造成严重后果"), reason="补充事实")
    for office in (b, a, b):
        office.sync()
    for office in (a, b):
        row = office.services.records.for_person(person.id)[0]
        assert row.state is RecordState.REVOKED  # never resurrected
        assert row.facts == "履职不力，造成严重后果"  # the edit is kept too
        with office.services.ctx.read() as s:
            kinds = set(s.scalars(select(Conflict.kind)))
        assert "edit_after_revoke" in kinds


def test_tampered_change_is_quarantined_not_applied(offices: tuple[Office, Office], hq: CentralStore) -> None:
    a, b = offices
    a.services.persons.edit(id_number(1), post="科长")
    a.sync()
    with hq.engine.begin() as conn:  # someone with access to the central database edits the payload
        conn.execute(text("UPDATE sync_changes SET payload = replace(payload, '科长', '局长') "
                          "WHERE payload LIKE '%科长%'"))
    report = b.sync()
    assert report.quarantined == 1 and report.applied == 0
    assert b.services.persons.search("zs")[0].post == "科员"
    with b.services.ctx.read() as s:
        assert s.scalar(select(QuarantinedChange.reason)) == "bad signature"


def test_revoked_device_cannot_sync(offices: tuple[Office, Office], hq: CentralStore) -> None:
    a, _ = offices
    hq.revoke(a.archive.device_id)
    with pytest.raises(Exception, match=r"revoked|not reachable|password|permission"):
        a.sync()


def test_rolled_back_archive_is_refused_and_headquarters_alarmed(offices: tuple[Office, Office], hq: CentralStore,
                                                                 tmp_path: Path) -> None:
    a, _ = offices
    old_copy = a.services.maintenance.backup(tmp_path / "old-a.db")
    a.services.persons.edit(id_number(1), post="科长")
    a.sync()
    from desktop_app.services import Services
    from desktop_app.store.archive import Archive
    from tests.factories import PASSPHRASE

    archive, user = Archive.unlock(old_copy, "admin", PASSPHRASE)  # the laptop restored from an older copy
    restored = Office("a-restored", Services.for_user(archive, user), a.central)
    with pytest.raises(SyncError, match=r"went backwards|rewritten"):
        restored.sync()
    alarms = {d.device_id: d.chain_alarm for d in hq.status()}
    assert alarms[a.archive.device_id]
    restored.services.close()


def test_interrupted_pull_resumes_without_applying_twice(offices: tuple[Office, Office],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = offices
    for post in ("科长", "副处长", "处长", "副局长", "局长"):
        a.services.persons.edit(id_number(1), post=post)
    a.sync()
    from desktop_app.sync import merge

    real = merge.Applier.apply_all
    calls = {"n": 0}

    def die_on_second_batch(self: merge.Applier, batch: object) -> merge.ApplyStats:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process is killed mid-sync
        return real(self, batch)  # type: ignore[arg-type]

    monkeypatch.setattr(merge.Applier, "apply_all", die_on_second_batch)
    with pytest.raises(KeyboardInterrupt):
        b.sync(batch=2)
    monkeypatch.undo()
    report = b.sync(batch=2)
    assert b.services.persons.search("zs")[0].post == "局长"
    with b.services.ctx.read() as s:
        from desktop_app.store.models.sync import AppliedChange

        assert s.scalar(select(func.count()).select_from(AppliedChange)) == 2 + 5 + report.applied - report.applied
    assert b.services.maintenance.verify().ok


def test_scope_is_enforced_by_the_central_store(hq: CentralStore, tmp_path: Path) -> None:
    wide = make_office(tmp_path, "province", hq, ["44"])
    narrow = make_office(tmp_path, "shaoguan", hq, ["4402"])
    wide.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    wide.services.units.add(name=UNIT_B, uscc=organ_uscc(2, "440224"), division_code="440224")
    wide.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name=UNIT_A))
    wide.services.persons.add(PersonDraft(name="李四", id_number=id_number(2), unit_name=UNIT_B))
    wide.sync()
    narrow.sync()
    assert [p.name for p in narrow.services.persons.search("")] == ["李四"]
    if hq.is_postgres:  # the office's own database login sees only its scope, whatever it asks
        with narrow.central.engine.connect() as conn:
            scopes = set(conn.scalars(text("SELECT DISTINCT scope FROM sync_changes")))
        assert scopes == {organ_uscc(2, "440224")}
        with pytest.raises(Exception, match=r"row-level security|permission"), narrow.central.engine.begin() as conn:
            conn.execute(text("INSERT INTO sync_changes (change_id, device_id, scope, entity, entity_id, op, hlc, "
                              "payload, signature, received_at) VALUES ('x', :d, '', 'unit', 'x', 'insert', 'x', "
                              "'{}', '\\x00', 'now')"), {"d": wide.archive.device_id})
    wide.close()
    narrow.close()


def test_a_revoke_beats_a_later_concurrent_activation(offices: tuple[Office, Office]) -> None:
    a, b = offices
    person = a.services.persons.search("zs")[0]
    draft = a.services.records.add(person.id, RecordDraft(
        kind="行政处罚", severity="一般", decided_on=date(2026, 2, 3), document_no="穗市监罚〔2026〕7号",
        authority="广州市市场监管局", facts="未按规定申报", draft=True))
    a.sync()
    b.sync()
    a.services.records.revoke(draft.id, reason="不予处罚")
    b.services.records.activate(draft.id)  # later on the clock, but it did not know of the revoke
    for office in (a, b, a):
        office.sync()
    assert {o.services.records.for_person(person.id)[0].state for o in (a, b)} == {RecordState.REVOKED}


def test_updates_carry_the_scope_of_the_row_they_change(hq: CentralStore, tmp_path: Path) -> None:
    """An edit carries only the changed fields; its unit is looked up from the stored row (for a whole
    batch at once, sync/scope.py), so an office outside that unit never receives it."""
    wide = make_office(tmp_path, "province", hq, ["44"])
    narrow = make_office(tmp_path, "shaoguan", hq, ["4402"])
    wide.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    wide.services.units.add(name=UNIT_B, uscc=organ_uscc(2, "440224"), division_code="440224")
    wide.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name=UNIT_A))
    li = wide.services.persons.add(PersonDraft(name="李四", id_number=id_number(2), unit_name=UNIT_B))
    record = wide.services.records.add(li.id, RecordDraft(kind="行政处罚", severity="一般", decided_on=date(2026, 2, 3),
                                                          document_no="韶仁罚〔2026〕1号", authority="仁化县市场监管局",
                                                          facts="未按规定申报"))
    wide.sync()
    narrow.sync()
    wide.services.persons.edit(id_number(1), post="科长")
    wide.services.persons.edit(id_number(2), post="股长")
    wide.services.records.correct(record.id, RecordDraft(kind="行政处罚", severity="严重", decided_on=date(2026, 2, 3),
                                                         document_no="韶仁罚〔2026〕1号", authority="仁化县市场监管局",
                                                         facts="未按规定申报，情节较重"), reason="补充事实")
    wide.sync(batch=2)
    with hq.engine.connect() as conn:
        scopes = dict(conn.execute(text("SELECT entity, scope FROM sync_changes WHERE op = 'update' "
                                        "AND entity = 'record'")).all())
        person_scopes = set(conn.scalars(text("SELECT scope FROM sync_changes WHERE op = 'update' "
                                              "AND entity = 'person'")))
    assert scopes == {"record": organ_uscc(2, "440224")}
    assert person_scopes == {organ_uscc(1), organ_uscc(2, "440224")}
    report = narrow.sync()
    assert report.applied == 2          # 李四's edit and the record's correction, not 张三's
    assert narrow.services.persons.search("")[0].post == "股长"
    assert narrow.services.maintenance.verify().ok
    wide.close()
    narrow.close()
