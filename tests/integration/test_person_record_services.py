"""Persons and records through the services, on a real SQLCipher archive."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop_app.domain.consequences import Flag
from desktop_app.domain.enums import RecordState
from desktop_app.errors import DuplicateError, NotFoundError, StateError, ValidationError
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.models import AuditEntry, Change, IntegrityRecord, Person, Revision
from tests.factories import id_number

UNIT = "广州市天河区人力资源和社会保障局"


def _counts(services: Services) -> dict[str, int]:
    with services.ctx.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) or 0
                for m in (Person, IntegrityRecord, Change, AuditEntry, Revision)}


def _sanction(**over: object) -> RecordDraft:
    values: dict[str, object] = dict(kind="纪律处分", severity="一般", sanction="记过", decided_on="2026-03-02",
                                     document_no="天纪发〔2026〕3号", authority="天河区纪委监委",
                                     facts="违规发放津贴补贴")
    values.update(over)
    return RecordDraft(**values)  # type: ignore[arg-type]


def test_person_add_derives_identity_and_writes_change_and_audit(admin: Services) -> None:
    before = _counts(admin)
    row = admin.persons.add(PersonDraft(name="王五", id_number=id_number(3, born=date(1990, 2, 28)).lower(),
                                        unit_name=UNIT))
    assert row.birth_date == date(1990, 2, 28) and row.gender.label == "男"
    assert row.id_number_masked.startswith("440106********")
    after = _counts(admin)
    assert after["Person"] == before["Person"] + 1
    assert after["Change"] == before["Change"] + 1 and after["AuditEntry"] == before["AuditEntry"] + 1
    with admin.ctx.read() as s:
        change = s.scalars(select(Change).order_by(Change.seq.desc())).first()
    assert change is not None and change.entity == "person" and change.entity_id == row.id
    assert change.values["name"] == "王五" and change.base_version == 0 and change.new_version == 1


@pytest.mark.parametrize(("draft", "field"), [
    (PersonDraft(name="", id_number=id_number(5), unit_name=UNIT), "name"),
    (PersonDraft(name="赵六", id_number=id_number(5)[:-1] + "0", unit_name=UNIT), "id_number"),
    (PersonDraft(name="赵六", id_number="44010619850230001X", unit_name=UNIT), "id_number"),
    (PersonDraft(name="赵六", id_number=id_number(5), unit_name="不存在的单位"), "unit"),
    (PersonDraft(name="赵\u202e六", id_number=id_number(5), unit_name=UNIT), "name"),
    (PersonDraft(name="赵六", id_number=id_number(1), unit_name=UNIT), "id_number"),
])
def test_bad_person_input_names_the_field_and_writes_nothing(admin: Services, draft: PersonDraft,
                                                             field: str) -> None:
    before = _counts(admin)
    with pytest.raises((ValidationError, NotFoundError, DuplicateError)) as caught:
        admin.persons.add(draft)
    assert caught.value.field == field
    assert _counts(admin) == before


def test_search_by_name_pinyin_initials_id_and_unit(admin: Services) -> None:
    admin.persons.add(PersonDraft(name="张三丰", id_number=id_number(9), unit_name=UNIT))

    def names(text: str) -> list[str]:
        return [r.name for r in admin.persons.search(text)]

    assert names("张三") == ["张三", "张三丰"]
    assert names("zhangsan") == ["张三", "张三丰"]
    assert names("zs") == ["张三", "张三丰"]
    assert names("ZSF") == ["张三丰"]
    assert names("ls") == ["李四"]
    assert names(id_number(2, female=True)) == ["李四"]
    assert names(id_number(2, female=True)[-4:]) == ["李四"]
    assert names("天河区人力") == ["李四", "张三", "张三丰"]
    assert names("nobody") == []
    assert admin.persons.count("zs") == 2
    ids = admin.persons.search_ids("zs")
    assert [r.name for r in admin.persons.rows_by_ids(list(reversed(ids)))] == ["张三丰", "张三"]


def test_edit_keeps_history_and_bumps_version(admin: Services) -> None:
    row = admin.persons.edit(id_number(1), post="副处长", rank="二级调研员", reason="职务晋升")
    assert (row.post, row.rank, row.version) == ("副处长", "二级调研员", 2)
    assert admin.persons.edit(id_number(1), post="副处长").version == 2  # no change, no new version
    with admin.ctx.read() as s:
        revision = s.scalars(select(Revision).where(Revision.entity_id == row.id)).one()
    assert revision.values["post"] == "科长" and revision.reason == "职务晋升"
    assert [e.action for e in admin.persons.history(row.id)][:1] == ["person.update"]


def test_record_lifecycle_never_deletes(admin: Services) -> None:
    person = admin.persons.search("张三")[0]
    record = admin.records.add(person.id, _sanction())
    assert record.state is RecordState.ACTIVE
    assert record.sanction_end == date(2027, 3, 2)  # 记过: 12 months
    assert record.publication_earliest_end == date(2026, 6, 2)  # 一般: at least 3 months
    assert record.publication_latest_end == date(2027, 3, 2)  # at most 1 year
    flags = {f.flag for f in admin.persons.show(id_number(1)).flags}
    assert flags == {Flag.RESTRICTED_AWARDS, Flag.IN_SANCTION}
    corrected = admin.records.correct(record.id, _sanction(sanction="警告", facts="违规发放津贴补贴（更正）"),
                                      reason="处分决定更正")
    assert corrected.sanction_end == date(2026, 9, 2) and corrected.version == 2
    revoked = admin.records.revoke(record.id, reason="复查撤销")
    assert revoked.state is RecordState.REVOKED and revoked.state_reason == "复查撤销"
    with pytest.raises(StateError):
        admin.records.correct(record.id, _sanction(), reason="再改")
    with pytest.raises(StateError):
        admin.records.revoke(record.id, reason="再撤")
    file = admin.persons.show(id_number(1))
    assert [r.state for r in file.records] == [RecordState.REVOKED]  # still in the file
    assert file.flags == ()
    assert admin.persons.count(flag=Flag.RESTRICTED_AWARDS) == 0


def test_draft_records_do_not_count_until_activated(admin: Services) -> None:
    person = admin.persons.search("李四")[0]
    draft = admin.records.add(person.id, _sanction(draft=True))
    assert draft.state is RecordState.DRAFT and admin.persons.count(flag=Flag.IN_SANCTION) == 0
    admin.records.activate(draft.id)
    assert admin.persons.count(flag=Flag.IN_SANCTION) == 1
    with pytest.raises(StateError):
        admin.records.activate(draft.id)


@pytest.mark.parametrize(("over", "field"), [
    ({"kind": "打架"}, "kind"),
    ({"severity": None}, "severity"),
    ({"severity": "非常严重"}, "severity"),
    ({"kind": "行政处罚", "sanction": "记过"}, "sanction"),
    ({"decided_on": "2026-02-30"}, "decided_on"),
    ({"decided_on": "2027-01-01"}, "decided_on"),
    ({"decided_on": "1980-01-01"}, "decided_on"),  # before the person was born
    ({"document_no": " "}, "document_no"),
    ({"facts": "x" * 20_001}, "facts"),
])
def test_bad_record_input_names_the_field_and_writes_nothing(admin: Services, over: dict[str, object],
                                                             field: str) -> None:
    person = admin.persons.search("张三")[0]
    before = _counts(admin)
    with pytest.raises(ValidationError) as caught:
        admin.records.add(person.id, _sanction(**over))
    assert caught.value.field == field
    assert _counts(admin) == before


def test_commendation_needs_no_severity_and_sets_no_flag(admin: Services) -> None:
    person = admin.persons.search("张三")[0]
    row = admin.records.add(person.id, RecordDraft(kind="嘉奖", decided_on=date(2025, 12, 1),
                                                   document_no="穗府〔2025〕1号", authority="广州市人民政府",
                                                   facts="年度考核优秀，予以嘉奖"))
    assert row.polarity.label == "守信" and row.publication_start is None
    assert admin.persons.show(id_number(1)).flags == ()
    with pytest.raises(ValidationError, match="失信"):
        admin.records.correct(row.id, _sanction(), reason="改成失信")


def test_assessment_set_and_corrected(admin: Services) -> None:
    person = admin.persons.search("张三")[0]
    admin.records.set_assessment(person.id, 2025, "优秀")
    admin.records.set_assessment(person.id, 2025, "称职")
    assert [(a.year, a.grade.label) for a in admin.persons.show(id_number(1)).assessments] == [(2025, "称职")]
    with pytest.raises(ValidationError):
        admin.records.set_assessment(person.id, 2030, "优秀")


def test_reveal_is_audited(admin: Services) -> None:
    person = admin.persons.search("张三")[0]
    assert admin.persons.reveal_id_number(person.id) == id_number(1)
    assert admin.persons.history(person.id)[0].action == "person.reveal_id"


def test_verify_after_every_kind_of_write(admin: Services) -> None:
    person = admin.persons.search("张三")[0]
    record = admin.records.add(person.id, _sanction())
    admin.records.correct(record.id, _sanction(facts="更正后的事实"), reason="更正")
    admin.persons.edit(id_number(2, female=True), unit_name=UNIT, post="副科长")
    admin.users.add("clerk1", "clerk", "clerk passphrase 1")
    admin.users.remove("clerk1")
    report = admin.maintenance.verify()
    assert report.ok, report.lines()
