"""Training: course kinds, the hour norms of 干部教育培训工作条例 (2023) art. 14, and the 1/7 leave rule.

Pure rules, no database: the services feed them totals and store what they decide. Amounts (学时,
days, leave hours) are kept in half units, so every sum of them is exact in binary floating point and
the SQL sums used by the flag filter agree with the Python sums to the last bit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from desktop_app.domain.enums import LabelledEnum, PersonStatus, labelled
from desktop_app.domain.policy import DEFAULT_POLICY, TrainingNorms
from desktop_app.errors import ValidationError


@labelled({"integrity": "诚信教育", "political": "政治理论", "party_spirit": "党性教育", "law": "法律法规",
           "professional": "专业能力", "other": "其他"})
class CourseTopic(LabelledEnum):
    INTEGRITY = "integrity"
    POLITICAL = "political"
    PARTY_SPIRIT = "party_spirit"
    LAW = "law"
    PROFESSIONAL = "professional"
    OTHER = "other"


@labelled({"full_time": "脱产", "concentrated": "集中", "online": "网络"})
class CourseMode(LabelledEnum):
    FULL_TIME = "full_time"
    CONCENTRATED = "concentrated"
    ONLINE = "online"


@labelled({"pending": "未评定", "passed": "合格", "failed": "不合格", "withdrawn": "退学"})
class AttendanceResult(LabelledEnum):
    PENDING = "pending"
    PASSED = "passed"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"


@labelled({"township": "乡科级及以下", "county": "县处级及以上"})
class RankTier(LabelledEnum):
    TOWNSHIP = "township"
    COUNTY = "county"


@dataclass(frozen=True, slots=True)
class NormRules:
    """The training norms as the rules use them, derived from the policy profile's training values."""

    annual_days: float = 12.0           # 乡科级及以下: 12 days …
    annual_hours: float = 90.0          # … or 90 学时 a year
    window_years: int = 5               # 县处级及以上: within 5 years …
    window_days: float = 90.0           # … 3 months, counted as 30 training days each …
    window_hours: float = 550.0         # … or 550 学时
    integrity_courses_per_year: int = 1  # at least one 诚信教育 course a year (0: not required)
    leave_limit: Fraction = Fraction(1, 7)  # leave above this share of a 脱产 course's hours fails it


DAYS_PER_MONTH = 30
DEFAULT_INTEGRITY_COURSES = 1


def rules_from(norms: TrainingNorms) -> NormRules:
    """The rules of a policy profile's ``training`` values (the profile is versioned and editable).

    ``integrity_courses_per_year`` is read when the profile carries it, else the default 1."""
    return NormRules(annual_days=float(norms.annual_days), annual_hours=float(norms.annual_hours),
                     window_days=float(norms.senior_months_5y * DAYS_PER_MONTH),
                     window_hours=float(norms.senior_hours_5y),
                     integrity_courses_per_year=int(getattr(norms, "integrity_courses_per_year",
                                                            DEFAULT_INTEGRITY_COURSES)),
                     leave_limit=Fraction(1, norms.leave_fraction_denominator))


DEFAULT_RULES = rules_from(DEFAULT_POLICY.training)


# -- amounts --------------------------------------------------------------------------------------

MAX_HOURS = 2000.0
MAX_DAYS = 366.0


def parse_amount(value: str | float | int | None, field: str, *, maximum: float,
                 default: float | None = None) -> float:
    """A non-negative number of 学时 or days in steps of 0.5; accepts full-width digits ("８")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is None:
            raise ValidationError(f"{field} is required", field=field)
        return float(default)
    if isinstance(value, bool):
        raise ValidationError(f"{field} must be a number", field=field)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    try:
        amount = Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise ValidationError(f"{field} must be a number, not {text!r}", field=field) from None
    if amount < 0:
        raise ValidationError(f"{field} must not be negative", field=field)
    if amount > Fraction(maximum):
        raise ValidationError(f"{field} is out of range (at most {maximum:g})", field=field)
    if (amount * 2).denominator != 1:
        raise ValidationError(f"{field} must be given in steps of 0.5", field=field)
    return float(amount)


# -- the 1/7 leave rule ---------------------------------------------------------------------------

LEAVE_NOTE = "请假超过脱产培训学时的1/7，按不合格处理"


def leave_fails(mode: CourseMode, course_hours: float, leave_hours: float,
                norms: NormRules = DEFAULT_RULES) -> bool:
    """Leave strictly above ``leave_limit`` of a 脱产 course's hours fails it (exactly 1/7 passes)."""
    return mode is CourseMode.FULL_TIME and Fraction(leave_hours) > norms.leave_limit * Fraction(course_hours)


