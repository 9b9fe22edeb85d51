"""Local sync state (DESIGN.md §5): per-field clocks for merging, the ids of applied remote changes
(exactly-once), the conflict list a person resolves, and quarantined remote changes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models.core import Base
from desktop_app.store.types import JsonText, UtcDateTime


class EntityClock(Base):
    """The HLC stamp of the last write of each field of one row: ``{"*": insert stamp, field: stamp}``.

    Rows appear on the first update or remote apply; before that every field carries the stamp of
    the row's insert in the change log."""

    __tablename__ = "entity_clocks"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    clocks: Mapped[dict[str, Any]] = mapped_column(JsonText)


class AppliedChange(Base):
    """Every remote change applied here, so a re-delivered change is never applied twice."""

    __tablename__ = "applied_changes"
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(64))
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Conflict(Base):
    """A value that lost a merge, kept for a person to resolve (nothing is silently lost)."""

    __tablename__ = "conflicts"
    __table_args__ = (Index("ix_conflicts_open", "resolved", "entity"),)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)  # uuid5(loser change, field): same on every replica
    kind: Mapped[str] = mapped_column(String(24))                   # concurrent_edit / edit_after_revoke
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(48))
    kept_value: Mapped[str] = mapped_column(Text)                   # JSON of the winning value
    kept_hlc: Mapped[str] = mapped_column(String(64))
    lost_value: Mapped[str] = mapped_column(Text)                   # JSON of the losing value
    lost_hlc: Mapped[str] = mapped_column(String(64))
    lost_change_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    lost_device: Mapped[str] = mapped_column(String(36))
    lost_user: Mapped[str] = mapped_column(String(64))
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")


class QuarantinedChange(Base):
    """A remote change refused (bad signature, unknown or revoked device, missing parent)."""

    __tablename__ = "quarantine"
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, object]] = mapped_column(JsonText)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
