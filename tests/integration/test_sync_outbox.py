"""The push reads its outbox as stored texts and splices the payload (sync/outbox.py): the result is
the canonical payload ``WireChange.payload()`` makes, for inserts, edits with base clocks, and values
with Chinese text, quotes and backslashes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from desktop_app.services import Services
from desktop_app.store.models import Change
from desktop_app.sync import outbox
from desktop_app.sync.wire import WireChange
from tests.factories import id_number


def test_spliced_payloads_equal_canonical_ones(admin: Services) -> None:
    admin.persons.edit(id_number(1), post='副科长 "代理"\\兼')
    admin.persons.edit(id_number(1), rank="二级主任科员")
    with admin.ctx.archive.session() as s:
        rows = outbox.unsent(s, 0, 1000)
        local = {c.seq: c for c in s.scalars(select(Change))}
        assert [r.seq for r in rows] == sorted(local) and len(rows) >= 6
        with_clocks = 0
        for row in rows:
            wire, payload = outbox.wire_and_payload(row)
            change = local[row.seq]
            expected = WireChange.from_local(change)
            assert datetime.fromisoformat(wire.created_at) == change.created_at
            assert wire == WireChange(*[getattr(expected, f) for f in WireChange.__slots__ if f != "created_at"],
                                      created_at=wire.created_at)
            assert payload == wire.payload()
            assert WireChange.from_payload(payload) == wire
            with_clocks += bool(wire.base_clocks)
        assert with_clocks >= 2
        assert outbox.unsent(s, rows[2].seq, 2) == rows[3:5]   # keyset paging
