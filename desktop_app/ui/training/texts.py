"""Chinese messages of the training page: its fields, the table reader's errors, and number formats."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.error_text import error_text

CTX = "Training"

FIELDS = {
    "title": QT_TRANSLATE_NOOP("Training", "课程名称"), "topic": QT_TRANSLATE_NOOP("Training", "主题"),
    "mode": QT_TRANSLATE_NOOP("Training", "培训方式"), "hours": QT_TRANSLATE_NOOP("Training", "学时"),
    "days": QT_TRANSLATE_NOOP("Training", "天数"), "organizer": QT_TRANSLATE_NOOP("Training", "主办单位"),
    "starts_on": QT_TRANSLATE_NOOP("Training", "开始日期"), "ends_on": QT_TRANSLATE_NOOP("Training", "结束日期"),
    "place": QT_TRANSLATE_NOOP("Training", "地点"), "trainer": QT_TRANSLATE_NOOP("Training", "授课人"),
    "leave_hours": QT_TRANSLATE_NOOP("Training", "请假学时"),
    "hours_earned": QT_TRANSLATE_NOOP("Training", "获得学时"),
    "days_earned": QT_TRANSLATE_NOOP("Training", "获得天数"), "result": QT_TRANSLATE_NOOP("Training", "成绩"),
    "certificate_no": QT_TRANSLATE_NOOP("Training", "证书编号"),
    "encoding": QT_TRANSLATE_NOOP("Training", "文件编码"), "sheet": QT_TRANSLATE_NOOP("Training", "工作表"),
    "course": QT_TRANSLATE_NOOP("Training", "课程"), "session": QT_TRANSLATE_NOOP("Training", "期次"),
    "attendance": QT_TRANSLATE_NOOP("Training", "学员记录"), "person": QT_TRANSLATE_NOOP("Training", "人员"),
    "header": QT_TRANSLATE_NOOP("Training", "标题行"), "file": QT_TRANSLATE_NOOP("Training", "文件"),
    "id_number": QT_TRANSLATE_NOOP("Training", "身份证号"),
}

TABLE_ERRORS = {
    "table_empty": QT_TRANSLATE_NOOP("Training", "文件是空的。"),
    "table_header_only": QT_TRANSLATE_NOOP("Training", "文件只有标题行，没有学员。"),
    "table_binary": QT_TRANSLATE_NOOP("Training", "这不是文本表格文件（可能是改了扩展名的 Excel、PDF 或图片）。"
                                                  "Excel 文件请保存为 .xlsx 后选择。"),
    "table_format": QT_TRANSLATE_NOOP("Training", "不支持这种文件格式，请另存为 .xlsx 或 CSV。"),
    "table_encoding": QT_TRANSLATE_NOOP("Training", "无法识别文件编码，请在“编码”中选择 GBK、GB18030 或 UTF-8。"),
    "table_sheet": QT_TRANSLATE_NOOP("Training", "工作簿中没有这个工作表。"),
    "table_header": QT_TRANSLATE_NOOP("Training", "找不到标题行，或标题重复、为空。名单需有“姓名”或“身份证号”列。"),
    "table_formula": QT_TRANSLATE_NOOP("Training", "单元格 {field} 是公式，请复制后“粘贴为数值”再导入。"),
    "table_cell": QT_TRANSLATE_NOOP("Training", "{field} 列的单元格无法导入（长数字请设为文本格式后重输）。"),
    "table_invalid": QT_TRANSLATE_NOOP("Training", "无法读取该文件。"),
    "stale_version": QT_TRANSLATE_NOOP("Training", "其他用户刚修改过这些成绩，请刷新后重新填写。"),
}

GENERIC_INVALID = QT_TRANSLATE_NOOP("Training", "{field}填写有误。")
AT_LINE = QT_TRANSLATE_NOOP("Training", "第 {line} 行：")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def describe(error: IntegrityFilesError) -> str:
    """The sentence a trainer reads for a typed error of the training feature."""
    prefix = tr(AT_LINE).format(line=error.line) if error.line is not None else ""
    if error.code in TABLE_ERRORS:
        return prefix + tr(TABLE_ERRORS[error.code]).format(field=error.field or "")
    if error.field not in FIELDS:
        return error_text(error)  # adds its own line prefix
    field = tr(FIELDS[error.field or ""])
    if error.code == "invalid":
        return prefix + (_specific(error.message, field) or tr(GENERIC_INVALID).format(field=field))
    template = BY_CODE.get(error.code)
    return prefix + (tr(template).format(field=field) if template else error_text(error))


BY_CODE = {
    "not_found": QT_TRANSLATE_NOOP("Training", "找不到该{field}。"),
    "duplicate": QT_TRANSLATE_NOOP("Training", "{field}重复：此人已在本期名单中，或在名单中出现了两次。"),
    "permission_denied": QT_TRANSLATE_NOOP("Training", "您的角色无权执行此操作。"),
}
_RULES = (
    ("steps of 0.5", QT_TRANSLATE_NOOP("Training", "{field}须以 0.5 为单位。")),
    ("must not be negative", QT_TRANSLATE_NOOP("Training", "{field}不能为负数。")),
    ("out of range", QT_TRANSLATE_NOOP("Training", "{field}超出允许的范围。")),
    ("must be a number", QT_TRANSLATE_NOOP("Training", "{field}须为数字。")),
    ("is required", QT_TRANSLATE_NOOP("Training", "请填写{field}。")),
    ("more than 0", QT_TRANSLATE_NOOP("Training", "{field}须大于 0。")),
    ("ends before it starts", QT_TRANSLATE_NOOP("Training", "结束日期早于开始日期。")),
    ("must be a date", QT_TRANSLATE_NOOP("Training", "{field}不是有效的日期。")),
    ("^unknown", QT_TRANSLATE_NOOP("Training", "{field}不是可选的值。")),
    ("姓名 or 身份证号", QT_TRANSLATE_NOOP("Training", "名单需有“姓名”或“身份证号”列。")),
)


def _specific(message: str, field: str) -> str:
    for pattern, template in _RULES:
        if re.search(pattern, message):
            return tr(template).format(field=field)
    return ""


def amount(value: float) -> str:
    """56 rather than 56.0; 7.5 stays 7.5."""
    return f"{value:g}"
