"""Chinese words of the import wizard and the export action: field names, the reasons a line is
refused (from the core's codes and English messages), and the table reader's errors."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.errors import IntegrityFilesError
from desktop_app.importing import ImportKind, MappingError, Problem
from desktop_app.importing.fields import field_spec
from desktop_app.services.training_roster import LineStatus
from desktop_app.ui.error_text import error_text
from desktop_app.ui.i18n import label
from desktop_app.ui.training.texts import TABLE_ERRORS

CTX = "Import"

# (code or None, pattern on the English message, sentence); {column} is the file's own header.
REASONS: tuple[tuple[str | None, str, str], ...] = (
    ("table_formula", "", QT_TRANSLATE_NOOP("Import", "单元格是公式：请复制该列后“选择性粘贴为数值”，再导入。")),
    ("table_cell", "15 digits",
     QT_TRANSLATE_NOOP("Import", "长数字已被 Excel 改动（超过 15 位）：请把该列设为文本后重新录入。")),
    ("table_cell", "no header", QT_TRANSLATE_NOOP("Import", "这一行在没有标题的列中有内容。")),
    ("table_cell", "error value", QT_TRANSLATE_NOOP("Import", "单元格是错误值（如 #N/A）。")),
    ("duplicate", r"repeats line (\d+)", QT_TRANSLATE_NOOP("Import", "与文件第 {n} 行重复。")),
    ("duplicate", r"same person as line (\d+)", QT_TRANSLATE_NOOP("Import", "与文件第 {n} 行是同一人。")),
    ("duplicate", "already named", QT_TRANSLATE_NOOP("Import", "已有其他单位使用这个名称。")),
    ("duplicate", "records in the archive",
     QT_TRANSLATE_NOOP("Import", "档案中有多条文号、决定日期和类型都相同的记录，无法确定更新哪一条。")),
    (None, "turned into a number by Excel",
     QT_TRANSLATE_NOOP("Import", "身份证号被 Excel 转成了数字，后几位已丢失：请把该列设为文本后重新录入。")),
    (None, "ID number must have 18", QT_TRANSLATE_NOOP("Import", "身份证号应为 18 位。")),
    (None, "ID number character", QT_TRANSLATE_NOOP("Import", "身份证号前 17 位只能是数字。")),
    (None, "ID number last character", QT_TRANSLATE_NOOP("Import", "身份证号最后一位应为数字或 X。")),
    (None, "province-level", QT_TRANSLATE_NOOP("Import", "身份证号前两位不是省级行政区划代码。")),
    (None, "ID number birth date .* not a real date", QT_TRANSLATE_NOOP("Import", "身份证号中的出生日期不存在。")),
    (None, "ID number birth date", QT_TRANSLATE_NOOP("Import", "身份证号中的出生日期不合理。")),
    (None, "ID number check character", QT_TRANSLATE_NOOP("Import", "身份证号校验位错误（可能有数字录错）。")),
    (None, "credit code must have 18", QT_TRANSLATE_NOOP("Import", "统一社会信用代码应为 18 位。")),
    (None, "credit code check character",
     QT_TRANSLATE_NOOP("Import", "统一社会信用代码校验位错误（可能有字符录错）。")),
    (None, "credit code", QT_TRANSLATE_NOOP("Import", "统一社会信用代码含有不允许的字符。")),
    (None, "not registered in Guangdong", QT_TRANSLATE_NOOP("Import", "统一社会信用代码不是在广东省登记的。")),
    (None, "division code must be 6", QT_TRANSLATE_NOOP("Import", "行政区划代码应为 6 位数字。")),
    (None, "division code", QT_TRANSLATE_NOOP("Import", "行政区划代码不在广东省的区划表中。")),
    (None, "does not match the ID number", QT_TRANSLATE_NOOP("Import", "{column}与身份证号不符。")),
    (None, r"belongs to (\S+), not", QT_TRANSLATE_NOOP("Import", "该身份证号属于“{n}”，与姓名不符。")),
    (None, "severity is required", QT_TRANSLATE_NOOP("Import", "失信记录必须填写严重程度。")),
    (None, "sanction grade belongs only", QT_TRANSLATE_NOOP("Import", "只有纪律处分记录可以填写处分。")),
    (None, "before the person's birth date", QT_TRANSLATE_NOOP("Import", "决定日期早于本人出生日期。")),
    (None, "own parent", QT_TRANSLATE_NOOP("Import", "上级单位不能是本单位。")),
    (None, "form a cycle", QT_TRANSLATE_NOOP("Import", "上级单位之间形成了循环。")),
    (None, "parent unit's line", QT_TRANSLATE_NOOP("Import", "上级单位所在的行无法导入。")),
    (None, "no unit named .* or the file", QT_TRANSLATE_NOOP("Import", "档案库和文件中都没有这个上级单位。")),
    (None, "units are named", QT_TRANSLATE_NOOP("Import", "有多个单位同名，请改填统一社会信用代码。")),
    (None, "unit code names", QT_TRANSLATE_NOOP("Import", "单位名称与统一社会信用代码不是同一个单位。")),
    (None, "no unit", QT_TRANSLATE_NOOP("Import", "档案库中没有这个单位，请先导入单位。")),
    (None, "no person with this ID number in the archive",
     QT_TRANSLATE_NOOP("Import", "档案库中没有此身份证号的人员，请先导入人员。")),
    ("illegal_state", "",
     QT_TRANSLATE_NOOP("Import", "档案中的这条记录已撤销、已修复、公示期满或正在异议/修复程序中，导入不能更改它。")),
    (None, "is required", QT_TRANSLATE_NOOP("Import", "请填写{column}。")),
    (None, "must be a date", QT_TRANSLATE_NOOP("Import", "{column}不是有效的日期（例如 2025-03-01）。")),
    (None, "in the future", QT_TRANSLATE_NOOP("Import", "{column}不能晚于今天。")),
    (None, "before 1949-10-01", QT_TRANSLATE_NOOP("Import", "{column}不能早于 1949 年 10 月 1 日。")),
    (None, "out of range", QT_TRANSLATE_NOOP("Import", "{column}超出允许的范围。")),
    (None, "longer than", QT_TRANSLATE_NOOP("Import", "{column}太长。")),
    (None, "control character", QT_TRANSLATE_NOOP("Import", "{column}含有不允许的控制字符。")),
    (None, "^unknown", QT_TRANSLATE_NOOP("Import", "{column}不是可选的值。")),
    (None, "neither a name nor", QT_TRANSLATE_NOOP("Import", "这一行既没有姓名也没有身份证号。")),
)
GENERIC = QT_TRANSLATE_NOOP("Import", "{column}填写有误。")
WHOLE_LINE = QT_TRANSLATE_NOOP("Import", "这一行")

MAPPING_MISSING = QT_TRANSLATE_NOOP("Import", "还没有列对应到：{fields}。请在“对应字段”中选择。")
MAPPING_TWICE = QT_TRANSLATE_NOOP("Import", "有两列对应到了同一个字段，请只保留一列。")
MAPPING_TEMPLATE = QT_TRANSLATE_NOOP("Import", "这不是可用的对应模板（或是别的导入种类的模板）。")
KIND_NAMES = {ImportKind.PERSONS: QT_TRANSLATE_NOOP("Import", "人员"),
              ImportKind.UNITS: QT_TRANSLATE_NOOP("Import", "单位"),
              ImportKind.RECORDS: QT_TRANSLATE_NOOP("Import", "诚信记录"),
              ImportKind.ATTENDANCE: QT_TRANSLATE_NOOP("Import", "培训出勤（期次名单）")}
REJECTED = QT_TRANSLATE_NOOP("Import", "文件中有 {n} 行无法导入，所以一行也没有导入。")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Import", "、")
SENTENCE = QT_TRANSLATE_NOOP("Import", "{0}。")  # a roster line's status as a sentence
# The Chinese names of the fields (importing.fields), marked for translation in a context of their own
# (单位 is a field here and a kind of import in CTX); a test checks the list.
FIELDS_CTX = "ImportFields"
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ImportFields", "姓名"), QT_TRANSLATE_NOOP("ImportFields", "公民身份号码"),
    QT_TRANSLATE_NOOP("ImportFields", "单位"), QT_TRANSLATE_NOOP("ImportFields", "单位统一社会信用代码"),
    QT_TRANSLATE_NOOP("ImportFields", "职务"), QT_TRANSLATE_NOOP("ImportFields", "职级"),
    QT_TRANSLATE_NOOP("ImportFields", "类别"), QT_TRANSLATE_NOOP("ImportFields", "状态"),
    QT_TRANSLATE_NOOP("ImportFields", "建档日期"), QT_TRANSLATE_NOOP("ImportFields", "性别"),
    QT_TRANSLATE_NOOP("ImportFields", "出生日期"), QT_TRANSLATE_NOOP("ImportFields", "单位名称"),
    QT_TRANSLATE_NOOP("ImportFields", "统一社会信用代码"), QT_TRANSLATE_NOOP("ImportFields", "行政区划代码"),
    QT_TRANSLATE_NOOP("ImportFields", "级别"), QT_TRANSLATE_NOOP("ImportFields", "上级单位"),
    QT_TRANSLATE_NOOP("ImportFields", "记录类型"), QT_TRANSLATE_NOOP("ImportFields", "严重程度"),
    QT_TRANSLATE_NOOP("ImportFields", "处分"), QT_TRANSLATE_NOOP("ImportFields", "决定日期"),
    QT_TRANSLATE_NOOP("ImportFields", "文号"), QT_TRANSLATE_NOOP("ImportFields", "决定机关"),
    QT_TRANSLATE_NOOP("ImportFields", "事实"), QT_TRANSLATE_NOOP("ImportFields", "身份证号"),
    QT_TRANSLATE_NOOP("ImportFields", "请假学时"), QT_TRANSLATE_NOOP("ImportFields", "获得学时"),
    QT_TRANSLATE_NOOP("ImportFields", "获得天数"), QT_TRANSLATE_NOOP("ImportFields", "成绩"),
    QT_TRANSLATE_NOOP("ImportFields", "证书编号"),
)


_FULL_ID = re.compile(r"(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])")


def masked(text: str) -> str:
    """A preview cell with any ID number in it masked, as lists show them (440106********0035)."""
    return _FULL_ID.sub(r"\1********\2", text)


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def kind_name(kind: ImportKind) -> str:
    return tr(KIND_NAMES[kind])


def field_name(label: str) -> str:
    """A field's Chinese name (FieldSpec.label) in the current language."""
    return QCoreApplication.translate(FIELDS_CTX, label)


