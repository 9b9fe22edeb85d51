"""``domain.pinyin.pinyin_keys`` for many names at a time, with the same results.

pypinyin reads a name by cutting it into phrases of its phrase dictionary and the rest into single
characters. A name made of Chinese characters none of whose runs of two or more is such a phrase is
therefore read character by character, so its keys are the joined keys of its characters, which are
cached: ~3 µs a name instead of ~30 µs. Any other name (a phrase inside, letters, a middle dot)
goes through ``pinyin_keys`` itself. ``tests/unit/test_import_pinyin.py`` holds both to the same
results on tens of thousands of names.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin.constants import PHRASES_DICT, RE_HANS

from desktop_app.domain.pinyin import pinyin_keys


@lru_cache(maxsize=65536)
def _char_keys(char: str) -> tuple[str, str]:
    return pinyin_keys(char)


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name, exactly as ``pinyin_keys`` gives them."""
    if not RE_HANS.fullmatch(name) or _has_phrase(name):  # RE_HANS: one or more Chinese characters
        return pinyin_keys(name)
    fulls, initials = zip(*map(_char_keys, name), strict=True)
    return "".join(fulls), "".join(initials)


def _has_phrase(name: str) -> bool:
    size = len(name)
    return any(name[i:j] in PHRASES_DICT for i in range(size - 1) for j in range(i + 2, size + 1))
