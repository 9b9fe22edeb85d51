"""Audit actions, object kinds and outcomes in words.

``labels.ACTIONS`` names the actions of the archive core; the ones of sync, bundles, printing,
training, objections and users are named here. An unknown code is shown as it is.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.services.rows import AuditRow
from desktop_app.ui.labels import ACTIONS as CORE_ACTIONS
from desktop_app.ui.labels import action_label
from desktop_app.ui.sync.conflict_values import field_label

CTX = "AuditTexts"

ACTIONS = {
    "sync": QT_TRANSLATE_NOOP("AuditTexts", "与中心库同步"),
    "sync.insert": QT_TRANSLATE_NOOP("AuditTexts", "同步：新增"),
    "sync.update": QT_TRANSLATE_NOOP("AuditTexts", "同步：更新"),
    "sync.quarantine": QT_TRANSLATE_NOOP("AuditTexts", "同步：隔离更改"),
    "bundle.export": QT_TRANSLATE_NOOP("AuditTexts", "导出离线包"),
    "bundle.import": QT_TRANSLATE_NOOP("AuditTexts", "导入回执包"),
    "bundle.refused": QT_TRANSLATE_NOOP("AuditTexts", "拒绝数据包"),
    "conflict.resolve": QT_TRANSLATE_NOOP("AuditTexts", "处理同步冲突"),
    # a refused call is audited under its service method's name
    "sync.sync": QT_TRANSLATE_NOOP("AuditTexts", "与中心库同步"),
    "sync.export_bundle": QT_TRANSLATE_NOOP("AuditTexts", "导出离线包"),
    "sync.import_bundle": QT_TRANSLATE_NOOP("AuditTexts", "导入回执包"),
    "sync.resolve_conflict": QT_TRANSLATE_NOOP("AuditTexts", "处理同步冲突"),
    "sync.device_keys": QT_TRANSLATE_NOOP("AuditTexts", "查看本机公钥"),
    "maintenance.audit_entries": QT_TRANSLATE_NOOP("AuditTexts", "查阅审计日志"),
    "maintenance.verify": QT_TRANSLATE_NOOP("AuditTexts", "校验档案库"),
    "maintenance.backup": QT_TRANSLATE_NOOP("AuditTexts", "备份"),
    "maintenance.rekey": QT_TRANSLATE_NOOP("AuditTexts", "更换数据密钥"),
    "user.create": QT_TRANSLATE_NOOP("AuditTexts", "新增用户"),
    "user.remove": QT_TRANSLATE_NOOP("AuditTexts", "删除用户"),
    "user.change_passphrase": QT_TRANSLATE_NOOP("AuditTexts", "修改口令"),
    "user.reset_passphrase": QT_TRANSLATE_NOOP("AuditTexts", "重设口令"),
    "unit.create": QT_TRANSLATE_NOOP("AuditTexts", "新增单位"),
    "record.expire": QT_TRANSLATE_NOOP("AuditTexts", "公示期满"),
    "record.repair": QT_TRANSLATE_NOOP("AuditTexts", "信用修复"),
    "record.annotate": QT_TRANSLATE_NOOP("AuditTexts", "记录加注"),
    "record.objection_opened": QT_TRANSLATE_NOOP("AuditTexts", "记录进入异议处理"),
    "record.objection_closed": QT_TRANSLATE_NOOP("AuditTexts", "记录异议办结"),
    "objection.file": QT_TRANSLATE_NOOP("AuditTexts", "登记异议"),
    "objection.decide": QT_TRANSLATE_NOOP("AuditTexts", "异议决定"),
    "objection.override": QT_TRANSLATE_NOOP("AuditTexts", "异议处理更正"),
    "objection.add_evidence": QT_TRANSLATE_NOOP("AuditTexts", "添加异议证据"),
    "repair.apply": QT_TRANSLATE_NOOP("AuditTexts", "申请信用修复"),
    "repair.add_evidence": QT_TRANSLATE_NOOP("AuditTexts", "添加修复材料"),
    "policy.create": QT_TRANSLATE_NOOP("AuditTexts", "修改政策设置"),
    "attachment.create": QT_TRANSLATE_NOOP("AuditTexts", "添加附件"),
    "attachment.read": QT_TRANSLATE_NOOP("AuditTexts", "查看附件"),
    "blob.create": QT_TRANSLATE_NOOP("AuditTexts", "保存文件"),
    "print.file": QT_TRANSLATE_NOOP("AuditTexts", "打印档案"),
    "print.batch": QT_TRANSLATE_NOOP("AuditTexts", "批量打印"),
    "print.export": QT_TRANSLATE_NOOP("AuditTexts", "导出打印文件"),
    "print.render": QT_TRANSLATE_NOOP("AuditTexts", "生成打印文件"),
    "print.verify": QT_TRANSLATE_NOOP("AuditTexts", "核验打印件"),
    "report.export": QT_TRANSLATE_NOOP("AuditTexts", "导出报表"),
    "training.export": QT_TRANSLATE_NOOP("AuditTexts", "导出培训数据"),
    "attendance.import": QT_TRANSLATE_NOOP("AuditTexts", "导入培训名单"),
    "course.create": QT_TRANSLATE_NOOP("AuditTexts", "新增课程"),
    "course.update": QT_TRANSLATE_NOOP("AuditTexts", "修改课程"),
    "session.create": QT_TRANSLATE_NOOP("AuditTexts", "新增培训班次"),
    "session.update": QT_TRANSLATE_NOOP("AuditTexts", "修改培训班次"),
    "attendance.create": QT_TRANSLATE_NOOP("AuditTexts", "登记学时"),
    "attendance.update": QT_TRANSLATE_NOOP("AuditTexts", "修改学时"),
    "headcount.create": QT_TRANSLATE_NOOP("AuditTexts", "登记在编人数"),
    "headcount.update": QT_TRANSLATE_NOOP("AuditTexts", "修改在编人数"),
}
OBJECTS = {
    "person": QT_TRANSLATE_NOOP("AuditTexts", "人员"), "record": QT_TRANSLATE_NOOP("AuditTexts", "记录"),
    "unit": QT_TRANSLATE_NOOP("AuditTexts", "单位"), "user": QT_TRANSLATE_NOOP("AuditTexts", "用户"),
    "conflict": QT_TRANSLATE_NOOP("AuditTexts", "冲突"), "assessment": QT_TRANSLATE_NOOP("AuditTexts", "考核"),
    "objection": QT_TRANSLATE_NOOP("AuditTexts", "异议"), "repair": QT_TRANSLATE_NOOP("AuditTexts", "修复申请"),
    "course": QT_TRANSLATE_NOOP("AuditTexts", "课程"), "session": QT_TRANSLATE_NOOP("AuditTexts", "班次"),
}
DETAIL_KEYS = {   # in the order they are shown
    "fields": QT_TRANSLATE_NOOP("AuditTexts", "字段"), "reason": QT_TRANSLATE_NOOP("AuditTexts", "理由"),
    "pushed": QT_TRANSLATE_NOOP("AuditTexts", "发送"), "pulled": QT_TRANSLATE_NOOP("AuditTexts", "接收"),
    "applied": QT_TRANSLATE_NOOP("AuditTexts", "应用"), "conflicts": QT_TRANSLATE_NOOP("AuditTexts", "新增冲突"),
    "quarantined": QT_TRANSLATE_NOOP("AuditTexts", "隔离"), "number": QT_TRANSLATE_NOOP("AuditTexts", "编号"),
    "changes": QT_TRANSLATE_NOOP("AuditTexts", "更改"), "choice": QT_TRANSLATE_NOOP("AuditTexts", "处理方式"),
    "file": QT_TRANSLATE_NOOP("AuditTexts", "文件"), "user": QT_TRANSLATE_NOOP("AuditTexts", "用户"),
    "from": QT_TRANSLATE_NOOP("AuditTexts", "来自设备"), "denied": QT_TRANSLATE_NOOP("AuditTexts", "缺少权限"),
    "office": QT_TRANSLATE_NOOP("AuditTexts", "单位名称"),
}
HIDDEN_KEYS = frozenset({"head_sent"})
BOOKKEEPING = frozenset({"updated_at", "version"})
SUCCESS = QT_TRANSLATE_NOOP("AuditTexts", "成功")
FAILED = QT_TRANSLATE_NOOP("AuditTexts", "失败")
DENIED = QT_TRANSLATE_NOOP("AuditTexts", "拒绝（无权限）")


def _tr(text: object) -> str:
    return QCoreApplication.translate(CTX, str(text))


def audit_action(action: str) -> str:
    if action in CORE_ACTIONS:
        return action_label(action)
    return _tr(ACTIONS[action]) if action in ACTIONS else action


def audit_object(row: AuditRow) -> str:
    kind = _tr(OBJECTS[row.object_type]) if row.object_type in OBJECTS else row.object_type
    short = row.object_id.replace("-", "")[:8]
    return f"{kind} {short}".strip()


def audit_outcome(row: AuditRow) -> str:
    if row.success:
        return _tr(SUCCESS)
    return _tr(DENIED) if "denied" in row.detail else _tr(FAILED)


def audit_detail(detail: dict[str, Any]) -> str:
    """A compact line in words: known keys named, field lists as field names, long digests
    shortened (the tooltip shows everything)."""
    parts = []
    order = list(DETAIL_KEYS)
    for key, value in sorted(detail.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order),
                                                              kv[0])):
        if key in HIDDEN_KEYS:
            continue
        name = _tr(DETAIL_KEYS[key]) if key in DETAIL_KEYS else key
        parts.append(QCoreApplication.translate("AuditTexts", "{0}：{1}").format(name, _detail_value(key, value)))
    return QCoreApplication.translate("AuditTexts", "；").join(parts)


def _detail_value(key: str, value: Any) -> str:
    if isinstance(value, list | tuple):
        items = [v for v in value if not (key == "fields" and v in BOOKKEEPING)]
        if key == "fields":
            return field_label(",".join(map(str, items)))
        return QCoreApplication.translate("AuditTexts", "、").join(map(str, items))
    text = str(value)
    if len(text) > 24 and all(c in "0123456789abcdef-" for c in text):
        return text[:8] + "…"
    return text
