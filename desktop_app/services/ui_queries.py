"""Read queries shaped for the desktop client's lazy tables (issue #3).

``PersonService.search_ids`` returns UUIDs in pinyin order; on 100,000 persons that costs a table
lookup per row (~2.5 s under SQLCipher) and an ``OR … LIKE '%unit%'`` scan (~1 s). The client
instead keeps SQLite rowids, which every index covers:

* ``order(sort)`` — all rowids in one display order (an index-only scan, ~0.15 s, cached by the
  client and dropped when persons change);
* ``matching(text, …)`` — the rowids a search matches, unordered, each branch an index-only
  lookup (the client orders them by their position in the cached order);
* ``rows(rowids)`` — the rows for the visible block.

Rowids are a transient handle inside one unlocked session (the client refetches after every
change); anything that leaves the table view uses ``PersonRow.id``. Matching follows the rules
of ``persons._search_query`` and ``persons.flag_condition`` (same text forms, same flags).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy import ColumnClause, Integer, and_, func, literal_column, select, union
from sqlalchemy.sql import Select

from desktop_app.domain.consequences import Flag
from desktop_app.domain.permissions import Permission
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.services.context import ServiceContext, requires, signed_in_only
from desktop_app.services.persons import PersonService, flag_condition, to_person_row
from desktop_app.services.rows import PersonFile, PersonRow
from desktop_app.services.scope import Target, scoped, unscoped
from desktop_app.store.models import Change, Person, Unit

ROWID: ColumnClause[int] = literal_column("persons.rowid", Integer)
_ID_FRAGMENT = re.compile(r"^[0-9]{3,17}[0-9Xx]?$")
MAX_ROWS = 1000

PERSON_COLUMNS = (Person.id, Person.name, Person.id_number, Person.gender, Person.birth_date, Person.unit_id,
                  Person.post, Person.rank, Person.status, Person.version)

SORT_KEYS: dict[str, tuple[Any, ...]] = {
    "name": (Person.name_pinyin,),
    "id_number": (Person.id_number,),
    "gender": (Person.gender, Person.name_pinyin),
    "birth_date": (Person.birth_date, Person.name_pinyin),
    "unit": (Unit.name, Person.name_pinyin),
    "post": (Person.post, Person.name_pinyin),
    "rank": (Person.rank, Person.name_pinyin),
    "status": (Person.status, Person.name_pinyin),
}


class UiQueries:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.PERSON_READ)
    @scoped(rows=True)
    def person_order(self, sort: str = "name") -> list[int]:
        """Every person's rowid (of the user's units) in the display order of ``sort`` (ties by pinyin,
        then rowid)."""
        if sort not in SORT_KEYS:
            raise ValidationError(f"unknown sort {sort!r}", field="sort")
        query: Select[Any] = select(ROWID).select_from(Person)
        if sort == "unit":
            query = query.join(Unit, Person.unit_id == Unit.id)
        with self.ctx.read() as s:
            query = query.where(self.ctx.scope(s).where_unit(Person.unit_id))
            return list(s.scalars(query.order_by(*SORT_KEYS[sort], ROWID)))

    @requires(Permission.PERSON_READ)
    @scoped(rows=True)
    def person_count(self) -> int:
        with self.ctx.read() as s:
            return int(s.scalar(select(func.count()).select_from(Person)
                                .where(self.ctx.scope(s).where_unit(Person.unit_id))) or 0)

    @requires(Permission.PERSON_READ)
    @scoped(rows=True, unit_id=Target.UNIT)
    def matching_persons(self, text: str = "", *, unit_id: uuid.UUID | None = None,
                         flag: Flag | None = None) -> set[int] | None:
        """Rowids matching the search, unordered; None when nothing filters (every person of the
        user's units, as ``person_order`` lists them)."""
        branches = [_text_branch(q) for q in _text_branches(text)]
        conditions = []
        if unit_id is not None:
            conditions.append(Person.unit_id == unit_id)
        if flag is not None:
            self.ctx.require("person.filter_by_flag", Permission.RECORD_READ)  # audited like any denial
            conditions.append(Person.id.in_(_flagged_person_ids(flag, self.ctx.today(), self.ctx)))
        if not branches and not conditions:
            return None
        with self.ctx.read() as s:
            found: set[int] | None = None
            if branches:
                found = set(s.scalars(union(*branches))) if len(branches) > 1 else set(s.scalars(branches[0]))
            scope = self.ctx.scope(s)
            if not scope.whole:  # what the branches found, limited to the user's units
                conditions.append(scope.where_unit(Person.unit_id))
            if conditions and (found is None or found):
                query = select(ROWID).select_from(Person).where(and_(*conditions))
                filtered = set(s.scalars(query))
                found = filtered if found is None else found & filtered
            return found or set()

    @requires(Permission.PERSON_READ)
    @scoped(rows=True)
    def person_rows(self, rowids: list[int]) -> dict[int, PersonRow]:
        """Rows for up to 1,000 rowids (missing ones are left out)."""
        wanted = rowids[:MAX_ROWS]
        if not wanted:
            return {}
        with self.ctx.read() as s:
            # Plain columns, not ORM entities: about 5x faster for a screenful of rows.
            result = s.execute(select(ROWID.label("rowid"), *PERSON_COLUMNS, Unit.name.label("unit_name"))
                               .join(Unit, Person.unit_id == Unit.id)
                               .where(ROWID.in_(wanted), self.ctx.scope(s).where_unit(Person.unit_id)))
            return {row.rowid: to_person_row(row, row.unit_name) for row in result}  # type: ignore[arg-type]

    @requires(Permission.PERSON_READ)
    @scoped(person_id=Target.PERSON)
    def person_file(self, person_id: uuid.UUID) -> PersonFile:
        """``PersonService.show`` by the row's id: the table knows ids, not full ID numbers."""
        with self.ctx.read() as s:
            number = s.scalar(select(Person.id_number).where(Person.id == person_id))
        if number is None:
            raise NotFoundError("no such person", field="person")
        return PersonService(self.ctx).show(number)

    @signed_in_only
    @unscoped("a count of this archive's unsent changes, no personal data")
    def pending_changes(self) -> int:
        """Local changes not yet sent to headquarters (a count, no personal data: every role sees it)."""
        with self.ctx.read() as s:
            return int(s.scalar(select(func.count()).select_from(Change).where(Change.sent_at.is_(None))) or 0)


def _text_branches(text: str) -> list[tuple[str, str]]:
    """(kind, key) lookups whose union is what ``text`` matches."""
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > 64:
        raise ValidationError("search text is longer than 64 characters", field="search")
    if _ID_FRAGMENT.match(text):
        upper = text.upper()
        return [("id_full", upper)] if len(upper) == 18 else [("id_tail", upper[::-1])]
    if text.isascii() and text.replace(" ", "").isalpha():
        key = text.replace(" ", "").lower()
        # One letter: the initials' first letter is the pinyin's first letter, one lookup suffices.
        return [("pinyin", key)] if len(key) == 1 else [("pinyin", key), ("initials", key)]
    return [("name", text), ("unit", text)]


def _text_branch(branch: tuple[str, str]) -> Select[Any]:
    kind, key = branch
    base = select(ROWID).select_from(Person)
    column = {"id_full": Person.id_number, "id_tail": Person.id_number_rev, "pinyin": Person.name_pinyin,
              "initials": Person.name_initials, "name": Person.name}.get(kind)
    if kind == "id_full":
        return base.where(Person.id_number == key)
    if column is not None:
        # A range instead of LIKE so SQLite uses the index (as persons._prefix does).
        return base.where(column.between(key, key + "\U0010ffff"))
    return base.where(Person.unit_id.in_(select(Unit.id).where(Unit.name.contains(key, autoescape=True))))


def _flagged_person_ids(flag: Flag, today: Any, ctx: ServiceContext) -> Select[Any]:
    """The persons carrying ``flag``: the one rule the services use (persons.flag_condition)."""
    return select(Person.id).where(flag_condition(flag, today, ctx))


