"""Objections through the services on real SQLCipher archives: the record shows 异议处理中 while
open, decisions change it through the record write path, bad input changes nothing, and the audit
chain still verifies."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop_app.domain.consequences import Flag
from desktop_app.domain.enums import RecordState, Role, Severity
from desktop_app.domain.objections import ObjectionOutcome, ObjectionState
from desktop_app.errors import IntegrityFilesError, PermissionDenied, StateError, ValidationError
from desktop_app.services import Services
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.objections import ObjectionDecision, ObjectionDraft, ObjectionService, RecordCorrection
from desktop_app.services.records import RecordDraft
from desktop_app.services.rows import RecordRow
from desktop_app.store.models import AuditEntry, Change, IntegrityRecord, Revision
from desktop_app.store.models.objections import Attachment, Blob, Objection
from tests.conftest import sign_in
from tests.factories import id_number

SECRET = b"%PDF-1.4 evidence: unique marker 7f3a9c-objection-bytes"


def _record(services: Services, who: int = 1, **over: object) -> RecordRow:
    values: dict[str, object] = dict(kind="纪律处分", severity="一般", sanction="记过", decided_on="2026-03-02",
                                     document_no="天纪发〔2026〕3号", authority="天河区纪委监委",
                                     facts="违规发放津贴补贴")
    values.update(over)
    person = services.persons.show(id_number(who, female=who == 2)).person
    return services.records.add(person.id, RecordDraft(**values))  # type: ignore[arg-type]


def _draft(**over: object) -> ObjectionDraft:
    values: dict[str, object] = dict(applicant="张三", grounds="处分决定所列金额有误，已全额退还",
                                     received_on="2026-11-25",
                                     evidence=(EvidenceFile("退款凭证.pdf", SECRET),))
    values.update(over)
    return ObjectionDraft(**values)  # type: ignore[arg-type]


def counts(services: Services) -> dict[str, int]:
    with services.ctx.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) or 0
                for m in (Objection, Attachment, Blob, Change, AuditEntry, Revision, IntegrityRecord)}


def _flags(services: Services, who: int = 1) -> set[Flag]:
    return {f.flag for f in services.persons.show(id_number(who, female=who == 2)).flags}


@pytest.fixture
def objections(admin: Services) -> ObjectionService:
    return ObjectionService(admin.ctx)


def test_filing_marks_the_record_everywhere_and_keeps_evidence_encrypted(admin: Services,
                                                                        objections: ObjectionService) -> None:
    record = _record(admin)
    assert _flags(admin) == {Flag.RESTRICTED_AWARDS, Flag.IN_SANCTION}
    row = objections.file(record.id, _draft())
    assert row.state is ObjectionState.REGISTERED and row.deadline.due_on == date(2026, 11, 27)
    assert not row.deadline.overdue and row.policy_version == 1
    shown = admin.persons.show(id_number(1))
    assert shown.records[0].under_objection and shown.records[0].display_state == "异议处理中"
    assert {f.flag for f in shown.flags} == {Flag.UNDER_OBJECTION, Flag.IN_SANCTION}  # awards no longer restricted
    assert admin.persons.search(flag=Flag.UNDER_OBJECTION)[0].name == "张三"
    assert admin.persons.search(flag=Flag.RESTRICTED_AWARDS) == []
    [attachment] = row.attachments
    assert attachment.size == len(SECRET) and len(attachment.sha256) == 64
    assert objections.evidence_content(attachment.id) == (attachment, SECRET)
    assert admin.maintenance.verify().ok
    admin.ctx.archive.engine.dispose()
    path = admin.ctx.archive.path
    for file in (path, *path.parent.glob(path.name + "-*")):
        assert b"unique marker" not in file.read_bytes()


def test_accept_verify_and_uphold(admin: Services, objections: ObjectionService) -> None:
    record = _record(admin)
    row = objections.file(record.id, _draft())
    row = objections.accept(row.id, on="2026-11-26")
    assert row.state is ObjectionState.ACCEPTED and row.deadline.due_on == date(2026, 11, 30)
    row = objections.start_verification(row.id, on="2026-11-27")
    assert row.state is ObjectionState.VERIFYING and row.deadline.due_on == date(2026, 12, 11)
    row = objections.decide(row.id, ObjectionDecision(outcome="维持", reply="经核查，处分决定事实清楚，予以维持。",
                                                     findings="提供单位复核确认金额无误"))
    assert row.state is ObjectionState.CLOSED and row.outcome is ObjectionOutcome.UPHELD
    assert row.deadline.due_on is None and row.closed_on == date(2026, 11, 27)
    assert not admin.records.for_person(record.person_id)[0].under_objection
    assert _flags(admin) == {Flag.RESTRICTED_AWARDS, Flag.IN_SANCTION}
    assert admin.maintenance.verify().ok


def test_correction_goes_through_the_record_write_path(admin: Services, objections: ObjectionService) -> None:
    record = _record(admin)
    row = objections.accept(objections.file(record.id, _draft()).id)
    correction = RecordCorrection(severity="轻微", facts="违规发放津贴补贴（金额已更正）")
    row = objections.decide(row.id, ObjectionDecision(outcome="更正", reply="已更正", correction=correction))
    assert row.outcome is ObjectionOutcome.CORRECTED
    after = admin.records.for_person(record.person_id)[0]
    assert after.severity is Severity.MINOR and after.publication_latest_end is None and not after.under_objection
    assert after.sanction_end == record.sanction_end  # the sanction grade was not part of the correction
    with admin.ctx.read() as s:
        revisions = s.scalars(select(Revision).where(Revision.entity_id == record.id)).all()
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.object_id == record.id.hex)).all()
    assert any(r.values["severity"] == "ordinary" for r in revisions)  # the original stays in the history
    assert "record.correct" in actions
    assert admin.maintenance.verify().ok


def test_a_correction_that_changes_nothing_is_refused(admin: Services, objections: ObjectionService) -> None:
    row = objections.accept(objections.file(_record(admin).id, _draft()).id)
    before = counts(admin)
    with pytest.raises(ValidationError) as caught:
        objections.decide(row.id, ObjectionDecision(outcome="更正", reply="已更正", correction=RecordCorrection()))
    assert caught.value.field == "correction" and counts(admin) == before


def test_revocation_and_unconfirmable(admin: Services, objections: ObjectionService) -> None:
    first, second = _record(admin), _record(admin, 2, document_no="天纪发〔2026〕4号", sanction=None)
    a = objections.accept(objections.file(first.id, _draft()).id)
    objections.decide(a.id, ObjectionDecision(outcome="撤销", reply="原处分已被撤销", findings="原决定机关已撤销处分"))
    revoked = admin.records.for_person(first.person_id)[0]
    assert revoked.state is RecordState.REVOKED and "异议撤销" in revoked.state_reason
    assert _flags(admin) == set()
    b = objections.accept(objections.file(second.id, _draft(applicant="李四")).id)
    objections.decide(b.id, ObjectionDecision(outcome="无法确认", reply="暂无法确认",
                                              findings="提供单位未能提供原始材料"))
    kept = admin.records.for_person(second.person_id)[0]
    assert kept.state is RecordState.ACTIVE and kept.state_reason == "异议无法确认：提供单位未能提供原始材料"
    assert _flags(admin, 2) == {Flag.RESTRICTED_AWARDS}
    assert admin.maintenance.verify().ok


def test_refusal_ends_the_objection(admin: Services, objections: ObjectionService) -> None:
    row = objections.refuse(objections.file(_record(admin).id, _draft()).id, reply="异议申请人非信息主体，不予受理")
    assert row.state is ObjectionState.REFUSED and row.reply.startswith("异议申请人")
    assert _flags(admin) == {Flag.RESTRICTED_AWARDS, Flag.IN_SANCTION}


def _bad_calls(objections: ObjectionService, admin: Services) -> Iterator[tuple[str, Callable[[], object], str]]:
    closed = objections.refuse(objections.file(_record(admin, document_no="A1").id, _draft()).id, reply="不予受理")
    open_row = objections.file(_record(admin, document_no="A2").id, _draft())
    revoked = _record(admin, document_no="A3")
    admin.records.revoke(revoked.id, reason="录入错误")
    fresh = _record(admin, 2, document_no="A4")
    decide = ObjectionDecision(outcome="维持", reply="维持", findings="无误")
    yield "decision on a closed objection", lambda: objections.decide(closed.id, decide), "objection"
    yield "accept a closed objection", lambda: objections.accept(closed.id), "objection"
    yield "decide before accepting", lambda: objections.decide(open_row.id, decide), "objection"
    yield "objection on a revoked record", lambda: objections.file(revoked.id, _draft()), "record"
    yield "second objection while open", lambda: objections.file(open_row.record_id, _draft()), "record"
    yield "received before the decision date", lambda: objections.file(fresh.id, _draft(received_on="2026-03-01")), \
        "received_on"
    yield "received in the future", lambda: objections.file(fresh.id, _draft(received_on="2026-11-28")), "received_on"
    yield "not a date", lambda: objections.file(fresh.id, _draft(received_on="2026-02-30")), "received_on"
    yield "accepted before it was received", lambda: objections.accept(open_row.id, on="2026-11-24"), "on"
    yield "no such objection", lambda: objections.accept(uuid.uuid4()), "objection"
    yield "no such record", lambda: objections.file(uuid.uuid4(), _draft()), "record"
    yield "unknown outcome", lambda: objections.decide(open_row.id, ObjectionDecision(outcome="驳回", reply="x")), \
        "outcome"
    yield "empty grounds", lambda: objections.file(fresh.id, _draft(grounds=" ")), "grounds"
    yield "empty evidence file", lambda: objections.file(fresh.id, _draft(evidence=(EvidenceFile("空.pdf", b""),))), \
        "evidence"
    yield "clerk revokes a record under objection", lambda: admin.records.revoke(open_row.record_id, reason="x"), \
        "record"
    objections.accept(open_row.id)
    yield "upheld without a reason", lambda: objections.decide(open_row.id, ObjectionDecision(outcome="维持",
                                                                                              reply="维持")), "findings"
    yield "decided before it was accepted", lambda: objections.decide(open_row.id, ObjectionDecision(
        outcome="维持", reply="维持", findings="无误", on="2026-11-24")), "on"


def test_bad_input_is_refused_with_a_reason_and_changes_nothing(admin: Services,
                                                                 objections: ObjectionService) -> None:
    for name, call, field in _bad_calls(objections, admin):
        before = counts(admin)
        with pytest.raises(IntegrityFilesError) as caught:
            call()
        assert caught.value.field == field, name
        assert counts(admin) == before, name
    assert admin.maintenance.verify().ok


def test_reviewer_override_is_audited_and_restricts_awards(admin: Services, objections: ObjectionService) -> None:
    row = objections.file(_record(admin).id, _draft())
    admin.users.add("reviewer1", Role.REVIEWER.value, "reviewer passphrase 1")
    reviewer = sign_in(admin, "reviewer1", "reviewer passphrase 1")
    try:
        changed = ObjectionService(reviewer.ctx).override_restriction(row.id, restrict=True,
                                                                      reason="异议明显不成立，评优前仍予限制")
        assert changed.restricts_awards
        assert _flags(admin) == {Flag.UNDER_OBJECTION, Flag.RESTRICTED_AWARDS, Flag.IN_SANCTION}
        assert [p.name for p in admin.persons.search(flag=Flag.RESTRICTED_AWARDS)] == ["张三"]
        with pytest.raises(ValidationError):
            ObjectionService(reviewer.ctx).override_restriction(row.id, restrict=True, reason="再次")
    finally:
        reviewer.close()
    with admin.ctx.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "objection.override")).one()
    assert entry.user_name == "reviewer1" and entry.detail["restricts_awards"] is True
    assert admin.maintenance.verify().ok


def test_clerks_register_and_reviewers_decide(admin: Services, objections: ObjectionService) -> None:
    record = _record(admin)
    admin.users.add("clerk1", Role.CLERK.value, "clerk passphrase 11")
    admin.users.add("reviewer1", Role.REVIEWER.value, "reviewer passphrase 1")
    clerk, reviewer = sign_in(admin, "clerk1", "clerk passphrase 11"), sign_in(admin, "reviewer1",
                                                                               "reviewer passphrase 1")
    try:
        row = ObjectionService(clerk.ctx).file(record.id, _draft())
        with pytest.raises(PermissionDenied):
            ObjectionService(clerk.ctx).accept(row.id)
        with pytest.raises(PermissionDenied):
            ObjectionService(reviewer.ctx).file(record.id, _draft())
        ObjectionService(reviewer.ctx).accept(row.id)
        ObjectionService(clerk.ctx).start_verification(row.id)
        done = ObjectionService(reviewer.ctx).decide(row.id, ObjectionDecision(
            outcome="维持", reply="维持", findings="核查无误"))
        assert done.handler == "reviewer1"
    finally:
        clerk.close()
        reviewer.close()


def test_overdue_objections_are_listed_with_working_days_late(admin: Services, objections: ObjectionService) -> None:
    old = _record(admin, decided_on="2025-09-01", document_no="旧1")
    late = objections.file(old.id, _draft(received_on="2025-09-30"))     # accept due 2025-10-10
    objections.file(_record(admin, 2, document_no="新1").id, _draft(received_on="2026-11-26"))  # due 2026-11-30
    overdue = objections.overdue()
    assert [r.id for r in overdue] == [late.id]
    assert overdue[0].deadline.due_on == date(2025, 10, 10) and overdue[0].deadline.days_overdue > 250
    assert objections.count_open() == 2 and len(objections.search(open_only=True)) == 2


def test_evidence_can_be_added_only_while_open(admin: Services, objections: ObjectionService) -> None:
    row = objections.file(_record(admin).id, _draft(evidence=()))
    row = objections.add_evidence(row.id, [EvidenceFile("C:\\Users\\hr\\Desktop\\说明.docx", b"doc"),
                                           EvidenceFile("../../etc/情况说明.pdf", SECRET)])
    assert sorted(a.file_name for a in row.attachments) == ["情况说明.pdf", "说明.docx"]
    objections.refuse(row.id, reply="不予受理")
    with pytest.raises(StateError):
        objections.add_evidence(row.id, [EvidenceFile("晚到.pdf", b"late")])
    with admin.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Blob)) == 2  # same bytes stored once


def test_a_deadline_in_a_year_the_calendar_does_not_know_is_flagged(make_archive: Callable[..., Services]) -> None:
    from desktop_app.services.persons import PersonDraft
    from desktop_app.services.policy import PolicyService
    from tests.factories import organ_uscc

    services = make_archive("late-year.db")
    services.ctx.today = lambda: date(2026, 12, 28)
    services.units.add(name="测试局", uscc=organ_uscc(7), division_code="440106")
    person = services.persons.add(PersonDraft(name="王五", id_number=id_number(5), unit_name="测试局"))
    record = services.records.add(person.id, RecordDraft(kind="行政处罚", severity="一般", decided_on="2026-12-01",
                                                         document_no="罚1", authority="某局", facts="事实"))
    objections = ObjectionService(services.ctx)
    row = objections.start_verification(objections.accept(objections.file(record.id, _draft(received_on=None)).id).id)
    assert row.deadline.estimated and "2027" in (row.deadline.warning or "")
    PolicyService(services.ctx).update({"calendar.2027.holidays": "2027-01-01"}, note="国办发明电〔2026〕X号")
    exact = objections.get(row.id)
    assert not exact.deadline.estimated and exact.deadline.due_on == date(2027, 1, 12)
    assert exact.policy_version == 1  # the number of days stays that of the profile it started under
