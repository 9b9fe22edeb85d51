"""A flag's reason in the UI's language. The domain gives each reason as a Chinese template and its
parts (``consequences.because``): the template is translated whole, enum parts by their labels.
Document numbers, dates and years are data and stay as they are."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.domain.consequences import FlagReason
from desktop_app.domain.enums import LabelledEnum
from desktop_app.ui.i18n import is_chinese, label
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
