"""Chinese messages of the 异议与修复 page: field names, the feature's error codes, labels."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.domain.repair import RepairTooEarly
from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.i18n import format_date

CTX = "Objections"

FIELDS = {
    "applicant": QT_TRANSLATE_NOOP("Objections", "申请人"),
    "grounds": QT_TRANSLATE_NOOP("Objections", "异议理由"),
    "received_on": QT_TRANSLATE_NOOP("Objections", "收到日期"),
    "on": QT_TRANSLATE_NOOP("Objections", "办理日期"),
    "reply": QT_TRANSLATE_NOOP("Objections", "书面答复"),
    "findings": QT_TRANSLATE_NOOP("Objections", "核查结论"),
    "outcome": QT_TRANSLATE_NOOP("Objections", "处理结果"),
    "evidence": QT_TRANSLATE_NOOP("Objections", "证据材料"),
    "correction": QT_TRANSLATE_NOOP("Objections", "更正内容"),
    "record": QT_TRANSLATE_NOOP("Objections", "诚信记录"),
    "objection": QT_TRANSLATE_NOOP("Objections", "异议"),
    "application": QT_TRANSLATE_NOOP("Objections", "修复申请"),
    "applied_on": QT_TRANSLATE_NOOP("Objections", "申请日期"),
    "reason": QT_TRANSLATE_NOOP("Objections", "理由"),
    "obligations": QT_TRANSLATE_NOOP("Objections", "履行义务"),
    "proof": QT_TRANSLATE_NOOP("Objections", "履行义务证明"),
    "commitment": QT_TRANSLATE_NOOP("Objections", "信用修复承诺书"),
    "statement": QT_TRANSLATE_NOOP("Objections", "申请说明"),
    "settings": QT_TRANSLATE_NOOP("Objections", "政策设置"),
    "file_name": QT_TRANSLATE_NOOP("Objections", "文件名"),
}

CODES = {
    "objection_state": QT_TRANSLATE_NOOP("Objections", "该异议当前的状态不允许此操作（可能已被他人办理，请刷新）。"),
    "objection_record_revoked": QT_TRANSLATE_NOOP("Objections", "该记录已撤销，不能再提出异议。"),
    "objection_record_state": QT_TRANSLATE_NOOP("Objections", "只能对已生效的记录提出异议。"),
    "objection_already_open": QT_TRANSLATE_NOOP("Objections", "该记录已有正在办理的异议。"),
    "record_under_repair": QT_TRANSLATE_NOOP("Objections", "该记录有正在办理的信用修复申请，请先办结。"),
    "record_under_objection": QT_TRANSLATE_NOOP("Objections", "该记录正在异议处理中，只能通过异议办结更改。"),
    "repair_state": QT_TRANSLATE_NOOP("Objections", "该修复申请当前的状态不允许此操作（可能已被他人办理，请刷新）。"),
    "repair_not_dishonest": QT_TRANSLATE_NOOP("Objections", "只有失信记录可以申请信用修复。"),
    "repair_record_state": QT_TRANSLATE_NOOP("Objections", "只有已生效的记录可以申请信用修复。"),
    "repair_under_objection": QT_TRANSLATE_NOOP("Objections", "该记录正在异议处理中，异议办结后才能申请信用修复。"),
    "repair_already_open": QT_TRANSLATE_NOOP("Objections", "该记录已有正在办理的信用修复申请。"),
    "calendar_unknown": QT_TRANSLATE_NOOP("Objections", "尚未收录该年度的节假日安排，请在政策设置中补录。"),
}

TOO_EARLY = {
    "publication": QT_TRANSLATE_NOOP("Objections", "未到最短公示期，该记录可于{day}起申请信用修复。"),
    "sanction": QT_TRANSLATE_NOOP("Objections", "处分期未满，该记录可于{day}起申请信用修复。"),
}
RULES = (
    ("before the previous step", QT_TRANSLATE_NOOP("Objections", "{field}不能早于上一环节的日期。")),
    ("before the record's decision date", QT_TRANSLATE_NOOP("Objections", "{field}不能早于记录的决定日期。")),
    ("in the future", QT_TRANSLATE_NOOP("Objections", "{field}不能晚于今天。")),
    ("changes nothing", QT_TRANSLATE_NOOP("Objections", "更正内容与原记录相同；如无需更正，请选择“维持”。")),
    ("needs the corrected values", QT_TRANSLATE_NOOP("Objections", "选择“更正”时请填写更正后的内容。")),
    ("is empty", QT_TRANSLATE_NOOP("Objections", "所选文件是空的。")),
    ("larger than", QT_TRANSLATE_NOOP("Objections", "文件过大（每个文件不超过 20 MB）。")),
    ("cannot read", QT_TRANSLATE_NOOP("Objections", "无法读取所选文件（已被移动、删除，或没有读取权限）。")),
    ("already so", QT_TRANSLATE_NOOP("Objections", "评优限制已是所选状态。")),
    ("equal the current profile", QT_TRANSLATE_NOOP("Objections", "没有修改任何设置。")),
    ("commitment letter", QT_TRANSLATE_NOOP("Objections", "请附上签署的信用修复承诺书。")),
    ("is required", QT_TRANSLATE_NOOP("Objections", "请填写{field}。")),
    ("fulfilled before a repair", QT_TRANSLATE_NOOP("Objections", "申请人须已履行决定规定的义务。")),
    ("at least one file", QT_TRANSLATE_NOOP("Objections", "请附上{field}（至少一个文件）。")),
    ("out of range", QT_TRANSLATE_NOOP("Objections", "{field}超出允许的范围。")),
    ("must be between", QT_TRANSLATE_NOOP("Objections", "{field}超出允许的范围。")),
)


def tr(text: object) -> str:
    """Translate a QT_TRANSLATE_NOOP string (typed ``object`` by the PySide6 stubs)."""
    return QCoreApplication.translate(CTX, str(text))


def field_name(field: str | None) -> str:
    return tr(FIELDS[field]) if field in FIELDS else (field or "")


def describe(error: IntegrityFilesError) -> str:
    """The sentence a person reads for a typed error of this feature (others: the shared texts)."""
    if isinstance(error, RepairTooEarly):
        return tr(TOO_EARLY.get(error.because, TOO_EARLY["publication"])).format(day=format_date(error.possible_from))
    if error.code in CODES:
        return tr(CODES[error.code])
    for pattern, template in RULES:
        if pattern in error.message and (error.field in FIELDS or "{field}" not in str(template)):
            return tr(template).format(field=field_name(error.field))
    if error.field in FIELDS and error.code == "not_found":
        return tr(QT_TRANSLATE_NOOP("Objections", "找不到该{field}，请刷新。")).format(field=field_name(error.field))
    if error.field and error.field.startswith(("publication.", "sanction.", "objection.", "repair.", "training.",
                                               "calendar.")):
        return tr(QT_TRANSLATE_NOOP("Objections", "设置项 {field} 的值不正确。")).format(field=error.field)
    return error_text(error)


LABELS = (
    QT_TRANSLATE_NOOP("Labels", "已登记"),
    QT_TRANSLATE_NOOP("Labels", "已受理"),
    QT_TRANSLATE_NOOP("Labels", "核查中"),
    QT_TRANSLATE_NOOP("Labels", "已办结"),
    QT_TRANSLATE_NOOP("Labels", "不予受理"),
    QT_TRANSLATE_NOOP("Labels", "更正"),
    QT_TRANSLATE_NOOP("Labels", "撤销"),
    QT_TRANSLATE_NOOP("Labels", "维持"),
    QT_TRANSLATE_NOOP("Labels", "无法确认"),
    QT_TRANSLATE_NOOP("Labels", "受理"),
    QT_TRANSLATE_NOOP("Labels", "自查"),
    QT_TRANSLATE_NOOP("Labels", "提供单位核查"),
    QT_TRANSLATE_NOOP("Labels", "已申请"),
    QT_TRANSLATE_NOOP("Labels", "准予修复"),
    QT_TRANSLATE_NOOP("Labels", "不予修复"),
    QT_TRANSLATE_NOOP("Labels", "决定是否受理"),
    QT_TRANSLATE_NOOP("Labels", "作出修复决定"),
    QT_TRANSLATE_NOOP("Labels", "证据材料"),
    QT_TRANSLATE_NOOP("Labels", "履行义务证明"),
    QT_TRANSLATE_NOOP("Labels", "信用修复承诺书"),
    QT_TRANSLATE_NOOP("Labels", "书面答复"),
    QT_TRANSLATE_NOOP("Labels", "考核结果影响"),
    # what a granted repair does (RepairRow.effects)
    QT_TRANSLATE_NOOP("Labels", "终止公示"),
    QT_TRANSLATE_NOOP("Labels", "停止共享"),
    QT_TRANSLATE_NOOP("Labels", "解除评优评先限制"),
)
