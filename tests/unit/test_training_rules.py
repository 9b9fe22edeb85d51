"""The hour rules of training: rank tiers, the yearly and five-year norms, the 1/7 leave rule."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.policy import DEFAULT_POLICY, TrainingNorms
from desktop_app.domain.training import (
    DEFAULT_RULES,
    LEAVE_NOTE,
    AttendanceResult,
    CourseMode,
    RankTier,
    Totals,
    check_norm,
    classify_rank,
    default_earned,
    flag_year,
    is_assessed,
    leave_fails,
    parse_amount,
    rules_from,
    settle_result,
    window,
)
from desktop_app.errors import ValidationError

T, C = RankTier.TOWNSHIP, RankTier.COUNTY


@pytest.mark.parametrize(("rank", "tier"), [
    # 综合管理类职级: the boundary lies between 一级主任科员 (乡科级正职) and 四级调研员 (县处级副职)
    ("二级科员", T), ("一级科员", T), ("四级主任科员", T), ("三级主任科员", T), ("二级主任科员", T),
    ("一级主任科员", T), ("四级调研员", C), ("三级调研员", C), ("二级调研员", C), ("一级调研员", C),
    ("二级巡视员", C), ("一级巡视员", C),
    # older titles, other categories, levels written out
    ("主任科员", T), ("副主任科员", T), ("办事员", T), ("副调研员", C), ("巡视员", C),
    ("三级主管", T), ("一级高级主管", C), ("二级总监", C), ("一级主办", T), ("二级高级主办", C), ("二级督办", C),
    ("一级行政执法员", T), ("正科级", T), ("副科级", T), ("副处级", C), ("正处级", C), ("副厅级", C),
    # leadership posts written as the rank
    ("处长", C), ("副处长", C), ("科长", T), ("副科长", T), ("股长", T), ("镇长", T), ("副县长", C), ("厅长", C),
])
def test_rank_tiers(rank: str, tier: RankTier) -> None:
    decision = classify_rank(rank)
    assert decision.tier is tier
    assert decision.basis == f"职级 {rank}"


@pytest.mark.parametrize(("level", "division", "tier"), [
    ("province", "440000", C),  # 省直属局局长: 正厅
    ("city", "440100", C),      # 市局局长: 正处
    ("county", "440106", C),    # 广州 districts are 副厅级: a district bureau's head is 正处
    ("county", "440304", C),    # so are Shenzhen's
    ("county", "440606", T),    # 佛山市顺德区 (an ordinary district): 正科
    ("county", "441781", T),    # 阳春市 (county-level city): 正科
    ("township", "440606", T),
])
def test_bureau_heads_take_the_grade_of_their_organ(level: str, division: str, tier: RankTier) -> None:
    assert classify_rank("局长", unit_level=level, division_code=division).tier is tier
    assert classify_rank("副局长", unit_level=level, division_code=division).tier is tier


def test_rank_decides_before_post_and_unknown_counts_as_township() -> None:
    assert classify_rank("一级主任科员", "副处长").tier is T  # the rank wins
    by_post = classify_rank("", "处长")
    assert by_post.tier is C and by_post.basis == "职务 处长"
    unknown = classify_rank("", "党组书记")
    assert unknown.tier is T and "未能识别" in unknown.basis


@pytest.mark.parametrize(("hours", "leave", "fails"), [
    (56, 8, False), (56, 8.5, True),   # 8 is exactly 1/7 of 56: allowed
    (7, 1, False), (7, 1.5, True),
    (16, 2, False), (16, 2.5, True),   # 1/7 of 16 is 2.29
    (0.5, 0, False), (0.5, 0.5, True),
])
def test_leave_above_one_seventh_fails_a_full_time_course(hours: float, leave: float, fails: bool) -> None:
    assert leave_fails(CourseMode.FULL_TIME, hours, leave) is fails
    assert not leave_fails(CourseMode.CONCENTRATED, hours, leave)
    assert not leave_fails(CourseMode.ONLINE, hours, leave)


@given(st.integers(1, 4000), st.integers(0, 4000))
def test_leave_rule_is_exact_for_half_hours(hours2: int, leave2: int) -> None:
    hours, leave = hours2 / 2, leave2 / 2
    assert leave_fails(CourseMode.FULL_TIME, hours, leave) is (7 * leave2 > hours2)


def test_settle_result_fails_passed_and_pending_but_keeps_withdrawn() -> None:
    for marked in (AttendanceResult.PASSED, AttendanceResult.PENDING):
        assert settle_result(CourseMode.FULL_TIME, 56, 9, marked) == (AttendanceResult.FAILED, LEAVE_NOTE)
    assert settle_result(CourseMode.FULL_TIME, 56, 9, AttendanceResult.WITHDRAWN) == (AttendanceResult.WITHDRAWN, "")
    assert settle_result(CourseMode.FULL_TIME, 56, 8, AttendanceResult.PASSED) == (AttendanceResult.PASSED, "")


def test_the_leave_limit_comes_from_the_policy() -> None:
    stricter = rules_from(TrainingNorms(leave_fraction_denominator=10))
    assert stricter.leave_limit == Fraction(1, 10)
    assert leave_fails(CourseMode.FULL_TIME, 56, 6, stricter) and not leave_fails(CourseMode.FULL_TIME, 56, 6)


def test_rules_from_the_default_policy() -> None:
    rules = rules_from(DEFAULT_POLICY.training)
    assert (rules.annual_days, rules.annual_hours, rules.window_days, rules.window_hours) == (12, 90, 90, 550)
    assert rules.window_years == 5 and rules.integrity_courses_per_year == 1 and rules == DEFAULT_RULES


@pytest.mark.parametrize(("text", "value"), [("8", 8.0), ("7.5", 7.5), ("８", 8.0), (" 0 ", 0.0), (12, 12.0)])
def test_amounts_in_half_steps(text: str | int, value: float) -> None:
    assert parse_amount(text, "hours", maximum=100) == value
    assert isinstance(parse_amount(text, "hours", maximum=100), float)


@pytest.mark.parametrize("text", ["7.25", "-1", "abc", "101", "1/3"])
def test_bad_amounts_name_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "leave_hours", maximum=100)
    assert caught.value.field == "leave_hours"


def test_empty_amount_takes_the_default_or_is_required() -> None:
    assert parse_amount("", "days", maximum=10, default=2) == 2.0
    with pytest.raises(ValidationError, match="required"):
        parse_amount(None, "hours", maximum=10)


def test_default_earned_is_the_course_less_the_leave() -> None:
    assert default_earned(56, 7, 0) == (56, 7)
    assert default_earned(56, 7, 8) == (48, 6)      # 7 * 48/56 = 6
    assert default_earned(16, 2, 3) == (13, 1.5)    # 2 * 13/16 = 1.625, down to a half day


@pytest.mark.parametrize(("hours", "days", "met"), [
    (89.5, 11.5, False), (90, 0, True), (0, 12, True), (89.5, 12, True), (0, 0, False),
])
def test_township_norm_is_12_days_or_90_hours_a_year(hours: float, days: float, met: bool) -> None:
    check = check_norm(T, 2025, Totals(hours, days, 1), Totals(999, 999, 1))
    assert check.hours_met is met and check.met is met
    assert (check.first_year, check.period) == (2025, "2025年")


@pytest.mark.parametrize(("hours", "days", "met"), [
    (549.5, 89.5, False), (550, 0, True), (0, 90, True), (100, 10, False),
])
def test_county_norm_is_550_hours_or_3_months_in_five_years(hours: float, days: float, met: bool) -> None:
    check = check_norm(C, 2025, Totals(0, 0, 1), Totals(hours, days, 1))
    assert check.hours_met is met
    assert (check.first_year, check.period) == (2021, "2021–2025年")


def test_the_five_year_window_ends_with_the_year() -> None:
    assert window(2025, C) == (2021, 2025)
    assert window(2025, T) == (2025, 2025)
    assert window(2021, C, rules_from(TrainingNorms())) == (2017, 2021)


def test_one_integrity_course_a_year_is_required_and_configurable() -> None:
    check = check_norm(T, 2025, Totals(120, 15, 0), Totals())
    assert check.hours_met and not check.integrity_met and not check.met
    assert check.reason() == "2025年诚信教育课程0门，应至少1门"
    relaxed = DEFAULT_RULES.__class__(integrity_courses_per_year=0)
    assert check_norm(T, 2025, Totals(120, 15, 0), Totals(), relaxed).met


def test_reason_names_the_numbers() -> None:
    check = check_norm(T, 2025, Totals(40, 5, 0), Totals())
    assert check.reason() == "2025年培训40学时/5天，应达90学时或12天；2025年诚信教育课程0门，应至少1门"
    assert check_norm(T, 2025, Totals(90, 0, 1), Totals()).reason() == "2025年培训已达标"


def test_who_is_held_to_a_year() -> None:
    assert flag_year(date(2026, 11, 27)) == 2025 and flag_year(date(2026, 1, 1)) == 2025
    assert is_assessed("serving", date(2025, 1, 1), 2025)
    assert not is_assessed("serving", date(2025, 1, 2), 2025)   # file opened during the year
    assert not is_assessed("retired", date(2010, 1, 1), 2025)
