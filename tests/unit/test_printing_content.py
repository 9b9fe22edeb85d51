"""What each variant prints, as strings: states, filtering, ID numbers, empty sections."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.enums import RecordKind, RecordState, Severity
from desktop_app.printing.content import NO_TRAINING, publishable
from desktop_app.printing.model import PrintedFile, Section, Variant
from tests.factories import TODAY
from tests.unit.test_printing_samples import FULL_ID, MASKED_ID, printed, record


def section(file: PrintedFile, key: str) -> Section:
    return next(s for s in file.sections if s.key == key)


def states(file: PrintedFile, key: str) -> dict[str, str]:
    """document number → printed state"""
    s = section(file, key)
    state_col = s.columns.index("状态")
    return {row.cells[s.columns.index("文号")]: row.cells[state_col] for row in s.rows}


def everything(file: PrintedFile) -> str:
    return "\n".join([*(f"{k}{v}" for k, v in file.identity),
                      *(c for s in file.sections for r in s.rows for c in (*r.cells, r.note))])


def test_internal_prints_every_record_with_its_display_state() -> None:
    file = printed()
    assert states(file, "dishonest") == {
        "穗天纪〔2026〕1号": "已生效", "穗天纪〔2026〕2号": "异议处理中", "穗天纪〔2026〕3号": "已修复",
        "穗天纪〔2026〕4号": "公示期满", "穗天纪〔2026〕5号": "已撤销", "穗天纪〔2026〕6号": "草稿",
        "穗天纪〔2026〕7号": "已生效"}
    assert states(file, "honest") == {"穗天纪〔2026〕8号": "已生效", "穗天纪〔2026〕9号": "已撤销"}
    rows = section(file, "dishonest").rows
    assert [r.cells[0] for r in rows] == [str(i) for i in range(1, 8)]  # numbered in order
    assert rows[0].cells[1] == "纪律处分（记过）"
    assert rows[2].note == "事实：违规发放津贴补贴；已修复原因：已履行义务，准予修复"
    assert rows[6].cells[7] == "不公示"  # 轻微: not published


def test_a_repaired_record_is_never_active_and_raises_no_flag() -> None:
    file = printed([record(3, state=RecordState.REPAIRED)])
    assert states(file, "dishonest") == {"穗天纪〔2026〕3号": "已修复"}
    assert section(file, "flags").rows == ()


def test_internal_sections_in_order_with_empty_states() -> None:
    file = printed()
    assert [s.title for s in file.sections] == [
        "二、失信记录", "三、守信记录", "四、处分及处分期", "五、异议及处理结果", "六、信用修复", "七、年度培训学时",
        "八、年度考核", "九、计算标记及原因"]
    assert section(file, "objections").rows == () and section(file, "objections").empty == "无"
    assert section(file, "repairs").empty == "无"
    assert section(file, "training").empty == NO_TRAINING
    assert [r.cells for r in section(file, "assessments").rows] == [("2024", "优秀"), ("2025", "称职")]
    sanction = section(file, "sanctions").rows[0].cells
    assert (sanction[4], sanction[5]) == ("2027-06-01", "处分期内")
    flags = {r.cells for r in section(file, "flags").rows}
    assert ("异议处理中", "穗天纪〔2026〕2号 异议处理中") in flags
    assert ("限制评优评先", "穗天纪〔2026〕1号 失信记录有效") in flags


def test_id_number_masked_unless_given_in_full() -> None:
    assert dict(printed().identity)["公民身份号码"] == MASKED_ID
    assert dict(printed(id_number=FULL_ID).identity)["公民身份号码"] == FULL_ID


def test_public_variant_prints_only_what_may_be_published() -> None:
    file = printed(variant=Variant.PUBLIC, id_number=FULL_ID)
    assert states(file, "dishonest") == {"穗天纪〔2026〕1号": "已生效", "穗天纪〔2026〕2号": "异议处理中"}
    assert states(file, "honest") == {"穗天纪〔2026〕8号": "已生效"}
    assert [s.key for s in file.sections] == ["dishonest", "honest", "sanctions", "notice"]
    text = everything(file)
    assert FULL_ID not in text and MASKED_ID not in text and FULL_ID[-4:] not in text
    assert "1985-03-01" not in text  # the birth date is part of the ID number
    assert "公民身份号码" not in dict(file.identity)
    assert "已修复原因" not in text and "复核撤销" not in text


def test_publishable_follows_state_severity_and_window() -> None:
    assert publishable(record(1), TODAY)
    assert not publishable(record(1, severity=Severity.MINOR), TODAY)
    assert not publishable(record(1, state=RecordState.REPAIRED), TODAY)
    assert not publishable(record(1, state=RecordState.DRAFT), TODAY)
    assert not publishable(record(1, decided_on=date(2024, 1, 5)), TODAY)  # 一般: at most one year
    assert publishable(record(1, severity=Severity.SERIOUS, decided_on=date(2024, 1, 5)), TODAY)
    assert publishable(record(8, RecordKind.COMMENDATION, decided_on=date(2001, 1, 5)), TODAY)
    assert not publishable(record(8, RecordKind.COMMENDATION, state=RecordState.REVOKED), TODAY)
