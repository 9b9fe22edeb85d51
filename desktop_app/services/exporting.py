"""Export (issue 8): any list or report to XLSX or CSV (UTF-8 with BOM), chosen by the file's suffix.

* ID numbers are masked (440106********0035) unless the caller asks for full numbers, which needs
  ``person.reveal_id``; such an export says ``full_ids: true`` in its audit entry.
* Every export is an audit entry (``export.<what>``) naming the file, format, rows and filter.
* Cells that a spreadsheet would run as formulas are written as text (``tabular.writer``).
* The persons export lists the same persons in the same order as the persons page for the same
  search, unit, flag and sort; its columns are the import's headers, so a full export imports
  back unchanged.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

import desktop_app.services.training_reports  # noqa: F401  (registers the training report kinds)
from desktop_app.domain.consequences import Flag
from desktop_app.domain.divisions import division_table
from desktop_app.domain.enums import (
    Gender,
    PersonStatus,
    Polarity,
    RecordKind,
    RecordState,
    SanctionKind,
    Severity,
    UnitLevel,
)
from desktop_app.domain.permissions import Permission
from desktop_app.errors import ValidationError
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.reports import Cell, ReportParams, ReportTable, build_report
from desktop_app.services.scope import Target, scoped, unscoped
from desktop_app.services.ui_queries import ROWID, UiQueries
from desktop_app.store.models import IntegrityRecord, Person, Unit
from desktop_app.tabular.writer import table_format, write_table

CHUNK = 1000
ID_HEADERS = frozenset({"公民身份号码", "身份证号", "身份证号码", "证件号码"})
_FULL_ID = re.compile(r"^[0-9]{17}[0-9Xx]$")
PERSON_HEADERS = ("姓名", "公民身份号码", "性别", "出生日期", "单位", "职务", "职级", "类别", "状态", "建档日期")
UNIT_HEADERS = ("单位名称", "统一社会信用代码", "行政区划代码", "区划名称", "级别", "上级单位")
RECORD_HEADERS = ("姓名", "公民身份号码", "单位", "记录类型", "性质", "严重程度", "处分", "决定日期", "文号",
                  "决定机关", "事实", "状态", "公示开始", "公示最早结束", "公示最迟结束", "处分期至")


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int
    format: str         # xlsx or csv
    full_ids: bool


class ExportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.EXPORT)
    @scoped(rows=True, unit_id=Target.UNIT)
    def persons(self, path: Path, *, text: str = "", unit_id: uuid.UUID | None = None, flag: Flag | None = None,
                sort: str = "name", descending: bool = False, full_ids: bool = False) -> ExportResult:
        """The persons a search (text, unit, flag) finds, in the list's order (sort, descending)."""
        kind = self._begin("persons", path, Permission.PERSON_READ, full_ids)
        queries = UiQueries(self.ctx)
        found = queries.matching_persons(text, unit_id=unit_id, flag=flag)
        order = queries.person_order(sort)
        rowids = order if found is None else [r for r in order if r in found]
        if descending:
            rowids.reverse()
        rows = list(self._person_rows(rowids, full_ids))
        detail = {"search": text[:64], "unit": unit_id.hex if unit_id else None, "flag": flag.value if flag else None}
        return self._write(path, kind, "人员名单", PERSON_HEADERS, rows, "persons", full_ids, detail)

    @requires(Permission.EXPORT)
    @scoped(rows=True)
    def units(self, path: Path) -> ExportResult:
        kind = self._begin("units", path, Permission.UNIT_READ, False)
        with self.ctx.read() as s:
            units = s.execute(select(Unit).where(self.ctx.scope(s).where_unit(Unit.id))
                              .order_by(Unit.division_code, Unit.name)).scalars().all()
        names = {u.id: u.name for u in units}
        table = division_table()
        rows = [(u.name, u.uscc, u.division_code, table.full_name(u.division_code), UnitLevel(u.level).label,
                 names.get(u.parent_id, "") if u.parent_id else "") for u in units]
        return self._write(path, kind, "单位名单", UNIT_HEADERS, rows, "units", False, {})

    @requires(Permission.EXPORT)
    @scoped(rows=True, unit_id=Target.UNIT, person_id=Target.PERSON)
    def records(self, path: Path, *, unit_id: uuid.UUID | None = None, person_id: uuid.UUID | None = None,
                full_ids: bool = False) -> ExportResult:
        """Integrity records (of one unit's persons, or one person's), by person and decision date."""
        kind = self._begin("records", path, Permission.RECORD_READ, full_ids)
        r = IntegrityRecord
        query = (select(r, Person.name, Person.id_number, Unit.name.label("unit_name"))
                 .join(Person, Person.id == r.person_id).join(Unit, Unit.id == Person.unit_id)
                 .order_by(Person.name_pinyin, Person.id, r.decided_on, r.id))
        if unit_id is not None:
            query = query.where(Person.unit_id == unit_id)
        if person_id is not None:
            query = query.where(r.person_id == person_id)
        with self.ctx.read() as s:
            query = query.where(self.ctx.scope(s).where_unit(Person.unit_id))
            rows = [_record_cells(rec, name, _id(number, full_ids), unit)
                    for rec, name, number, unit in s.execute(query.execution_options(yield_per=CHUNK))]
        detail = {"unit": unit_id.hex if unit_id else None, "person": person_id.hex if person_id else None}
        return self._write(path, kind, "诚信记录", RECORD_HEADERS, rows, "records", full_ids, detail)

    @requires(Permission.EXPORT)
    @scoped(rows=True, unit_name=Target.UNIT_NAME)
    def report(self, kind: str, path: Path, *, year: int | None = None, unit_name: str | None = None) -> ExportResult:
        """A report of the registry (``services.reports.REPORTS``) as a file."""
        from desktop_app.services import Services  # the registry's builders take the facade

        fmt = self._begin(f"report.{kind}", path, None, False)
        services = Services.for_user(self.ctx.archive, self.ctx.user, self.ctx.today)
        table = build_report(services, str(kind), ReportParams(year=year, unit_name=unit_name))
        return self._write(path, fmt, table.title, table.headers, _masked_rows(table), f"report.{kind}", False,
                           {"kind": kind, "year": year, "unit": unit_name})

    @requires(Permission.EXPORT)
    @unscoped("writes a table the caller already holds (a page's list, itself read within the scope)")
    def table(self, table: ReportTable, path: Path, *, source: str = "list") -> ExportResult:
        """A table a page already shows (any list): ID numbers in it are masked."""
        if not isinstance(table, ReportTable):
            raise ValidationError("nothing to export", field="table")
        fmt = self._begin("table", path, None, False)
        return self._write(path, fmt, table.title, table.headers, _masked_rows(table), "table", False,
                           {"source": str(source)[:64], "title": table.title[:64]})

    # -- helpers --------------------------------------------------------------------------------

    def _begin(self, what: str, path: Path, permission: Permission | None, full_ids: bool) -> str:
        if not isinstance(path, str | Path):
            raise ValidationError("no file given", field="file")
        fmt = table_format(Path(path))
        if permission is not None:
            self.ctx.require(f"export.{what}", permission)
        if full_ids:
            self.ctx.require(f"export.{what}", Permission.PERSON_REVEAL_ID)
        return fmt

    def _person_rows(self, rowids: list[int], full_ids: bool) -> Iterator[tuple[Cell, ...]]:
        columns = (ROWID.label("rowid"), Person.name, Person.id_number, Person.gender, Person.birth_date,
                   Unit.name.label("unit_name"),
                   Person.post, Person.rank, Person.category, Person.status, Person.file_opened_on)
        with self.ctx.read() as s:
            for start in range(0, len(rowids), CHUNK):
                wanted = rowids[start:start + CHUNK]
                found = {row.rowid: row for row in s.execute(select(*columns).join(Unit, Unit.id == Person.unit_id)
                                                             .where(ROWID.in_(wanted)))}
                for rowid in wanted:
                    p = found.get(rowid)
                    if p is not None:
                        yield (p.name, _id(p.id_number, full_ids), Gender(p.gender).label, _day(p.birth_date),
                               p.unit_name, p.post, p.rank, p.category, PersonStatus(p.status).label,
                               _day(p.file_opened_on))

    def _write(self, path: Path, fmt: str, title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
               what: str, full_ids: bool, detail: dict[str, Any]) -> ExportResult:
        target = Path(path)
        count = write_table(target, title, headers, rows)
        try:
            with self.ctx.write() as w:
                w.audit(f"export.{what}", detail={"file": target.name[:200], "format": fmt, "rows": count,
                                                  "full_ids": full_ids, **{k: v for k, v in detail.items() if v}})
        except BaseException:
            target.unlink(missing_ok=True)  # no export without its audit entry
            raise
        return ExportResult(target, count, fmt, full_ids)


