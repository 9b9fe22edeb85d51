"""Huge and odd input (issue 9): a 10 MB facts text is refused naming the field; rare CJK (Extension B),
full-width digits and the middle dot of minority names go through the encrypted archive and come back
byte-exact, also after closing and unlocking again; a right-to-left override in a name is refused.
(Formula injection waits for the CLI export path.)"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from desktop_app.errors import ValidationError
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.archive import Archive
from desktop_app.store.models import IntegrityRecord, Person
from tests.factories import PASSPHRASE, TODAY, id_number

UNIT = "广州市天河区人力资源和社会保障局"
ODD_NAMES = [
    "𠀀𪚥",            # U+20000, U+2A6A5: CJK Extension B (4 bytes in UTF-8, surrogate pairs in UTF-16)
    "王𪚥𠀀明",
    "李１２３",         # full-width digits U+FF11..U+FF13
    "阿卜杜·热合曼",     # U+00B7 middle dot of Uyghur names
    "买买提・艾力",      # U+30FB katakana middle dot, as IMEs often type it
]


def _record(facts: str) -> RecordDraft:
    return RecordDraft(kind="纪律处分", severity="一般", sanction="警告", decided_on="2026-03-02",
                       document_no="天纪发〔2026〕5号", authority="天河区纪委监委", facts=facts)


def _record_count(services: Services) -> int:
    with services.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(IntegrityRecord)) or 0)


def test_ten_megabyte_facts_are_refused_naming_the_field(admin: Services) -> None:
    person = admin.persons.show(id_number(1)).person
    before = _record_count(admin)
    with pytest.raises(ValidationError) as caught:
        admin.records.add(person.id, _record("违" * (10 * 1024 * 1024 // 3)))  # 10 MB of UTF-8
    assert caught.value.field == "facts" and "20000" in str(caught.value)
    assert _record_count(admin) == before
    admin.records.add(person.id, _record("违" * 20_000))  # exactly at the limit: accepted


def test_odd_names_round_trip_byte_exact_through_the_archive(admin: Services) -> None:
    numbers = [id_number(100 + i) for i in range(len(ODD_NAMES))]
    for name, number in zip(ODD_NAMES, numbers, strict=True):
        person = admin.persons.add(PersonDraft(name=name, id_number=number, unit_name=UNIT, post="科员"))
        assert person.name == name
        admin.records.add(person.id, _record(f"{name}：事实１２３·𠀀"))
    path = admin.ctx.archive.path
    admin.close()
    archive, user = Archive.unlock(path, "admin", PASSPHRASE)
    again = Services.for_user(archive, user, today=lambda: TODAY)
    try:
        for name, number in zip(ODD_NAMES, numbers, strict=True):
            file = again.persons.show(number)
            assert file.person.name.encode("utf-8") == name.encode("utf-8")
            assert file.records[0].facts.encode("utf-8") == f"{name}：事实１２３·𠀀".encode()
        with again.ctx.read() as s:  # the stored bytes, not only what the service layer returns
            stored = dict(s.execute(text("SELECT id_number, CAST(name AS BLOB) FROM persons")).all())
            assert all(stored[n] == name.encode("utf-8") for name, n in zip(ODD_NAMES, numbers, strict=True))
            assert s.scalar(select(func.count()).select_from(Person)) == 2 + len(ODD_NAMES)
        assert again.maintenance.verify().ok
    finally:
        again.close()


@pytest.mark.parametrize("name", ["\u202e张三", "李\u202e四", "王五\u202e", "\u202d赵六", "\u2067钱七\u2069"])
def test_bidi_overrides_in_names_are_refused(admin: Services, name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        admin.persons.add(PersonDraft(name=name, id_number=id_number(200), unit_name=UNIT))
    assert caught.value.field == "name"
    assert admin.persons.count() == 2
