"""Three offices and headquarters edit, revoke, sync and carry bundles in random order (Hypothesis
stateful testing, clocks skewed by up to ±5 minutes). After a full sync round (issue 9, item 7):

* convergence: every replica holds the same state (all columns but the local ``version`` counter);
* no lost acknowledged write: every value ever written is the final value, or was overwritten by
  someone who had seen it, or is in the open conflict list, and that list is the same on every
  replica; every change a replica logged reached headquarters;
* exactly once: each replica applied each change of the others exactly once (``applied_changes``
  equals headquarters' changes of the other devices, without duplicates, none of its own);
* no resurrected revoke: a revoked record is revoked everywhere;
* monotonic cursors: each replica's pull cursor, read after every sync and bundle import, never
  went down (checked as the program runs);
* atomic import: a damaged return bundle is refused and changes nothing but its one audit entry;
  a good one applies every change up to the cursor it carries (checked at each bundle trip);
* one audit entry per change: every local change has exactly one audit entry binding the same
  object, and every remote change applied has its audit entry (``sync.insert``, ``sync.update``,
  or ``sync.merged`` when it lost the merge: ``test_every_applied_remote_change_is_audited``);
* every archive still verifies (audit chain and state binding).

The fast tier runs 12 programs; ``pytest --slow`` runs 2,000 (``INTEGRITY_FILES_SYNC_PROGRAMS``
overrides the count of the long tier, e.g. for a sample). Derandomized: the programs are the same on
every run.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule
from sqlalchemy import select, tuple_

from desktop_app.errors import StateError
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.models import Assessment, AuditEntry, Change, IntegrityRecord, Person, Unit
from desktop_app.store.models.sync import AppliedChange, Conflict
from desktop_app.sync import central_schema as cs
from desktop_app.sync.bundles import BundleError, export_office_bundle, import_office_bundle, import_return_bundle
from desktop_app.sync.central import CentralStore, Cursor
from desktop_app.sync.engine import cursor_key, read_cursor
from desktop_app.sync.hlc import HybridClock
from desktop_app.sync.merge import NOT_SYNCED
from tests.factories import id_number, organ_uscc
from tests.sync_helpers import UNIT_A, Office, make_office

PERSON_FIELDS = ("post", "rank", "category")
RECORD_FIELDS = ("facts", "authority")
REPLICAS = 4  # offices 0-2 and headquarters' own archive (3)
_unique = itertools.count()


def _record_draft(facts: str, authority: str = "天河区纪委监委") -> RecordDraft:
    return RecordDraft(kind="纪律处分", severity="一般", sanction="警告", decided_on=date(2026, 3, 2),
                       document_no="天纪发〔2026〕3号", authority=authority, facts=facts)


class SyncMachine(RuleBasedStateMachine):
    @initialize(skews=st.lists(st.floats(min_value=-300, max_value=300), min_size=REPLICAS, max_size=REPLICAS))
    def setup(self, skews: list[float]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="if-sync-"))
        self.hq = CentralStore.initialize(str(self.folder / "central.db"))
        self.replicas: list[Office] = []
        for i, skew in enumerate(skews):
            office = make_office(self.folder, f"r{i}", self.hq, ["44"])
            archive = office.archive
            archive.clock = HybridClock(archive.device_id, now=lambda skew=skew: time.time() + skew)
            self.replicas.append(office)
        first = self.replicas[0].services
        first.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
        self.people = [first.persons.add(PersonDraft(name=n, id_number=id_number(i + 1), unit_name=UNIT_A)).id
                       for i, n in enumerate(("张三", "李四"))]
        self.records = [first.records.add(self.people[0], _record_draft("初始事实")).id]
        self.written: dict[tuple[Any, str], set[str]] = {}   # (entity id, field) -> values ever written
        self.seen: dict[tuple[Any, str], set[str]] = {}      # values someone overwrote knowingly
        self.revoked: set[Any] = set()
        self.cursor_name = cursor_key(self.hq.hq_public().fingerprint)
        self.cursors: list[list[Cursor]] = [[] for _ in self.replicas]
        self.replicas[0].sync()
        for i, office in enumerate(self.replicas[1:], start=1):
            office.sync()
            self._note_cursor(i)
        self._note_cursor(0)

    def teardown(self) -> None:
        """The properties are checked once, at the end of each program: a check after every step
        would sync everyone each time and no edit would ever be concurrent."""
        try:
            if hasattr(self, "replicas"):
                self.converges_after_a_full_round()
        finally:
            for office in getattr(self, "replicas", []):
                office.close()
            if hasattr(self, "hq"):
                self.hq.close()
                shutil.rmtree(self.folder, ignore_errors=True)

    # -- actions ------------------------------------------------------------------------------

    @rule(who=st.integers(0, REPLICAS - 1), person=st.integers(0, 1), field=st.sampled_from(PERSON_FIELDS))
    def edit_person(self, who: int, person: int, field: str) -> None:
        services = self.replicas[who].services
        person_id = self.people[person]
        value = f"{field}-{next(_unique)}"
        with services.ctx.read() as s:
            old = getattr(s.get(Person, person_id), field)
        services.persons.edit(id_number(person + 1), **{field: value})
        self._note(person_id, field, old, value)

    @rule(who=st.integers(0, REPLICAS - 1), field=st.sampled_from(RECORD_FIELDS))
    def edit_record(self, who: int, field: str) -> None:
        services = self.replicas[who].services
        record_id = self.records[-1]
        with services.ctx.read() as s:
            record = s.get(IntegrityRecord, record_id)
            if record is None:
                return
            old, facts, authority = getattr(record, field), record.facts, record.authority
        value = f"{field}-{next(_unique)}"
        draft = _record_draft(value if field == "facts" else facts, value if field == "authority" else authority)
        try:
            services.records.correct(record_id, draft, reason="更正")
        except StateError:
            return  # revoked here already
        self._note(record_id, field, old, value)

    @rule(who=st.integers(0, REPLICAS - 1))
    def revoke(self, who: int) -> None:
        record_id = self.records[-1]
        try:
            self.replicas[who].services.records.revoke(record_id, reason="撤销")
        except (StateError, Exception) as exc:  # not yet here, or already revoked here
            if not isinstance(exc, StateError) and "no such record" not in str(exc):
                raise
            return
        self.revoked.add(record_id)

    @precondition(lambda self: len(self.records) < 3)
    @rule(who=st.integers(0, REPLICAS - 1))
    def add_record(self, who: int) -> None:
        services = self.replicas[who].services
        with services.ctx.read() as s:
            if s.get(Person, self.people[1]) is None:
                return
        draft = _record_draft(f"facts-{next(_unique)}")
        self.records.append(services.records.add(self.people[1], RecordDraft(**{
            **{f: getattr(draft, f) for f in draft.__dataclass_fields__}, "draft": True})).id)

    @rule(who=st.integers(0, REPLICAS - 1))
    def activate(self, who: int) -> None:
        """Putting a draft into effect races with a revoke: the revoke must still win everywhere."""
        try:
            self.replicas[who].services.records.activate(self.records[-1])
        except Exception as exc:
            if not isinstance(exc, StateError) and "no such record" not in str(exc):
                raise

    @rule(who=st.integers(0, REPLICAS - 1))
    def sync(self, who: int) -> None:
        self.replicas[who].sync(batch=7)
        self._note_cursor(who)

    @rule(who=st.integers(0, REPLICAS - 2))
    def bundle_trip(self, who: int) -> None:
        office = self.replicas[who]
        n = next(_unique)
        out, back = self.folder / f"b{n}.ifb", self.folder / f"r{n}.ifb"
        export_office_bundle(office.archive, "admin", self.hq.hq_public(), out)
        import_office_bundle(self.hq, out, reply=back)
        self._damaged_return_changes_nothing(office, back)
        import_return_bundle(office.archive, "admin", back)
        self._note_cursor(who)
        cursor = self.cursors[who][-1]
        missing = _central_ids(self.hq, office, cursor) - set(_applied(office))
        assert not missing, f"a return bundle applied only part of its changes ({len(missing)} missing)"

    def _damaged_return_changes_nothing(self, office: Office, back: Path) -> None:
        """Atomic import: a return bundle cut short is refused whole, with one audit entry."""
        data = back.read_bytes()
        damaged = back.with_name(back.name + ".cut")
        damaged.write_bytes(data[:len(data) - 1 - len(data) // 3])
        before = (_state(office), _applied(office), _audit_count(office), read_cursor(office.archive,
                                                                                     self.cursor_name))
        try:
            import_return_bundle(office.archive, "admin", damaged)
        except BundleError:
            pass
        else:
            raise AssertionError("a truncated return bundle was imported")
        after = (_state(office), _applied(office), _audit_count(office), read_cursor(office.archive,
                                                                                    self.cursor_name))
        assert after[:2] == before[:2] and after[3] == before[3], "a refused bundle changed the archive"
        assert after[2] == before[2] + 1, "a refused bundle is not exactly one audit entry"

    def _note_cursor(self, who: int) -> None:
        """Monotonic cursors: read after every sync and bundle import, never lower than before."""
        cursor = read_cursor(self.replicas[who].archive, self.cursor_name)
        seen = self.cursors[who]
        assert not seen or cursor >= seen[-1], f"replica {who}'s pull cursor went down: {seen[-1]} -> {cursor}"
        seen.append(cursor)

    def _note(self, entity_id: Any, field: str, old: str, new: str) -> None:
        self.written.setdefault((entity_id, field), set()).add(new)
        self.seen.setdefault((entity_id, field), set()).add(old)

    # -- the properties, after a full sync round -------------------------------------------------

    def converges_after_a_full_round(self) -> None:
        for _ in range(2):
            for i, office in enumerate(self.replicas):
                office.sync()
                self._note_cursor(i)
        states = [_state(o) for o in self.replicas]
        assert all(state == states[0] for state in states[1:]), "replicas differ after a full sync round"
        conflicts = [_open_conflicts(o) for o in self.replicas]
        assert all(c == conflicts[0] for c in conflicts[1:]), "open conflict lists differ"
        lost = {(entity_id, f, value) for entity_id, f, value in conflicts[0]}
        for (entity_id, field), values in self.written.items():
            final = _value(self.replicas[0], entity_id, field)
            for value in values:
                assert (value == final or value in self.seen.get((entity_id, field), set())
                        or (entity_id, field, value) in lost), f"{field} value {value} was lost silently"
        for record_id in self.revoked:
            for office in self.replicas:
                assert _value(office, record_id, "state") == "revoked", "a revoked record came back"
        self.each_change_once_and_audited()

    def each_change_once_and_audited(self) -> None:
        central = _central_changes(self.hq)
        everyone = {change_id for change_id, _device, _op in central}
        for i, office in enumerate(self.replicas):
            device = office.archive.device_id
            own = _own_changes(office)
            applied = _applied(office)
            others = {change_id for change_id, origin, _op in central if origin != device}
            assert own <= everyone, f"replica {i}: {len(own - everyone)} acknowledged changes not at headquarters"
            assert len(applied) == len(set(applied)), f"replica {i} applied a change twice"
            assert set(applied) == others, (f"replica {i}: {len(others - set(applied))} changes of others not "
                                            f"applied, {len(set(applied) - others)} applied that it should not")
            local, remote = _audited(office)
            assert local == _changed_objects(office), f"replica {i}: a local change without exactly one audit entry"
            inserts = sum(1 for change_id, origin, op in central if origin != device and op == "insert")
            assert remote["sync.insert"] == inserts, f"replica {i}: {remote['sync.insert']} sync.insert entries, " \
                                                     f"{inserts} remote inserts applied"
            assert remote["sync.update"] <= len(applied) - inserts
            assert office.services.maintenance.verify().ok, f"replica {i} does not verify"


def _state(office: Office) -> dict[str, set[tuple[Any, ...]]]:
    out = {}
    with office.services.ctx.read() as s:
        for model in (Unit, Person, IntegrityRecord, Assessment):
            table = model.__table__  # type: ignore[attr-defined]
            columns = [c for c in table.columns if c.name != "version"]
            out[str(table.name)] = {tuple(row) for row in s.execute(select(*columns))}
    return out


def _open_conflicts(office: Office) -> set[tuple[Any, str, str]]:
    import json

    with office.services.ctx.read() as s:
        return {(c.entity_id, c.field, json.loads(c.lost_value))
                for c in s.scalars(select(Conflict).where(Conflict.resolved.is_(False),
                                                          Conflict.kind == "concurrent_edit"))}


def _applied(office: Office) -> list[str]:
    with office.services.ctx.read() as s:
        return [c.hex for c in s.scalars(select(AppliedChange.change_id))]


def _own_changes(office: Office) -> set[str]:
    with office.services.ctx.read() as s:
        return {c.hex for c in s.scalars(select(Change.change_id).where(Change.entity.not_in(NOT_SYNCED)))}


def _changed_objects(office: Office) -> Counter[tuple[str, str]]:
    """One entry per local change: (entity, id) of every change-log row but conflict resolutions."""
    with office.services.ctx.read() as s:
        return Counter((e, i.hex) for e, i in s.execute(select(Change.entity, Change.entity_id)
                                                        .where(Change.entity != "conflict")))


def _audited(office: Office) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """Local audit entries that bind an object, and the counts of the sync.* entries."""
    local: Counter[tuple[str, str]] = Counter()
    remote: Counter[str] = Counter()
    with office.services.ctx.read() as s:
        for action, kind, object_id, after in s.execute(select(AuditEntry.action, AuditEntry.object_type,
                                                               AuditEntry.object_id, AuditEntry.after_digest)):
            if action.startswith("sync."):
                remote[action] += 1
            elif after:
                local[(kind, object_id)] += 1
    return local, remote


def _audit_count(office: Office) -> int:
    with office.services.ctx.read() as s:
        return len(s.scalars(select(AuditEntry.seq)).all())


def _central_changes(hq: CentralStore) -> list[tuple[str, str, str]]:
    c = cs.changes.c
    with hq.engine.connect() as conn:
        return [(uuid_hex, device, op) for uuid_hex, device, op in conn.execute(select(c.change_id, c.device_id, c.op))]


def _central_ids(hq: CentralStore, office: Office, cursor: Cursor) -> set[str]:
    """Headquarters' changes of other devices at or before ``cursor`` (all replicas see scope 44)."""
    c = cs.changes.c
    with hq.engine.connect() as conn:
        return set(conn.scalars(select(c.change_id).where(tuple_(c.tx, c.seq) <= tuple_(*cursor))
                                .where(c.device_id != office.archive.device_id)))


