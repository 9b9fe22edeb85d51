"""Rosters: lines of a file or a pasted list matched to persons, for a trainer to check before import.

Every line ends in one status. Lines that match exactly one person who is not yet on the session
are ready; lines already on the session or repeating an earlier line are left out (said so); every
other line (no match, several, a bad ID number, a name that does not fit the ID number, a bad
value) must be resolved by the trainer — pick a person or skip the line — before the import runs,
and the import then writes every line or none.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.enums import LabelledEnum, labelled
from desktop_app.domain.id_number import parse_id_number
from desktop_app.domain.training import MAX_HOURS, ROSTER_COLUMNS, AttendanceResult, parse_amount
from desktop_app.errors import IntegrityFilesError, ValidationError
from desktop_app.services.scope import UnitScope
from desktop_app.services.training_rows import AttendanceEntry, TraineeRow
from desktop_app.store.models import Person, Unit
from desktop_app.store.models.training import Attendance

CHUNK = 500
MAX_LINES = 5000

# Column headers people write (after removing spaces), by the field they fill.
COLUMNS = ROSTER_COLUMNS
HEADER_NAMES = frozenset(n for names in COLUMNS.values() for n in names)
_ALIASES = {n.lower(): key for key, names in COLUMNS.items() for n in names}
_ID_LIKE = re.compile(r"^[0-9]{17}[0-9Xx]$")


@labelled({"ready": "可导入", "enrolled": "已在名单中", "duplicate": "与前面的行重复", "not_found": "查无此人",
           "ambiguous": "有多人符合", "id_invalid": "身份证号有误", "mismatch": "姓名与身份证号不符",
           "unit_mismatch": "单位不符", "bad_value": "内容有误"})
class LineStatus(LabelledEnum):
    READY = "ready"
    ENROLLED = "enrolled"
    DUPLICATE = "duplicate"
    NOT_FOUND = "not_found"
    AMBIGUOUS = "ambiguous"
    ID_INVALID = "id_invalid"
    MISMATCH = "mismatch"
    UNIT_MISMATCH = "unit_mismatch"  # the name is known, but not in the unit the line gives
    BAD_VALUE = "bad_value"

    @property
    def needs_choice(self) -> bool:
        return self not in (LineStatus.READY, LineStatus.ENROLLED, LineStatus.DUPLICATE)


@dataclass(frozen=True, slots=True)
class RosterLine:
    line: int
    name: str
    id_text: str
    unit: str
    status: LineStatus
    problem: str                           # English detail for logs; the status label is for people
    person: TraineeRow | None              # the match (READY, ENROLLED, DUPLICATE)
    candidates: tuple[TraineeRow, ...]     # persons the trainer may pick from
    entry: AttendanceEntry
    bad_field: str | None = None           # BAD_VALUE: the column at fault (leave_hours, result, …)


@dataclass(frozen=True, slots=True)
class RosterPreview:
    session_id: uuid.UUID
    source: str
    lines: tuple[RosterLine, ...]
    encoding: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = field(default=())          # XLSX: every sheet, to pick another
    unknown_columns: tuple[str, ...] = field(default=())

    @property
    def ready(self) -> tuple[RosterLine, ...]:
        return tuple(line for line in self.lines if line.status is LineStatus.READY)

    @property
    def problems(self) -> tuple[RosterLine, ...]:
        return tuple(line for line in self.lines if line.status.needs_choice)


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """A line to import: the person (as matched or as the trainer picked) and their marks."""

    line: int
    person_id: uuid.UUID
    entry: AttendanceEntry = field(default_factory=AttendanceEntry)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    session_id: uuid.UUID


def canonical_columns(values: Mapping[str, str]) -> dict[str, str]:
    """{field: value} from {header as written: value}; unknown headers are dropped."""
    out: dict[str, str] = {}
    for header, value in values.items():
        key = _ALIASES.get(_header_key(header))
        if key is not None and key not in out:
            out[key] = value.strip()
    return out


def unknown_headers(headers: Iterable[str]) -> tuple[str, ...]:
    return tuple(h for h in headers if _header_key(h) not in _ALIASES)


def pasted_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    """A pasted list: one person a line, as an ID number, a name, or both (any order, any separator)."""
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        tokens = [t for t in re.split(r"[\s,，;；、]+", unicodedata.normalize("NFKC", raw).strip()) if t]
        if not tokens:
            continue
        ids = [t for t in tokens if _ID_LIKE.match(t)]
        names = [t for t in tokens if not _ID_LIKE.match(t)]
        rows.append((number, {"name": names[0] if names else "", "id_number": ids[0] if ids else "",
                              "unit": names[1] if len(names) > 1 else ""}))
    return rows


def match_lines(session: Session, session_id: uuid.UUID, rows: Sequence[tuple[int, Mapping[str, str]]],
                today: date, *, scope: UnitScope | None = None) -> list[RosterLine]:
    """Each line matched to persons (of ``scope``'s units only, when given: others are not found)."""
    if len(rows) > MAX_LINES:
        raise ValidationError(f"a roster has at most {MAX_LINES} lines (out of range)", field="file")
    parsed = [(line, canonical_columns(values) if _needs_mapping(values) else dict(values)) for line, values in rows]
    ids, names = set(), set()
    for _, values in parsed:
        number = _valid_id(values.get("id_number", ""), today)
        if number:
            ids.add(number)
        if values.get("name"):
            names.add(values["name"])
    by_id, by_name = _lookup(session, ids, names, scope)
    enrolled = set(session.scalars(select(Attendance.person_id).where(Attendance.session_id == session_id)))
    seen: set[uuid.UUID] = set()
    lines = []
    for line, values in parsed:
        result = _match_one(line, values, by_id, by_name, today)
        person = result.person
        if result.status is LineStatus.READY and person is not None:
            if person.id in enrolled:
                result = _with(result, LineStatus.ENROLLED, "already on this session")
            elif person.id in seen:
                result = _with(result, LineStatus.DUPLICATE, "the same person as an earlier line")
            seen.add(person.id)
        elif result.candidates:
            # Persons already on the session cannot be picked; a name all of whose bearers are on it is.
            free = tuple(c for c in result.candidates if c.id not in enrolled)
            if not free and result.status is LineStatus.AMBIGUOUS:
                result = replace(result, status=LineStatus.ENROLLED, person=result.candidates[0], candidates=(),
                                 problem="every person of this name is already on this session")
            else:
                result = replace(result, candidates=free)
        lines.append(result)
    return lines


def _match_one(line: int, values: Mapping[str, str], by_id: dict[str, TraineeRow],
               by_name: dict[str, list[TraineeRow]], today: date) -> RosterLine:
    name, id_text, unit = values.get("name", ""), values.get("id_number", ""), values.get("unit", "")
    entry = AttendanceEntry(leave_hours=values.get("leave_hours") or None,
                            hours_earned=values.get("hours_earned") or None,
                            days_earned=values.get("days_earned") or None,
                            result=values.get("result") or None, certificate_no=values.get("certificate_no") or None)
    named = tuple(by_name.get(name, ())) if name else ()

    bad, bad_field = _bad_value(entry)

    def make(status: LineStatus, problem: str = "", person: TraineeRow | None = None,
             candidates: tuple[TraineeRow, ...] = ()) -> RosterLine:
        return RosterLine(line, name, id_text, unit, status, problem, person, candidates, entry,
                          bad_field if status is LineStatus.BAD_VALUE else None)

    if not name and not id_text:
        return make(LineStatus.BAD_VALUE, "neither a name nor an ID number")
    if id_text:
        number = _valid_id(id_text, today)
        if number is None:
            return make(LineStatus.ID_INVALID, "the ID number is not valid", candidates=named)
        person = by_id.get(number)
        if person is None:
            return make(LineStatus.NOT_FOUND, "no person with this ID number", candidates=named)
        if name and name != person.name:
            return make(LineStatus.MISMATCH, f"the ID number belongs to {person.name}",
                        candidates=(person, *[p for p in named if p.id != person.id]))
        return make(LineStatus.BAD_VALUE, bad, person, (person,)) if bad else make(LineStatus.READY, "", person)
    matches = named
    if unit and named:
        matches = tuple(p for p in named if unit_matches(unit, p.unit_name))
        if not matches:  # never put a namesake of another unit on the session unasked
            return make(LineStatus.UNIT_MISMATCH, f"no person of this name in {unit}", candidates=named)
    if not matches:
        return make(LineStatus.NOT_FOUND, "no person of this name")
    if len(matches) > 1:
        return make(LineStatus.AMBIGUOUS, f"{len(matches)} persons of this name", candidates=matches)
    if bad:
        return make(LineStatus.BAD_VALUE, bad, matches[0], matches)
    return make(LineStatus.READY, "", matches[0])


def unit_matches(given: str, unit_name: str) -> bool:
    """Whether a roster's unit names ``unit_name``: the same, a part of it, or an abbreviation whose
    characters appear in it in order (天河区人社局 → 广州市天河区人力资源和社会保障局)."""
    given = "".join(unicodedata.normalize("NFKC", given).split())
    if not given:
        return True
    if given in unit_name or unit_name in given:
        return True
    rest = iter(unit_name)
    return all(char in rest for char in given)


def _bad_value(entry: AttendanceEntry) -> tuple[str, str | None]:
    """A value that cannot be right whatever the course (the course's own limits are checked at import)."""
    try:
        for value, name in ((entry.leave_hours, "leave_hours"), (entry.hours_earned, "hours_earned"),
                            (entry.days_earned, "days_earned")):
            if value is not None:
                parse_amount(value, name, maximum=MAX_HOURS)
        if entry.result is not None:
            AttendanceResult.parse(entry.result, field="result")
    except IntegrityFilesError as exc:
        return str(exc), exc.field
    return "", None


def _lookup(session: Session, ids: set[str], names: set[str], scope: UnitScope | None
            ) -> tuple[dict[str, TraineeRow], dict[str, list[TraineeRow]]]:
    by_id: dict[str, TraineeRow] = {}
    by_name: dict[str, list[TraineeRow]] = {}
    base = select(Person, Unit.name).join(Unit, Person.unit_id == Unit.id)
    if scope is not None:
        base = base.where(scope.where_unit(Person.unit_id))
    for batch in _chunks(sorted(ids)):
        for person, unit_name in session.execute(base.where(Person.id_number.in_(batch))):
            by_id[person.id_number] = trainee(person, unit_name)
    for batch in _chunks(sorted(names)):
        for person, unit_name in session.execute(base.where(Person.name.in_(batch))
                                                 .order_by(Person.name_pinyin, Person.id)):
            by_name.setdefault(person.name, []).append(trainee(person, unit_name))
    return by_id, by_name


def trainee(person: Person, unit_name: str) -> TraineeRow:
    number = person.id_number
    return TraineeRow(person.id, person.name, f"{number[:6]}********{number[-4:]}", unit_name)


def _valid_id(text: str, today: date) -> str | None:
    if not text:
        return None
    try:
        return parse_id_number(unicodedata.normalize("NFKC", text), today=today).value
    except ValidationError:
        return None


def _with(line: RosterLine, status: LineStatus, problem: str) -> RosterLine:
    return replace(line, status=status, problem=problem)


def _needs_mapping(values: Mapping[str, str]) -> bool:
    return not set(values) <= set(COLUMNS)


def _header_key(header: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", header)).lower()


def _chunks(values: list[str]) -> list[list[str]]:
    return [values[i:i + CHUNK] for i in range(0, len(values), CHUNK)]
