from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import islice

import pytest

from desktop_app.demo import names
from desktop_app.demo.generator import DemoGenerator, PersonSeed, RecordSeed, UnitSeed
from desktop_app.domain.divisions import division_table
from desktop_app.domain.enums import (
    AssessmentGrade,
    Gender,
    PersonStatus,
    RecordKind,
    RecordState,
    Severity,
    UnitLevel,
)
from desktop_app.domain.id_number import parse_id_number
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.domain.uscc import is_organ, parse_uscc, uscc_division_code

TODAY = date(2025, 6, 1)
CHINESE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
Sample = tuple[list[UnitSeed], list[PersonSeed], list[RecordSeed]]


def generator(seed: int = 2017) -> DemoGenerator:
    return DemoGenerator(seed, today=TODAY)


@pytest.fixture(scope="module")
def sample() -> Sample:
    gen = generator()
    units = gen.units()
    persons = list(gen.persons(1000, units))
    records = [r for p in persons for r in gen.records(p)]
    return units, persons, records


# --- determinism ----------------------------------------------------------------------------------

def test_same_seed_same_output() -> None:
    a, b = generator(7), generator(7)
    units_a, units_b = a.units(), b.units()
    assert units_a == units_b
    persons_a = list(a.persons(300, units_a))
    assert persons_a == list(b.persons(300, units_b))
    assert [a.records(p) for p in persons_a] == [b.records(p) for p in persons_a]
    assert [a.assessments(p) for p in persons_a] == [b.assessments(p) for p in persons_a]


def test_different_seed_different_output() -> None:
    a, b = generator(1), generator(2)
    assert a.units() != b.units()
    assert list(a.persons(50, a.units())) != list(b.persons(50, b.units()))


def test_records_do_not_depend_on_call_order() -> None:
    a, b = generator(), generator()
    persons = list(a.persons(200, a.units()))
    forward = [a.records(p) for p in persons]
    list(b.persons(0, b.units()))  # registers the units only
    backward = [b.records(p) for p in reversed(persons)]
    assert forward == backward[::-1]


def test_smaller_counts_are_prefixes() -> None:
    gen = generator()
    units = gen.units()
    assert gen.units(20) == units[:20]
    assert list(gen.persons(100, units)) == list(islice(gen.persons(300, units), 100))


def test_persons_are_streamed() -> None:
    gen = generator()
    stream = gen.persons(10**9, gen.units())  # would never finish if it built a list
    assert len(list(islice(stream, 3))) == 3


# --- units ----------------------------------------------------------------------------------------

def test_default_units_form_a_valid_hierarchy() -> None:
    units = generator().units()
    assert 50 <= len(units) <= 70
    table = division_table()
    by_key = {u.key: u for u in units}
    assert len(by_key) == len(units)
    assert len({u.uscc for u in units}) == len(units)
    assert len({u.name for u in units}) == len(units)
    for index, unit in enumerate(units):
        assert parse_uscc(unit.uscc) == unit.uscc
        assert is_organ(unit.uscc)
        assert uscc_division_code(unit.uscc) == unit.division_code
        division = table.require(unit.division_code)
        assert unit.level is (UnitLevel.CITY if division.level == "city" else UnitLevel.COUNTY)
        assert division.name in unit.name
        if unit.parent_key is not None:
            parent = by_key[unit.parent_key]
            assert units.index(parent) < index  # parents come first, so inserts can run in order
            assert parent.level is UnitLevel.CITY and unit.level is UnitLevel.COUNTY
            assert parent.division_code == division.parent
    levels = Counter(u.level for u in units)
    assert levels[UnitLevel.CITY] >= 10 and levels[UnitLevel.COUNTY] >= 10
    assert any(u.parent_key for u in units)


def test_large_unit_counts_and_limits() -> None:
    gen = generator()
    units = gen.units(500)
    assert len(units) == 500
    assert all(parse_uscc(u.uscc) == u.uscc for u in units)
    with pytest.raises(ValueError):
        gen.units(0)
    with pytest.raises(ValueError, match="at most"):
        gen.units(100_000)


# --- persons --------------------------------------------------------------------------------------

