"""Deterministic, database-free demo data: organs, civil servants, integrity records, assessments.

Every method draws from its own ``random.Random`` seeded from (seed, purpose[, person key]), so the
output of one call never depends on which other calls ran before it: ``records(p)`` is the same
whether the caller walks all persons or just one.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random
from typing import TypeVar

from desktop_app.demo import names
from desktop_app.domain.divisions import Division, division_table
from desktop_app.domain.enums import (
    AssessmentGrade,
    PersonStatus,
    RecordKind,
    RecordState,
    SanctionKind,
    Severity,
    UnitLevel,
)
from desktop_app.domain.id_number import id_check_character
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.domain.uscc import uscc_check_character

T = TypeVar("T")

DEFAULT_UNIT_COUNT = 60
_BIRTH_FIRST = date(1965, 1, 1)
_BIRTH_LAST = date(2000, 12, 31)
_FILES_FIRST = date(2017, 1, 1)  # earliest file opening in the demo
_RECORDS_FIRST = date(2012, 1, 1)
_CAREER_START_DAYS = 22 * 365  # civil servants join at about 22
_EXPIRY_YEARS = 3  # EXPIRED only for decisions older than this

_SURNAME_POOL = tuple(s for s, weight in names.SURNAMES for _ in range(weight))
_MALE_GIVEN = names.MALE_GIVEN + names.NEUTRAL_GIVEN
_FEMALE_GIVEN = names.FEMALE_GIVEN + names.NEUTRAL_GIVEN

# Cumulative probabilities of the career tiers by age band (upper age bound, cumulative weights).
_TIERS_BY_AGE = ((28, (0.90, 1.0, 1.0, 1.0)), (36, (0.30, 0.85, 1.0, 1.0)),
                 (46, (0.05, 0.40, 0.80, 0.98)), (200, (0.02, 0.22, 0.60, 0.92)))

_DISHONEST_KINDS = (RecordKind.DISCIPLINE, RecordKind.PENALTY, RecordKind.ACCOUNTABILITY, RecordKind.JUDGMENT,
                    RecordKind.BROKEN_COMMITMENT, RecordKind.OTHER_DISHONEST)
_DISHONEST_CUM = (30, 50, 70, 78, 90, 100)
_HONEST_KINDS = (RecordKind.COMMENDATION, RecordKind.MERIT, RecordKind.HONORARY_TITLE,
                 RecordKind.OTHER_HONEST)
_HONEST_CUM = (50, 70, 85, 100)
_SANCTIONS = tuple(SanctionKind)
_SANCTION_CUM = (40, 70, 85, 93, 98, 100)
_SANCTION_SEVERITY = {SanctionKind.WARNING: Severity.MINOR, SanctionKind.DEMERIT: Severity.ORDINARY,
                      SanctionKind.MAJOR_DEMERIT: Severity.ORDINARY}  # heavier ones are SERIOUS
# Probability that a dishonest record of the kind is SERIOUS, else ORDINARY, else MINOR.
_SEVERITY_ODDS = {RecordKind.JUDGMENT: (0.7, 1.0), RecordKind.PENALTY: (0.0, 0.5),
                  RecordKind.ACCOUNTABILITY: (0.05, 0.4), RecordKind.BROKEN_COMMITMENT: (0.0, 0.5),
                  RecordKind.OTHER_DISHONEST: (0.0, 0.3)}
_FACTS = {RecordKind.JUDGMENT: names.JUDGMENT_FACTS, RecordKind.PENALTY: names.PENALTY_FACTS,
          RecordKind.DISCIPLINE: names.DISCIPLINE_FACTS,
          RecordKind.ACCOUNTABILITY: names.ACCOUNTABILITY_FACTS,
          RecordKind.BROKEN_COMMITMENT: names.BROKEN_COMMITMENT_FACTS,
          RecordKind.OTHER_DISHONEST: names.OTHER_DISHONEST_FACTS,
          RecordKind.COMMENDATION: names.HONEST_ACHIEVEMENTS, RecordKind.MERIT: names.HONEST_ACHIEVEMENTS,
          RecordKind.HONORARY_TITLE: names.HONEST_ACHIEVEMENTS,
          RecordKind.OTHER_HONEST: names.OTHER_HONEST_FACTS}


@dataclass(frozen=True, slots=True)
class UnitSeed:
    key: str
    name: str
    uscc: str
    division_code: str
    level: UnitLevel
    parent_key: str | None


@dataclass(frozen=True, slots=True)
class PersonSeed:
    key: str
    name: str
    id_number: str
    unit_key: str
    post: str
    rank: str
    status: PersonStatus
    file_opened_on: date


@dataclass(frozen=True, slots=True)
class RecordSeed:
    person_key: str
    kind: RecordKind
    severity: Severity  # honest records carry ORDINARY: the model requires a value
    sanction: SanctionKind | None  # only for DISCIPLINE
    decided_on: date
    document_no: str
    authority: str
    facts: str
    state: RecordState


@dataclass(frozen=True, slots=True)
class AssessmentSeed:
    person_key: str
    year: int
    grade: AssessmentGrade


@dataclass(frozen=True, slots=True)
class _Place:
    """What record text needs to know about a person's unit."""

    unit_name: str
    unit_abbr: str  # 文号 prefix of the unit, e.g. 天人社
    name: str  # 广州市天河区 / 仁化县 / 广州市
    abbr: str  # 天 / 仁 / 穗
    city: str
    city_abbr: str
    court: str
    court_code: str  # 粤0106 (basic court) or 粤01 (intermediate court)


