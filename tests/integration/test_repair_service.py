"""Credit repair, 公示期满 and the versioned policy profile on real SQLCipher archives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop_app.domain.consequences import Flag
from desktop_app.domain.enums import RecordState, Role
from desktop_app.domain.repair import RepairState, RepairTooEarly
from desktop_app.errors import IntegrityFilesError, PermissionDenied, StateError, ValidationError
from desktop_app.services import Services
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.objections import ObjectionDraft, ObjectionService
from desktop_app.services.policy import PolicyService
from desktop_app.services.records import RecordDraft
from desktop_app.services.repair import RepairDraft, RepairService
from desktop_app.services.rows import RecordRow
from desktop_app.store.models import AuditEntry, Change, IntegrityRecord, Revision
from desktop_app.store.models.objections import Attachment, RepairApplication
from tests.conftest import sign_in
from tests.factories import id_number

PROOF = (EvidenceFile("缴款凭证.pdf", b"%PDF proof of payment"),)
LETTER = (EvidenceFile("信用修复承诺书.pdf", b"%PDF signed commitment"),)


def _record(services: Services, who: int = 1, **over: object) -> RecordRow:
    values: dict[str, object] = dict(kind="行政处罚", severity="一般", decided_on="2026-03-02",
                                     document_no="穗罚〔2026〕1号", authority="广州市市场监管局",
                                     facts="未按期报送材料")
    values.update(over)
    person = services.persons.show(id_number(who, female=who == 2)).person
    return services.records.add(person.id, RecordDraft(**values))  # type: ignore[arg-type]


def _draft(**over: object) -> RepairDraft:
    values: dict[str, object] = dict(applicant="张三", obligations_met=True, proof=PROOF, commitment=LETTER,
                                     statement="已缴清罚款并完成整改", applied_on="2026-11-20")
    values.update(over)
    return RepairDraft(**values)  # type: ignore[arg-type]


def counts(services: Services) -> dict[str, int]:
    with services.ctx.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) or 0
                for m in (RepairApplication, Attachment, Change, AuditEntry, Revision, IntegrityRecord)}


def _flags(services: Services, who: int = 1) -> set[Flag]:
    return {f.flag for f in services.persons.show(id_number(who, female=who == 2)).flags}


@pytest.fixture
def repair(admin: Services) -> RepairService:
    return RepairService(admin.ctx)


def test_granted_repair_lifts_the_restriction_and_keeps_the_record(admin: Services, repair: RepairService) -> None:
    record = _record(admin)
    assert _flags(admin) == {Flag.RESTRICTED_AWARDS}
    row = repair.apply(record.id, _draft())
    assert row.state is RepairState.SUBMITTED and row.deadline.due_on == date(2026, 11, 25)
    assert row.deadline.overdue and row.deadline.days_overdue == 2  # 26th and 27th
    assert sorted(a.purpose.value for a in row.attachments) == ["commitment", "proof"]
    row = repair.accept(row.id, on="2026-11-23")
    assert row.state is RepairState.ACCEPTED and row.deadline.due_on == date(2026, 12, 7)
    row = repair.decide(row.id, outcome="准予", reason="符合修复条件")
    assert row.state is RepairState.GRANTED and row.effects == ("终止公示", "停止共享", "解除评优评先限制")
    kept = admin.records.for_person(record.person_id)
    assert [r.state for r in kept] == [RecordState.REPAIRED] and kept[0].display_state == "已修复"
    assert kept[0].publication_earliest_end == record.publication_earliest_end  # the original stays in the file
    assert _flags(admin) == set()
    with admin.ctx.read() as s:
        assert s.scalars(select(Revision.values).where(Revision.entity_id == record.id)).one()["state"] == "active"
    assert admin.maintenance.verify().ok


def test_repair_before_the_earliest_end_says_when(admin: Services, repair: RepairService) -> None:
    record = _record(admin, decided_on="2026-10-15")
    before = counts(admin)
    with pytest.raises(RepairTooEarly) as caught:
        repair.apply(record.id, _draft())
    assert caught.value.possible_from == date(2027, 1, 15) and "2027-01-15" in str(caught.value)
    assert counts(admin) == before
    check = repair.eligibility(record.id)
    assert not check.possible and check.possible_from == date(2027, 1, 15)
    assert repair.eligibility(record.id, on="2027-01-15").possible


def test_a_minor_record_may_be_repaired_at_once(admin: Services, repair: RepairService) -> None:
    record = _record(admin, severity="轻微", decided_on="2026-11-02")
    assert record.publication_earliest_end is None
    assert repair.apply(record.id, _draft(applied_on="2026-11-03")).state is RepairState.SUBMITTED


def test_denied_repair_changes_nothing_and_may_be_applied_for_again(admin: Services, repair: RepairService) -> None:
    record = _record(admin)
    row = repair.accept(repair.apply(record.id, _draft()).id)
    row = repair.decide(row.id, outcome="不予", reason="罚款尚未缴清")
    assert row.state is RepairState.DENIED and row.effects == ()
    assert admin.records.for_person(record.person_id)[0].state is RecordState.ACTIVE
    again = repair.refuse(repair.apply(record.id, _draft(applied_on="2026-11-27")).id, reason="材料不全")
    assert again.state is RepairState.NOT_ACCEPTED
    assert [r.state for r in repair.search(record_id=record.id)] == [RepairState.NOT_ACCEPTED, RepairState.DENIED]


def test_bad_repair_input_is_refused_and_changes_nothing(admin: Services, repair: RepairService) -> None:
    honest = _record(admin, kind="嘉奖", severity=None, document_no="嘉1")
    revoked = _record(admin, document_no="撤1")
    admin.records.revoke(revoked.id, reason="录入错误")
    objected = _record(admin, document_no="异1")
    ObjectionService(admin.ctx).file(objected.id, ObjectionDraft(applicant="张三", grounds="有误"))
    fine = _record(admin, 2, document_no="正常1")
    decided = repair.decide(repair.accept(repair.apply(_record(admin, document_no="已1").id, _draft()).id).id,
                            outcome="准予", reason="符合条件")
    calls: list[tuple[str, Callable[[], object], str]] = [
        ("a 守信 record", lambda: repair.apply(honest.id, _draft()), "record"),
        ("a revoked record", lambda: repair.apply(revoked.id, _draft()), "record"),
        ("a record under objection", lambda: repair.apply(objected.id, _draft()), "record"),
        ("a repaired record", lambda: repair.apply(decided.record_id, _draft()), "record"),
        ("before the decision date", lambda: repair.apply(fine.id, _draft(applied_on="2026-03-01")), "applied_on"),
        ("in the future", lambda: repair.apply(fine.id, _draft(applied_on="2026-11-28")), "applied_on"),
        ("obligations not met", lambda: repair.apply(fine.id, _draft(obligations_met=False)), "obligations"),
        ("no proof", lambda: repair.apply(fine.id, _draft(proof=())), "proof"),
        ("no commitment letter", lambda: repair.apply(fine.id, _draft(commitment=())), "commitment"),
        ("decide a decided application", lambda: repair.decide(decided.id, outcome="不予", reason="x"),
         "application"),
        ("unknown outcome", lambda: repair.decide(decided.id, outcome="也许", reason="x"), "outcome"),
        ("no reason", lambda: repair.refuse(decided.id, reason=""), "reason"),
    ]
    for name, call, field in calls:
        before = counts(admin)
        with pytest.raises(IntegrityFilesError) as caught:
            call()
        assert caught.value.field == field, name
        assert counts(admin) == before, name
    open_row = repair.apply(fine.id, _draft())
    with pytest.raises(StateError):
        repair.apply(fine.id, _draft())                     # one open application per record
    with pytest.raises(ValidationError) as caught:
        repair.accept(open_row.id, on="2026-11-19")         # before the application
    assert caught.value.field == "on"
    with pytest.raises(StateError):
        repair.decide(open_row.id, outcome="准予", reason="x")  # not accepted yet
    with pytest.raises(StateError) as refused:
        admin.records.revoke(fine.id, reason="x")          # the record waits for the repair decision
    assert refused.value.code == "record_under_repair"
    assert admin.maintenance.verify().ok


def test_clerks_apply_and_reviewers_decide(admin: Services) -> None:
    record = _record(admin)
    admin.users.add("clerk1", Role.CLERK.value, "clerk passphrase 11")
    admin.users.add("reviewer1", Role.REVIEWER.value, "reviewer passphrase 1")
    clerk, reviewer = sign_in(admin, "clerk1", "clerk passphrase 11"), sign_in(admin, "reviewer1",
                                                                               "reviewer passphrase 1")
    try:
        row = RepairService(clerk.ctx).apply(record.id, _draft())
        with pytest.raises(PermissionDenied):
            RepairService(clerk.ctx).accept(row.id)
        with pytest.raises(PermissionDenied):
            RepairService(reviewer.ctx).apply(record.id, _draft())
        RepairService(reviewer.ctx).accept(row.id)
        assert RepairService(reviewer.ctx).decide(row.id, outcome="准予", reason="符合").state is RepairState.GRANTED
    finally:
        clerk.close()
        reviewer.close()


def test_publication_ends_when_its_latest_end_has_passed(admin: Services, repair: RepairService) -> None:
    due = _record(admin, decided_on="2025-11-26", document_no="期满1")            # latest end 2026-11-26
    on_the_day = _record(admin, decided_on="2025-11-27", document_no="当日1")     # latest end today: not yet
    sanctioned = _record(admin, 2, kind="纪律处分", sanction="记大过", decided_on="2025-06-01", document_no="处分1")
    objected = _record(admin, 2, decided_on="2025-01-05", document_no="异议1")
    ObjectionService(admin.ctx).file(objected.id, ObjectionDraft(applicant="李四", grounds="有误"))
    result = repair.expire_due()
    assert result.expired == (due.id,)
    states = {r.document_no: r.state for p in (1, 2) for r in admin.persons.show(
        id_number(p, female=p == 2)).records}
    assert states == {"期满1": RecordState.EXPIRED, "当日1": RecordState.ACTIVE, "处分1": RecordState.ACTIVE,
                      "异议1": RecordState.ACTIVE}
    assert sanctioned.sanction_end == date(2026, 12, 1) and on_the_day.publication_latest_end == date(2026, 11, 27)
    with admin.ctx.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "record.expire")).one()
    assert entry.user_name == "system" and entry.detail["opened_by"] == "admin"
    assert repair.expire_due().expired == ()  # idempotent, and writes nothing the second time
    with pytest.raises(ValidationError):
        repair.expire_due(date(2026, 12, 1))
    assert admin.maintenance.verify().ok


def test_a_new_profile_never_rewrites_decisions_already_taken(admin: Services) -> None:
    policy = PolicyService(admin.ctx)
    old = _record(admin, decided_on="2026-01-31")
    old_objection = ObjectionService(admin.ctx).file(old.id, ObjectionDraft(applicant="张三", grounds="有误",
                                                                            received_on="2026-11-26"))
    view = policy.update({"publication.ordinary.latest_months": "18", "objection.accept_days": "5"},
                         note="省信用办2026年第3号通知")
    assert view.version == 2 and [v.version for v in policy.history()] == [1, 2]
    new = _record(admin, 2, decided_on="2026-01-31", document_no="新规1")
    assert new.publication_latest_end == date(2027, 7, 31) and old.publication_latest_end == date(2027, 1, 31)
    with admin.ctx.read() as s:
        versions = {no: v for no, v in s.execute(select(IntegrityRecord.document_no, IntegrityRecord.policy_version))}
    assert versions == {old.document_no: 1, "新规1": 2}
    assert admin.records.for_person(old.person_id)[0].publication_latest_end == date(2027, 1, 31)
    new_objection = ObjectionService(admin.ctx).file(new.id, ObjectionDraft(applicant="李四", grounds="有误",
                                                                            received_on="2026-11-26"))
    assert ObjectionService(admin.ctx).get(old_objection.id).deadline.due_on == date(2026, 11, 30)   # 2 days
    assert new_objection.deadline.due_on == date(2026, 12, 3)                                      # 5 days
    assert policy.version(1).settings["objection.accept_days"] == 2
    assert admin.maintenance.verify().ok


def test_only_the_administrator_edits_the_profile(admin: Services) -> None:
    admin.users.add("reviewer1", Role.REVIEWER.value, "reviewer passphrase 1")
    reviewer = sign_in(admin, "reviewer1", "reviewer passphrase 1")
    try:
        assert PolicyService(reviewer.ctx).current().version == 1
        with pytest.raises(PermissionDenied):
            PolicyService(reviewer.ctx).update({"objection.accept_days": "3"}, note="x")
    finally:
        reviewer.close()
    with pytest.raises(ValidationError) as caught:
        PolicyService(admin.ctx).update({"objection.accept_days": "2"}, note="没有变化")
    assert caught.value.field == "settings"