def test_id_numbers_valid_and_unique_over_20000_persons() -> None:
    gen = generator()
    persons = list(gen.persons(20_000, gen.units()))
    numbers = [p.id_number for p in persons]
    assert len(set(numbers)) == len(numbers)
    table = division_table()
    old = 0
    for number in numbers:
        parsed = parse_id_number(number, today=TODAY)
        assert date(1965, 1, 1) <= parsed.birth_date <= date(2000, 12, 31)
        assert parsed.division_code.startswith("44")
        if table.get(parsed.division_code) is None:
            assert parsed.division_code in names.OLD_COUNTY_CODES
            old += 1
    assert 0.01 < old / len(numbers) < 0.04  # ~2% abolished county codes


def test_id_numbers_unique_when_crowded() -> None:
    # With this `today` every demo person is born on 1965-01-01, so the 500 sequence numbers per
    # (division, birthday, gender) run out and people must move to other divisions.
    gen = DemoGenerator(3, today=date(1984, 12, 27))
    persons = list(gen.persons(8000, gen.units(1)))
    assert len({p.id_number for p in persons}) == 8000
    assert {p.id_number[6:14] for p in persons} == {"19650101"}
    slots = Counter((p.id_number[:6], int(p.id_number[16]) % 2) for p in persons)
    assert max(slots.values()) == 500
    for person in persons[:50]:
        parse_id_number(person.id_number, today=date(1984, 12, 27))


def test_today_too_early_for_adult_birth_dates() -> None:
    gen = DemoGenerator(3, today=date(1984, 12, 26))
    with pytest.raises(ValueError, match="no birth dates"):
        list(gen.persons(1, gen.units(1)))


def test_person_fields(sample: Sample) -> None:
    units, persons, _ = sample
    unit_keys = {u.key for u in units}
    assert len({p.key for p in persons}) == len(persons)
    for person in persons:
        assert CHINESE_NAME.fullmatch(person.name), person.name
        assert person.unit_key in unit_keys
        assert person.post and person.rank.endswith(("科员", "调研员", "巡视员"))
        assert date(2017, 1, 1) <= person.file_opened_on <= TODAY
    statuses = Counter(p.status for p in persons)
    assert statuses[PersonStatus.SERVING] > 0.8 * len(persons)
    genders = Counter(parse_id_number(p.id_number, today=TODAY).gender for p in persons)
    assert genders[Gender.MALE] > 0.4 * len(persons) and genders[Gender.FEMALE] > 0.3 * len(persons)


def test_names_are_two_to_four_chinese_characters() -> None:
    gen = generator(99)
    lengths = Counter(len(p.name) for p in gen.persons(5000, gen.units()))
    assert set(lengths) <= {2, 3, 4}
    assert lengths[2] and lengths[3] and lengths[4]  # single given names and compound surnames occur


def test_persons_argument_checks() -> None:
    gen = generator()
    with pytest.raises(ValueError):
        gen.persons(10, [])
    with pytest.raises(ValueError):
        gen.persons(-1, gen.units())


# --- records --------------------------------------------------------------------------------------

def test_every_kind_state_and_severity_in_1000_persons(sample: Sample) -> None:
    _, _, records = sample
    assert {r.kind for r in records} == set(RecordKind)
    assert {r.state for r in records} == set(RecordState)
    assert {r.severity for r in records} == set(Severity)


@pytest.mark.parametrize("seed", [1, 42, 31337])
def test_every_kind_and_state_for_other_seeds(seed: int) -> None:
    gen = generator(seed)
    records = [r for p in gen.persons(1000, gen.units()) for r in gen.records(p)]
    assert {r.kind for r in records} == set(RecordKind)
    assert {r.state for r in records} == set(RecordState)


def test_record_shares(sample: Sample) -> None:
    _, persons, records = sample
    with_records = {r.person_key for r in records}
    dishonest = {r.person_key for r in records if r.kind.polarity.value == "dishonest"}
    honest = {r.person_key for r in records if r.kind.polarity.value == "honest"}
    assert 0.22 < len(with_records) / len(persons) < 0.38
    assert 0.08 < len(dishonest) / len(persons) < 0.17
    assert 0.15 < len(honest) / len(persons) < 0.27


