"""Flags the software computes from a person's records, with reasons a person can read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.enums import LabelledEnum, Polarity, RecordState, SanctionKind, labelled


@labelled({"restricted_awards": "限制评优评先", "in_sanction": "处分期内", "under_objection": "异议处理中",
           "training_shortfall": "培训未达标"})
class Flag(LabelledEnum):
    RESTRICTED_AWARDS = "restricted_awards"
    IN_SANCTION = "in_sanction"
    UNDER_OBJECTION = "under_objection"
    TRAINING_SHORTFALL = "training_shortfall"


@dataclass(frozen=True, slots=True)
class RecordFacts:
    """What the rules need of one record."""

    polarity: Polarity
    state: RecordState
    under_objection: bool
    sanction: SanctionKind | None
    sanction_end: date | None
    document_no: str


@dataclass(frozen=True, slots=True)
class FlagReason:
    flag: Flag
    reason: str


def compute_flags(records: Iterable[RecordFacts], today: date) -> list[FlagReason]:
    """限制评优评先: an active, unrepaired 失信 record not under objection.
    处分期内: a sanction whose period has not ended (no promotion; from 记过 up no pay-step rise).
    异议处理中: any record with an open objection (it does not restrict awards meanwhile)."""
    reasons: list[FlagReason] = []
    for r in records:
        if r.under_objection and r.state is RecordState.ACTIVE:
            reasons.append(FlagReason(Flag.UNDER_OBJECTION, f"{r.document_no} 异议处理中"))
        if r.polarity is not Polarity.DISHONEST or r.state is not RecordState.ACTIVE:
            continue
        if not r.under_objection:
            reasons.append(FlagReason(Flag.RESTRICTED_AWARDS, f"{r.document_no} 失信记录有效"))
        if r.sanction is not None and r.sanction_end is not None and today < r.sanction_end:
            extra = "，不得晋升职务职级" + ("和级别、档次" if r.sanction is not SanctionKind.WARNING else "")
            reasons.append(FlagReason(Flag.IN_SANCTION,
                                      f"{r.sanction.label}处分期至{r.sanction_end.isoformat()}{extra}"))
    return reasons