class DemoGenerator:
    def __init__(self, seed: int = 2017, today: date | None = None) -> None:
        self._seed = seed
        self.today = today or date.today()
        self._places: dict[str, _Place] = {}
        self._expiry_cutoff = _years_before(self.today, _EXPIRY_YEARS)

    # --- units --------------------------------------------------------------------------------------

    def units(self, count: int | None = None) -> list[UnitSeed]:
        """City organs of several cities plus county organs under them; a prefix of any larger count."""
        wanted = DEFAULT_UNIT_COUNT if count is None else count
        if wanted < 1:
            raise ValueError("count must be at least 1")
        rng = Random(f"{self._seed}:units")
        table = division_table()
        seen: dict[tuple[str, int], str] = {}  # (division code, organ index) -> unit key
        usccs: set[str] = set()
        result: list[UnitSeed] = []
        for division, organ in _unit_plan(rng):
            if (division.code, organ) in seen:
                continue
            key = f"u{len(result) + 1:04d}"
            city_code = division.parent if division.level == "county" else None
            parent = seen.get((city_code, organ)) if city_code else None
            place = _place_name(division, table.get(city_code) if city_code else None)
            level = UnitLevel.CITY if city_code is None else UnitLevel.COUNTY
            unit = UnitSeed(key=key, name=names.ORGANS[organ][0].format(place=place),
                            uscc=_organ_uscc(rng, division.code, usccs), division_code=division.code,
                            level=level, parent_key=parent)
            seen[(division.code, organ)] = key
            result.append(unit)
            self._register(unit)
            if len(result) == wanted:
                return result
        raise ValueError(f"at most {len(result)} demo units can be generated")

    # --- persons ------------------------------------------------------------------------------------

    def persons(self, n: int, units: Sequence[UnitSeed]) -> Iterator[PersonSeed]:
        """``n`` civil servants spread over ``units``, generated lazily; ID numbers are unique."""
        if n < 0:
            raise ValueError("n must not be negative")
        if not units:
            raise ValueError("persons need at least one unit")
        for unit in units:
            self._register(unit)
        return self._person_stream(n, list(units))

    def _person_stream(self, n: int, units: list[UnitSeed]) -> Iterator[PersonSeed]:
        rng = Random(f"{self._seed}:persons")
        today = self.today
        home_codes = _home_codes()
        all_homes = [code for codes in home_codes.values() for code in codes]
        first_birth = _BIRTH_FIRST.toordinal()
        last_birth = min(_BIRTH_LAST.toordinal(), today.toordinal() - 20 * 365)
        if last_birth < first_birth:
            raise ValueError(f"today {today} leaves no birth dates from {_BIRTH_FIRST} for adults")
        used: dict[tuple[str, int, int], int] = {}  # (division, birth ordinal, male) -> numbers issued
        for index in range(1, n + 1):
            unit = units[int(rng.random() * len(units))]
            male = 1 if rng.random() < 0.55 else 0
            roll = rng.random()
            if roll < 0.02:
                division = _pick(rng, names.OLD_COUNTY_CODES)
            elif roll < 0.55:
                division = _pick(rng, home_codes[_city_of(unit.division_code)])
            else:
                division = _pick(rng, all_homes)
            for _attempt in range(1000):  # a (division, birthday, gender) slot holds 500 numbers
                born = _between(rng, first_birth, last_birth)
                slot = (division, born, male)
                issued = used.get(slot, 0)
                if issued < 500:
                    break
                division = _pick(rng, all_homes)  # slot full: the person was born elsewhere
            else:
                raise ValueError("no unused ID numbers left in the birth-date window")
            used[slot] = issued + 1
            # Spread sequence codes instead of all starting at 000; parity of digit 17 is the gender.
            sequence = 2 * ((int(division) * 7 + born * 13 + issued) % 500) + male
            birth = date.fromordinal(born)
            first17 = f"{division}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
            age = today.year - birth.year
            post, rank = _career(rng, age)
            yield PersonSeed(
                key=f"p{index:07d}", name=_person_name(rng, male),
                id_number=first17 + id_check_character(first17), unit_key=unit.key, post=post, rank=rank,
                status=_status(rng, age), file_opened_on=_file_opened(rng, born, today))

    # --- records ------------------------------------------------------------------------------------

    def records(self, person: PersonSeed) -> list[RecordSeed]:
        """Most persons have none; ~18% only honest records, ~12% dishonest ones (sometimes also honest)."""
        rng = self._person_random(person, "records")
        place = self._place(person.unit_key)  # checked even when no record needs it: one contract
        roll = rng.random()
        if roll < 0.70:
            return []
        if roll < 0.88:
            count = 1 + (rng.random() < 0.3)
            kinds = [_weighted(rng, _HONEST_KINDS, _HONEST_CUM) for _ in range(count)]
        else:
            count = 1 + (rng.random() < 0.25)
            kinds = [_weighted(rng, _DISHONEST_KINDS, _DISHONEST_CUM) for _ in range(count)]
            if rng.random() < 0.25:
                kinds.append(_weighted(rng, _HONEST_KINDS, _HONEST_CUM))
        last = self.today.toordinal()
        joined = _birth_ordinal(person.id_number) + _CAREER_START_DAYS
        first = min(max(_RECORDS_FIRST.toordinal(), joined), last)
        result = [self._record(rng, person, kind, place, date.fromordinal(_between(rng, first, last)))
                  for kind in kinds]
        result.sort(key=lambda r: r.decided_on)
        return result

    def _record(self, rng: Random, person: PersonSeed, kind: RecordKind, place: _Place,
                decided_on: date) -> RecordSeed:
        sanction: SanctionKind | None = None
        if kind is RecordKind.DISCIPLINE:
            sanction = _weighted(rng, _SANCTIONS, _SANCTION_CUM)
            if sanction is SanctionKind.DISMISSAL and person.status is PersonStatus.SERVING:
                sanction = SanctionKind.REMOVAL  # a dismissed person is no longer serving
            severity = _SANCTION_SEVERITY.get(sanction, Severity.SERIOUS)
        elif kind in _SEVERITY_ODDS:
            serious, ordinary = _SEVERITY_ODDS[kind]
            roll = rng.random()
            severity = Severity.SERIOUS if roll < serious else Severity.ORDINARY if roll < ordinary \
                else Severity.MINOR
        else:
            severity = Severity.ORDINARY
        authority, document_no, facts = _compose(rng, kind, sanction, place, decided_on)
        return RecordSeed(person_key=person.key, kind=kind, severity=severity, sanction=sanction,
                          decided_on=decided_on, document_no=document_no, authority=authority, facts=facts,
                          state=self._state(rng, kind, decided_on))

    def _state(self, rng: Random, kind: RecordKind, decided_on: date) -> RecordState:
        roll = rng.random()
        if roll < 0.03:
            return RecordState.DRAFT
        if roll < 0.07:
            return RecordState.REVOKED
        if kind in _HONEST_KINDS:  # repair and public-notice expiry apply to dishonest records only
            return RecordState.ACTIVE
        if roll < 0.17:
            return RecordState.REPAIRED
        if roll < 0.55 and decided_on < self._expiry_cutoff:
            return RecordState.EXPIRED
        return RecordState.ACTIVE

    # --- assessments --------------------------------------------------------------------------------

    def assessments(self, person: PersonSeed, years: int = 3) -> list[AssessmentSeed]:
        """Annual grades for the last ``years`` completed years the person has served."""
        rng = self._person_random(person, "assessments")
        joined = int(person.id_number[6:10]) + _CAREER_START_DAYS // 365
        result = []
        for year in range(self.today.year - years, self.today.year):
            roll = rng.random()
            if year < joined:
                continue
            grade = (AssessmentGrade.EXCELLENT if roll < 0.17
                     else AssessmentGrade.COMPETENT if roll < 0.97
                     else AssessmentGrade.BASICALLY_COMPETENT if roll < 0.995
                     else AssessmentGrade.INCOMPETENT)
            result.append(AssessmentSeed(person.key, year, grade))
        return result

    def _person_random(self, person: PersonSeed, purpose: str) -> Random:
        # Bytes as an int seed: as stable as a str seed but skips the SHA-512 that Random does for str.
        return Random(int.from_bytes(f"{self._seed}:{person.key}:{purpose}".encode(), "big"))

    # --- unit context -------------------------------------------------------------------------------

    def _register(self, unit: UnitSeed) -> None:
        if unit.key not in self._places:
            self._places[unit.key] = _place_of(unit)

    def _place(self, unit_key: str) -> _Place:
        try:
            return self._places[unit_key]
        except KeyError:
            raise KeyError(f"unknown unit {unit_key!r}: generate its persons with persons() first") from None


