"""The policy profile: periods and deadlines the rules use (DESIGN.md §4 table).

Decisions store the profile ``version`` they were taken under, so editing the profile later never
rewrites a decision already taken.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.dates import add_months
from desktop_app.domain.enums import SanctionKind, Severity


@dataclass(frozen=True, slots=True)
class PublicationRule:
    """Months after the decision date; ``published`` False: not published by default (轻微)."""

    published: bool
    earliest_months: int
    latest_months: int


@dataclass(frozen=True, slots=True)
class PublicationWindow:
    start: date | None
    earliest_end: date | None
    latest_end: date | None


@dataclass(frozen=True, slots=True)
class PolicyProfile:
    version: int = 1
    publication: dict[Severity, PublicationRule] = field(default_factory=lambda: {
        # 国办发〔2025〕22号 and the NDRC credit repair measures (2026)
        Severity.MINOR: PublicationRule(published=False, earliest_months=0, latest_months=3),
        Severity.ORDINARY: PublicationRule(published=True, earliest_months=3, latest_months=12),
        Severity.SERIOUS: PublicationRule(published=True, earliest_months=12, latest_months=36),
    })
    # 公务员法 / 政务处分法: the period during which promotion (and from 记过 up, pay steps) is blocked.
    sanction_months: dict[SanctionKind, int] = field(default_factory=lambda: {
        SanctionKind.WARNING: 6,
        SanctionKind.DEMERIT: 12,
        SanctionKind.MAJOR_DEMERIT: 18,
        SanctionKind.DEMOTION: 24,
        SanctionKind.REMOVAL: 24,
    })

    def publication_window(self, severity: Severity, decided_on: date) -> PublicationWindow:
        rule = self.publication[severity]
        if not rule.published:
            return PublicationWindow(None, None, None)
        return PublicationWindow(decided_on, add_months(decided_on, rule.earliest_months),
                                 add_months(decided_on, rule.latest_months))

    def sanction_end(self, sanction: SanctionKind, decided_on: date) -> date | None:
        months = self.sanction_months.get(sanction)
        return None if months is None else add_months(decided_on, months)


DEFAULT_POLICY = PolicyProfile()
