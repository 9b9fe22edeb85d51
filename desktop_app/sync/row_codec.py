"""A row that arrives by sync, from its wire form straight to its digest form and its stored form.

The apply path used to turn every wire value into a Python object (``wire.column_value``), back into
its canonical form for the digest (``digest.mapping_values``) and then into what SQLite stores
(``store.bulk`` converters): three passes with a type dispatch per value, about a third of a first
pull. Here each column's conversion is chosen once per table and one pass yields both forms.

The stored forms must stay what SQLAlchemy's column types store (``store.bulk`` is held to that);
``tests/integration/test_sync_apply_rows.py`` compares this codec with the three-pass path for every
synchronised table.
"""

from __future__ import annotations

import base64
import re
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, LargeBinary, Table, Uuid
from sqlalchemy.orm import Session

from desktop_app.store.digest import JsonValue, plain
from desktop_app.store.types import JsonText, UtcDateTime, canonical_json

_HEX32 = re.compile("[0-9a-f]{32}")
Convert = Callable[[Any], tuple[JsonValue, Any]]      # wire value (not None) → (digest form, stored form)


def _uuid(value: Any) -> tuple[JsonValue, Any]:
    if type(value) is str and _HEX32.fullmatch(value):   # already as stored: skip building a UUID
        return value, value
    text = uuid.UUID(hex=str(value)).hex
    return text, text


def _utc(value: Any) -> tuple[JsonValue, Any]:
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    moment = moment.astimezone(UTC)
    # The digest form is what the row reads back as (UTC), so ``verify`` agrees with the audit entry.
    return moment.isoformat(), moment.isoformat(timespec="microseconds")


def _date(value: Any) -> tuple[JsonValue, Any]:
    text = date.fromisoformat(str(value)).isoformat()
    return text, text


def _bool(value: Any) -> tuple[JsonValue, Any]:
    flag = bool(value)
    return flag, int(flag)


def _bytes(value: Any) -> tuple[JsonValue, Any]:
    raw = base64.b64decode(str(value))
    return base64.b64encode(raw).decode("ascii"), raw


def _json(value: Any) -> tuple[JsonValue, Any]:
    return plain(value), value if isinstance(value, str) else canonical_json(value)


def _scalar(value: Any) -> tuple[JsonValue, Any]:
    if type(value) is str or type(value) is int:   # the common case, without plain()'s checks
        return value, value
    return plain(value), value


def _convert_for(column_type: Any) -> Convert:
    for kind, convert in ((Uuid, _uuid), (UtcDateTime, _utc), (Date, _date), (Boolean, _bool),
                          (LargeBinary, _bytes), (JsonText, _json)):
        if isinstance(column_type, kind):
            return convert
    return _scalar


class RowCodec:
    """One table's ``INSERT`` and per-column conversions, built once."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = list(table.columns.keys())
        self._pairs = [(name, _convert_for(table.columns[name].type)) for name in self.columns]
        names = ", ".join(f'"{c}"' for c in self.columns)
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(self.columns))})'

    def from_wire(self, values: dict[str, Any], entity_id: uuid.UUID) -> tuple[dict[str, JsonValue], tuple[Any, ...]]:
        """The row's digest values and its stored parameters; ``id`` is always ``entity_id``."""
        digest_values: dict[str, JsonValue] = {}
        stored: list[Any] = []
        for name, convert in self._pairs:
            value = entity_id.hex if name == "id" else values.get(name)
            if value is None:
                digest_values[name] = None
                stored.append(None)
            else:
                digest_values[name], converted = convert(value)
                stored.append(converted)
        return digest_values, tuple(stored)


_CODECS: dict[str, RowCodec] = {}


def codec(table: Table) -> RowCodec:
    if table.name not in _CODECS:
        _CODECS[table.name] = RowCodec(table)
    return _CODECS[table.name]


def insert_stored(session: Session, codec_: RowCodec, rows: Sequence[tuple[Any, ...]]) -> None:
    """``executemany`` straight to the driver inside the session's transaction (as ``store.bulk`` does)."""
    if not rows:
        return
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(codec_.sql, rows)
    finally:
        cursor.close()
