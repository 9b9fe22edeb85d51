"""Storing a pushed batch on PostgreSQL with ``COPY``: the rows go into a temporary table of the
session in one stream, then one ``INSERT … SELECT … ON CONFLICT DO NOTHING`` moves them in push order.

Why: ``executemany`` of ``INSERT … ON CONFLICT … RETURNING`` cost a third of a first push (one round
of statement work per row). ``COPY`` cannot skip duplicates itself (a batch resent after a crash),
hence the staging table. The final ``INSERT`` runs as the office's role, so row-level security checks
every row exactly as before, and ``tx``/``seq`` take their defaults in ``ord`` order: an insert and
the updates after it in the same batch keep their order for every puller.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

COLUMNS = ("change_id", "device_id", "scope", "entity", "entity_id", "op", "hlc", "payload", "signature",
           "received_at")
_STAGE = "sync_push_stage"
_NAMES = ", ".join(COLUMNS)
# Temporary: private to the session, never WAL-logged; emptied after every use and at commit.
_CREATE = (f"CREATE TEMP TABLE IF NOT EXISTS {_STAGE} (ord integer NOT NULL, change_id text, device_id text, "
           "scope text, entity text, entity_id text, op text, hlc text, payload text, signature bytea, "
           "received_at text) ON COMMIT DELETE ROWS")
_MOVE = (f"INSERT INTO sync_changes ({_NAMES}) SELECT {_NAMES} FROM {_STAGE} ORDER BY ord "
         "ON CONFLICT (change_id) DO NOTHING")


def copy_changes(conn: Any, rows: Sequence[dict[str, Any]]) -> int:
    """Store ``rows`` (dicts keyed by ``COLUMNS``) inside the caller's transaction; returns how many
    were new (the rest were already stored)."""
    raw = conn.connection.dbapi_connection      # psycopg 3, in the transaction SQLAlchemy began
    with raw.cursor() as cursor:
        cursor.execute("SET LOCAL client_min_messages = warning")   # no NOTICE for an existing table
        cursor.execute(_CREATE)
        with cursor.copy(f"COPY {_STAGE} (ord, {_NAMES}) FROM STDIN") as copy:
            for ord_, row in enumerate(rows):
                copy.write_row((ord_, *(row[c] for c in COLUMNS)))
        cursor.execute(_MOVE)
        stored = cursor.rowcount
        cursor.execute(f"TRUNCATE {_STAGE}")   # a bundle import pushes several batches in one transaction
    return int(stored)