def _value(office: Office, entity_id: Any, field: str) -> Any:
    with office.services.ctx.read() as s:
        row = s.get(Person, entity_id) or s.get(IntegrityRecord, entity_id)
        return getattr(row, field) if row is not None else None


def _run(machine: type[RuleBasedStateMachine], examples: int, steps: int) -> None:
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(machine, settings=settings(
        max_examples=examples, stateful_step_count=steps, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))


def test_offices_converge_and_lose_nothing() -> None:
    _run(SyncMachine, examples=12, steps=15)


@pytest.mark.slow
def test_offices_converge_and_lose_nothing_long() -> None:
    _run(SyncMachine, examples=int(os.environ.get("INTEGRITY_FILES_SYNC_PROGRAMS", "2000")), steps=30)


def test_every_applied_remote_change_is_audited(tmp_path: Path) -> None:
    hq = CentralStore.initialize(str(tmp_path / "central.db"))
    a, b = (make_office(tmp_path, name, hq, ["44"]) for name in ("a", "b"))
    try:
        a.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
        a.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name=UNIT_A))
        a.sync()
        b.sync()
        a.services.persons.edit(id_number(1), post="科长")  # concurrent edits of one field:
        b.services.persons.edit(id_number(1), post="处长")  # one of them loses on both replicas
        for office in (a, b, a):
            office.sync()
        for office in (a, b):
            _local, remote = _audited(office)
            audited = remote["sync.insert"] + remote["sync.update"] + remote["sync.merged"] + remote["sync.resolve"]
            assert len(_applied(office)) == audited, office.name
    finally:
        for office in (a, b):
            office.close()
        hq.close()


def test_an_older_return_bundle_does_not_move_the_cursor_back(tmp_path: Path) -> None:
    """Was a bug: _apply_return set the cursor unconditionally."""
    hq = CentralStore.initialize(str(tmp_path / "central.db"))
    a, b = (make_office(tmp_path, name, hq, ["44"]) for name in ("a", "b"))
    name = cursor_key(hq.hq_public().fingerprint)
    try:
        b.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
        b.sync()
        export_office_bundle(a.archive, "admin", hq.hq_public(), tmp_path / "b1.ifb")
        import_office_bundle(hq, tmp_path / "b1.ifb", reply=tmp_path / "r1.ifb")  # the courier is slow
        b.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name=UNIT_A))
        b.sync()
        a.sync()  # meanwhile the office is online for once
        online = read_cursor(a.archive, name)
        import_return_bundle(a.archive, "admin", tmp_path / "r1.ifb")
        assert read_cursor(a.archive, name) >= online, "the return bundle moved the pull cursor back"
    finally:
        for office in (a, b):
            office.close()
        hq.close()
