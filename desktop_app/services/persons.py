"""Persons (公务员): their identity, unit and post, search, and the assembled person file."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select, union
from sqlalchemy.orm import Session

from desktop_app.domain import identity
from desktop_app.domain.consequences import Flag, RecordFacts, assessment_reasons, compute_flags
from desktop_app.domain.enums import AssessmentGrade, Gender, PersonStatus, Polarity, RecordState
from desktop_app.domain.id_number import parse_id_number
from desktop_app.domain.permissions import Permission
from desktop_app.domain.pinyin import pinyin_keys
from desktop_app.domain.text import clean_text
from desktop_app.errors import DuplicateError, NotFoundError, ValidationError
from desktop_app.services.consequence_sql import assessment_condition
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.records import OPEN_OBJECTION_STATES, to_record_row
from desktop_app.services.rows import AssessmentRow, AuditRow, PersonFile, PersonRow
from desktop_app.services.scope import Target, scoped
from desktop_app.services.training_norms import training_flag, training_shortfall_condition
from desktop_app.services.units import unit_by_name
from desktop_app.store.models import Assessment, AuditEntry, IntegrityRecord, Person, Unit
from desktop_app.store.models.objections import Objection

Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])
_ID_FRAGMENT = re.compile(r"^[0-9]{3,17}[0-9Xx]?$")
MAX_PAGE = 1000


@dataclass(frozen=True, slots=True)
class PersonDraft:
    name: str
    id_number: str
    unit_name: str
    post: str = ""
    rank: str = ""
    category: str = ""
    status: str = PersonStatus.SERVING.value
    file_opened_on: date | None = None


class PersonService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.PERSON_WRITE)
    @scoped(draft=Target.UNIT_NAME)
    def add(self, draft: PersonDraft) -> PersonRow:
        name = clean_text(draft.name, "name")
        number = parse_id_number(draft.id_number, today=self.ctx.today())
        status = PersonStatus.parse(draft.status, field="status")
        with self.ctx.write() as w:
            s = w.session
            unit = unit_by_name(s, draft.unit_name)
            if s.scalar(select(Person.id).where(Person.id_number == number.value)):
                raise DuplicateError(f"a person with the ID number ending in {number.value[-4:]} "
                                     "already has a file", field="id_number")
            full, initials = pinyin_keys(name)
            person = Person(id=identity.person_id(number.value), name=name, name_pinyin=full, name_initials=initials,
                            id_number=number.value,
                            id_number_rev=number.value[::-1], gender=number.gender.value,
                            birth_date=number.birth_date, unit_id=unit.id,
                            post=clean_text(draft.post, "post", required=False),
                            rank=clean_text(draft.rank, "rank", required=False),
                            category=clean_text(draft.category, "category", required=False),
                            status=status.value, file_opened_on=draft.file_opened_on or self.ctx.today())
            w.insert(person, "person.create")
            return to_person_row(person, unit.name)

    @requires(Permission.PERSON_WRITE)
    @scoped(id_number=Target.ID_NUMBER, unit_name=Target.UNIT_NAME)
    def edit(self, id_number: str, *, name: str | None = None, unit_name: str | None = None,
             post: str | None = None, rank: str | None = None, category: str | None = None,
             status: str | None = None, reason: str = "") -> PersonRow:
        with self.ctx.write() as w:
            s = w.session
            person = person_by_id_number(s, id_number, today=self.ctx.today())
            values: dict[str, object] = {}
            if name is not None:
                values["name"] = clean_text(name, "name")
                values["name_pinyin"], values["name_initials"] = pinyin_keys(str(values["name"]))
            if unit_name is not None:
                values["unit_id"] = unit_by_name(s, unit_name).id
            for field, value in (("post", post), ("rank", rank), ("category", category)):
                if value is not None:
                    values[field] = clean_text(value, field, required=False)
            if status is not None:
                values["status"] = PersonStatus.parse(status, field="status").value
            w.update(person, values, "person.update", reason=clean_text(reason, "reason", required=False))
            return to_person_row(person, _unit_name(s, person.unit_id))

    @requires(Permission.PERSON_READ)
    @scoped(rows=True, unit_id=Target.UNIT)
    def search(self, text: str = "", *, unit_id: uuid.UUID | None = None, flag: Flag | None = None,
               limit: int = 50, offset: int = 0) -> list[PersonRow]:
        """One page of matches, ordered by pinyin (so 张 sorts among the Zs)."""
        limit = max(1, min(limit, MAX_PAGE))
        with self.ctx.read() as s:
            query = self._filtered(s, select(Person, Unit.name).join(Unit, Person.unit_id == Unit.id),
                                   text, unit_id, flag)
            rows = s.execute(query.order_by(Person.name_pinyin, Person.id).limit(limit).offset(offset))
            return [to_person_row(p, unit_name) for p, unit_name in rows]

    @requires(Permission.PERSON_READ)
    @scoped(rows=True, unit_id=Target.UNIT)
    def count(self, text: str = "", *, unit_id: uuid.UUID | None = None, flag: Flag | None = None) -> int:
        with self.ctx.read() as s:
            query = self._filtered(s, select(func.count()).select_from(Person).join(Unit), text, unit_id, flag)
            return int(s.scalar(query) or 0)

    @requires(Permission.PERSON_READ)
    @scoped(rows=True, unit_id=Target.UNIT)
    def search_ids(self, text: str = "", *, unit_id: uuid.UUID | None = None,
                   flag: Flag | None = None) -> list[uuid.UUID]:
        """All matching ids in display order: a table model keeps these and loads rows lazily."""
        with self.ctx.read() as s:
            query = self._filtered(s, select(Person.id).join(Unit, Person.unit_id == Unit.id), text, unit_id,
                                   flag)
            return list(s.scalars(query.order_by(Person.name_pinyin, Person.id)))

    @requires(Permission.PERSON_READ)
    @scoped(rows=True)
    def rows_by_ids(self, ids: list[uuid.UUID]) -> list[PersonRow]:
        """Rows for the given ids, in the order given (missing ids and those outside the user's units
        are left out)."""
        with self.ctx.read() as s:
            found = {p.id: to_person_row(p, unit_name) for p, unit_name in s.execute(
                select(Person, Unit.name).join(Unit, Person.unit_id == Unit.id).where(
                    Person.id.in_(ids[:MAX_PAGE]), self.ctx.scope(s).where_unit(Person.unit_id)))}
        return [found[i] for i in ids[:MAX_PAGE] if i in found]

    @requires(Permission.RECORD_READ)
    @scoped(person_id=Target.PERSON)
    def history(self, person_id: uuid.UUID, *, limit: int = 500) -> list[AuditRow]:
        """The audit entries of the person and of their records and assessments, newest first."""
        with self.ctx.read() as s:
            ids = [person_id.hex]
            ids += [i.hex for i in s.scalars(select(IntegrityRecord.id).where(IntegrityRecord.person_id == person_id))]
            ids += [i.hex for i in s.scalars(select(Assessment.id).where(Assessment.person_id == person_id))]
            entries = s.scalars(select(AuditEntry).where(AuditEntry.object_id.in_(ids))
                                .order_by(AuditEntry.seq.desc()).limit(limit))
            return [AuditRow(e.seq, e.at, e.user_name, e.action, e.object_type, e.object_id, e.success,
                             dict(e.detail)) for e in entries]

    def _filtered(self, session: Session, query: Q, text: str, unit_id: uuid.UUID | None,
                  flag: Flag | None) -> Q:
        query = _search_query(query, text, unit_id, broad=_names_units(session, text))
        query = query.where(self.ctx.scope(session).where_unit(Person.unit_id))
        if flag is None:
            return query
        self.ctx.require("person.filter_by_flag", Permission.RECORD_READ)  # audited like any denial
        return query.where(flag_condition(flag, self.ctx.today(), self.ctx))

    @requires(Permission.PERSON_READ)
    @scoped(id_number=Target.ID_NUMBER)
    def show(self, id_number: str) -> PersonFile:
        """The whole file; records and assessments only for users who may read them."""
        with self.ctx.read() as s:
            person = person_by_id_number(s, id_number, today=self.ctx.today())
            row = to_person_row(person, _unit_name(s, person.unit_id))
            if not self.ctx.may(Permission.RECORD_READ):
                return PersonFile(row, (), (), ())
            records = tuple(to_record_row(r) for r in s.scalars(
                select(IntegrityRecord).where(IntegrityRecord.person_id == person.id)
                .order_by(IntegrityRecord.decided_on, IntegrityRecord.created_at)))
            assessments = tuple(
                AssessmentRow(a.id, a.person_id, a.year, AssessmentGrade(a.grade))
                for a in s.scalars(select(Assessment).where(Assessment.person_id == person.id)
                                   .order_by(Assessment.year)))
            overridden = set(s.scalars(select(Objection.record_id).where(
                Objection.person_id == person.id, Objection.restricts_awards.is_(True),
                Objection.state.in_(OPEN_OBJECTION_STATES))))
            training = training_flag(s, person, self.ctx.today()) if self.ctx.may(Permission.TRAINING_READ) else None
        facts = [RecordFacts(r.polarity, r.state, r.under_objection, r.sanction, r.sanction_end, r.document_no,
                             r.id in overridden, r.decided_on) for r in records]
        today = self.ctx.today()
        flags = compute_flags(facts, today) + assessment_reasons(((a.year, a.grade) for a in assessments), facts,
                                                                 today)
        return PersonFile(row, records, assessments, tuple(flags) + ((training,) if training else ()))

    @requires(Permission.PERSON_READ)
    @scoped(person_id=Target.PERSON)
    def show_by_id(self, person_id: uuid.UUID) -> PersonFile:
        """The same file as ``show``, for callers (the GUI) that hold the person's id."""
        with self.ctx.read() as s:
            number = s.scalar(select(Person.id_number).where(Person.id == person_id))
        if number is None:
            raise NotFoundError("no such person", field="person")
        return self.show(number)

    @requires(Permission.PERSON_REVEAL_ID)
    @scoped(person_id=Target.PERSON)
    def reveal_id_number(self, person_id: uuid.UUID) -> str:
        """The full ID number; every reveal is an audit entry."""
        with self.ctx.write() as w:
            person = w.session.get(Person, person_id)
            if person is None:
                raise NotFoundError("no such person", field="person")
            w.audit("person.reveal_id", "person", person.id)
            return person.id_number


