"""Chinese messages of the training page: its fields, the table reader's errors, and number formats."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.errors import IntegrityFilesError
from desktop_app.ui.error_text import error_text
from desktop_app.ui.i18n import by_pattern, is_chinese, label

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


# The Chinese labels of the training enums (CourseTopic, CourseMode, AttendanceResult, RankTier) and of
# the roster reader's line statuses (LineStatus), shown through ``i18n.label``; a test checks the list.
LABELS = (
    QT_TRANSLATE_NOOP("Labels", "诚信教育"), QT_TRANSLATE_NOOP("Labels", "政治理论"),
    QT_TRANSLATE_NOOP("Labels", "党性教育"), QT_TRANSLATE_NOOP("Labels", "法律法规"),
    QT_TRANSLATE_NOOP("Labels", "专业能力"), QT_TRANSLATE_NOOP("Labels", "其他"),
    QT_TRANSLATE_NOOP("Labels", "脱产"), QT_TRANSLATE_NOOP("Labels", "集中"), QT_TRANSLATE_NOOP("Labels", "网络"),
    QT_TRANSLATE_NOOP("Labels", "未评定"), QT_TRANSLATE_NOOP("Labels", "合格"),
    QT_TRANSLATE_NOOP("Labels", "不合格"), QT_TRANSLATE_NOOP("Labels", "退学"),
    QT_TRANSLATE_NOOP("Labels", "乡科级及以下"), QT_TRANSLATE_NOOP("Labels", "县处级及以上"),
    QT_TRANSLATE_NOOP("Labels", "可导入"), QT_TRANSLATE_NOOP("Labels", "已在名单中"),
    QT_TRANSLATE_NOOP("Labels", "与前面的行重复"), QT_TRANSLATE_NOOP("Labels", "查无此人"),
    QT_TRANSLATE_NOOP("Labels", "有多人符合"), QT_TRANSLATE_NOOP("Labels", "身份证号有误"),
    QT_TRANSLATE_NOOP("Labels", "姓名与身份证号不符"), QT_TRANSLATE_NOOP("Labels", "单位不符"),
    QT_TRANSLATE_NOOP("Labels", "内容有误"),
)

# -- the training reports, whose titles, headers, notes and verdicts the core writes in Chinese ----------

REPORT_WORDS = (
    # the report kinds (services.training_reports.REPORT_KINDS)
    QT_TRANSLATE_NOOP("Training", "年度培训学时统计"), QT_TRANSLATE_NOOP("Training", "培训未达标名单"),
    QT_TRANSLATE_NOOP("Training", "培训签到汇总"),
    # the columns (training_sheets.NORM_HEADERS and training_reports.SESSION_HEADERS, beside FIELDS)
    QT_TRANSLATE_NOOP("Training", "单位"), QT_TRANSLATE_NOOP("Training", "职级"),
    QT_TRANSLATE_NOOP("Training", "层级"), QT_TRANSLATE_NOOP("Training", "统计期间"),
    QT_TRANSLATE_NOOP("Training", "应达学时"), QT_TRANSLATE_NOOP("Training", "应达天数"),
    QT_TRANSLATE_NOOP("Training", "诚信教育（门）"), QT_TRANSLATE_NOOP("Training", "是否达标"),
    QT_TRANSLATE_NOOP("Training", "说明"),
    # verdicts and fixed notes
    QT_TRANSLATE_NOOP("Training", "达标"), QT_TRANSLATE_NOOP("Training", "未达标"),
    QT_TRANSLATE_NOOP("Training", "不考核"), QT_TRANSLATE_NOOP("Training", "全部单位"),
    QT_TRANSLATE_NOOP("Training", "不要求诚信教育课程"),
    QT_TRANSLATE_NOOP("Training", "只计成绩为“合格”的培训，按期次结束日期所在年度计。"),
    QT_TRANSLATE_NOOP("Training", "不考核：非在职人员，或当年1月1日以后才建档的人员。"),
)
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_HAN = re.compile(r"[\u4e00-\u9fff]")
# The sentences with numbers in them, as the core builds them (training_reports, training_sheets and
# NormCheck.reason): a pattern with named parts, and the template those parts are put back into.
REPORT_SENTENCES = tuple((re.compile(pattern), template) for pattern, template in (
    (r"(?P<year>\d{4})年培训学时统计", QT_TRANSLATE_NOOP("Training", "{year}年培训学时统计")),
    (r"(?P<year>\d{4})年培训未达标名单", QT_TRANSLATE_NOOP("Training", "{year}年培训未达标名单")),
    (r"(?P<year>\d{4})年培训签到汇总", QT_TRANSLATE_NOOP("Training", "{year}年培训签到汇总")),
    (r"范围：(?P<scope>.+)，(?P<n>\d+)人", QT_TRANSLATE_NOOP("Training", "范围：{scope}，{n}人")),
    (r"范围：(?P<scope>.+)", QT_TRANSLATE_NOOP("Training", "范围：{scope}")),
    (r"统计截至 (?P<day>\S+)（(?P<year>\d{4})年尚未结束）",
     QT_TRANSLATE_NOOP("Training", "统计截至 {day}（{year}年尚未结束）")),
    (r"(?P<n>\d+)人次", QT_TRANSLATE_NOOP("Training", "{n}人次")),
    (rf"乡科级及以下：每年(?P<days>{_NUMBER})天或(?P<hours>{_NUMBER})学时；县处级及以上：(?P<years>\d+)年"
     rf"累计(?P<months>{_NUMBER})个月（(?P<window_days>{_NUMBER})天）或(?P<window_hours>{_NUMBER})学时；"
     r"(?P<integrity>.+)。",
     QT_TRANSLATE_NOOP("Training", "乡科级及以下：每年{days}天或{hours}学时；县处级及以上：{years}年累计{months}个月"
                                   "（{window_days}天）或{window_hours}学时；{integrity}。")),
    (r"每年至少(?P<n>\d+)门诚信教育课程", QT_TRANSLATE_NOOP("Training", "每年至少{n}门诚信教育课程")),
    (r"(?P<year>\d{4})年", QT_TRANSLATE_NOOP("Training", "{year}年")),
    (r"(?P<first>\d{4})–(?P<last>\d{4})年", QT_TRANSLATE_NOOP("Training", "{first}–{last}年")),
    (rf"(?P<period>\d{{4}}(?:–\d{{4}})?年)培训(?P<hours>{_NUMBER})学时/(?P<days>{_NUMBER})天，"
     rf"应达(?P<required_hours>{_NUMBER})学时或(?P<required_days>{_NUMBER})天",
     QT_TRANSLATE_NOOP("Training", "{period}培训{hours}学时/{days}天，应达{required_hours}学时或{required_days}天")),
    (r"(?P<year>\d{4})年诚信教育课程(?P<done>\d+)门，应至少(?P<required>\d+)门",
     QT_TRANSLATE_NOOP("Training", "{year}年诚信教育课程{done}门，应至少{required}门")),
    (r"(?P<period>\d{4}(?:–\d{4})?年)培训已达标", QT_TRANSLATE_NOOP("Training", "{period}培训已达标")),
))
REPORT_PARTS = QT_TRANSLATE_NOOP("Training", "；")  # between the sentences of one cell


def report_text(text: str) -> str:
    """A title, header, note or cell of a training report in the current language; the archive's
    own data (names, units, course titles) comes back as it is."""
    if is_chinese() or not _HAN.search(text):
        return text
    for translated in (tr(text), label(text)):  # a word of REPORT_WORDS or FIELDS, or an enum's label
        if translated != text:
            return translated
    sentence = by_pattern(text, REPORT_SENTENCES, CTX, report_text)
    if sentence is not None:
        return sentence
    if "；" in text:
        return tr(REPORT_PARTS).join(report_text(part) for part in text.split("；"))
    return text

