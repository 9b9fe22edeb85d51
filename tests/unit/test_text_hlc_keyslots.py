"""Free-text rules, the hybrid logical clock and the key-slot cryptography (no database)."""

from __future__ import annotations

import pytest

from desktop_app.domain.pinyin import pinyin_keys
from desktop_app.domain.text import clean_text
from desktop_app.domain.users import check_passphrase
from desktop_app.errors import ArchiveError, AuthenticationError, ValidationError
from desktop_app.store import keyslots
from desktop_app.sync.hlc import HybridClock, parse_hlc

FAST = keyslots.KdfParams(salt=b"", iterations=1, lanes=1, memory_kib=8192)


@pytest.mark.parametrize("name", ["𠀋𠀌", "阿卜杜·热合曼", "１２３", "欧阳娜娜", "O'Brien"])
def test_text_is_kept_byte_exact(name: str) -> None:
    assert clean_text(name, "name") == name


@pytest.mark.parametrize("bad", ["张\u202e三", "张\x00三", "张\n三", "\ufeff张三", "张\u200b三"])
def test_control_and_bidi_characters_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text(bad, "name")
    assert caught.value.field == "name" and "U+" in caught.value.message


def test_limits_and_multiline() -> None:
    assert clean_text("第一行\n第二行", "facts", multiline=True) == "第一行\n第二行"
    with pytest.raises(ValidationError, match="longer than 64"):
        clean_text("张" * 65, "name")
    with pytest.raises(ValidationError, match="required"):
        clean_text("   ", "name")
    assert clean_text(None, "post", required=False) == ""


def test_pinyin_keys() -> None:
    assert pinyin_keys("张三") == ("zhangsan", "zs")
    assert pinyin_keys("欧阳娜娜") == ("ouyangnana", "oynn")


def test_passphrase_rules() -> None:
    with pytest.raises(ValidationError):
        check_passphrase("short")
    with pytest.raises(ValidationError):
        check_passphrase("aaaaaaaaaaaa")
    assert check_passphrase("correct horse battery")


def test_hlc_is_monotonic_even_when_the_wall_clock_goes_back() -> None:
    now = [1000.0]
    clock = HybridClock("dev-a", now=lambda: now[0])
    first = clock.tick()
    now[0] = 990.0  # clock stepped back
    second = clock.tick()
    assert second > first and parse_hlc(second)[0] == parse_hlc(first)[0]
    remote = HybridClock("dev-b", now=lambda: 5000.0).tick()
    clock.observe(remote)
    after = clock.tick()
    assert parse_hlc(after)[:2] > parse_hlc(remote)[:2] and after > remote  # moved past the remote time
    restarted = HybridClock("dev-a", last=second, now=lambda: 990.0)
    assert restarted.tick() > second


def test_slot_round_trip_and_wrong_secret() -> None:
    data_key = keyslots.new_data_key()
    slot = keyslots.make_slot("arch", "slot1", "user", "secret one!!", data_key, FAST)
    assert keyslots.unlock_slot("arch", slot, "secret one!!") == (data_key, None)
    with pytest.raises(AuthenticationError):
        keyslots.unlock_slot("arch", slot, "secret two!!")
    with pytest.raises(AuthenticationError):
        keyslots.unlock_slot("other-archive", slot, "secret one!!")  # bound to its archive


def test_rewrap_keeps_the_data_key() -> None:
    data_key = keyslots.new_data_key()
    slot = keyslots.make_slot("arch", "slot1", "user", "secret one!!", data_key, FAST)
    new = keyslots.rewrap_private("arch", slot, "secret one!!", "secret two!!", FAST)
    assert new.kdf.salt != slot.kdf.salt and new.wrapped_data_key == slot.wrapped_data_key
    assert keyslots.unlock_slot("arch", new, "secret two!!")[0] == data_key


def test_wrap_to_public_key_needs_no_passphrase() -> None:
    data_key, new_key = keyslots.new_data_key(), keyslots.new_data_key()
    slot = keyslots.make_slot("arch", "slot1", "user", "secret one!!", data_key, FAST)
    slot.pending_data_key = keyslots.wrap_data_key("arch", "slot1", slot.public_key, new_key)
    assert keyslots.unlock_slot("arch", slot, "secret one!!") == (data_key, new_key)
    slot.wrapped_data_key = slot.wrapped_data_key[:-1] + bytes([slot.wrapped_data_key[-1] ^ 1])
    with pytest.raises(ArchiveError, match="damaged"):
        keyslots.unlock_slot("arch", slot, "secret one!!")


def test_lockout_grows_and_caps() -> None:
    slot = keyslots.make_slot("arch", "s", "user", "secret one!!", keyslots.new_data_key(), FAST)
    for _ in range(4):
        keyslots.register_failure(slot, now=0.0)
    keyslots.check_lockout(slot, now=0.0)  # four failures: no wait yet
    keyslots.register_failure(slot, now=0.0)
    assert slot.locked_until == 30.0
    keyslots.register_failure(slot, now=0.0)
    assert slot.locked_until == 60.0
    for _ in range(20):
        keyslots.register_failure(slot, now=0.0)
    assert slot.locked_until == 900.0


def test_recovery_key_format() -> None:
    key = keyslots.new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 13 and all(len(g) == 4 for g in groups)
    assert keyslots.normalize_recovery_key(key.lower().replace("-", " ")) == key.replace("-", "")
