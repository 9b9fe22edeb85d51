"""Pinyin search keys for Chinese names, filled at write time so search runs in the database."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin_keys(name: str) -> tuple[str, str]:
    """('zhangsan', 'zs') for 张三; non-Chinese characters pass through lower-cased."""
    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default") if s.strip()]
    full = "".join(syllables).replace(" ", "")
    initials = "".join(s[0] for s in syllables if s and s[0].isalnum())
    return full, initials
