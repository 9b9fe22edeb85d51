"""Importing persons (公务员): one line per person, matched by 公民身份号码.

A new ID number adds a person (id from ``identity.person_id``, gender and birth date from the
number, pinyin keys for search); a known one updates the fields whose values differ. A blank cell
never clears a stored value. 性别 and 出生日期 columns, when present, are checked against the
number. The unit is named by its name or its 统一社会信用代码 and must exist in the archive.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desktop_app.domain import identity
from desktop_app.domain.enums import Gender, PersonStatus
from desktop_app.domain.text import clean_text
from desktop_app.domain.uscc import parse_uscc
from desktop_app.errors import ValidationError
from desktop_app.importing import values
from desktop_app.importing.engine import (
    BATCH,
    CHUNK,
    Blame,
    Plan,
    WriteContext,
    chunks,
    differing,
    import_reason,
    masked,
    merge_changes,
    tick,
)
from desktop_app.importing.fields import ImportKind
from desktop_app.importing.lines import LineCheck
from desktop_app.importing.pinyin_cache import name_keys
from desktop_app.importing.unit_index import UnitIndex
from desktop_app.store.bulk import BulkWriter
from desktop_app.store.models import Person
from desktop_app.store.writer import Changes, Writer

EARLIEST_FILE = date(1949, 10, 1)
# Built once: an IN (...) of a window's ID numbers costs more to build than to run.
_STORED = (select(Person.id, Person.id_number, Person.name, Person.unit_id, Person.post, Person.rank, Person.category,
                  Person.status, Person.file_opened_on)
           .where(Person.id_number.in_(bindparam("numbers", expanding=True))))


@dataclass(frozen=True, slots=True)
class PersonLine:
    line: int
    name: str
    id_number: str
    gender: str
    birth_date: date
    unit: str | None
    unit_uscc: str | None
    post: str | None
    rank: str | None
    category: str | None
    status: str | None
    file_opened_on: date | None


class PersonImporter:
    kind = ImportKind.PERSONS
    chunked = True  # a line's plan needs only the archive: matched and written a window at a time

    def parse(self, check: LineCheck, today: date) -> PersonLine | None:
        name = check.value("name", lambda t: clean_text(values.person_name(t), "name"))
        number = check.value("id_number", lambda t: values.id_number(t, today))
        unit = check.optional("unit", lambda t: clean_text(t, "unit", limit=200))
        uscc = check.optional("unit_uscc", lambda t: parse_uscc(t, field="unit_uscc"))
        if unit is None and uscc is None and not ({"unit", "unit_uscc"} & check.refused):
            check.add("unit" if check.mapped("unit") else "unit_uscc", "invalid", "unit is required")
        post = check.optional("post", lambda t: clean_text(t, "post"))
        rank = check.optional("rank", lambda t: clean_text(t, "rank"))
        category = check.optional("category", lambda t: clean_text(t, "category"))
        status = check.optional("status", _status)
        opened = check.optional("file_opened_on", lambda t: _file_date(t, today))
        if number is not None:
            gender = check.optional("gender", lambda t: Gender.parse(t, field="gender"))
            if gender is not None and gender is not number.gender:
                check.add("gender", "invalid", f"gender {gender.label} does not match the ID number "
                                               f"({number.gender.label})")
            if check.text("birth_date") and "birth_date" not in check.refused:
                _check_birth(check, number.birth_date)
        if name is None or number is None or not check.ok:
            return None
        return PersonLine(check.line, name, number.value, number.gender.value, number.birth_date, unit, uscc,
                          post, rank, category, status, opened)

    def key(self, item: PersonLine) -> tuple[Hashable, str, str]:
        return item.id_number, "id_number", "the ID number"

    def plan(self, session: Session, items: Sequence[PersonLine], today: date, blame: Blame) -> Plan[PersonLine]:
        plan: Plan[PersonLine] = Plan()
        units = UnitIndex.load(session)
        for batch in chunks(items, CHUNK):
            numbers = [i.id_number for i in batch]
            stored = {row.id_number: row for row in session.execute(_STORED, {"numbers": numbers})}
            for item in batch:
                unit_id, problem = units.resolve(item.unit, item.unit_uscc)
                if unit_id is None:
                    plan.problems.append(blame(item.line, problem[0], "not_found", problem[1]))
                    continue
                current = stored.get(item.id_number)
                if current is None:
                    plan.inserts.append((item, {"unit_id": unit_id}))
                    continue
                changed = differing(current._asdict(), (
                    ("name", item.name), ("unit_id", unit_id), ("post", item.post), ("rank", item.rank),
                    ("category", item.category), ("status", item.status), ("file_opened_on", item.file_opened_on)))
                if changed:
                    if "name" in changed:
                        changed["name_pinyin"], changed["name_initials"] = name_keys(item.name)
                    plan.updates.append((item, current.id, changed, masked(item.id_number)))
                else:
                    plan.unchanged += 1
        return plan

    def apply(self, ctx: WriteContext, plan: Plan[PersonLine]) -> Changes:
        bulk = BulkWriter(ctx.session, ctx.actor, ctx.clock)
        total, done = len(plan.inserts) + len(plan.updates), 0
        # In id order: the primary key, the change log's and the audit trail's indexes on the id then
        # grow in one direction instead of touching pages all over the file.
        ordered = sorted(((identity.person_id(item.id_number), item, resolved["unit_id"])
                          for item, resolved in plan.inserts), key=lambda entry: entry[0].int)
        for batch in chunks(ordered, BATCH):
            bulk.insert_rows(Person, [_row(person_id, item, unit_id, ctx.today) for person_id, item, unit_id in batch],
                             "person.import")
            done += len(batch)
            tick(ctx, done, total)
        bulk.finish()
        writer = Writer(ctx.session, ctx.actor, ctx.clock)
        for batch in chunks(plan.updates, CHUNK):
            objects = {p.id: p for p in ctx.session.scalars(select(Person).where(Person.id.in_([u[1] for u in batch])))}
            for item, person_id, changed, _key in batch:
                writer.update(objects[person_id], changed, "person.update", reason=import_reason(ctx.source, item.line),
                              detail={"import": ctx.source, "line": item.line})
            done += len(batch)
            tick(ctx, done, total)
        writer.finish()
        return merge_changes(bulk.changes, writer.changes)


def _row(person_id: uuid.UUID, item: PersonLine, unit_id: uuid.UUID, today: date) -> dict[str, Any]:
    full, initials = name_keys(item.name)
    return {"id": person_id, "name": item.name, "name_pinyin": full,
            "name_initials": initials, "id_number": item.id_number, "id_number_rev": item.id_number[::-1],
            "gender": item.gender, "birth_date": item.birth_date, "unit_id": unit_id, "post": item.post or "",
            "rank": item.rank or "", "category": item.category or "",
            "status": item.status or PersonStatus.SERVING.value, "file_opened_on": item.file_opened_on or today}


@lru_cache(maxsize=64)
def _status(text: str) -> str:
    """A roster writes a handful of statuses: each text is parsed once (a refused one is not cached)."""
    return PersonStatus.parse(text, field="status").value


def _file_date(text: str, today: date) -> date:
    day = values.parse_date(text, "file_opened_on")
    if not EARLIEST_FILE <= day <= today:
        raise ValidationError(f"file_opened_on {day} is out of range", field="file_opened_on")
    return day


def _check_birth(check: LineCheck, born: date) -> None:
    """出生日期 as a date, or 出生年月 as year and month (1985.03, 1985年3月), against the ID number."""
    text = check.text("birth_date")
    month = values.year_month(text)
    if month is None:
        try:
            same = values.parse_date(text, "birth_date") == born
        except ValidationError as exc:
            check.fail(exc, "birth_date")
            return
    else:  # Excel keeps 1985.10 typed as a number as 1985.1
        same = month == (born.year, born.month) or (text.endswith(".1") and month == (born.year, 1)
                                                      and born.month == 10)
    if not same:
        check.add("birth_date", "invalid", f"birth date does not match the ID number ({born.isoformat()})")
