"""Three offices and headquarters edit, revoke, sync and carry bundles in random order (Hypothesis
stateful testing, clocks skewed by up to ±5 minutes). After a full sync round:

* every replica holds the same state (all columns but the local ``version`` counter);
* every value ever written is the final value, or was overwritten by someone who had seen it, or
  is in the open conflict list, and that list is the same on every replica;
* a revoked record is revoked everywhere (never resurrected);
* every archive still verifies (audit chain and state binding).

The fast tier runs a few dozen programs; ``pytest --slow`` runs many more.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule
from sqlalchemy import select

from desktop_app.errors import StateError
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.models import Assessment, IntegrityRecord, Person, Unit
from desktop_app.store.models.sync import Conflict
from desktop_app.sync.bundles import export_office_bundle, import_office_bundle, import_return_bundle
from desktop_app.sync.central import CentralStore
from desktop_app.sync.hlc import HybridClock
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
        self.replicas[0].sync()
        for office in self.replicas[1:]:
            office.sync()

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

    @rule(who=st.integers(0, REPLICAS - 2))
    def bundle_trip(self, who: int) -> None:
        office = self.replicas[who]
        n = next(_unique)
        out, back = self.folder / f"b{n}.ifb", self.folder / f"r{n}.ifb"
        export_office_bundle(office.archive, "admin", self.hq.hq_public(), out)
        import_office_bundle(self.hq, out, reply=back)
        import_return_bundle(office.archive, "admin", back)

    def _note(self, entity_id: Any, field: str, old: str, new: str) -> None:
        self.written.setdefault((entity_id, field), set()).add(new)
        self.seen.setdefault((entity_id, field), set()).add(old)

    # -- the properties, after a full sync round -------------------------------------------------

    def converges_after_a_full_round(self) -> None:
        for _ in range(2):
            for office in self.replicas:
                office.sync()
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


def _state(office: Office) -> dict[str, set[tuple[Any, ...]]]:
    out = {}
    with office.services.ctx.read() as s:
        for model in (Unit, Person, IntegrityRecord, Assessment):
            table = model.__table__  # type: ignore[attr-defined]
            columns = [c for c in table.columns if c.name != "version"]
            out[table.name] = {tuple(row) for row in s.execute(select(*columns))}
    return out


def _open_conflicts(office: Office) -> set[tuple[Any, str, str]]:
    import json

    with office.services.ctx.read() as s:
        return {(c.entity_id, c.field, json.loads(c.lost_value))
                for c in s.scalars(select(Conflict).where(Conflict.resolved.is_(False),
                                                          Conflict.kind == "concurrent_edit"))}


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
    _run(SyncMachine, examples=200, steps=30)
