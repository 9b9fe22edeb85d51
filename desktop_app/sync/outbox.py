"""Reading the outbox for a push: Core rows with the JSON texts as stored, spliced into payloads.

A push used to load ORM ``Change`` objects (identity map, JSON parsed into dicts, datetimes and UUIDs
built) and then serialise the same dicts again for the payload. Here the stored canonical texts of
``values`` and ``base_clocks`` go into the payload as they are; only ``values`` is parsed, because
the unit a change belongs to (its scope) is read from it. The payload is the same canonical JSON that
``WireChange.payload()`` makes (``tests/integration/test_sync_outbox.py``), since the change log
stores those columns through ``canonical_json``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Row, String, Text, select, type_coerce
from sqlalchemy.orm import Session

from desktop_app.store.models import Change
from desktop_app.store.types import canonical_json
from desktop_app.sync.wire import WireChange

_c = Change.__table__.c
_COLUMNS = (_c.seq, _c.entity, _c.op, _c.hlc, _c.device_id, _c.user_name,
            type_coerce(_c.change_id, String).label("change_id"),     # stored as 32 hex digits
            type_coerce(_c.entity_id, String).label("entity_id"),
            type_coerce(_c.created_at, String).label("created_at"),   # ISO text as stored
            type_coerce(_c["values"], Text).label("values"),
            type_coerce(_c.base_clocks, Text).label("base_clocks"))


def unsent(session: Session, after_seq: int, limit: int) -> list[Row[Any]]:
    """The next unsent changes after ``after_seq``, in order (keyset paging: sent rows are not rescanned)."""
    query = (select(*_COLUMNS).where(_c.seq > after_seq, _c.sent_at.is_(None)).order_by(_c.seq).limit(limit))
    return list(session.execute(query).all())


def wire_and_payload(row: Row[Any]) -> tuple[WireChange, str]:
    values_text, clocks_text = row.values, row.base_clocks
    wire = WireChange(row.change_id, row.device_id, row.entity, row.entity_id, row.op, json.loads(values_text),
                      json.loads(clocks_text), row.hlc, row.user_name, row.created_at)
    # Keys in canonical (sorted) order: base_clocks, the eight plain fields, values.
    middle = canonical_json({"change_id": wire.change_id, "created_at": wire.created_at, "device_id": wire.device_id,
                             "entity": wire.entity, "entity_id": wire.entity_id, "hlc": wire.hlc, "op": wire.op,
                             "user": wire.user_name})
    return wire, f'{{"base_clocks":{clocks_text},{middle[1:-1]},"values":{values_text}}}'