def settle_result(mode: CourseMode, course_hours: float, leave_hours: float, marked: AttendanceResult,
                  norms: NormRules = DEFAULT_RULES) -> tuple[AttendanceResult, str]:
    """The result to store and why: too much leave turns 合格 (or 未评定) into 不合格."""
    if marked in (AttendanceResult.PASSED, AttendanceResult.PENDING) and leave_fails(
            mode, course_hours, leave_hours, norms):
        return AttendanceResult.FAILED, LEAVE_NOTE
    return marked, ""


def default_earned(course_hours: float, course_days: float, leave_hours: float) -> tuple[float, float]:
    """学时 and days earned when the trainer gives none: the course's, less the leave (days pro rata)."""
    hours = max(0.0, course_hours - leave_hours)
    if course_hours <= 0 or leave_hours <= 0:
        return hours, course_days
    days = Fraction(course_days) * Fraction(hours) / Fraction(course_hours)
    return hours, float(Fraction(int(days * 2), 2))  # rounded down to half days


# -- rank tiers -----------------------------------------------------------------------------------
# First match wins, on the rank (职级) first and then on the post (职务). See docs/TRAINING.md.

T, C = RankTier.TOWNSHIP, RankTier.COUNTY
BY_ORGAN = None  # marker: the tier depends on the grade of the unit the title is held in

RANK_RULES: tuple[tuple[str, RankTier | None], ...] = (
    # 综合管理类职级 (公务员职务与职级并行规定, 2019): 巡视员 厅局级, 调研员 县处级, 主任科员/科员 乡科级
    ("巡视员", C), ("调研员", C), ("主任科员", T), ("科员", T), ("办事员", T),
    # 专业技术类: 总监 厅局级, 高级主管 县处级, 主管/专业技术员 乡科级
    ("总监", C), ("高级主管", C), ("主管", T), ("专业技术员", T),
    # 行政执法类: 督办, 高级主办 (县处级 and above); 主办, 行政执法员
    ("督办", C), ("高级主办", C), ("主办", T), ("执法员", T),
    # levels written out
    ("省部级", C), ("厅局级", C), ("县处级", C), ("乡科级", T), ("正部", C), ("副部级", C), ("正厅", C),
    ("副厅", C), ("正局级", C), ("副局级", C), ("正处", C), ("副处", C), ("处级", C), ("正科", T),
    ("副科", T), ("科级", T),
    # leadership posts
    ("厅长", C), ("市长", C), ("县长", C), ("区长", C), ("处长", C), ("科长", T), ("股长", T),
    ("乡长", T), ("镇长", T), ("局长", BY_ORGAN), ("部长", BY_ORGAN),
)

# Districts of the sub-provincial cities Guangzhou (4401) and Shenzhen (4403) are 副厅级, so the head
# of a district bureau is 正处级 although the district's division level is 县.
SUB_PROVINCIAL_PREFIXES = ("4401", "4403")
COUNTY_GRADE_ORGAN_LEVELS = ("province", "city")


def organ_heads_are_county_grade(unit_level: str, division_code: str) -> bool:
    """Whether a 局长/部长 of this unit is 县处级 or above (市局局长 正处; 县局局长 正科)."""
    return unit_level in COUNTY_GRADE_ORGAN_LEVELS or (
        unit_level == "county" and division_code[:4] in SUB_PROVINCIAL_PREFIXES)


@dataclass(frozen=True, slots=True)
class TierDecision:
    tier: RankTier
    basis: str  # what decided it, for people: "职级 二级调研员"


