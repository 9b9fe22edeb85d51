"""Frozen values of the training feature: what its service returns and what callers hand it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.training import AttendanceResult, CourseMode, CourseTopic, NormCheck, RankTier


@dataclass(frozen=True, slots=True)
class CourseDraft:
    """Raw input; ``topic`` and ``mode`` take codes or Chinese names, amounts text or numbers."""

    title: str
    topic: str
    mode: str
    hours: str | float
    days: str | float = 0.0
    organizer: str = ""


@dataclass(frozen=True, slots=True)
class CourseRow:
    id: uuid.UUID
    title: str
    topic: CourseTopic
    mode: CourseMode
    organizer: str
    hours: float
    days: float
    version: int


@dataclass(frozen=True, slots=True)
class SessionDraft:
    starts_on: date | str
    ends_on: date | str
    place: str = ""
    trainer: str = ""


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: uuid.UUID
    course_id: uuid.UUID
    course_title: str
    starts_on: date
    ends_on: date
    place: str
    trainer: str
    attendees: int
    version: int


@dataclass(frozen=True, slots=True)
class AttendanceEntry:
    """One attendee's marks; None leaves a value as it is (new rows: the course's hours less leave)."""

    leave_hours: str | float | None = None
    hours_earned: str | float | None = None
    days_earned: str | float | None = None
    result: str | None = None
    certificate_no: str | None = None


@dataclass(frozen=True, slots=True)
class AttendanceUpdate:
    """A grid row to save: the version read guards against a concurrent edit."""

    attendance_id: uuid.UUID
    version: int
    entry: AttendanceEntry


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    id: uuid.UUID
    session_id: uuid.UUID
    person_id: uuid.UUID
    name: str
    id_number_masked: str
    unit_name: str
    hours_earned: float
    days_earned: float
    leave_hours: float
    result: AttendanceResult
    certificate_no: str
    note: str
    version: int


@dataclass(frozen=True, slots=True)
class TraineeRow:
    """What a trainer may see of a person: name, unit, and the masked ID number to tell 张伟 from 张伟."""

    id: uuid.UUID
    name: str
    id_number_masked: str
    unit_name: str


@dataclass(frozen=True, slots=True)
class PersonNorm:
    """One person's standing against the norm of their tier for a year."""

    person_id: uuid.UUID
    name: str
    unit_name: str
    rank: str
    tier_basis: str
    assessed: bool                  # held to the norm: serving, and the file open since 1 January
    check: NormCheck

    @property
    def tier(self) -> RankTier:
        return self.check.tier


@dataclass(frozen=True, slots=True)
class SessionSummary:
    session: SessionRow
    course: CourseRow
    attendees: tuple[AttendanceRow, ...] = field(default=())
