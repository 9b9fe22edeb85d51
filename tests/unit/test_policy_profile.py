"""The versioned policy profile: DESIGN.md §4 defaults, the editable settings, their checks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.enums import SanctionKind, Severity
from desktop_app.domain.policy import DEFAULT_POLICY, SETTINGS, parse_setting, profile_from_settings
from desktop_app.errors import ValidationError


def test_defaults_are_those_of_the_design_table() -> None:
    p = DEFAULT_POLICY
    assert p.version == 1
    assert (p.publication[Severity.MINOR].published, p.publication[Severity.MINOR].latest_months) == (False, 3)
    assert (p.publication[Severity.ORDINARY].earliest_months, p.publication[Severity.ORDINARY].latest_months) == (3, 12)
    assert (p.publication[Severity.SERIOUS].earliest_months, p.publication[Severity.SERIOUS].latest_months) == (12, 36)
    assert (p.objection.accept_days, p.objection.self_check_days, p.objection.verification_days) == (2, 2, 10)
    assert (p.repair.decision_days, p.repair.answer_days) == (3, 10)
    assert (p.training.annual_days, p.training.annual_hours) == (12, 90)
    training = (p.training.senior_months_5y, p.training.senior_hours_5y, p.training.leave_fraction_denominator)
    assert training == (3, 550, 7)
    assert p.sanction_months == {SanctionKind.WARNING: 6, SanctionKind.DEMERIT: 12, SanctionKind.MAJOR_DEMERIT: 18,
                                 SanctionKind.DEMOTION: 24, SanctionKind.REMOVAL: 24}


def test_settings_round_trip_to_an_equal_profile() -> None:
    assert profile_from_settings(DEFAULT_POLICY.settings(), version=1) == DEFAULT_POLICY
    assert set(DEFAULT_POLICY.settings()) == {s.key for s in SETTINGS}


def test_an_edit_is_a_new_version_and_leaves_the_old_one_alone() -> None:
    edited = DEFAULT_POLICY.with_settings({"objection.verification_days": "15",
                                           "publication.ordinary.latest_months": 18}, version=2)
    assert edited.version == 2 and edited.objection.verification_days == 15
    assert edited.publication_window(Severity.ORDINARY, date(2026, 1, 31)).latest_end == date(2027, 7, 31)
    assert DEFAULT_POLICY.objection.verification_days == 10
    assert DEFAULT_POLICY.publication_window(Severity.ORDINARY, date(2026, 1, 31)).latest_end == date(2027, 1, 31)


def test_minor_records_can_be_published_if_the_profile_says_so() -> None:
    edited = DEFAULT_POLICY.with_settings({"publication.minor.published": "是"}, version=2)
    window = edited.publication_window(Severity.MINOR, date(2026, 3, 1))
    assert (window.start, window.earliest_end, window.latest_end) == (date(2026, 3, 1), date(2026, 3, 1),
                                                                       date(2026, 6, 1))


@pytest.mark.parametrize(("changes", "field"), [
    ({"objection.acept_days": "3"}, "objection.acept_days"),
    ({"objection.accept_days": "two"}, "objection.accept_days"),
    ({"objection.accept_days": "0"}, "objection.accept_days"),
    ({"repair.answer_days": "500"}, "repair.answer_days"),
    ({"publication.serious.published": "maybe"}, "publication.serious.published"),
    ({"publication.ordinary.earliest_months": "13"}, "publication.ordinary.earliest_months"),
    ({"calendar.2027.holidays": "2027-02-30"}, "calendar.2027.holidays"),
    ({"calendar.2027.holidays": "2026-12-31"}, "calendar.2027.holidays"),
    ({"calendar.2027.weekends": "2027-01-02"}, "calendar.2027.weekends"),
    ({"calendar.2027.holidays": "2027-01-02", "calendar.2027.workdays": "2027-01-02"}, "calendar"),
])
def test_bad_settings_are_refused_naming_the_key(changes: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        DEFAULT_POLICY.with_settings(changes, version=2)
    assert caught.value.field == field


def test_a_year_entered_in_the_profile_reaches_its_calendar() -> None:
    edited = DEFAULT_POLICY.with_settings({"calendar.2027.holidays": "2027-01-01, 2027-02-08",
                                           "calendar.2027.workdays": "2027-02-06"}, version=2)
    assert edited.settings()["calendar.2027.holidays"] == "2027-01-01,2027-02-08"
    calendar = edited.working_calendar()
    assert calendar.knows(2027) and not DEFAULT_POLICY.working_calendar().knows(2027)
    assert not calendar.is_working_day(date(2027, 1, 1)) and calendar.is_working_day(date(2027, 2, 6))
    assert profile_from_settings(edited.settings(), version=2) == edited


def test_bool_settings_accept_the_usual_spellings() -> None:
    assert parse_setting("publication.minor.published", "yes") is True
    assert parse_setting("publication.minor.published", "否") is False
    assert parse_setting("publication.minor.published", True) is True


_INT_SPECS = [s for s in SETTINGS if s.kind is int and not s.key.endswith("_months")]


@given(st.sampled_from(_INT_SPECS), st.data())
def test_any_valid_deadline_or_norm_round_trips(spec: object, data: st.DataObject) -> None:
    from desktop_app.domain.policy import SettingSpec

    assert isinstance(spec, SettingSpec)
    value = data.draw(st.integers(spec.minimum, spec.maximum))
    edited = DEFAULT_POLICY.with_settings({spec.key: str(value)}, version=7)
    assert edited.settings()[spec.key] == value
    assert profile_from_settings(edited.settings(), version=7) == edited
