from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.uscc import (
    USCC_ALPHABET,
    is_organ,
    parse_uscc,
    uscc_check_character,
    uscc_division_code,
)
from desktop_app.errors import ValidationError

# Published codes of real organisations; each passes only if the MOD 31 arithmetic is right.
KNOWN_VALID = ["91350100M000100Y43", "9144030071526726XG", "91330100799655058B", "914403001922038216"]


def make(first17: str) -> str:
    return first17 + uscc_check_character(first17)


def error_of(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_uscc(text)
    return caught.value


def test_alphabet_is_31_characters_without_confusables() -> None:
    assert len(USCC_ALPHABET) == 31
    assert len(set(USCC_ALPHABET)) == 31
    assert not set("IOZSV") & set(USCC_ALPHABET)


@pytest.mark.parametrize("code", KNOWN_VALID)
def test_known_valid_codes(code: str) -> None:
    assert parse_uscc(code) == code
    assert uscc_check_character(code[:17]) == code[17]


def test_check_character_hand_computed() -> None:
    # Values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 times the weights sum to 1640;
    # 1640 % 31 = 28 and 31 - 28 = 3.
    assert uscc_check_character("91350100M000100Y4") == "3"


def test_remainder_zero_maps_to_check_zero() -> None:
    # All zeros: sum 0, 31 - 0 = 31 -> 0.
    assert uscc_check_character("0" * 17) == "0"
    assert parse_uscc("0" * 18) == "0" * 18


def test_lowercase_whitespace_and_full_width_are_normalized() -> None:
    code = "9144030071526726XG"
    assert parse_uscc(code.lower()) == code
    assert parse_uscc(f"  {code}\n") == code
    full = "".join(chr(ord(c) + 0xFEE0) for c in code)
    assert parse_uscc(full) == code
    assert parse_uscc(full.lower()) == code


@pytest.mark.parametrize(("text", "got"), [("", 0), ("9144030071526726X", 17), ("9144030071526726XGG", 19)])
def test_wrong_length(text: str, got: int) -> None:
    err = error_of(text)
    assert err.message == f"credit code must have 18 characters, got {got}"
    assert err.field == "uscc"


@pytest.mark.parametrize("letter", list("IOZSV"))
def test_forbidden_letters_rejected(letter: str) -> None:
    text = "91440300715" + letter + "6726XG"
    err = error_of(text)
    assert f"character 12 is '{letter}'" in err.message
    assert "not allowed" in err.message


def test_forbidden_letter_rejected_even_lowercase() -> None:
    assert "character 12 is 'O'" in error_of("91440300715o6726XG").message


def test_punctuation_rejected() -> None:
    assert "character 5 is '-'" in error_of("9144-30071526726XG").message


def test_division_code_must_be_digits() -> None:
    err = error_of(make("9144A3007152672" + "6X"))
    assert "division code" in err.message


def test_every_wrong_check_character_rejected() -> None:
    code = "91350100M000100Y43"
    wrong = [c for c in USCC_ALPHABET if c != "3"]
    assert len(wrong) == 30
    for char in wrong:
        err = error_of(code[:17] + char)
        assert err.message == f"credit code check character is {char}, expected 3"


def test_field_name_passed_through() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_uscc("x", field="units.uscc")
    assert caught.value.field == "units.uscc"


def test_check_character_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        uscc_check_character("91350100M000100Y")
    with pytest.raises(ValueError):
        uscc_check_character("91350100M000100I4")


def test_is_organ() -> None:
    organ = make("11440106" + "00700123" + "4")
    assert parse_uscc(organ) == organ
    assert is_organ(organ)
    assert not is_organ("91350100M000100Y43")
    assert not is_organ(make("12440106" + "007001234"))  # 事业单位
    assert not is_organ(make("51440106" + "007001234"))  # 社会团体


def test_division_code() -> None:
    assert uscc_division_code("9144030071526726XG") == "440300"
    assert uscc_division_code(make("11441900" + "MB2C12345")) == "441900"


@given(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17), st.sampled_from(USCC_ALPHABET))
def test_only_computed_check_character_accepted(first17: str, other: str) -> None:
    first17 = first17[:2] + "440106" + first17[8:]
    check = uscc_check_character(first17)
    assert parse_uscc(first17 + check) == first17 + check
    if other != check:
        with pytest.raises(ValidationError, match="check character"):
            parse_uscc(first17 + other)