def test_sanction_only_with_discipline(sample: Sample) -> None:
    _, persons, records = sample
    status = {p.key: p.status for p in persons}
    for record in records:
        assert (record.sanction is not None) == (record.kind is RecordKind.DISCIPLINE)
        if record.sanction is not None and record.sanction.value == "dismissal":
            assert status[record.person_key] is not PersonStatus.SERVING


def test_sanction_text_matches_record_and_policy(sample: Sample) -> None:
    _, _, records = sample
    periods = 0
    for record in records:
        if record.sanction is None:
            continue
        assert f"给予其{record.sanction.label}处分" in record.facts
        if "处分期为" in record.facts:
            periods += 1
            assert f"处分期为{DEFAULT_POLICY.sanction_months[record.sanction]}个月" in record.facts
    assert periods


def test_expired_records_are_old(sample: Sample) -> None:
    _, _, records = sample
    expired = [r for r in records if r.state is RecordState.EXPIRED]
    assert expired
    assert all(r.decided_on < date(2022, 6, 1) for r in expired)  # more than 3 years before TODAY


def test_expiry_cutoff_on_feb_29() -> None:
    gen = DemoGenerator(5, today=date(2024, 2, 29))
    records = [r for p in gen.persons(1000, gen.units()) for r in gen.records(p)]
    assert all(r.decided_on < date(2021, 2, 28) for r in records if r.state is RecordState.EXPIRED)


def test_record_fields(sample: Sample) -> None:
    _, persons, records = sample
    born = {p.key: parse_id_number(p.id_number, today=TODAY).birth_date for p in persons}
    for record in records:
        assert record.decided_on <= TODAY
        assert record.decided_on.year - born[record.person_key].year >= 21
        assert re.fullmatch(r".+〔\d{4}〕\d+号|（\d{4}）粤\d{2,4}(刑初|执)\d+号", record.document_no), \
            record.document_no
        assert str(record.decided_on.year) in record.document_no
        assert record.authority
        sentences = [s for s in record.facts.split("。") if s]
        assert 1 <= len(sentences) <= 3
        assert record.facts.endswith("。")
        assert "{" not in record.facts
        if record.kind.polarity.value == "honest":
            assert record.severity is Severity.ORDINARY
            assert record.state in (RecordState.ACTIVE, RecordState.DRAFT, RecordState.REVOKED)


def test_records_are_sorted_and_keyed(sample: Sample) -> None:
    _, persons, _ = sample
    gen = generator()
    gen.units()
    for person in persons[:300]:
        records = gen.records(person)
        assert [r.decided_on for r in records] == sorted(r.decided_on for r in records)
        assert all(r.person_key == person.key for r in records)


def test_records_need_known_unit() -> None:
    gen = generator()
    person = next(gen.persons(1, gen.units()))
    with pytest.raises(KeyError, match="unknown unit"):
        generator().records(person)


# --- assessments ----------------------------------------------------------------------------------

def test_assessments(sample: Sample) -> None:
    _, persons, _ = sample
    gen = generator()
    grades: Counter[AssessmentGrade] = Counter()
    for person in persons:
        born = parse_id_number(person.id_number, today=TODAY).birth_date
        assessments = gen.assessments(person)
        assert [a.year for a in assessments] == [y for y in (2022, 2023, 2024) if y >= born.year + 22]
        assert all(a.person_key == person.key for a in assessments)
        grades.update(a.grade for a in assessments)
    total = sum(grades.values())
    assert 0.12 < grades[AssessmentGrade.EXCELLENT] / total < 0.22
    assert grades[AssessmentGrade.COMPETENT] / total > 0.7
    assert 0 < grades[AssessmentGrade.BASICALLY_COMPETENT] / total < 0.06


def test_assessment_years_parameter() -> None:
    gen = generator()
    person = next(p for p in gen.persons(100, gen.units()) if p.id_number[6:10] < "1990")
    assert [a.year for a in gen.assessments(person, years=5)] == [2020, 2021, 2022, 2023, 2024]
    assert gen.assessments(person, years=0) == []
