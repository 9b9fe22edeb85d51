"""Sample person files for the printing tests (built from the service rows, no archive needed)."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date
from typing import Any

from desktop_app.domain.consequences import RecordFacts, compute_flags
from desktop_app.domain.enums import (
    AssessmentGrade,
    Gender,
    PersonStatus,
    Polarity,
    RecordKind,
    RecordState,
    SanctionKind,
    Severity,
)
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.printing.content import PrintHeader, build_file
from desktop_app.printing.model import PrintedFile, Variant
from desktop_app.services.rows import AssessmentRow, PersonFile, PersonRow, RecordRow
from tests.factories import TODAY, id_number

ARCHIVE_ID = "0f" * 16
OFFICE = "天河区人力资源和社会保障局"
UNIT = "广州市天河区人力资源和社会保障局"
FULL_ID = id_number(7)
MASKED_ID = f"{FULL_ID[:6]}********{FULL_ID[-4:]}"


def person(name: str = "张三") -> PersonRow:
    return PersonRow(uuid.UUID(int=7), name, MASKED_ID, Gender.MALE, date(1985, 3, 1), uuid.UUID(int=1), UNIT,
                     "科长", "一级主任科员", PersonStatus.SERVING, 1)


def record(seq: int, kind: RecordKind = RecordKind.PENALTY, *, severity: Severity = Severity.ORDINARY,
           state: RecordState = RecordState.ACTIVE, decided_on: date = date(2026, 3, 2),
           sanction: SanctionKind | None = None, under_objection: bool = False, facts: str = "违规发放津贴补贴",
           state_reason: str = "", **extra: Any) -> RecordRow:
    window = DEFAULT_POLICY.publication_window(severity, decided_on)
    dishonest = kind.polarity is Polarity.DISHONEST
    row = RecordRow(uuid.UUID(int=1000 + seq), uuid.UUID(int=7), kind.polarity, kind, severity, sanction,
                    f"穗天纪〔2026〕{seq}号", "中共广州市天河区纪律检查委员会", decided_on, facts, state,
                    under_objection, window.start if dishonest else None,
                    window.earliest_end if dishonest else None, window.latest_end if dishonest else None,
                    DEFAULT_POLICY.sanction_end(sanction, decided_on) if sanction else None, state_reason, 1)
    return dataclasses.replace(row, **extra) if extra else row


def person_file(records: list[RecordRow], name: str = "张三") -> PersonFile:
    facts = (RecordFacts(r.polarity, r.state, r.under_objection, r.sanction, r.sanction_end, r.document_no)
             for r in records)
    assessments = (AssessmentRow(uuid.UUID(int=50), uuid.UUID(int=7), 2024, AssessmentGrade.EXCELLENT),
                   AssessmentRow(uuid.UUID(int=51), uuid.UUID(int=7), 2025, AssessmentGrade.COMPETENT))
    return PersonFile(person(name), tuple(records), assessments, tuple(compute_flags(facts, TODAY)))


def mixed_records() -> list[RecordRow]:
    """One record of every state the printouts must tell apart."""
    return [
        record(1, RecordKind.DISCIPLINE, sanction=SanctionKind.DEMERIT, decided_on=date(2026, 6, 1)),
        record(2, RecordKind.PENALTY, severity=Severity.SERIOUS, under_objection=True),
        record(3, RecordKind.ACCOUNTABILITY, state=RecordState.REPAIRED, state_reason="已履行义务，准予修复"),
        record(4, RecordKind.PENALTY, state=RecordState.EXPIRED, decided_on=date(2021, 1, 4)),
        record(5, RecordKind.JUDGMENT, state=RecordState.REVOKED, state_reason="复核撤销"),
        record(6, RecordKind.BROKEN_COMMITMENT, state=RecordState.DRAFT),
        record(7, RecordKind.OTHER_DISHONEST, severity=Severity.MINOR),
        record(8, RecordKind.COMMENDATION, decided_on=date(2025, 12, 30)),
        record(9, RecordKind.MERIT, state=RecordState.REVOKED),
    ]


def printed(records: list[RecordRow] | None = None, *, variant: Variant = Variant.INTERNAL,
            id_number: str | None = None, printed_by: str = "reviewer-li") -> PrintedFile:
    header = PrintHeader(ARCHIVE_ID, OFFICE, variant, printed_by, "2026-11-27 10:32:05")
    source = person_file(mixed_records() if records is None else records)
    return build_file(source, header, id_number=id_number, today=TODAY)


def test_samples_cover_every_state() -> None:
    states = {r.display_state for r in mixed_records()}
    assert states == {"已生效", "异议处理中", "已修复", "公示期满", "已撤销", "草稿"}
    assert printed().person_name == "张三"
