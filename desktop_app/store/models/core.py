"""SQLAlchemy 2 models of the local archive (DESIGN.md §4).

Every syncable row ("tracked" below) has a UUID primary key and a ``version``; writes go through
``desktop_app.store.writer`` which appends the change-log entry, the revision and the audit entry
in the same transaction. Rows are never deleted: records are revoked or corrected.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_app.store.types import JsonText, UtcDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Columns every syncable, audited row has."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Meta(Base):
    """Archive-wide values: archive id, device id and key, HLC, audit head, office name."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RolePermission(Base):
    __tablename__ = "role_permissions"
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    permission: Mapped[str] = mapped_column(String(48), primary_key=True)


class User(Tracked, Base):
    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    slot_id: Mapped[str] = mapped_column(String(64), unique=True)
    # The slot's public key also lives here, inside the encryption, so a rekey wraps the new data
    # key to keys nobody could have swapped in the plaintext key file.
    slot_public_key: Mapped[bytes] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class UserScope(Tracked, Base):
    """One unit a user is limited to; the unit covers its descendants (``units.parent_id``). A user
    without an active row works on the whole archive. Rows are never deleted: a unit leaves the scope
    by ``active = False``, so the audit trail binds every state. Like users, never synchronised."""

    __tablename__ = "user_scopes"
    __table_args__ = (UniqueConstraint("user_id", "unit_id"),)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Unit(Tracked, Base):
    __tablename__ = "units"
    # Not unique: two offices may name different units alike; the service refuses local duplicates.
    name: Mapped[str] = mapped_column(String(200), index=True)
    uscc: Mapped[str] = mapped_column(String(18), unique=True)
    division_code: Mapped[str] = mapped_column(String(6))
    level: Mapped[str] = mapped_column(String(16))
    # Indexed: a user's unit scope walks the tree downwards from its units.
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("units.id"), default=None, index=True)


class Person(Tracked, Base):
    __tablename__ = "persons"
    name: Mapped[str] = mapped_column(String(64), index=True)
    # Filled at write time so search and sort run in the database (STYLE.md).
    name_pinyin: Mapped[str] = mapped_column(String(256), index=True)
    name_initials: Mapped[str] = mapped_column(String(64), index=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    id_number_rev: Mapped[str] = mapped_column(String(18), index=True)  # for "last digits" search
    gender: Mapped[str] = mapped_column(String(8))
    birth_date: Mapped[date] = mapped_column(Date)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"), index=True)
    post: Mapped[str] = mapped_column(String(64), default="")
    rank: Mapped[str] = mapped_column(String(64), default="")
    category: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[str] = mapped_column(String(16), default="serving")
    file_opened_on: Mapped[date] = mapped_column(Date)


class IntegrityRecord(Tracked, Base):
    __tablename__ = "records"
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    polarity: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    sanction: Mapped[str | None] = mapped_column(String(16), default=None)
    document_no: Mapped[str] = mapped_column(String(128))
    authority: Mapped[str] = mapped_column(String(200))
    decided_on: Mapped[date] = mapped_column(Date)
    facts: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), index=True)
    under_objection: Mapped[bool] = mapped_column(Boolean, default=False)
    publication_start: Mapped[date | None] = mapped_column(Date, default=None)
    publication_earliest_end: Mapped[date | None] = mapped_column(Date, default=None)
    publication_latest_end: Mapped[date | None] = mapped_column(Date, default=None)
    sanction_end: Mapped[date | None] = mapped_column(Date, default=None)
    policy_version: Mapped[int] = mapped_column(Integer, default=1)
    state_reason: Mapped[str] = mapped_column(Text, default="")


class Assessment(Tracked, Base):
    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("person_id", "year"),)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str] = mapped_column(String(24))


class Revision(Base):
    """The values a tracked row had before each update: the history a person can read."""

    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_entity", "entity", "entity_id"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer)
    values: Mapped[dict[str, object]] = mapped_column(JsonText)
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Change(Base):
    """The local change log that sync pushes (DESIGN.md §5)."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_entity", "entity", "entity_id"),
                      # the sync status counts pending changes from this index alone (migration 0007)
                      Index("ix_changes_pending", "sent_at", "acked_at", "entity"))
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(8))  # insert / update
    base_version: Mapped[int] = mapped_column(Integer)
    new_version: Mapped[int] = mapped_column(Integer)
    values: Mapped[dict[str, object]] = mapped_column(JsonText)
    # For each field an update changes, the HLC of the value it replaced: lets every replica tell
    # an edit that saw the current value from a concurrent one (sync/merge.py).
    base_clocks: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    hlc: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    user_name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)
    acked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)  # by headquarters (bundles)


class AuditEntry(Base):
    """Append-only, hash-chained; ``after_digest`` binds the object's current state (DESIGN.md §3)."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_object", "object_type", "object_id", "seq"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_name: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(48))
    object_type: Mapped[str] = mapped_column(String(32), default="")
    object_id: Mapped[str] = mapped_column(String(36), default="")
    success: Mapped[bool] = mapped_column(Boolean, default=True)
    before_digest: Mapped[str] = mapped_column(String(64), default="")
    after_digest: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[dict[str, object]] = mapped_column(JsonText, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# Entity names used in the change log, the revisions and the audit trail. Feature modules add
# theirs with ``register_tracked``; order matters for sync (parents before children).
TRACKED_MODELS: dict[str, type[Tracked]] = {}
ENTITY_OF: dict[type[Tracked], str] = {}


def register_tracked(entity: str, model: type[Tracked]) -> None:
    TRACKED_MODELS[entity] = model
    ENTITY_OF[model] = entity


for _entity, _model in (("user", User), ("unit", Unit), ("person", Person), ("record", IntegrityRecord),
                        ("assessment", Assessment), ("user_scope", UserScope)):
    register_tracked(_entity, _model)
