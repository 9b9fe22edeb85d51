"""Frozen values the services return: never live ORM objects (STYLE.md)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.domain.consequences import FlagReason
from desktop_app.domain.enums import (
    AssessmentGrade,
    Gender,
    PersonStatus,
    Polarity,
    RecordKind,
    RecordState,
    Role,
    SanctionKind,
    Severity,
    UnitLevel,
)


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: uuid.UUID
    name: str
    uscc: str
    division_code: str
    division_name: str
    level: UnitLevel
    parent_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: uuid.UUID
    name: str
    id_number_masked: str
    gender: Gender
    birth_date: date
    unit_id: uuid.UUID
    unit_name: str
    post: str
    rank: str
    status: PersonStatus
    version: int


@dataclass(frozen=True, slots=True)
class RecordRow:
    id: uuid.UUID
    person_id: uuid.UUID
    polarity: Polarity
    kind: RecordKind
    severity: Severity
    sanction: SanctionKind | None
    document_no: str
    authority: str
    decided_on: date
    facts: str
    state: RecordState
    under_objection: bool
    publication_start: date | None
    publication_earliest_end: date | None
    publication_latest_end: date | None
    sanction_end: date | None
    state_reason: str
    version: int

    @property
    def display_state(self) -> str:
        """What lists and prints show: an open objection overrides 已生效 (DESIGN.md §6)."""
        if self.under_objection and self.state is RecordState.ACTIVE:
            return "异议处理中"
        return self.state.label


@dataclass(frozen=True, slots=True)
class AssessmentRow:
    id: uuid.UUID
    person_id: uuid.UUID
    year: int
    grade: AssessmentGrade


@dataclass(frozen=True, slots=True)
class PersonFile:
    """Everything one person's file view shows."""

    person: PersonRow
    records: tuple[RecordRow, ...]
    assessments: tuple[AssessmentRow, ...]
    flags: tuple[FlagReason, ...]


@dataclass(frozen=True, slots=True)
class UserRow:
    id: uuid.UUID
    name: str
    role: Role
    active: bool
    units: tuple[str, ...] = ()  # the names of the units the user is limited to; () = the whole archive


@dataclass(frozen=True, slots=True)
class AuditRow:
    seq: int
    at: datetime
    user_name: str
    action: str
    object_type: str
    object_id: str
    success: bool
    detail: dict[str, object]
