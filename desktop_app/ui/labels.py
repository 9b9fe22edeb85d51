"""Chinese domain labels and audit action names, marked for translation.

The domain's enums carry Chinese labels (``RecordKind.JUDGMENT.label == "司法判决"``); the UI shows
them through ``i18n.label`` so the English translation covers them too. Listing them here lets
``pyside6-lupdate`` extract them (a test checks the list is complete).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.ui.i18n import label

DOMAIN_LABELS = (
    QT_TRANSLATE_NOOP("Labels", "失信"), QT_TRANSLATE_NOOP("Labels", "守信"),
    QT_TRANSLATE_NOOP("Labels", "司法判决"), QT_TRANSLATE_NOOP("Labels", "行政处罚"),
    QT_TRANSLATE_NOOP("Labels", "纪律处分"), QT_TRANSLATE_NOOP("Labels", "问责处理"),
    QT_TRANSLATE_NOOP("Labels", "未守信践诺"), QT_TRANSLATE_NOOP("Labels", "其他失信"),
    QT_TRANSLATE_NOOP("Labels", "嘉奖"), QT_TRANSLATE_NOOP("Labels", "记功"),
    QT_TRANSLATE_NOOP("Labels", "授予称号"), QT_TRANSLATE_NOOP("Labels", "其他守信"),
    QT_TRANSLATE_NOOP("Labels", "轻微"), QT_TRANSLATE_NOOP("Labels", "一般"),
    QT_TRANSLATE_NOOP("Labels", "严重"),
    QT_TRANSLATE_NOOP("Labels", "警告"), QT_TRANSLATE_NOOP("Labels", "记过"),
    QT_TRANSLATE_NOOP("Labels", "记大过"), QT_TRANSLATE_NOOP("Labels", "降级"),
    QT_TRANSLATE_NOOP("Labels", "撤职"), QT_TRANSLATE_NOOP("Labels", "开除"),
    QT_TRANSLATE_NOOP("Labels", "草稿"), QT_TRANSLATE_NOOP("Labels", "已生效"),
    QT_TRANSLATE_NOOP("Labels", "已撤销"), QT_TRANSLATE_NOOP("Labels", "已修复"),
    QT_TRANSLATE_NOOP("Labels", "公示期满"),
    QT_TRANSLATE_NOOP("Labels", "男"), QT_TRANSLATE_NOOP("Labels", "女"),
    QT_TRANSLATE_NOOP("Labels", "在职"), QT_TRANSLATE_NOOP("Labels", "调出"),
    QT_TRANSLATE_NOOP("Labels", "退休"), QT_TRANSLATE_NOOP("Labels", "辞职"),
    QT_TRANSLATE_NOOP("Labels", "去世"),
    QT_TRANSLATE_NOOP("Labels", "省"), QT_TRANSLATE_NOOP("Labels", "市"),
    QT_TRANSLATE_NOOP("Labels", "县"), QT_TRANSLATE_NOOP("Labels", "乡"),
    QT_TRANSLATE_NOOP("Labels", "优秀"), QT_TRANSLATE_NOOP("Labels", "称职"),
    QT_TRANSLATE_NOOP("Labels", "基本称职"), QT_TRANSLATE_NOOP("Labels", "不称职"),
    QT_TRANSLATE_NOOP("Labels", "管理员"), QT_TRANSLATE_NOOP("Labels", "录入员"),
    QT_TRANSLATE_NOOP("Labels", "审核员"), QT_TRANSLATE_NOOP("Labels", "培训员"),
    QT_TRANSLATE_NOOP("Labels", "审计员"),
    QT_TRANSLATE_NOOP("Labels", "限制评优评先"), QT_TRANSLATE_NOOP("Labels", "处分期内"),
    QT_TRANSLATE_NOOP("Labels", "异议处理中"), QT_TRANSLATE_NOOP("Labels", "培训未达标"),
)

ACTIONS = {
    "archive.create": QT_TRANSLATE_NOOP("Labels", "创建档案库"),
    "archive.backup": QT_TRANSLATE_NOOP("Labels", "备份"),
    "archive.rekey": QT_TRANSLATE_NOOP("Labels", "更换数据密钥"),
    "archive.verify": QT_TRANSLATE_NOOP("Labels", "校验档案库"),
    "assessment.create": QT_TRANSLATE_NOOP("Labels", "登记年度考核"),
    "assessment.update": QT_TRANSLATE_NOOP("Labels", "更改年度考核"),
    "demo.load": QT_TRANSLATE_NOOP("Labels", "载入演示数据"),
    "person.create": QT_TRANSLATE_NOOP("Labels", "建立人员档案"),
    "person.update": QT_TRANSLATE_NOOP("Labels", "修改人员信息"),
    "person.reveal_id": QT_TRANSLATE_NOOP("Labels", "查看完整身份证号"),
    "record.create": QT_TRANSLATE_NOOP("Labels", "新增诚信记录"),
    "record.correct": QT_TRANSLATE_NOOP("Labels", "更正诚信记录"),
    "record.activate": QT_TRANSLATE_NOOP("Labels", "记录生效"),
    "record.revoke": QT_TRANSLATE_NOOP("Labels", "撤销诚信记录"),
    "sign_in": QT_TRANSLATE_NOOP("Labels", "登录"),
}


def action_label(action: str) -> str:
    """An audit action code in words; unknown codes are shown as they are."""
    text = ACTIONS.get(action)
    return label(text) if text else action
