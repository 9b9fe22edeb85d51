"""The central store's tables (DESIGN.md §5): the same schema on PostgreSQL (production) and on a
SQLite file (embedded default). ``db/central/`` migrates it; on PostgreSQL the migration also
creates the row-level security that limits each office's database role to its scope.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s", "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s", "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s"})

# Enrolled devices: one per office archive (headquarters' own archive too).
devices = Table(
    "sync_devices", metadata,
    Column("device_id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, server_default=""),
    Column("sign_public", LargeBinary, nullable=False),      # Ed25519: verifies the device's changes
    Column("box_public", LargeBinary, nullable=False),       # X25519: return bundles are encrypted to it
    Column("db_role", String(63), nullable=False, server_default=""),  # PostgreSQL login role of the office
    Column("revoked", Boolean, nullable=False, server_default="0"),
    Column("enrolled_at", String(32), nullable=False),
    Column("last_push_at", String(32)),
    Column("last_pull_at", String(32)),
    Column("chain_seq", BigInteger, nullable=False, server_default="0"),   # audit chain head last seen
    Column("chain_hash", String(64), nullable=False, server_default=""),
    Column("chain_alarm", Text, nullable=False, server_default=""),        # set when the head went backwards
    Column("bundle_in_number", Integer, nullable=False, server_default="0"),
    Column("bundle_in_hash", String(64), nullable=False, server_default=""),
    Column("bundle_out_number", Integer, nullable=False, server_default="0"),
    Column("bundle_out_hash", String(64), nullable=False, server_default=""),
)

# What each device may see: a unit code (统一社会信用代码) or a division-code prefix ("4401").
device_scopes = Table(
    "sync_device_scopes", metadata,
    Column("device_id", String(36), primary_key=True),
    Column("scope", String(18), primary_key=True),
)

# The change log of the province. ``tx`` is the PostgreSQL transaction id of the push: pulls read
# in (tx, seq) order and only below the oldest running transaction, so a change whose transaction
# commits late is never skipped (a plain ``seq > cursor`` would skip it).
changes = Table(
    "sync_changes", metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("tx", BigInteger, nullable=False, server_default="0"),
    Column("change_id", String(32), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("scope", String(18), nullable=False),               # unit code, or "" for province-wide
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(32), nullable=False),
    Column("op", String(8), nullable=False),
    Column("hlc", String(64), nullable=False),
    Column("payload", Text, nullable=False),                   # canonical JSON of the signed change
    Column("signature", LargeBinary, nullable=False),
    Column("received_at", String(32), nullable=False),
    UniqueConstraint("change_id"),
    Index("ix_sync_changes_tx_seq", "tx", "seq"),
)

# Changes refused at the door (bad signature, unknown or revoked device): kept, never served.
quarantine = Table(
    "sync_quarantine", metadata,
    Column("change_id", String(32), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("reason", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("received_at", String(32), nullable=False),
)

# Office bundles refused at headquarters (damaged, forged, replayed, out of order): one row each, so
# headquarters has the record the office has in its audit trail. No office role is granted it.
bundle_refusals = Table(
    "sync_bundle_refusals", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("file", String(255), nullable=False),
    Column("sender", String(64), nullable=False),               # as the header claims; "" if unreadable
    Column("reason", Text, nullable=False),
    Column("received_at", String(32), nullable=False),
)

# Headquarters' own key pairs (signing return bundles, receiving office bundles). On PostgreSQL no
# office role is granted this table.
hq_keys = Table(
    "sync_hq_keys", metadata,
    Column("id", Integer, primary_key=True),
    Column("sign_private", LargeBinary, nullable=False),
    Column("box_private", LargeBinary, nullable=False),
    Column("created_at", String(32), nullable=False),
)

# Headquarters' public keys, readable by every office (bundles are encrypted to ``box_public``).
hq_public = Table(
    "sync_hq_public", metadata,
    Column("id", Integer, primary_key=True),
    Column("sign_public", LargeBinary, nullable=False),
    Column("box_public", LargeBinary, nullable=False),
)