def person_by_id_number(session: Session, text: str, *, today: date) -> Person:
    number = parse_id_number(text, today=today)
    person = session.scalar(select(Person).where(Person.id_number == number.value))
    if person is None:
        raise NotFoundError(f"no person with the ID number ending in {number.value[-4:]}", field="id_number")
    return person


def to_person_row(person: Person, unit_name: str) -> PersonRow:
    number = person.id_number
    return PersonRow(person.id, person.name, f"{number[:6]}********{number[-4:]}", Gender(person.gender),
                     person.birth_date, person.unit_id, unit_name, person.post, person.rank,
                     PersonStatus(person.status), person.version)


def _unit_name(session: Session, unit_id: uuid.UUID) -> str:
    return session.scalar(select(Unit.name).where(Unit.id == unit_id)) or ""


def _prefix(column: object, text: str) -> object:
    # A range instead of LIKE so SQLite uses the index (LIKE is case-insensitive, the index is not).
    return column.between(text, text + "\U0010ffff")  # type: ignore[attr-defined]


def flag_condition(flag: Flag, today: date, ctx: ServiceContext | None = None) -> ColumnElement[bool]:
    """The SQL twin of domain.consequences.compute_flags, so filters run in the database."""
    r = IntegrityRecord
    active = and_(r.person_id == Person.id, r.state == RecordState.ACTIVE.value)
    if flag is Flag.RESTRICTED_AWARDS:
        overridden = exists().where(Objection.record_id == r.id, Objection.restricts_awards.is_(True),
                                    Objection.state.in_(OPEN_OBJECTION_STATES))
        cond = and_(active, r.polarity == Polarity.DISHONEST.value, or_(r.under_objection.is_(False), overridden))
    elif flag is Flag.IN_SANCTION:
        cond = and_(active, r.polarity == Polarity.DISHONEST.value, r.sanction_end > today)
    elif flag is Flag.UNDER_OBJECTION:
        cond = and_(active, r.under_objection.is_(True))
    elif flag is Flag.ASSESSMENT:
        return assessment_condition(today)  # the twin of domain.consequences.assessment_reasons
    elif flag is Flag.TRAINING_SHORTFALL and ctx is not None:
        return training_shortfall_condition(ctx, today)  # the twin of training_flag (services.training_norms)
    else:
        raise ValidationError(f"filtering by {flag.label} is not available yet", field="flag")
    return exists().where(cond)


