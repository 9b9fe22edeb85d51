"""The import's fast pinyin keys equal ``domain.pinyin.pinyin_keys`` (what search relies on)."""

from __future__ import annotations

from desktop_app.demo.generator import DemoGenerator
from desktop_app.domain.pinyin import pinyin_keys
from desktop_app.importing.pinyin_cache import name_keys
from tests.factories import TODAY

TRICKY = ("曾小贤", "单田芳", "解晓东", "仇英", "查良镛", "朴树", "尉迟敬德", "欧阳娜娜", "诸葛亮", "长孙无忌",
          "朝阳", "重庆", "银行", "乐乐", "买买提·艾力", "阿依古丽·吐尔逊", "𠮷祥", "张三a", "Zhang San", "王 五",
          "〇", "行长", "乐平", "单于", "区小华", "覃海洋", "万俟", "员工")


def test_name_keys_equal_pinyin_keys() -> None:
    generator = DemoGenerator(seed=7, today=TODAY)
    names = {p.name for p in generator.persons(30_000, generator.units())} | set(TRICKY)
    different = [(n, name_keys(n), pinyin_keys(n)) for n in sorted(names) if name_keys(n) != pinyin_keys(n)]
    assert different == []
    assert len(names) > 20_000
