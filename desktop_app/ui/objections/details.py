"""The detail pane of an objection or a repair application, as simple HTML (escaped)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services.evidence import AttachmentRow
from desktop_app.services.objections import ObjectionRow
from desktop_app.services.repair import RepairRow
from desktop_app.ui.i18n import format_date, label
from desktop_app.ui.objections.table_model import due_text
from desktop_app.ui.objections.texts import tr

T = {
    "record": QT_TRANSLATE_NOOP("Objections", "记录"), "applicant": QT_TRANSLATE_NOOP("Objections", "申请人"),
    "received": QT_TRANSLATE_NOOP("Objections", "收到日期"), "state": QT_TRANSLATE_NOOP("Objections", "状态"),
    "stage": QT_TRANSLATE_NOOP("Objections", "当前环节"), "due": QT_TRANSLATE_NOOP("Objections", "办理期限"),
    "grounds": QT_TRANSLATE_NOOP("Objections", "异议理由"), "outcome": QT_TRANSLATE_NOOP("Objections", "处理结果"),
    "findings": QT_TRANSLATE_NOOP("Objections", "核查结论"), "reply": QT_TRANSLATE_NOOP("Objections", "书面答复"),
    "files": QT_TRANSLATE_NOOP("Objections", "附件"), "handler": QT_TRANSLATE_NOOP("Objections", "经办人"),
    "awards": QT_TRANSLATE_NOOP("Objections", "评优评先"), "policy": QT_TRANSLATE_NOOP("Objections", "适用政策版本"),
    "applied": QT_TRANSLATE_NOOP("Objections", "申请日期"), "reason": QT_TRANSLATE_NOOP("Objections", "决定理由"),
    "statement": QT_TRANSLATE_NOOP("Objections", "申请说明"), "effects": QT_TRANSLATE_NOOP("Objections", "修复效果"),
    "restricts": QT_TRANSLATE_NOOP("Objections", "异议期间仍限制（审核员决定）：{reason}"),
    "free": QT_TRANSLATE_NOOP("Objections", "异议期间不作限制"),
    "estimated": QT_TRANSLATE_NOOP("Objections", "* 该年度节假日安排尚未收录，期限按周末推算；请在政策设置中补录。"),
    "file": QT_TRANSLATE_NOOP("Objections", "{purpose}：{file}"),
    "spaced": QT_TRANSLATE_NOOP("Objections", "　"),  # between the parts of a record's summary
    "list": QT_TRANSLATE_NOOP("Objections", "、"),
}


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='color:#5b6673;padding-right:12px;white-space:nowrap' valign='top'>"
                    f"{escape(tr(T[key]))}</td><td>{value}</td></tr>" for key, value in pairs if value)
    return f"<table cellspacing='4'>{cells}</table>"


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def _files(attachments: Sequence[AttachmentRow]) -> str:
    return "<br>".join(tr(T["file"]).format(purpose=escape(label(a.purpose.label)), file=escape(a.file_name))
                       for a in attachments)


def _parts(*parts: str) -> str:
    return tr(T["spaced"]).join(escape(p) for p in parts)


def objection_html(o: ObjectionRow) -> str:
    files = _files(o.attachments)
    awards = tr(T["restricts"]).format(reason=escape(o.override_reason)) if o.restricts_awards else tr(T["free"])
    pairs = [("record", _parts(o.person_name, o.unit_name, label(o.record_kind.label), o.document_no)),
             ("applicant", escape(o.applicant)), ("received", format_date(o.received_on)),
             ("state", escape(label(o.state.label))),
             ("stage", escape(label(o.stage.label)) if o.stage else ""), ("due", escape(due_text(o.deadline))),
             ("awards", awards if o.is_open else ""), ("grounds", _text(o.grounds)),
             ("outcome", escape(label(o.outcome.label)) if o.outcome else ""), ("findings", _text(o.findings)),
             ("reply", _text(o.reply)), ("files", files), ("handler", escape(o.handler)),
             ("policy", str(o.policy_version))]
    note = f"<p style='color:#8a5a00'>{escape(tr(T['estimated']))}</p>" if o.deadline.estimated else ""
    return _rows(pairs) + note


def repair_html(a: RepairRow) -> str:
    files = _files(a.attachments)
    pairs = [("record", _parts(a.person_name, a.unit_name, label(a.record_kind.label), label(a.severity.label),
                               a.document_no)),
             ("applicant", escape(a.applicant)), ("applied", format_date(a.applied_on)),
             ("state", escape(label(a.state.label))), ("stage", escape(label(a.stage.label)) if a.stage else ""),
             ("due", escape(due_text(a.deadline))), ("statement", _text(a.statement)), ("reason", _text(a.reason)),
             ("effects", tr(T["list"]).join(escape(label(e)) for e in a.effects)), ("files", files),
             ("handler", escape(a.handler)),
             ("policy", str(a.policy_version))]
    note = f"<p style='color:#8a5a00'>{escape(tr(T['estimated']))}</p>" if a.deadline.estimated else ""
    return _rows(pairs) + note
