"""What each kind of import reads: its fields, their Chinese names and the headers people write.

A header is recognised after normalising it (full-width forms, spaces, a "*" marking a required
column, a note in brackets such as "（必填）" or "(18位)"), so "公民身份号码＊" and "身份证号 (18位)"
both find ``id_number``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop_app.domain.enums import LabelledEnum, labelled
from desktop_app.domain.training import ROSTER_COLUMNS


@labelled({"persons": "人员", "units": "单位", "records": "诚信记录", "attendance": "培训名单"})
class ImportKind(LabelledEnum):
    PERSONS = "persons"
    UNITS = "units"
    RECORDS = "records"
    ATTENDANCE = "attendance"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    label: str                    # the Chinese name shown in the wizard and in templates
    aliases: tuple[str, ...]      # headers that map to it automatically (the label among them)
    required: bool = False


_ID = ("公民身份号码", "身份证号", "身份证号码", "身份证", "居民身份证号码", "证件号码", "身份证件号码")

PERSON_FIELDS = (
    FieldSpec("name", "姓名", ("姓名", "名字", "人员姓名"), required=True),
    FieldSpec("id_number", "公民身份号码", _ID, required=True),
    FieldSpec("unit", "单位", ("单位", "工作单位", "所在单位", "单位名称", "任职单位")),
    FieldSpec("unit_uscc", "单位统一社会信用代码", ("单位统一社会信用代码", "统一社会信用代码", "单位代码",
                                                 "单位信用代码")),
    FieldSpec("post", "职务", ("职务", "现任职务", "职务名称")),
    FieldSpec("rank", "职级", ("职级", "现职级", "职级名称")),
    FieldSpec("category", "类别", ("类别", "人员类别", "人员身份")),
    FieldSpec("status", "状态", ("状态", "人员状态", "在职状态")),
    FieldSpec("file_opened_on", "建档日期", ("建档日期", "建档时间")),
    FieldSpec("gender", "性别", ("性别",)),
    FieldSpec("birth_date", "出生日期", ("出生日期", "出生年月日", "生日")),
)

UNIT_FIELDS = (
    FieldSpec("name", "单位名称", ("单位名称", "单位", "名称", "机关名称", "单位全称"), required=True),
    FieldSpec("uscc", "统一社会信用代码", ("统一社会信用代码", "信用代码", "社会信用代码", "单位代码",
                                         "统一代码"), required=True),
    FieldSpec("division_code", "行政区划代码", ("行政区划代码", "区划代码", "行政区划", "所在地区划代码"),
              required=True),
    FieldSpec("level", "级别", ("级别", "层级", "单位级别", "单位层级")),
    FieldSpec("parent", "上级单位", ("上级单位", "上级单位名称", "主管单位", "上级单位代码")),
)

RECORD_FIELDS = (
    FieldSpec("id_number", "公民身份号码", _ID, required=True),
    FieldSpec("name", "姓名", ("姓名", "名字", "人员姓名")),
    FieldSpec("kind", "记录类型", ("记录类型", "类型", "记录种类", "信用记录类型", "失信类型"), required=True),
    FieldSpec("severity", "严重程度", ("严重程度", "失信程度", "程度", "情节")),
    FieldSpec("sanction", "处分", ("处分", "处分种类", "处分类型", "处分档次", "处分决定")),
    FieldSpec("decided_on", "决定日期", ("决定日期", "作出决定日期", "处理日期", "认定日期", "日期"),
              required=True),
    FieldSpec("document_no", "文号", ("文号", "决定文号", "文书号", "决定书文号", "文书编号"), required=True),
    FieldSpec("authority", "决定机关", ("决定机关", "作出决定机关", "处理机关", "认定机关", "认定部门"),
              required=True),
    FieldSpec("facts", "事实", ("事实", "主要事实", "失信事实", "事由", "情况说明", "主要内容"), required=True),
)

_ROSTER_LABELS = {"name": "姓名", "id_number": "身份证号", "unit": "单位", "leave_hours": "请假学时",
                  "hours_earned": "获得学时", "days_earned": "获得天数", "result": "成绩",
                  "certificate_no": "证书编号"}
ATTENDANCE_FIELDS = tuple(
    FieldSpec(key, _ROSTER_LABELS[key], tuple(a for a in aliases if not a.isascii())) for key, aliases in
    ROSTER_COLUMNS.items())

FIELDS: dict[ImportKind, tuple[FieldSpec, ...]] = {
    ImportKind.PERSONS: PERSON_FIELDS, ImportKind.UNITS: UNIT_FIELDS, ImportKind.RECORDS: RECORD_FIELDS,
    ImportKind.ATTENDANCE: ATTENDANCE_FIELDS,
}

# At least one field of each group must be mapped (beyond the fields marked required).
ONE_OF: dict[ImportKind, tuple[tuple[str, ...], ...]] = {
    ImportKind.PERSONS: (("unit", "unit_uscc"),),
    ImportKind.ATTENDANCE: (("name", "id_number"),),
}

_BRACKETS = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")
_MARKS = str.maketrans("", "", "*＊:：")


def header_key(header: str) -> str:
    """A header as compared with the aliases: NFKC, no spaces or required-marks, lower case."""
    text = unicodedata.normalize("NFKC", header or "")
    return re.sub(r"\s+", "", text).translate(_MARKS).lower()


def _keys(header: str) -> tuple[str, ...]:
    key = header_key(header)
    bare = header_key(_BRACKETS.sub("", unicodedata.normalize("NFKC", header or "")))
    return (key, bare) if bare and bare != key else (key,)


def field_specs(kind: ImportKind) -> tuple[FieldSpec, ...]:
    return FIELDS[kind]


def field_spec(kind: ImportKind, key: str) -> FieldSpec:
    for spec in FIELDS[kind]:
        if spec.key == key:
            return spec
    raise KeyError(key)


def recognise(kind: ImportKind, header: str) -> str | None:
    """The field a header names (by its Chinese aliases or the field's own key), or None."""
    lookup = _alias_table(kind)
    for key in _keys(header):
        if key in lookup:
            return lookup[key]
    return None


def all_aliases(kind: ImportKind) -> frozenset[str]:
    """Every header text that names a field: what the header row is searched for."""
    return frozenset(a for spec in FIELDS[kind] for a in (*spec.aliases, spec.key))


_TABLES: dict[ImportKind, dict[str, str]] = {}


def _alias_table(kind: ImportKind) -> dict[str, str]:
    if kind not in _TABLES:
        table: dict[str, str] = {}
        for spec in FIELDS[kind]:
            for alias in (*spec.aliases, spec.key):
                table.setdefault(header_key(alias), spec.key)
        _TABLES[kind] = table
    return _TABLES[kind]