def field_label(kind: ImportKind, key: str | None) -> str:
    if not key:
        return ""
    try:
        return field_name(field_spec(kind, key).label)
    except KeyError:
        return key


def reason(problem: Problem) -> str:
    """Why a line cannot be imported, in a sentence that names the file's own column."""
    column = problem.column or tr(WHOLE_LINE)
    for status in LineStatus:  # the training roster's statuses have Chinese labels of their own
        if problem.code == status.value and status is not LineStatus.DUPLICATE:
            return tr(SENTENCE).format(label(status.label))
    for code, pattern, template in REASONS:
        if code is not None and problem.code != code:
            continue
        match = re.search(pattern, problem.message) if pattern else None
        if pattern and match is None:
            continue
        n = match.group(1) if match and match.groups() else ""
        return tr(template).format(column=column, n=n)
    return tr(GENERIC).format(column=column)


def file_error(error: IntegrityFilesError, kind: ImportKind | None = None) -> str:
    """A file that cannot be read or mapped at all."""
    if isinstance(error, MappingError):
        if error.missing and kind is not None:
            return tr(MAPPING_MISSING).format(fields=tr(LIST_SEPARATOR).join(field_label(kind, key)
                                                                              for key in error.missing))
        if "both mapped" in error.message:
            return tr(MAPPING_TWICE)
        return tr(MAPPING_TEMPLATE)
    if error.code in TABLE_ERRORS:
        text = QCoreApplication.translate("Training", TABLE_ERRORS[error.code]).format(field=error.field or "")
        return text.replace("学员", "数据")
    return error_text(error)