def classify_rank(rank: str, post: str = "", *, unit_level: str = "county",
                  division_code: str = "") -> TierDecision:
    """乡科级及以下 or 县处级及以上 from the rank, else the post; unknown titles count as 乡科级."""
    for source, text in (("职级", rank or ""), ("职务", post or "")):
        for word, tier in RANK_RULES:
            if word in text:
                if tier is None:  # BY_ORGAN
                    tier = C if organ_heads_are_county_grade(unit_level, division_code) else T
                return TierDecision(tier, f"{source} {text}")
    return TierDecision(T, "职级未能识别，按乡科级及以下")


# -- the yearly norm ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Totals:
    """What passed (合格) attendance added up to in a period."""

    hours: float = 0.0
    days: float = 0.0
    integrity_courses: int = 0


@dataclass(frozen=True, slots=True)
class NormCheck:
    tier: RankTier
    year: int
    first_year: int                 # the period counted: the year, or the five years ending with it
    totals: Totals                  # hours and days over the period
    required_hours: float
    required_days: float
    integrity_done: int             # 诚信教育 courses passed in the year itself
    integrity_required: int

    @property
    def hours_met(self) -> bool:
        return self.totals.hours >= self.required_hours or self.totals.days >= self.required_days

    @property
    def integrity_met(self) -> bool:
        return self.integrity_done >= self.integrity_required

    @property
    def met(self) -> bool:
        return self.hours_met and self.integrity_met

    @property
    def period(self) -> str:
        return f"{self.year}年" if self.first_year == self.year else f"{self.first_year}–{self.year}年"

    def reason(self) -> str:
        """One sentence a person reads, e.g. "2025年培训 40学时/5天，应达90学时或12天；未参加诚信教育"."""
        parts = []
        if not self.hours_met:
            parts.append(f"{self.period}培训{_num(self.totals.hours)}学时/{_num(self.totals.days)}天，"
                         f"应达{_num(self.required_hours)}学时或{_num(self.required_days)}天")
        if not self.integrity_met:
            parts.append(f"{self.year}年诚信教育课程{self.integrity_done}门，应至少{self.integrity_required}门")
        return "；".join(parts) if parts else f"{self.period}培训已达标"


def window(year: int, tier: RankTier, norms: NormRules = DEFAULT_RULES) -> tuple[int, int]:
    """The years counted for a tier: the year itself, or the five years ending with it."""
    return (year - norms.window_years + 1, year) if tier is RankTier.COUNTY else (year, year)


def check_norm(tier: RankTier, year: int, year_totals: Totals, window_totals: Totals,
               norms: NormRules = DEFAULT_RULES) -> NormCheck:
    first, _ = window(year, tier, norms)
    if tier is RankTier.COUNTY:
        totals, hours, days = window_totals, norms.window_hours, norms.window_days
    else:
        totals, hours, days = year_totals, norms.annual_hours, norms.annual_days
    return NormCheck(tier, year, first, totals, hours, days, year_totals.integrity_courses,
                     norms.integrity_courses_per_year)


def flag_year(today: date) -> int:
    """The 培训未达标 flag judges the last completed year: a yearly norm can only be missed once it ends."""
    return today.year - 1


def is_assessed(status: str, file_opened_on: date, year: int) -> bool:
    """Serving persons whose file was open for the whole year; others are not held to that year's norm."""
    return status == PersonStatus.SERVING.value and file_opened_on <= date(year, 1, 1)


def _num(value: float) -> str:
    return f"{value:g}"


# The header names a roster's columns go by (training roster import and the general import's
# attendance kind), in the domain so the import layer needs no service module.
ROSTER_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "学员姓名", "name"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "id_number"),
    "unit": ("单位", "工作单位", "所在单位", "单位名称", "unit"),
    "leave_hours": ("请假学时", "请假", "请假时长", "leave_hours"),
    "hours_earned": ("获得学时", "学时", "取得学时", "hours_earned", "hours"),
    "days_earned": ("获得天数", "天数", "days_earned", "days"),
    "result": ("成绩", "结果", "考核结果", "培训结果", "result"),
    "certificate_no": ("证书编号", "证书号", "结业证书编号", "certificate_no"),
}
