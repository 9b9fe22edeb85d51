"""Publication windows, sanction periods and computed flags (DESIGN.md §4)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.consequences import Flag, RecordFacts, compute_flags
from desktop_app.domain.dates import add_months
from desktop_app.domain.enums import Polarity, RecordKind, RecordState, SanctionKind, Severity
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.errors import ValidationError


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 3, 2), 12, date(2027, 3, 2)),
    (date(2026, 12, 15), 0, date(2026, 12, 15)),
])
def test_add_months_clamps_to_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("sanction", "months"), [
    (SanctionKind.WARNING, 6), (SanctionKind.DEMERIT, 12), (SanctionKind.MAJOR_DEMERIT, 18),
    (SanctionKind.DEMOTION, 24), (SanctionKind.REMOVAL, 24)])
def test_sanction_periods(sanction: SanctionKind, months: int) -> None:
    assert DEFAULT_POLICY.sanction_end(sanction, date(2026, 1, 10)) == add_months(date(2026, 1, 10), months)


def test_dismissal_has_no_period() -> None:
    assert DEFAULT_POLICY.sanction_end(SanctionKind.DISMISSAL, date(2026, 1, 10)) is None


def test_publication_windows_by_severity() -> None:
    decided = date(2026, 4, 30)
    minor = DEFAULT_POLICY.publication_window(Severity.MINOR, decided)
    assert (minor.start, minor.earliest_end, minor.latest_end) == (None, None, None)
    ordinary = DEFAULT_POLICY.publication_window(Severity.ORDINARY, decided)
    assert (ordinary.earliest_end, ordinary.latest_end) == (date(2026, 7, 30), date(2027, 4, 30))
    serious = DEFAULT_POLICY.publication_window(Severity.SERIOUS, decided)
    assert (serious.earliest_end, serious.latest_end) == (date(2027, 4, 30), date(2029, 4, 30))


def _facts(**over: object) -> RecordFacts:
    values: dict[str, object] = dict(polarity=Polarity.DISHONEST, state=RecordState.ACTIVE, under_objection=False,
                                     sanction=None, sanction_end=None, document_no="文号1")
    values.update(over)
    return RecordFacts(**values)  # type: ignore[arg-type]


TODAY = date(2026, 11, 27)


def test_active_dishonest_record_restricts_awards() -> None:
    assert [f.flag for f in compute_flags([_facts()], TODAY)] == [Flag.RESTRICTED_AWARDS]


@pytest.mark.parametrize("state", [RecordState.REPAIRED, RecordState.EXPIRED, RecordState.REVOKED,
                                   RecordState.DRAFT])
def test_inactive_records_restrict_nothing(state: RecordState) -> None:
    assert compute_flags([_facts(state=state, sanction=SanctionKind.DEMERIT,
                                 sanction_end=date(2027, 1, 1))], TODAY) == []


def test_under_objection_is_shown_and_does_not_restrict_awards() -> None:
    flags = [f.flag for f in compute_flags([_facts(under_objection=True)], TODAY)]
    assert flags == [Flag.UNDER_OBJECTION]


def test_sanction_period_flag_ends_on_its_end_date() -> None:
    within = _facts(sanction=SanctionKind.DEMERIT, sanction_end=date(2026, 11, 28))
    reasons = compute_flags([within], TODAY)
    assert {f.flag for f in reasons} == {Flag.RESTRICTED_AWARDS, Flag.IN_SANCTION}
    assert "档次" in next(f.reason for f in reasons if f.flag is Flag.IN_SANCTION)  # 记过: no pay-step rise
    warning = compute_flags([_facts(sanction=SanctionKind.WARNING, sanction_end=date(2027, 1, 1))], TODAY)
    assert "档次" not in next(f.reason for f in warning if f.flag is Flag.IN_SANCTION)
    ended = _facts(sanction=SanctionKind.DEMERIT, sanction_end=TODAY)
    assert {f.flag for f in compute_flags([ended], TODAY)} == {Flag.RESTRICTED_AWARDS}


def test_honest_records_set_no_flags() -> None:
    assert compute_flags([_facts(polarity=Polarity.HONEST)], TODAY) == []


def test_kinds_parse_by_code_or_chinese_name() -> None:
    assert RecordKind.parse("纪律处分", field="kind") is RecordKind.DISCIPLINE
    assert RecordKind.parse(" Discipline ", field="kind") is RecordKind.DISCIPLINE
    assert RecordKind.COMMENDATION.polarity is Polarity.HONEST
    assert RecordKind.BROKEN_COMMITMENT.polarity is Polarity.DISHONEST
    with pytest.raises(ValidationError) as caught:
        Severity.parse("很严重", field="severity")
    assert caught.value.field == "severity" and "轻微" in caught.value.message
