from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.enums import Gender
from desktop_app.domain.id_number import PROVINCE_CODES, IdNumber, id_check_character, parse_id_number
from desktop_app.errors import ValidationError

TODAY = date(2024, 6, 1)
GB_SAMPLE = "11010519491231002X"  # the worked example of GB 11643-1999


def make(first17: str) -> str:
    return first17 + id_check_character(first17)


def parse(text: str, today: date = TODAY) -> IdNumber:
    return parse_id_number(text, today=today)


def error_of(text: str, today: date = TODAY) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_id_number(text, today=today)
    return caught.value


# --- check character ------------------------------------------------------------------------------

@pytest.mark.parametrize(("first17", "check"), [
    ("11010519491231002", "X"),
    ("44010619900101123", "5"),  # sum 194, 194 % 11 = 7
    ("44190020000229000", "4"),  # sum 206, 206 % 11 = 8
])
def test_check_character_matches_worked_values(first17: str, check: str) -> None:
    assert id_check_character(first17) == check


def test_check_character_satisfies_iso_7064_definition() -> None:
    # MOD 11-2 as ISO 7064 defines it: sum of a_i * 2^(18-i) over all 18 positions (X = 10) is 1 mod 11.
    # This is independent of the weight/lookup tables, and the loop reaches all 11 check characters.
    seen = set()
    for sequence in range(200):
        first17 = f"44010619850315{sequence:03d}"
        check = id_check_character(first17)
        digits = [int(c) for c in first17] + [10 if check == "X" else int(check)]
        assert sum(d * 2 ** (17 - i) for i, d in enumerate(digits)) % 11 == 1
        seen.add(check)
    assert seen == set("0123456789X")


@pytest.mark.parametrize("bad", ["1101051949123100", "110105194912310021", "1101051949123100A"])
def test_check_character_rejects_malformed_input(bad: str) -> None:
    with pytest.raises(ValueError):
        id_check_character(bad)


# --- valid numbers --------------------------------------------------------------------------------

def test_gb_sample_is_valid_and_derives_fields() -> None:
    number = parse(GB_SAMPLE)
    assert number.value == GB_SAMPLE
    assert number.division_code == "110105"
    assert number.birth_date == date(1949, 12, 31)
    assert number.gender is Gender.FEMALE  # 17th digit 2 is even


@pytest.mark.parametrize("first17", ["44010619850315101", "44190019991231003", "44030420000229555"])
def test_computed_numbers_are_valid(first17: str) -> None:
    value = make(first17)
    assert parse(value).value == value


def test_gender_from_17th_digit() -> None:
    assert parse(make("44010619850315101")).gender is Gender.MALE
    assert parse(make("44010619850315102")).gender is Gender.FEMALE


def test_birth_date_derivation_in_leap_year() -> None:
    assert parse(make("44030420000229555")).birth_date == date(2000, 2, 29)


def test_lowercase_x_is_accepted_and_stored_uppercase() -> None:
    assert parse(GB_SAMPLE.lower()).value == GB_SAMPLE


def test_surrounding_whitespace_is_stripped() -> None:
    assert parse(f"  {GB_SAMPLE}\t\n").value == GB_SAMPLE
    assert parse(f"\u3000{GB_SAMPLE}\u3000").value == GB_SAMPLE  # ideographic space


def test_full_width_digits_and_x_are_converted() -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in GB_SAMPLE)
    assert full != GB_SAMPLE
    assert parse(full).value == GB_SAMPLE
    assert parse(full[:-1] + "ｘ").value == GB_SAMPLE


@pytest.mark.parametrize("old_county", ["440102", "440107", "440116", "440183", "440184", "441421"])
def test_abolished_county_codes_remain_valid(old_county: str) -> None:
    value = make(old_county + "19700101001")
    assert parse(value).division_code == old_county


def test_birth_date_on_today_and_on_1900_01_01_are_accepted() -> None:
    assert parse(make("440106" + TODAY.strftime("%Y%m%d") + "001")).birth_date == TODAY
    assert parse(make("44010619000101001")).birth_date == date(1900, 1, 1)


# --- masking --------------------------------------------------------------------------------------

def test_masked_shows_first_six_and_last_four() -> None:
    number = parse(make("44010619850315123"))
    assert number.masked() == "440106********" + number.value[-4:]
    assert len(number.masked()) == 18


