"""A hypothesis state machine drives the objection and repair services in random orders on a real
archive: no illegal transition gets through, a refused call changes nothing, the record's
异议处理中 flag always equals "an objection is open", and the audit chain verifies at the end."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import func, select

from desktop_app.domain.enums import RecordState
from desktop_app.domain.objections import TRANSITIONS as OBJECTION_MOVES
from desktop_app.domain.objections import ObjectionAction, ObjectionState
from desktop_app.domain.repair import TRANSITIONS as REPAIR_MOVES
from desktop_app.domain.repair import RepairAction, RepairState
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.objections import ObjectionDecision, ObjectionDraft, ObjectionService, RecordCorrection
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.services.repair import RepairDraft, RepairService
from desktop_app.store.archive import Archive
from desktop_app.store.models import AuditEntry, Change, IntegrityRecord
from desktop_app.store.models.objections import Objection, RepairApplication
from tests.conftest import FAST_KDF
from tests.factories import PASSPHRASE, TODAY, id_number, organ_uscc

OUTCOMES = ("更正", "撤销", "维持", "无法确认")
FILES = (EvidenceFile("证明.pdf", b"proof"),)


class ObjectionMachine(RuleBasedStateMachine):
    @initialize()
    def open_archive(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="objection-machine-"))
        archive, user, _ = Archive.create(self.dir / "a.db", admin_name="admin", admin_passphrase=PASSPHRASE,
                                          kdf=FAST_KDF)
        self.services = Services.for_user(archive, user, today=lambda: TODAY)
        self.services.units.add(name="测试局", uscc=organ_uscc(3), division_code="440106")
        person = self.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name="测试局"))
        self.records = [self.services.records.add(person.id, RecordDraft(
            kind="行政处罚", severity=severity, decided_on=decided, document_no=f"罚{i}", authority="某局",
            facts="事实")).id for i, (severity, decided) in enumerate((("一般", "2026-03-02"), ("轻微", "2026-10-02"),
                                                                   ("严重", "2026-11-02")))]
        self.objections: dict[uuid.UUID, ObjectionState] = {}
        self.repairs: dict[uuid.UUID, RepairState] = {}
        self.on_record: dict[uuid.UUID, uuid.UUID] = {}    # objection → record
        self.repair_on: dict[uuid.UUID, uuid.UUID] = {}    # application → record
        self.serial = 0

    def teardown(self) -> None:
        if hasattr(self, "services"):
            assert self.services.maintenance.verify().ok
            self.services.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    # -- helpers ------------------------------------------------------------------------------

    def _counts(self) -> tuple[int, ...]:
        with self.services.ctx.read() as s:
            return tuple(s.scalar(select(func.count()).select_from(m)) or 0
                         for m in (Change, AuditEntry, Objection, RepairApplication))

    def _attempt(self, call: object, legal: bool) -> object | None:
        before = self._counts()
        try:
            result = call()  # type: ignore[operator]
        except IntegrityFilesError:
            assert self._counts() == before, "a refused call changed the archive"
            assert not legal, "a legal move was refused"
            return None
        assert legal, "an illegal move got through"
        return result

    def _record_state(self, record_id: uuid.UUID) -> tuple[RecordState, bool]:
        with self.services.ctx.read() as s:
            r = s.get(IntegrityRecord, record_id)
            assert r is not None
            return RecordState(r.state), r.under_objection

    # -- objections ---------------------------------------------------------------------------

    @rule(index=st.integers(0, 2))
    def file(self, index: int) -> None:
        record = self.records[index]
        state, _ = self._record_state(record)
        busy = any(o.is_open for o, _ in self._open_on(record)) or self._repair_open(record)
        legal = state is RecordState.ACTIVE and not busy
        row = self._attempt(lambda: ObjectionService(self.services.ctx).file(record, ObjectionDraft(
            applicant="张三", grounds="有误", evidence=FILES)), legal)
        if row is not None:
            self.objections[row.id] = ObjectionState.REGISTERED  # type: ignore[attr-defined]
            self.on_record[row.id] = record  # type: ignore[attr-defined]

    def _open_on(self, record: uuid.UUID) -> list[tuple[ObjectionState, uuid.UUID]]:
        return [(s, i) for i, s in self.objections.items() if self.on_record.get(i) == record]

    def _repair_open(self, record: uuid.UUID) -> bool:
        return any(s.is_open for i, s in self.repairs.items() if self.repair_on.get(i) == record)

    @precondition(lambda self: bool(self.objections))
    @rule(data=st.data(), action=st.sampled_from(list(ObjectionAction)), outcome=st.sampled_from(OUTCOMES))
    def move_objection(self, data: st.DataObject, action: ObjectionAction, outcome: str) -> None:
        objection = list(self.objections)[data.draw(st.integers(0, len(self.objections) - 1))]  # creation order
        state = self.objections[objection]
        target = OBJECTION_MOVES.get((state, action))
        service = ObjectionService(self.services.ctx)
        self.serial += 1
        if action is ObjectionAction.ACCEPT:
            call = lambda: service.accept(objection)  # noqa: E731
        elif action is ObjectionAction.REFUSE:
            call = lambda: service.refuse(objection, reply="不予受理")  # noqa: E731
        elif action is ObjectionAction.VERIFY:
            call = lambda: service.start_verification(objection)  # noqa: E731
        else:
            correction = RecordCorrection(facts=f"更正后的事实 {self.serial}") if outcome == "更正" else None
            call = lambda: service.decide(objection, ObjectionDecision(  # noqa: E731
                outcome=outcome, reply="答复", findings="核查结论", correction=correction))
        row = self._attempt(call, target is not None)
        if row is not None:
            assert row.state is target  # type: ignore[attr-defined]
            self.objections[objection] = target  # type: ignore[assignment]

    # -- repairs ------------------------------------------------------------------------------

    @rule(index=st.integers(0, 2))
    def apply_for_repair(self, index: int) -> None:
        record = self.records[index]
        state, flagged = self._record_state(record)
        possible = index != 2        # 一般: from 2026-06-02; 轻微: at once; 严重: only from 2027-11-02
        legal = state is RecordState.ACTIVE and not flagged and not self._repair_open(record) and possible
        row = self._attempt(lambda: RepairService(self.services.ctx).apply(record, RepairDraft(
            applicant="张三", obligations_met=True, proof=FILES, commitment=FILES)), legal)
        if row is not None:
            self.repairs[row.id] = RepairState.SUBMITTED  # type: ignore[attr-defined]
            self.repair_on[row.id] = record  # type: ignore[attr-defined]

    @precondition(lambda self: bool(self.repairs))
    @rule(data=st.data(), action=st.sampled_from(list(RepairAction)))
    def move_repair(self, data: st.DataObject, action: RepairAction) -> None:
        application = list(self.repairs)[data.draw(st.integers(0, len(self.repairs) - 1))]
        target = REPAIR_MOVES.get((self.repairs[application], action))
        service = RepairService(self.services.ctx)
        if action is RepairAction.ACCEPT:
            call = lambda: service.accept(application)  # noqa: E731
        elif action is RepairAction.REFUSE:
            call = lambda: service.refuse(application, reason="材料不全")  # noqa: E731
        else:
            call = lambda: service.decide(application, outcome=action.value, reason="理由")  # noqa: E731
        row = self._attempt(call, target is not None)
        if row is not None:
            self.repairs[application] = target  # type: ignore[assignment]

    # -- invariants ---------------------------------------------------------------------------

    @invariant()
    def flag_equals_an_open_objection(self) -> None:
        if not hasattr(self, "services"):
            return
        with self.services.ctx.read() as s:
            for record in s.scalars(select(IntegrityRecord)):
                states = [ObjectionState(o) for o in s.scalars(select(Objection.state).where(
                    Objection.record_id == record.id))]
                assert sum(x.is_open for x in states) <= 1
                assert record.under_objection == any(x.is_open for x in states)
                repairs = [RepairState(o) for o in s.scalars(select(RepairApplication.state).where(
                    RepairApplication.record_id == record.id))]
                assert sum(x.is_open for x in repairs) <= 1
                if RepairState.GRANTED in repairs:
                    assert record.state == RecordState.REPAIRED.value
                assert not (record.under_objection and any(x.is_open for x in repairs))
            stored = {o.id: ObjectionState(o.state) for o in s.scalars(select(Objection))}
        assert stored == self.objections


ObjectionMachine.TestCase.settings = settings(max_examples=12, stateful_step_count=14, deadline=None,
                                              suppress_health_check=[HealthCheck.too_slow])
TestObjectionMachine = ObjectionMachine.TestCase


def test_today_is_fixed() -> None:
    assert date(2026, 11, 27) == TODAY
