"""Tables of the training feature (issue 7): courses, their sessions, and who attended.

All three are tracked (UUID, version, change log, audit). Amounts are REAL in steps of 0.5 (see
``domain.training``); the services always store floats, so a row's digest is the same before and
after it is read back.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models.core import Base, Tracked, register_tracked


class Course(Tracked, Base):
    __tablename__ = "courses"
    title: Mapped[str] = mapped_column(String(200), index=True)
    topic: Mapped[str] = mapped_column(String(24))
    mode: Mapped[str] = mapped_column(String(16))
    organizer: Mapped[str] = mapped_column(String(200), default="")
    hours: Mapped[float] = mapped_column(Float)
    days: Mapped[float] = mapped_column(Float, default=0.0)


class TrainingSession(Tracked, Base):
    """One run of a course (期次): when, where, by whom."""

    __tablename__ = "training_sessions"
    course_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("courses.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date, index=True)  # the year of the end date counts
    place: Mapped[str] = mapped_column(String(200), default="")
    trainer: Mapped[str] = mapped_column(String(64), default="")


class Attendance(Tracked, Base):
    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),
                      Index("ix_attendances_person_result", "person_id", "result"))
    # The unique (session_id, person_id) index also serves lookups by session.
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_sessions.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id"))
    hours_earned: Mapped[float] = mapped_column(Float, default=0.0)
    days_earned: Mapped[float] = mapped_column(Float, default=0.0)
    leave_hours: Mapped[float] = mapped_column(Float, default=0.0)
    result: Mapped[str] = mapped_column(String(16))
    certificate_no: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(200), default="")  # why a rule changed the result


# Parents before children: sync applies them in this order.
register_tracked("course", Course)
register_tracked("session", TrainingSession)
register_tracked("attendance", Attendance)