# --- helpers ----------------------------------------------------------------------------------------

def _unit_plan(rng: Random) -> Iterator[tuple[Division, int]]:
    """(division, organ index) candidates in the order units are created; duplicates are skipped."""
    table = division_table()
    cities = table.cities()
    rng.shuffle(cities)
    counties = {city.code: [c for c in table.counties() if c.parent == city.code] for city in cities}
    for city in cities:  # first pass: HR bureau + 2 organs per city, 2 counties mirroring them
        extra = rng.sample(range(1, len(names.ORGANS)), 2)
        yield from ((city, organ) for organ in [0, *extra])
        for county in rng.sample(counties[city.code], min(2, len(counties[city.code]))):
            yield county, 0
            yield county, rng.choice(extra)  # mirrors a city organ, so it has a parent
    for city in cities:  # only for large counts: every organ everywhere
        for division in [city, *counties[city.code]]:
            yield from ((division, organ) for organ in range(len(names.ORGANS)))


def _place_name(division: Division, city: Division | None) -> str:
    # Districts are named with their city (广州市天河区); counties and county-level cities stand alone.
    if city is not None and division.name.endswith("区"):
        return city.name + division.name
    return division.name


def _place_of(unit: UnitSeed) -> _Place:
    table = division_table()
    division = table.get(unit.division_code)
    if division is None:
        raise ValueError(f"unit {unit.key} has division code {unit.division_code} outside the table")
    county = division if division.level == "county" else None
    city = table.get(division.parent) if county and division.parent else division
    assert city is not None
    city_abbr = names.CITY_ABBREVIATIONS.get(city.code, city.name[0])
    organ_abbr = next((abbr for template, abbr in names.ORGANS
                       if unit.name.endswith(template.split("{place}")[1])), "")
    if county is None:
        name, abbr = city.name, city_abbr
        court, court_code = f"{city.name}中级人民法院", f"粤{city.code[2:4]}"
    else:
        name, abbr = _place_name(county, city), county.name[0]
        court, court_code = f"{name}人民法院", f"粤{county.code[2:6]}"
    return _Place(unit.name, abbr + organ_abbr, name, abbr, city.name, city_abbr, court, court_code)


