from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.divisions import DIVISIONS_VERSION, Division, DivisionTable, division_table
from desktop_app.errors import ValidationError


def test_table_is_cached() -> None:
    assert division_table() is division_table()


def test_lookup_tianhe() -> None:
    tianhe = division_table().get("440106")
    assert tianhe == Division("440106", "天河区", "county", "440100")


def test_dongguan_is_a_city_without_counties() -> None:
    table = division_table()
    dongguan = table.require("441900")
    assert (dongguan.name, dongguan.level, dongguan.parent) == ("东莞市", "city", "440000")
    assert not [c for c in table.counties() if c.parent == "441900"]


def test_province_has_no_parent() -> None:
    assert division_table().get("440000") == Division("440000", "广东省", "province", None)


def test_unknown_code_get_returns_none() -> None:
    assert division_table().get("449999") is None


@pytest.mark.parametrize(("code", "fragment"), [
    ("449999", "not in the GB/T 2260 table"),
    ("440102", "not in the GB/T 2260 table"),  # 东山区, merged into 越秀区 in 2005
    ("110105", "not in Guangdong"),
    ("4401", "6 digits"),
    ("44010A", "6 digits"),
    ("", "6 digits"),
])
def test_require_rejects(code: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        division_table().require(code, field="unit.division")
    assert fragment in caught.value.message
    assert caught.value.field == "unit.division"


def test_require_names_the_version() -> None:
    with pytest.raises(ValidationError, match=DIVISIONS_VERSION):
        division_table().require("449999")


def test_full_name() -> None:
    table = division_table()
    assert table.full_name("440106") == "广东省 广州市 天河区"
    assert table.full_name("441900") == "广东省 东莞市"
    assert table.full_name("440000") == "广东省"
    assert table.full_name("449999") == "449999"


def test_levels_and_parents_are_consistent() -> None:
    table = division_table()
    cities = table.cities()
    counties = table.counties()
    assert len(cities) == 21  # Guangdong's 21 prefecture-level cities
    assert all(c.level == "city" and c.parent == "440000" for c in cities)
    city_codes = {c.code for c in cities}
    assert counties
    assert all(c.level == "county" and c.parent in city_codes for c in counties)
    assert all(c.code.startswith("44") and len(c.code) == 6 for c in cities + counties)


def test_load_from_another_file(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("\ufeffcode,name,level,parent\n440000,广东省,province,\n440100,广州市,city,440000\n",
                    encoding="utf-8")
    table = DivisionTable.load(path)
    assert table.full_name("440100") == "广东省 广州市"
    assert table.counties() == []