def _id(number: str, full: bool) -> str:
    return number if full else f"{number[:6]}********{number[-4:]}"


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _record_cells(r: IntegrityRecord, name: str, number: str, unit: str) -> tuple[Cell, ...]:
    state = "异议处理中" if r.under_objection and r.state == RecordState.ACTIVE.value else RecordState(r.state).label
    return (name, number, unit, RecordKind(r.kind).label, Polarity(r.polarity).label, Severity(r.severity).label,
            SanctionKind(r.sanction).label if r.sanction else "", _day(r.decided_on), r.document_no, r.authority,
            r.facts, state, _day(r.publication_start), _day(r.publication_earliest_end),
            _day(r.publication_latest_end), _day(r.sanction_end))


def _masked_rows(table: ReportTable) -> list[tuple[Cell, ...]]:
    """Rows with any full ID number in an ID column masked (reports mask already; this makes sure)."""
    columns = [i for i, header in enumerate(table.headers) if header.strip() in ID_HEADERS]
    if not columns:
        return [tuple(row) for row in table.rows]
    out = []
    for row in table.rows:
        cells = list(row)
        for i in columns:
            value = cells[i] if i < len(cells) else None
            if isinstance(value, str) and _FULL_ID.match(value.strip()):
                cells[i] = _id(value.strip().upper(), False)
        out.append(tuple(cells))
    return out