def _compose(rng: Random, kind: RecordKind, sanction: SanctionKind | None, place: _Place,
             decided_on: date) -> tuple[str, str, str]:
    """Authority, 文号 and 1-3 sentences of facts for one record."""
    year, number = decided_on.year, _between(rng, 1, 180)
    happened = decided_on - timedelta(days=_between(rng, 20, 240))
    fact = _pick(rng, _FACTS[kind]).format(when=f"{happened.year}年{happened.month}月",
                                           area=_pick(rng, names.WORK_AREAS))
    sentences = [fact]
    if kind is RecordKind.JUDGMENT:
        case = "执" if "被执行人" in fact else "刑初"
        case_no = _between(rng, 100, 9999)
        authority, document_no = place.court, f"（{year}）{place.court_code}{case}{case_no}号"
    elif kind is RecordKind.PENALTY:
        authority = f"{place.name}公安局"
        document_no = f"{place.abbr}公行罚决字〔{year}〕{_between(rng, 100, 3000)}号"
    elif kind is RecordKind.DISCIPLINE:
        assert sanction is not None
        authority, document_no = _pick(rng, (
            (f"中共{place.name}纪律检查委员会", f"{place.abbr}纪发〔{year}〕{number}号"),
            (f"{place.name}监察委员会", f"{place.abbr}监发〔{year}〕{number}号"),
            (place.unit_name, f"{place.unit_abbr}〔{year}〕{number}号")))
        sentences.append(f"经研究决定，给予其{sanction.label}处分。")
        months = DEFAULT_POLICY.sanction_months.get(sanction)  # the text must agree with the policy
        if months and rng.random() < 0.5:
            sentences.append(f"处分期为{months}个月。")
    elif kind is RecordKind.ACCOUNTABILITY:
        authority, document_no = f"中共{place.name}委员会", f"{place.abbr}委〔{year}〕{number}号"
        sentences.append(_pick(rng, names.ACCOUNTABILITY_ACTIONS))
    elif kind in (RecordKind.BROKEN_COMMITMENT, RecordKind.OTHER_DISHONEST):
        authority, document_no = place.unit_name, f"{place.unit_abbr}函〔{year}〕{number}号"
        if rng.random() < 0.5:
            sentences.append(_pick(rng, names.CLOSING_REMARKS))
    elif kind is RecordKind.COMMENDATION:
        authority, document_no = place.unit_name, f"{place.unit_abbr}〔{year}〕{number}号"
        sentences.append("经研究，给予嘉奖一次。")
    elif kind is RecordKind.MERIT:
        authority, document_no = f"{place.name}人民政府", f"{place.abbr}府〔{year}〕{number}号"
        sentences.append("经研究，给予记三等功一次。")
    elif kind is RecordKind.HONORARY_TITLE:
        authority, document_no = _pick(rng, (
            ("广东省人民政府", f"粤府〔{year}〕{number}号"),
            (f"{place.city}人民政府", f"{place.city_abbr}府〔{year}〕{number}号")))
        sentences.append(f"被授予“{_pick(rng, names.HONORARY_TITLES)}”称号。")
    else:
        authority, document_no = place.unit_name, f"{place.unit_abbr}〔{year}〕{number}号"
    return authority, document_no, "".join(sentences)


