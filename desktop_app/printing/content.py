"""From a person's file to the strings that are printed, for either variant.

内部审查 (internal) prints the whole file. 公示 (public) prints only what may be published
(DESIGN.md §4, §6): in-effect 失信 records inside their publication window whose severity is
published by the policy (so no 轻微, 已修复, 公示期满, 已撤销 or 草稿 records), in-effect 守信
records, the sanctions of those records — and no ID number or birth date at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.enums import Polarity, RecordState
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.printing.model import PrintedFile, Row, Section, Variant
from desktop_app.printing.sources import AssessmentSource, PersonFileSource, RecordSource

NUMERALS = "一二三四五六七八九十"
PUBLIC_NOTICE = ("本公示版仅列示依规可以公示的信息：轻微失信记录、已修复、公示期满、已撤销的记录"
                 "以及草稿不予公示；不列示公民身份号码。")
NONE = "无"
NO_TRAINING = "无培训记录"


@dataclass(frozen=True, slots=True)
class PrintHeader:
    """Who prints what, where and when: the parts of the file that do not come from the person."""

    archive_id: str
    office: str
    variant: Variant
    printed_by: str
    printed_at: str


def build_file(source: PersonFileSource, header: PrintHeader, *, id_number: str | None,
               today: date) -> PrintedFile:
    """``id_number`` is what the internal variant prints (masked or in full); public never prints one."""
    person = source.person
    public = header.variant is Variant.PUBLIC
    identity: list[tuple[str, str]] = [("姓名", person.name), ("性别", person.gender.label)]
    if not public:
        identity += [("出生日期", person.birth_date.isoformat()),
                     ("公民身份号码", id_number or person.id_number_masked)]
    identity += [("单位", person.unit_name), ("职务", person.post or "—"), ("职级", person.rank or "—")]
    if not public:
        identity.append(("人员状态", person.status.label))
    sections = _public_sections(source, today) if public else _internal_sections(source, today)
    numbered = tuple(Section(s.key, f"{NUMERALS[i + 1]}、{s.title}", s.columns, s.rows, s.empty, s.remarks)
                     for i, s in enumerate(sections))
    return PrintedFile(archive_id=header.archive_id, office=header.office, variant=header.variant,
                       person_id=person.id.hex, person_name=person.name, unit_name=person.unit_name,
                       printed_by=header.printed_by, printed_at=header.printed_at, identity=tuple(identity),
                       sections=numbered)


def publishable(record: RecordSource, today: date) -> bool:
    """May this record appear in the 公示 variant today?"""
    if record.state is not RecordState.ACTIVE:
        return False
    if record.polarity is Polarity.HONEST:
        return True
    if not DEFAULT_POLICY.publication[record.severity].published or record.publication_start is None:
        return False
    end = record.publication_latest_end
    return record.publication_start <= today and (end is None or today <= end)


def _internal_sections(source: PersonFileSource, today: date) -> list[Section]:
    records = source.records
    return [
        _dishonest([r for r in records if r.polarity is Polarity.DISHONEST], internal=True),
        _honest([r for r in records if r.polarity is Polarity.HONEST]),
        _sanctions(records, today),
        _objections(),
        _repairs(),
        _training(),
        _assessments(source.assessments),
        Section("flags", "计算标记及原因", ("标记", "原因"),
                tuple(Row((f.flag.label, f.reason)) for f in source.flags)),
    ]


def _public_sections(source: PersonFileSource, today: date) -> list[Section]:
    published = [r for r in source.records if publishable(r, today)]
    return [
        _dishonest([r for r in published if r.polarity is Polarity.DISHONEST], internal=False),
        _honest([r for r in published if r.polarity is Polarity.HONEST]),
        _sanctions(published, today),
        Section("notice", "说明", (), (), PUBLIC_NOTICE),
    ]


def _dishonest(records: list[RecordSource], *, internal: bool) -> Section:
    rows = tuple(Row((str(i), _kind(r), r.severity.label, r.document_no, r.authority, r.decided_on.isoformat(),
                      r.display_state, _window(r)), _note(r, internal))
                 for i, r in enumerate(records, 1))
    return Section("dishonest", "失信记录" if internal else "失信记录（公示期内）",
                   ("序号", "类别", "程度", "文号", "决定机关", "决定日期", "状态", "公示期"), rows)


def _honest(records: list[RecordSource]) -> Section:
    rows = tuple(Row((str(i), r.kind.label, r.document_no, r.authority, r.decided_on.isoformat(),
                      r.display_state), _note(r, True))
                 for i, r in enumerate(records, 1))
    return Section("honest", "守信记录", ("序号", "类别", "文号", "决定机关", "决定日期", "状态"), rows)


def _sanctions(records: Iterable[RecordSource], today: date) -> Section:
    rows: list[Row] = []
    for r in records:
        if r.sanction is None:
            continue
        end = r.sanction_end
        rows.append(Row((str(len(rows) + 1), r.sanction.label, r.document_no, r.decided_on.isoformat(),
                         end.isoformat() if end else "—", _period(r, today), r.display_state)))
    return Section("sanctions", "处分及处分期",
                   ("序号", "处分种类", "文号", "决定日期", "处分期至", "处分期", "记录状态"), tuple(rows))


def _period(record: RecordSource, today: date) -> str:
    if record.sanction_end is None:
        return "—"
    if record.state in (RecordState.REVOKED, RecordState.DRAFT):
        return "不适用"
    return "处分期内" if today < record.sanction_end else "已期满"


def _objections() -> Section:
    # The archive has no objections yet (DESIGN.md §4 Objection); their rows slot in here.
    return Section("objections", "异议及处理结果", ("序号", "记录文号", "提出日期", "理由", "办理状态", "结果"), ())


def _repairs() -> Section:
    # The archive has no repair applications yet (DESIGN.md §4 RepairApplication); they slot in here.
    return Section("repairs", "信用修复", ("序号", "记录文号", "申请日期", "决定", "决定日期", "效果"), ())


def _training() -> Section:
    # Training hours by year against the norm slot in here once courses and attendance exist.
    return Section("training", "年度培训学时", ("年度", "学时", "要求", "是否达标"), (), NO_TRAINING)


def _assessments(assessments: Iterable[AssessmentSource]) -> Section:
    return Section("assessments", "年度考核", ("年度", "考核等次"),
                   tuple(Row((str(a.year), a.grade.label)) for a in assessments))


def _kind(record: RecordSource) -> str:
    return f"{record.kind.label}（{record.sanction.label}）" if record.sanction else record.kind.label


def _window(record: RecordSource) -> str:
    if record.publication_start is None:
        return "不公示"
    end = record.publication_latest_end
    return f"{record.publication_start.isoformat()} 至 {end.isoformat() if end else '—'}"


def _note(record: RecordSource, internal: bool) -> str:
    note = f"事实：{record.facts}" if record.facts else ""
    if internal and record.state_reason and record.state is not RecordState.ACTIVE:
        note += f"；{record.state.label}原因：{record.state_reason}"
    return note
