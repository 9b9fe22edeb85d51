"""The sync apply path's one-pass row conversion (sync/row_codec.py) gives exactly what the three-pass
path gave (wire value → Python object → digest form, and → what store.bulk stores), for every
synchronised table and every column type, and such rows read back as their digest says."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Date,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    Uuid,
    inspect,
    select,
)

from desktop_app.services import Services
from desktop_app.store.bulk import _raw_insert
from desktop_app.store.digest import digest, mapping_values
from desktop_app.store.models import TRACKED_MODELS
from desktop_app.store.types import UtcDateTime
from desktop_app.sync.row_codec import codec, insert_stored
from desktop_app.sync.wire import column_value


def _sample(table: Table, variant: int) -> dict[str, Any]:
    """A row with a value of the column's type in every column (variant 2: None where allowed)."""
    row: dict[str, Any] = {}
    for n, column in enumerate(table.columns):
        kind = column.type
        if variant == 2 and column.nullable and not column.primary_key:
            row[column.name] = None
        elif isinstance(kind, Uuid):
            row[column.name] = uuid.UUID(int=(n + 1) * 7919 + variant)
        elif isinstance(kind, UtcDateTime):   # variant 1: no microseconds (isoformat drops them)
            row[column.name] = datetime(2026, 11, 27, 8, 30, n % 60, 0 if variant else 123456 + n, tzinfo=UTC)
        elif isinstance(kind, Date):
            row[column.name] = date(2026, 1, 1 + n % 28)
        elif isinstance(kind, Boolean):
            row[column.name] = bool((n + variant) % 2)
        elif isinstance(kind, LargeBinary):
            row[column.name] = bytes(range(n, n + 40))
        elif isinstance(kind, Float):
            row[column.name] = 2.5 + n
        elif isinstance(kind, Integer):
            row[column.name] = n + 1
        else:
            row[column.name] = f"天河区{n}号·{variant}"
    return row


def _three_pass(table: Table, model: type[Any], wire: dict[str, Any], entity_id: uuid.UUID) -> tuple[Any, Any]:
    mapper = inspect(model)
    values = {key: column_value(mapper, key, wire.get(key)) for key in mapper.columns.keys()}  # noqa: SIM118
    values["id"] = entity_id
    return mapping_values(values), _raw_insert(table).params([values])[0]


@pytest.mark.parametrize("variant", [0, 1, 2])
@pytest.mark.parametrize("entity", sorted(TRACKED_MODELS))
def test_one_pass_equals_the_three_pass_path(entity: str, variant: int) -> None:
    model = TRACKED_MODELS[entity]
    table: Table = model.__table__  # type: ignore[attr-defined]
    row = _sample(table, variant)
    wire = mapping_values(row)            # what the sender put in the change's values
    entity_id = row["id"]
    expected_digest_values, expected_stored = _three_pass(table, model, wire, entity_id)
    digest_values, stored = codec(table).from_wire(wire, entity_id)
    assert digest_values == expected_digest_values
    assert digest(digest_values) == digest(expected_digest_values)
    assert stored == expected_stored


def test_a_time_with_another_offset_is_digested_as_it_reads_back() -> None:
    """The three-pass path digested +08:00 as sent while storing UTC, so ``verify`` would disagree."""
    table: Table = TRACKED_MODELS["unit"].__table__  # type: ignore[attr-defined]
    moment = datetime(2026, 11, 27, 16, 30, tzinfo=timezone(timedelta(hours=8)))
    digest_values, stored = codec(table).from_wire({"created_at": moment.isoformat()}, uuid.uuid4())
    assert digest_values["created_at"] == "2026-11-27T08:30:00+00:00"
    assert stored[codec(table).columns.index("created_at")] == "2026-11-27T08:30:00.000000+00:00"
    spelled = codec(table).from_wire({"parent_id": "0123456789ABCDEF0123456789ABCDEF"}, uuid.uuid4())[0]
    assert spelled["parent_id"] == "0123456789abcdef0123456789abcdef"   # stored as every other id
    with pytest.raises(ValueError, match="naive"):
        codec(table).from_wire({"created_at": "2026-11-27T08:30:00"}, uuid.uuid4())


def test_rows_stored_by_the_codec_read_back_as_their_digest(admin: Services) -> None:
    """A real archive: the unit and persons of the fixture, re-inserted under new ids through the
    codec, read back through the ORM with the same digest values."""
    archive = admin.ctx.archive
    for entity in ("unit", "person"):
        model = TRACKED_MODELS[entity]
        table: Table = model.__table__  # type: ignore[attr-defined]
        unique = {c.name for index in table.indexes if index.unique for c in index.columns
                  if isinstance(c.type, String)}
        unique |= {c.name for constraint in table.constraints if isinstance(constraint, UniqueConstraint)
                   for c in constraint.columns if isinstance(c.type, String)}   # type: ignore[attr-defined]
        with archive.session(write=True) as s:
            originals = [dict(r) for r in s.execute(select(table)).mappings()]
            copies: dict[uuid.UUID, dict[str, Any]] = {}
            for n, original in enumerate(originals):
                wire = {k: f"{v}#{n}" if k in unique else v for k, v in mapping_values(original).items()}
                copy_id = uuid.UUID(int=uuid.UUID(hex=str(wire["id"])).int ^ 1)
                values, stored = codec(table).from_wire(wire, copy_id)
                insert_stored(s, codec(table), [stored])
                copies[copy_id] = values
        with archive.session() as s:
            for copy_id, values in copies.items():
                read = dict(s.execute(select(table).where(table.c.id == copy_id)).mappings().one())
                assert mapping_values(read) == values
