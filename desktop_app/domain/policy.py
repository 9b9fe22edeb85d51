"""The policy profile: periods, deadlines and norms the rules use (DESIGN.md §4 table).

A profile is versioned and immutable: the administrator's edit makes a new version, and every
decision stores the ``version`` it was taken under, so editing the profile later never rewrites a
decision already taken. ``DEFAULT_POLICY`` (version 1) holds the defaults of DESIGN.md §4 and must
never change: archives whose records say "version 1" rely on it.

The editable values form a flat namespace (``objection.accept_days`` …) described once in
``SETTINGS`` with their Chinese labels and bounds; the CLI, the settings widget and the JSON stored
in the archive all use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.calendar import WorkingCalendar, YearArrangement
from desktop_app.domain.dates import add_months
from desktop_app.domain.enums import SanctionKind, Severity
from desktop_app.errors import ValidationError

SettingValue = int | bool | str


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
class ObjectionDeadlines:
    """Working days per stage (Guangzhou public credit platform): accept, self-check, provider verification."""

    accept_days: int = 2
    self_check_days: int = 2
    verification_days: int = 10


@dataclass(frozen=True, slots=True)
class RepairDeadlines:
    """Working days (国办发〔2025〕22号): decide whether to accept, then answer the applicant."""

    decision_days: int = 3
    answer_days: int = 10


@dataclass(frozen=True, slots=True)
class TrainingNorms:
    """干部教育培训工作条例 (2023) art. 14."""

    annual_days: int = 12            # 乡科级 and below: 12 days ...
    annual_hours: int = 90           # ... or 90 学时 a year
    senior_months_5y: int = 3        # 县处级 and above: 3 months ...
    senior_hours_5y: int = 550       # ... or 550 学时 in 5 years
    leave_fraction_denominator: int = 7  # leave of more than 1/7 of a 脱产 course's hours fails it


def _default_publication() -> dict[Severity, PublicationRule]:
    # 国办发〔2025〕22号 and the NDRC credit repair measures (2026)
    return {Severity.MINOR: PublicationRule(published=False, earliest_months=0, latest_months=3),
            Severity.ORDINARY: PublicationRule(published=True, earliest_months=3, latest_months=12),
            Severity.SERIOUS: PublicationRule(published=True, earliest_months=12, latest_months=36)}


def _default_sanctions() -> dict[SanctionKind, int]:
    # 公务员法 / 政务处分法: promotion (and from 记过 up, pay steps) is blocked during the period.
    return {SanctionKind.WARNING: 6, SanctionKind.DEMERIT: 12, SanctionKind.MAJOR_DEMERIT: 18,
            SanctionKind.DEMOTION: 24, SanctionKind.REMOVAL: 24}


@dataclass(frozen=True, slots=True)
class PolicyProfile:
    version: int = 1
    publication: dict[Severity, PublicationRule] = field(default_factory=_default_publication)
    sanction_months: dict[SanctionKind, int] = field(default_factory=_default_sanctions)
    objection: ObjectionDeadlines = field(default_factory=ObjectionDeadlines)
    repair: RepairDeadlines = field(default_factory=RepairDeadlines)
    training: TrainingNorms = field(default_factory=TrainingNorms)
    # Holiday arrangements for years the chinese-calendar package does not know yet.
    calendar_years: tuple[YearArrangement, ...] = ()

    def publication_window(self, severity: Severity, decided_on: date) -> PublicationWindow:
        rule = self.publication[severity]
        if not rule.published:
            return PublicationWindow(None, None, None)
        return PublicationWindow(decided_on, add_months(decided_on, rule.earliest_months),
                                 add_months(decided_on, rule.latest_months))

    def sanction_end(self, sanction: SanctionKind, decided_on: date) -> date | None:
        months = self.sanction_months.get(sanction)
        return None if months is None else add_months(decided_on, months)

    def working_calendar(self) -> WorkingCalendar:
        return WorkingCalendar(self.calendar_years)

    # -- the flat, editable view --------------------------------------------------------

    def settings(self) -> dict[str, SettingValue]:
        values: dict[str, SettingValue] = {}
        for severity, rule in self.publication.items():
            values[f"publication.{severity.value}.published"] = rule.published
            values[f"publication.{severity.value}.earliest_months"] = rule.earliest_months
            values[f"publication.{severity.value}.latest_months"] = rule.latest_months
        for sanction, months in self.sanction_months.items():
            values[f"sanction.{sanction.value}.months"] = months
        for group, obj in (("objection", self.objection), ("repair", self.repair), ("training", self.training)):
            for name in type(obj).__dataclass_fields__:
                values[f"{group}.{name}"] = getattr(obj, name)
        for year in self.calendar_years:
            values[f"calendar.{year.year}.holidays"] = _dates_text(year.holidays)
            values[f"calendar.{year.year}.workdays"] = _dates_text(year.workdays)
        return values

    def with_settings(self, changes: Mapping[str, SettingValue], *, version: int) -> PolicyProfile:
        """A new profile (``version``) with the changes applied and checked; unknown keys are refused."""
        values = self.settings()
        for key, raw in changes.items():
            values[key] = parse_setting(key, raw)
        return profile_from_settings(values, version=version)

    def to_json(self) -> dict[str, SettingValue]:
        return self.settings()


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    label: str                  # Chinese, shown in the settings widget
    group: str                  # Chinese group title
    kind: type[int] | type[bool] | type[str]
    minimum: int = 0
    maximum: int = 0


def _specs() -> tuple[SettingSpec, ...]:
    specs: list[SettingSpec] = []
    for severity in Severity:
        group = f"{severity.label}失信信息公示期"
        specs += [SettingSpec(f"publication.{severity.value}.published", "公示", group, bool),
                  SettingSpec(f"publication.{severity.value}.earliest_months", "最短公示期（月）", group, int, 0, 60),
                  SettingSpec(f"publication.{severity.value}.latest_months", "最长公示期（月）", group, int, 0, 60)]
    specs += [SettingSpec(f"sanction.{s.value}.months", f"{s.label}处分期（月）", "处分期", int, 1, 60)
              for s in _default_sanctions()]
    specs += [SettingSpec("objection.accept_days", "受理（工作日）", "异议处理期限", int, 1, 60),
              SettingSpec("objection.self_check_days", "自查（工作日）", "异议处理期限", int, 1, 60),
              SettingSpec("objection.verification_days", "提供单位核查（工作日）", "异议处理期限", int, 1, 120),
              SettingSpec("repair.decision_days", "决定是否受理（工作日）", "信用修复期限", int, 1, 60),
              SettingSpec("repair.answer_days", "作出修复决定（工作日）", "信用修复期限", int, 1, 120),
              SettingSpec("training.annual_days", "乡科级及以下每年（天）", "培训要求", int, 1, 365),
              SettingSpec("training.annual_hours", "乡科级及以下每年（学时）", "培训要求", int, 1, 2000),
              SettingSpec("training.senior_months_5y", "县处级及以上五年（月）", "培训要求", int, 1, 60),
              SettingSpec("training.senior_hours_5y", "县处级及以上五年（学时）", "培训要求", int, 1, 10000),
              SettingSpec("training.leave_fraction_denominator", "脱产培训请假上限（学时的几分之一）", "培训要求",
                          int, 2, 100)]
    return tuple(specs)


SETTINGS: tuple[SettingSpec, ...] = _specs()
SETTINGS_BY_KEY = {s.key: s for s in SETTINGS}
CALENDAR_KEY_HELP = "calendar.YYYY.holidays / calendar.YYYY.workdays = comma-separated dates"


def parse_setting(key: str, raw: SettingValue) -> SettingValue:
    """One value from the CLI or the widget, checked against its spec (field = the key)."""
    if key.startswith("calendar."):
        parts = key.split(".")
        if len(parts) != 3 or not parts[1].isdigit() or parts[2] not in ("holidays", "workdays"):
            raise ValidationError(f"unknown setting {key!r}; use {CALENDAR_KEY_HELP}", field=key)
        return _dates_text(_parse_dates(str(raw), key))
    spec = SETTINGS_BY_KEY.get(key)
    if spec is None:
        raise ValidationError(f"unknown setting {key!r}", field=key)
    if spec.kind is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "yes", "1", "是"):
            return True
        if text in ("false", "no", "0", "否"):
            return False
        raise ValidationError(f"{key} must be true or false, got {raw!r}", field=key)
    try:
        number = int(str(raw).strip()) if not isinstance(raw, bool) else None
    except ValueError:
        number = None
    if number is None:
        raise ValidationError(f"{key} must be a whole number, got {raw!r}", field=key)
    if not spec.minimum <= number <= spec.maximum:
        raise ValidationError(f"{key} must be between {spec.minimum} and {spec.maximum}, got {number} "
                              "(out of range)", field=key)
    return number


def profile_from_settings(values: Mapping[str, SettingValue], *, version: int) -> PolicyProfile:
    """Build and cross-check a profile; missing keys take the version-1 defaults."""
    base = DEFAULT_POLICY.settings()
    merged = {**base, **{k: parse_setting(k, v) for k, v in values.items()}}
    publication: dict[Severity, PublicationRule] = {}
    for severity in Severity:
        prefix = f"publication.{severity.value}"
        rule = PublicationRule(bool(merged[f"{prefix}.published"]), int(merged[f"{prefix}.earliest_months"]),
                               int(merged[f"{prefix}.latest_months"]))
        if rule.earliest_months > rule.latest_months:
            raise ValidationError(f"{severity.value}: the earliest end cannot be after the latest end",
                                  field=f"{prefix}.earliest_months")
        publication[severity] = rule
    sanctions = {s: int(merged[f"sanction.{s.value}.months"]) for s in _default_sanctions()}

    def group(name: str) -> dict[str, int]:
        return {k.split(".", 1)[1]: int(v) for k, v in merged.items() if k.startswith(name + ".")}

    years: dict[int, dict[str, frozenset[date]]] = {}
    for key, text in merged.items():
        if key.startswith("calendar."):
            _, year, which = key.split(".")
            years.setdefault(int(year), {})[which] = _parse_dates(str(text), key)
    calendar = tuple(YearArrangement(y, d.get("holidays", frozenset()), d.get("workdays", frozenset()))
                     for y, d in sorted(years.items()))
    return PolicyProfile(version=version, publication=publication, sanction_months=sanctions,
                         objection=ObjectionDeadlines(**group("objection")), repair=RepairDeadlines(**group("repair")),
                         training=TrainingNorms(**group("training")), calendar_years=calendar)


def _parse_dates(text: str, key: str) -> frozenset[date]:
    days: set[date] = set()
    for part in text.replace("，", ",").replace(" ", ",").split(","):
        if not part.strip():
            continue
        try:
            days.add(date.fromisoformat(part.strip()))
        except ValueError:
            raise ValidationError(f"{key}: {part.strip()!r} is not a date YYYY-MM-DD", field=key) from None
    year = key.split(".")[1]
    if any(str(d.year) != year for d in days):
        raise ValidationError(f"{key}: every date must be in {year}", field=key)
    return frozenset(days)


def _dates_text(days: frozenset[date]) -> str:
    return ",".join(d.isoformat() for d in sorted(days))


DEFAULT_POLICY = PolicyProfile()
