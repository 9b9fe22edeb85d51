"""Tables of the objections feature (issue 6): policy profiles, content-addressed files, objections,
credit repair applications and unit headcounts. All are tracked (change log, revisions, audit) so
they sync like the rest of the file.

* ``policy_profiles`` — one immutable row per profile version; ``number`` is the version decisions
  store. The current profile is the highest number (ties, from two offices editing offline, are
  broken by creation time and id, the same way on every replica).
* ``blobs`` — file contents inside the encrypted archive, keyed by SHA-256; the id is derived from
  the hash (uuid5) so the same content is the same row on every device, and a blob never changes.
* ``attachments`` — which file belongs to which objection or repair application, and why.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models.core import Base, Tracked, register_tracked


class PolicyProfileRow(Tracked, Base):
    __tablename__ = "policy_profiles"
    number: Mapped[int] = mapped_column(Integer, index=True)
    # Canonical JSON text (not a JSON column): tracked rows carry only scalars in the change log.
    settings: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))


class Blob(Tracked, Base):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Tracked, Base):
    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_owner", "owner_type", "owner_id"),)
    owner_type: Mapped[str] = mapped_column(String(16))    # "objection" / "repair"
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    purpose: Mapped[str] = mapped_column(String(16))       # evidence / proof / commitment / reply
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)


class Objection(Tracked, Base):
    __tablename__ = "objections"
    record_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("records.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    applicant: Mapped[str] = mapped_column(String(64))
    grounds: Mapped[str] = mapped_column(Text)
    received_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), index=True)
    stage_started_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    due_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted_on: Mapped[date | None] = mapped_column(Date, default=None)
    verification_started_on: Mapped[date | None] = mapped_column(Date, default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome: Mapped[str | None] = mapped_column(String(16), default=None)
    findings: Mapped[str] = mapped_column(Text, default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    handler: Mapped[str] = mapped_column(String(64), default="")
    # A reviewer may decide that the record keeps restricting awards while this objection is open.
    restricts_awards: Mapped[bool] = mapped_column(Boolean, default=False)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    policy_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    policy_version: Mapped[int] = mapped_column(Integer, default=1)


class RepairApplication(Tracked, Base):
    __tablename__ = "repair_applications"
    record_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("records.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"), index=True)
    applicant: Mapped[str] = mapped_column(String(64))
    statement: Mapped[str] = mapped_column(Text, default="")
    applied_on: Mapped[date] = mapped_column(Date)
    obligations_met: Mapped[bool] = mapped_column(Boolean, default=False)
    commitment_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16), index=True)
    stage_started_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    due_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted_on: Mapped[date | None] = mapped_column(Date, default=None)
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    handler: Mapped[str] = mapped_column(String(64), default="")
    policy_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    policy_version: Mapped[int] = mapped_column(Integer, default=1)


class UnitHeadcount(Tracked, Base):
    """Persons on a unit's roster (在册公务员人数) for a year: the denominator of 建档率."""

    __tablename__ = "unit_headcounts"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    headcount: Mapped[int] = mapped_column(Integer)


for _entity, _model in (("policy", PolicyProfileRow), ("blob", Blob), ("objection", Objection),
                        ("repair", RepairApplication), ("attachment", Attachment), ("headcount", UnitHeadcount)):
    register_tracked(_entity, _model)