def test_repr_does_not_leak_full_number() -> None:
    number = parse(GB_SAMPLE)
    assert GB_SAMPLE not in repr(number)
    assert "110105********002X" in repr(number)


# --- invalid numbers ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "got"), [(GB_SAMPLE[:17], 17), (GB_SAMPLE + "1", 19), ("", 0),
                                           ("   ", 0), ("11010519491231002X"[:15], 15)])
def test_wrong_length(text: str, got: int) -> None:
    err = error_of(text)
    assert err.message == f"ID number must have 18 characters, got {got}"
    assert err.field == "id_number"


def test_letters_in_the_first_17_characters_are_rejected() -> None:
    err = error_of("11010519A91231002X")
    assert err.message == "ID number character 9 must be a digit, got 'A'"


def test_x_only_allowed_as_last_character() -> None:
    assert "character 17" in error_of("1101051949123100XX").message


def test_internal_space_rejected() -> None:
    assert error_of("110105 9491231002X").message == "ID number character 7 must be a digit, got ' '"


def test_bad_last_character() -> None:
    assert error_of("11010519491231002Y").message == "ID number last character must be a digit or X, got 'Y'"


@pytest.mark.parametrize("province", ["00", "10", "19", "24", "47", "66", "80", "83", "99"])
def test_invalid_province_code(province: str) -> None:
    err = error_of(make(province + "010619850315101"))
    assert f"starts with {province}" in err.message
    assert "province" in err.message


def test_every_wrong_check_character_is_rejected() -> None:
    first17 = GB_SAMPLE[:17]
    wrong = [c for c in "0123456789X" if c != "X"]
    assert len(wrong) == 10
    for char in wrong:
        err = error_of(first17 + char)
        assert err.message == f"ID number check character is {char}, expected X"


@pytest.mark.parametrize(("birth", "label"), [
    ("20230229", "Feb 29 in a non-leap year"),
    ("19001301", "month 13"),
    ("19850100", "day 00"),
    ("19850431", "April 31"),
    ("19000229", "1900 is not a leap year"),
    ("00000101", "year 0"),
])
def test_impossible_birth_dates(birth: str, label: str) -> None:
    err = error_of(make("440106" + birth + "001"))
    assert err.message == f"ID number birth date {birth} is not a real date", label


def test_future_birth_date_relative_to_today() -> None:
    tomorrow = TODAY + timedelta(days=1)
    value = make("440106" + tomorrow.strftime("%Y%m%d") + "001")
    assert error_of(value).message.endswith("is in the future")
    # The same number is fine once that day has come.
    assert parse(value, today=tomorrow).birth_date == tomorrow


def test_today_defaults_to_the_real_date() -> None:
    next_year = date.today().year + 1
    with pytest.raises(ValidationError, match="in the future"):
        parse_id_number(make(f"440106{next_year}0101001"))


def test_birth_before_1900_is_rejected() -> None:
    assert error_of(make("44010618991231001")).message.endswith("is before 1900-01-01")


def test_field_name_is_passed_through() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_id_number("123", field="persons.id_number")
    assert caught.value.field == "persons.id_number"
    assert caught.value.code == "invalid"


def test_messages_never_contain_the_full_number() -> None:
    first17 = "44010619850315123"
    bad = first17 + ("0" if id_check_character(first17) != "0" else "1")
    assert bad not in str(error_of(bad))


# --- property -------------------------------------------------------------------------------------

@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    province=st.sampled_from(sorted(PROVINCE_CODES)),
    county=st.from_regex(r"[0-9]{4}", fullmatch=True),
    sequence=st.from_regex(r"[0-9]{3}", fullmatch=True),
    other=st.sampled_from("0123456789X"),
)
def test_only_the_computed_check_character_is_accepted(born: date, province: str, county: str,
                                                       sequence: str, other: str) -> None:
    first17 = province + county + born.strftime("%Y%m%d") + sequence
    check = id_check_character(first17)
    number = parse(first17 + check)
    assert number.birth_date == born
    assert number.gender is (Gender.MALE if int(sequence[-1]) % 2 else Gender.FEMALE)
    if other != check:
        with pytest.raises(ValidationError, match="check character"):
            parse(first17 + other)
