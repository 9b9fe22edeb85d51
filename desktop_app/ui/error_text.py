"""Typed core errors → clear messages for people, by error code, field and rule.

The core's English ``message`` is for logs and the CLI; users read the translated text built
here. Rules are matched on the message only to pick the more precise sentence; an unknown rule
still gets a sentence that names the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.errors import IntegrityFilesError, LockedOutError

CTX = "Errors"

FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("Errors", "姓名"), "id_number": QT_TRANSLATE_NOOP("Errors", "身份证号"),
    "unit": QT_TRANSLATE_NOOP("Errors", "单位"), "post": QT_TRANSLATE_NOOP("Errors", "职务"),
    "rank": QT_TRANSLATE_NOOP("Errors", "职级"), "category": QT_TRANSLATE_NOOP("Errors", "类别"),
    "status": QT_TRANSLATE_NOOP("Errors", "状态"), "kind": QT_TRANSLATE_NOOP("Errors", "记录类型"),
    "severity": QT_TRANSLATE_NOOP("Errors", "严重程度"), "sanction": QT_TRANSLATE_NOOP("Errors", "处分种类"),
    "decided_on": QT_TRANSLATE_NOOP("Errors", "决定日期"), "document_no": QT_TRANSLATE_NOOP("Errors", "文号"),
    "authority": QT_TRANSLATE_NOOP("Errors", "决定机关"), "facts": QT_TRANSLATE_NOOP("Errors", "事实"),
    "reason": QT_TRANSLATE_NOOP("Errors", "理由"), "state": QT_TRANSLATE_NOOP("Errors", "记录状态"),
    "passphrase": QT_TRANSLATE_NOOP("Errors", "口令"), "user": QT_TRANSLATE_NOOP("Errors", "用户名"),
    "archive": QT_TRANSLATE_NOOP("Errors", "档案库"), "search": QT_TRANSLATE_NOOP("Errors", "搜索内容"),
    "flag": QT_TRANSLATE_NOOP("Errors", "标记"), "person": QT_TRANSLATE_NOOP("Errors", "人员"),
    "record": QT_TRANSLATE_NOOP("Errors", "记录"), "grade": QT_TRANSLATE_NOOP("Errors", "考核等次"),
    "year": QT_TRANSLATE_NOOP("Errors", "年度"),
    "uscc": QT_TRANSLATE_NOOP("Errors", "统一社会信用代码"),
    "division_code": QT_TRANSLATE_NOOP("Errors", "行政区划代码"),
    "office": QT_TRANSLATE_NOOP("Errors", "单位名称"),
}

# (pattern on the English message, sentence with {field} and {n}); first match wins.
VALIDATION_RULES: tuple[tuple[str, str], ...] = (
    (r"severity is required", QT_TRANSLATE_NOOP("Errors", "失信记录必须选择严重程度。")),
    (r"sanction grade belongs only", QT_TRANSLATE_NOOP("Errors", "只有纪律处分记录可以选择处分种类。")),
    (r"before the person's birth date", QT_TRANSLATE_NOOP("Errors", "决定日期早于本人的出生日期。")),
    (r"cannot turn a", QT_TRANSLATE_NOOP("Errors", "更正不能改变记录的失信/守信性质；请撤销后重新录入。")),
    (r"passphrase must have at least (\d+)", QT_TRANSLATE_NOOP("Errors", "口令至少需要 {n} 个字符。")),
    (r"passphrase must have at most (\d+)", QT_TRANSLATE_NOOP("Errors", "口令最多 {n} 个字符。")),
    (r"too simple", QT_TRANSLATE_NOOP("Errors", "口令过于简单（不同的字符太少）。")),
    (r"user name must be", QT_TRANSLATE_NOOP("Errors", "用户名须为 2–64 个字母、数字或“.”“-”“_”。")),
    (r"two entries differ", QT_TRANSLATE_NOOP("Errors", "两次输入的口令不一致。")),
    (r"not available yet", QT_TRANSLATE_NOOP("Errors", "此筛选在当前版本中尚不可用。")),
    (r"is required", QT_TRANSLATE_NOOP("Errors", "请填写{field}。")),
    (r"longer than (\d+)", QT_TRANSLATE_NOOP("Errors", "{field}不能超过 {n} 个字符。")),
    (r"control character", QT_TRANSLATE_NOOP("Errors", "{field}含有不允许的控制字符。")),
    (r"in the future", QT_TRANSLATE_NOOP("Errors", "{field}不能晚于今天。")),
    (r"before 1949-10-01", QT_TRANSLATE_NOOP("Errors", "{field}不能早于1949年10月1日。")),
    (r"must be a date", QT_TRANSLATE_NOOP("Errors", "{field}不是有效的日期。")),
    (r"out of range", QT_TRANSLATE_NOOP("Errors", "{field}超出允许的范围。")),
    (r"^unknown ", QT_TRANSLATE_NOOP("Errors", "{field}不是可选的值。")),
)

BY_CODE = {
    "invalid": QT_TRANSLATE_NOOP("Errors", "{field}填写有误。"),
    "not_found": QT_TRANSLATE_NOOP("Errors", "找不到该{field}。"),
    "duplicate": QT_TRANSLATE_NOOP("Errors", "{field}已存在。"),
    "permission_denied": QT_TRANSLATE_NOOP("Errors", "您的角色无权执行此操作。"),
    "authentication_failed": QT_TRANSLATE_NOOP("Errors", "用户名或口令不正确。"),
    "locked_out": QT_TRANSLATE_NOOP("Errors", "失败次数过多，请在 {n} 秒后再试。"),
    "archive": QT_TRANSLATE_NOOP("Errors", "无法打开档案库：文件缺失、已损坏，或不属于这个密钥文件。"),
    "illegal_state": QT_TRANSLATE_NOOP("Errors", "该记录当前的状态不允许此操作。"),
    "archive_busy": QT_TRANSLATE_NOOP(
        "Errors", "档案库正在其他会话中打开（例如另一个窗口或命令行）。请先关闭它们，再更换数据密钥。"),
    "import_backup_failed": QT_TRANSLATE_NOOP(
        "Errors", "导入前的自动备份无法写入（磁盘空间不足或磁盘故障），未导入任何内容。请释放磁盘空间后重新导入。"),
}

SPECIAL: tuple[tuple[str, str, str], ...] = (
    ("duplicate", r"ID number", QT_TRANSLATE_NOOP("Errors", "该身份证号已经建有档案。")),
    ("archive", r"already exists", QT_TRANSLATE_NOOP("Errors", "该位置已有档案库，请换一个文件名。")),
    ("archive", r"archive is locked", QT_TRANSLATE_NOOP("Errors", "档案库已锁定，请先解锁。")),
    ("archive", r"newer version", QT_TRANSLATE_NOOP("Errors", "该档案库由更新版本的程序建立，请先升级本程序。")),
    ("archive", r"key file .* missing", QT_TRANSLATE_NOOP("Errors", "档案库旁的密钥文件（.keys）缺失。")),
    ("archive", r"disk is full|No space left|backup failed",
     QT_TRANSLATE_NOOP("Errors", "磁盘空间不足或磁盘故障，操作未完成，档案库没有改变。请释放磁盘空间后重试。")),
    ("archive", r"lost committed changes",
     QT_TRANSLATE_NOOP("Errors", "档案库缺少已保存的更改，已拒绝打开。请恢复备份，或由管理员accept-loss后同步找回。")),
    ("permission_denied", r"outside your units", QT_TRANSLATE_NOOP("Errors", "该人员或单位不在您负责的单位范围内。")),
    ("permission_denied", r"works on the whole archive",
     QT_TRANSLATE_NOOP("Errors", "只有负责整个档案库的用户才能执行此操作（您只负责部分单位）。")),
    ("illegal_state", r"remove yourself", QT_TRANSLATE_NOOP("Errors", "不能删除自己的账户。")),
)

GENERIC = QT_TRANSLATE_NOOP("Errors", "操作未能完成。")
SOME_FIELD = QT_TRANSLATE_NOOP("Errors", "内容")
AT_LINE = QT_TRANSLATE_NOOP("Errors", "第 {line} 行：")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def field_name(field: str | None) -> str:
    if field and field in FIELD_NAMES:
        return _tr(FIELD_NAMES[field])
    return _tr(SOME_FIELD) if field else ""


def error_text(error: IntegrityFilesError) -> str:
    """The sentence a person reads for a typed error."""
    fill: Callable[[str, str], str] = lambda template, n: _tr(template).format(  # noqa: E731
        field=field_name(error.field), n=n)
    if isinstance(error, LockedOutError):
        return fill(BY_CODE["locked_out"], str(max(1, round(error.retry_after))))
    for code, pattern, template in SPECIAL:
        if error.code == code and re.search(pattern, error.message):
            return fill(template, "")
    if error.code == "invalid":
        for pattern, template in VALIDATION_RULES:
            match = re.search(pattern, error.message)
            if match:
                return fill(template, match.group(1) if match.groups() else "")
    text = fill(BY_CODE.get(error.code, GENERIC), "")
    if error.line is not None:
        text = _tr(AT_LINE).format(line=error.line) + text
    return text
