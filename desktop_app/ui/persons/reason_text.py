"""Reasons in the UI's language.

* A flag's reason: the domain gives it as a Chinese template and its parts (``consequences.because``);
  the template is translated whole, enum parts by their labels.
* A record's state reason is stored text (synced and audited): what the software wrote there begins
  with one of a few fixed phrases (公示期满, 信用修复：…), which are translated; what a person wrote
  after them, or instead of them (a revocation's reason), is data and stays as it is."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.domain.consequences import FlagReason
from desktop_app.domain.enums import LabelledEnum
from desktop_app.ui.i18n import by_pattern, is_chinese, label
from desktop_app.ui.training.texts import report_text

CTX = "Flags"

# consequences.REASON_TEMPLATES, for lupdate (a test checks the two lists agree).
TEMPLATES = (
    QT_TRANSLATE_NOOP("Flags", "{document_no} 异议处理中"),
    QT_TRANSLATE_NOOP("Flags", "{document_no} 失信记录有效"),
    QT_TRANSLATE_NOOP("Flags", "{document_no} 异议处理中，经审核仍限制评优评先"),
    QT_TRANSLATE_NOOP("Flags", "{sanction}处分期至{end}，不得晋升职务职级和级别、档次"),
    QT_TRANSLATE_NOOP("Flags", "{sanction}处分期至{end}，不得晋升职务职级"),
    QT_TRANSLATE_NOOP("Flags", "{first}、{second}年度连续两年考核不称职：应予辞退"),
    QT_TRANSLATE_NOOP("Flags", "{year}年度考核为{grade}，但当年受{sanction}处分（{document_no}），不得确定为称职以上等次"),  # noqa: E501
    QT_TRANSLATE_NOOP("Flags", "{year}年度考核为{grade}，但当年受{sanction}处分（{document_no}），不得确定为优秀"),
    QT_TRANSLATE_NOOP("Flags", "{year}年度考核基本称职：诫勉并限期改进；一年内不得晋升职务职级；不享受年度考核奖金"),
    QT_TRANSLATE_NOOP("Flags", "{year}年度考核不称职：降低一个职务或者职级层次任职；不享受年度考核奖金"),
)


def flag_reason(reason: FlagReason) -> str:
    if is_chinese():
        return reason.reason
    if not reason.template:  # the training shortfall: a sentence of the training norms
        return report_text(reason.reason)
    parts = {key: label(value.label) if isinstance(value, LabelledEnum) else value for key, value in reason.params}
    return QCoreApplication.translate(CTX, reason.template).format(**parts)


# (what the services write, the same in the UI's language); ``rest`` is the person's own text.
STATE_REASONS = tuple((re.compile(pattern), template) for pattern, template in (
    (r"公示期满（(?P<day>[0-9-]+)）", QT_TRANSLATE_NOOP("Flags", "公示期满（{day}）")),
    (r"公示期满", QT_TRANSLATE_NOOP("Flags", "公示期满")),
    (r"信用修复准予", QT_TRANSLATE_NOOP("Flags", "信用修复准予")),
    (r"经复查撤销", QT_TRANSLATE_NOOP("Flags", "经复查撤销")),
    (r"信用修复：(?P<rest>.*)", QT_TRANSLATE_NOOP("Flags", "信用修复：{rest}")),
    (r"异议无法确认：(?P<rest>.*)", QT_TRANSLATE_NOOP("Flags", "异议无法确认：{rest}")),
    (r"异议撤销：(?P<rest>.*)", QT_TRANSLATE_NOOP("Flags", "异议撤销：{rest}")),
    (r"异议更正：(?P<rest>.*)", QT_TRANSLATE_NOOP("Flags", "异议更正：{rest}")),
))


def state_reason(text: str) -> str:
    if is_chinese():
        return text
    return by_pattern(text, STATE_REASONS, CTX) or text