def _home_codes() -> dict[str, list[str]]:
    """City code -> division codes people of that city are registered under (the city if no counties)."""
    table = division_table()
    result: dict[str, list[str]] = {city.code: [] for city in table.cities()}
    for county in table.counties():
        if county.parent in result:
            result[county.parent].append(county.code)
    return {city: codes or [city] for city, codes in result.items()}


def _city_of(division_code: str) -> str:
    return division_code[:4] + "00"


def _organ_uscc(rng: Random, division_code: str, used: set[str]) -> str:
    while True:
        body = f"{rng.randrange(10**8):08d}"
        first17 = "11" + division_code + body + _organization_check(body)
        uscc = first17 + uscc_check_character(first17)
        if uscc not in used:
            used.add(uscc)
            return uscc


def _organization_check(body: str) -> str:
    """GB 11714 check character of an 8-digit organization code body (positions 9-17 of a USCC)."""
    remainder = 11 - sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    return "X" if remainder == 10 else "0" if remainder == 11 else str(remainder)


def _person_name(rng: Random, male: int) -> str:
    pool = _MALE_GIVEN if male else _FEMALE_GIVEN
    given = _pick(rng, pool) if rng.random() < 0.2 else _pick(rng, pool) + _pick(rng, pool)
    return _pick(rng, _SURNAME_POOL) + given


def _career(rng: Random, age: int) -> tuple[str, str]:
    cumulative = next(weights for bound, weights in _TIERS_BY_AGE if age < bound)
    posts, ranks = names.CAREER_TIERS[bisect(cumulative, rng.random())]
    return _pick(rng, posts), _pick(rng, ranks)


def _status(rng: Random, age: int) -> PersonStatus:
    roll = rng.random()
    if age >= 58 and roll < 0.35:
        return PersonStatus.RETIRED
    if roll < 0.93:
        return PersonStatus.SERVING
    if roll < 0.97:
        return PersonStatus.TRANSFERRED
    return PersonStatus.RESIGNED if roll < 0.995 else PersonStatus.DECEASED


def _file_opened(rng: Random, born: int, today: date) -> date:
    last = today.toordinal()
    first = min(max(_FILES_FIRST.toordinal(), born + _CAREER_START_DAYS), last)
    # Half the files were opened in the first year they could be (the initial roll-out).
    end = min(first + 365, last) if rng.random() < 0.5 else last
    return date.fromordinal(_between(rng, first, end))


# _pick/_between replace rng.choice/randint on the hot path: one random() call instead of the slower
# rejection sampling, a third of the run time at 100,000 persons. The tiny bias is irrelevant here.
def _pick(rng: Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def _between(rng: Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


def _weighted(rng: Random, items: Sequence[T], cumulative: Sequence[int]) -> T:
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


def _birth_ordinal(id_number: str) -> int:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14])).toordinal()


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # Feb 29 in a non-leap target year
        return day.replace(year=day.year - years, day=28)