def _search_query(query: Q, text: str, unit_id: uuid.UUID | None, *, broad: bool = False) -> Q:
    """``broad``: the text also names units (see ``_names_units``), so matches are many."""
    text = (text or "").strip()
    if unit_id is not None:
        query = query.where(Person.unit_id == unit_id)
    if not text:
        return query
    if len(text) > 64:
        raise ValidationError("search text is longer than 64 characters", field="search")
    if _ID_FRAGMENT.match(text):
        upper = text.upper()
        if len(upper) == 18:
            return query.where(Person.id_number == upper)
        return query.where(_prefix(Person.id_number_rev, upper[::-1]))  # type: ignore[arg-type]
    if text.isascii() and text.replace(" ", "").isalpha():
        key = text.replace(" ", "").lower()
        return query.where(_matching(_prefix(Person.name_pinyin, key), _prefix(Person.name_initials, key)))
    units = select(Unit.id).where(Unit.name.contains(text)).scalar_subquery()
    if broad:
        # Text naming units matches thousands: walking the pinyin index stops after one page.
        return query.where(or_(_prefix(Person.name, text), Person.unit_id.in_(units)))  # type: ignore[arg-type]
    return query.where(_matching(_prefix(Person.name, text)))


def _names_units(session: Session, text: str) -> bool:
    cleaned = (text or "").strip()
    if not cleaned or cleaned.isascii():
        return False
    return session.scalar(select(Unit.id).where(Unit.name.contains(cleaned)).limit(1)) is not None


def _matching(*conditions: Any) -> ColumnElement[bool]:
    """Persons matching any condition, found through each condition's own index. (An OR in the main
    query makes SQLite walk the whole pinyin index to avoid a sort: ~1 s over 100,000 persons.)"""
    return Person.id.in_(union(*(select(Person.id).where(c) for c in conditions)))

