"""The 异议与修复 page driven through its widgets (pytest-qt, offscreen): register an objection,
take it through its steps, see refusals at the field, apply for repair, edit the policy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from desktop_app.domain.enums import RecordState, Role, Severity
from desktop_app.domain.objections import ObjectionState
from desktop_app.domain.repair import RepairState
from desktop_app.services import Services
from desktop_app.services.records import RecordDraft
from desktop_app.services.rows import RecordRow
from desktop_app.ui.objections.decide_objection_dialog import DecideObjectionDialog
from desktop_app.ui.objections.file_objection_dialog import FileObjectionDialog
from desktop_app.ui.objections.objections_page import ObjectionsPage
from desktop_app.ui.objections.repair_apply_dialog import RepairApplyDialog
from desktop_app.ui.objections.step_dialog import StepDialog
from tests.conftest import sign_in
from tests.factories import id_number
from tests.gui.conftest import type_text


def _record(services: Services, who: int = 1, **over: object) -> RecordRow:
    values: dict[str, object] = dict(kind="纪律处分", severity="一般", sanction="记过", decided_on="2026-03-02",
                                     document_no="天纪发〔2026〕3号", authority="天河区纪委监委",
                                     facts="违规发放津贴补贴")
    values.update(over)
    person = services.persons.show(id_number(who, female=who == 2)).person
    return services.records.add(person.id, RecordDraft(**values))  # type: ignore[arg-type]


@pytest.fixture
def page(qtbot, admin: Services) -> ObjectionsPage:  # type: ignore[no-untyped-def]
    widget = ObjectionsPage(admin)
    qtbot.addWidget(widget)
    widget.resize(1180, 680)
    widget.show()
    return widget


@pytest.fixture
def steps_answer(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[int, str]]]:
    """Step dialogs answer with (choice index, text) from the list instead of waiting for a person."""
    answers: list[tuple[int, str]] = []

    def run(dialog: StepDialog) -> int:
        choice, text = answers.pop(0)
        if dialog.choice.count():
            dialog.choice.setCurrentIndex(choice)
        if text:
            type_text(dialog.text, text)
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(StepDialog, "exec", run)
    yield answers


def _click(page: ObjectionsPage, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    button.click()


def test_register_an_objection_through_the_dialog(qtbot, admin: Services, page: ObjectionsPage,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    _record(admin)
    dialog = FileObjectionDialog(admin, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.picker.id_edit, id_number(1))
    dialog.picker.lookup()
    assert dialog.picker.combo.count() == 1 and "张三" in dialog.picker.person_label.text()
    dialog.save()
    assert dialog.errors.visible_errors()["applicant"] == "请填写申请人。"
    type_text(dialog.applicant, "张三")
    type_text(dialog.grounds, "处分决定所列金额有误，已全额退还")
    evidence = tmp_path / "退款凭证.pdf"
    evidence.write_bytes(b"%PDF-1.4 refund")
    dialog.files.add_paths([str(evidence)])
    dialog.save()
    assert dialog.saved is not None and dialog.result() == 1
    assert dialog.saved.state is ObjectionState.REGISTERED and len(dialog.saved.attachments) == 1
    page.refresh()
    assert page.objections is not None and page.objections.model.rowCount() == 1
    assert "办理中的异议 1 件" in page.summary.text()
    record = admin.persons.show(id_number(1)).records[0]
    assert record.display_state == "异议处理中"


def test_steps_follow_the_state_and_errors_show_at_the_field(qtbot, admin: Services, page: ObjectionsPage,  # type: ignore[no-untyped-def]
                                                             steps_answer: list[tuple[int, str]]) -> None:
    from desktop_app.services.objections import ObjectionDraft, ObjectionService

    record = _record(admin)
    ObjectionService(admin.ctx).file(record.id, ObjectionDraft(applicant="张三", grounds="有误",
                                                               received_on="2026-11-25"))
    tab = page.objections
    assert tab is not None
    tab.refresh()
    tab.table.selectRow(0)
    enabled = {name for name, (button, _) in tab.buttons.items() if button.isEnabled()}
    assert enabled == {"acceptObjection", "refuseObjection", "overrideObjection", "addEvidence"}
    steps_answer.append((0, ""))
    _click(page, "acceptObjection")
    assert tab.current() is not None and tab.current().state is ObjectionState.ACCEPTED  # type: ignore[union-attr]
    assert "自查" in tab.details.toPlainText()
    enabled = {name for name, (button, _) in tab.buttons.items() if button.isEnabled()}
    assert enabled == {"verifyObjection", "decideObjection", "overrideObjection", "addEvidence"}
    steps_answer.append((0, "异议明显不成立"))
    _click(page, "overrideObjection")
    assert "仍限制" in tab.details.toPlainText()
    dialog = DecideObjectionDialog(admin, tab.current(), page)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    type_text(dialog.reply, "经核查予以维持")
    dialog.save()  # 维持 without findings
    assert dialog.errors.visible_errors()["findings"] == "请填写核查结论。"
    dialog.outcome.setCurrentIndex(0)  # 更正
    assert dialog.correction.isVisibleTo(dialog)
    dialog.save()  # nothing corrected
    assert "更正内容与原记录相同" in dialog.errors.visible_errors()["correction"]
    dialog.severity.setCurrentIndex(1)  # 轻微
    dialog.save()
    assert dialog.saved is not None and dialog.saved.state is ObjectionState.CLOSED
    after = admin.persons.show(id_number(1)).records[0]
    assert after.severity is Severity.MINOR and after.display_state == "已生效"


def test_refusing_needs_a_written_reply(admin: Services, page: ObjectionsPage,  # type: ignore[no-untyped-def]
                                        steps_answer: list[tuple[int, str]]) -> None:
    from desktop_app.services.objections import ObjectionDraft, ObjectionService

    ObjectionService(admin.ctx).file(_record(admin).id, ObjectionDraft(applicant="张三", grounds="有误"))
    tab = page.objections
    assert tab is not None
    tab.refresh()
    tab.table.selectRow(0)
    steps_answer.append((0, ""))
    _click(page, "refuseObjection")                    # empty reply: the dialog stays, nothing changes
    assert tab.current().state is ObjectionState.REGISTERED  # type: ignore[union-attr]
    steps_answer.append((0, "申请人非信息主体"))
    _click(page, "refuseObjection")
    tab.filter.setCurrentIndex(2)  # 全部
    tab.table.selectRow(0)
    assert tab.current().state is ObjectionState.REFUSED  # type: ignore[union-attr]
    assert not any(button.isEnabled() for name, (button, _) in tab.buttons.items() if name != "saveEvidence")


def test_repair_dialog_says_when_a_repair_becomes_possible(qtbot, admin: Services,  # type: ignore[no-untyped-def]
                                                           page: ObjectionsPage, tmp_path: Path,
                                                           steps_answer: list[tuple[int, str]]) -> None:
    _record(admin)                                                              # 记过 until 2027-03-02
    _record(admin, 2, kind="行政处罚", sanction=None, document_no="穗罚〔2026〕7号", decided_on="2026-02-01")
    dialog = RepairApplyDialog(admin, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.picker.id_edit, id_number(1))
    dialog.picker.lookup()
    assert dialog.eligibility.text() == "处分期未满，该记录可于2027年3月2日起申请信用修复。"
    dialog.picker.id_edit.clear()
    qtbot.keyClicks(dialog.picker.id_edit, id_number(2, female=True))
    dialog.picker.lookup()
    assert dialog.eligibility.text() == "该记录符合申请信用修复的时间条件。"
    type_text(dialog.applicant, "李四")
    dialog.save()
    assert dialog.errors.visible_errors()["obligations"] == "申请人须已履行决定规定的义务。"
    dialog.obligations.setChecked(True)
    proof, letter = tmp_path / "缴款凭证.pdf", tmp_path / "承诺书.pdf"
    proof.write_bytes(b"proof")
    letter.write_bytes(b"letter")
    dialog.proof.add_paths([str(proof)])
    dialog.save()
    assert dialog.errors.visible_errors()["commitment"] == "请附上签署的信用修复承诺书。"
    dialog.commitment.add_paths([str(letter)])
    dialog.save()
    assert dialog.saved is not None and dialog.saved.state is RepairState.SUBMITTED
    assert page.repairs is not None
    page.tabs.setCurrentIndex(1)
    page.repairs.filter.setCurrentIndex(2)  # 全部: the decided application stays in view
    page.repairs.table.selectRow(0)
    steps_answer.append((0, ""))
    _click(page, "acceptRepair")
    steps_answer.append((0, "符合修复条件"))
    _click(page, "decideRepair")
    assert page.repairs.current().state is RepairState.GRANTED  # type: ignore[union-attr]
    assert "终止公示" in page.repairs.details.toPlainText()
    assert admin.persons.show(id_number(2, female=True)).records[0].state is RecordState.REPAIRED


def test_the_administrator_saves_a_new_policy_version(qtbot, admin: Services, page: ObjectionsPage) -> None:  # type: ignore[no-untyped-def]
    policy = page.policy
    spin = policy.inputs["objection.accept_days"]
    spin.setValue(3)  # type: ignore[union-attr]
    policy.save()
    assert "修改依据" not in policy.message.text() and policy.message.text()  # the note is required
    type_text(policy.note, "省信用办2026年第3号通知")
    type_text(policy.holidays, "2027-01-01")
    policy.save()
    assert policy.message.text() == "已保存为第 2 版。"
    assert [policy.version.itemText(i) for i in range(policy.version.count())] == ["第 1 版", "第 2 版"]
    from desktop_app.services.policy import PolicyService

    current = PolicyService(admin.ctx).current()
    assert current.settings["objection.accept_days"] == 3 and current.settings["calendar.2027.holidays"] == "2027-01-01"
    policy.version.setCurrentIndex(0)
    assert not spin.isEnabled() and spin.value() == 2  # type: ignore[union-attr]


def test_a_reviewer_decides_but_does_not_register_or_edit_the_policy(qtbot, admin: Services) -> None:  # type: ignore[no-untyped-def]
    admin.users.add("reviewer1", Role.REVIEWER.value, "reviewer passphrase 1")
    reviewer = sign_in(admin, "reviewer1", "reviewer passphrase 1")
    try:
        widget = ObjectionsPage(reviewer)
        qtbot.addWidget(widget)
        assert widget.objections is not None and not widget.objections.file_button.isEnabled()
        assert widget.repairs is not None and not widget.repairs.apply_button.isEnabled()
        assert not widget.policy.save_button.isEnabled()
        assert not widget.policy.inputs["objection.accept_days"].isEnabled()
    finally:
        reviewer.close()


def test_screenshot_of_the_page(qtbot, admin: Services, page: ObjectionsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.objections import ObjectionDraft, ObjectionService

    ObjectionService(admin.ctx).file(_record(admin).id, ObjectionDraft(applicant="张三", grounds="金额有误"))
    page.refresh()
    image = page.grab()
    assert image.width() >= 1000 and image.save(str(tmp_path / "objections.png"))


def test_the_table_models_follow_the_qt_model_contract(qtmodeltester, admin: Services,  # type: ignore[no-untyped-def]
                                                       page: ObjectionsPage) -> None:
    from desktop_app.services.objections import ObjectionDraft, ObjectionService

    ObjectionService(admin.ctx).file(_record(admin).id, ObjectionDraft(applicant="张三", grounds="金额有误",
                                                                       received_on="2026-03-05"))
    assert page.objections is not None and page.repairs is not None
    page.objections.refresh()
    qtmodeltester.check(page.objections.model)
    qtmodeltester.check(page.repairs.model)
    from PySide6.QtCore import Qt

    index = page.objections.model.index(0, 3)
    assert page.objections.model.data(index, Qt.ItemDataRole.ForegroundRole) is not None  # overdue: red


def test_a_file_that_cannot_be_attached_is_said_below_the_list_and_remove_takes_the_selected_file(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.ui.objections.widgets import FileList

    files = FileList()
    qtbot.addWidget(files)
    good = tmp_path / "证明.pdf"
    good.write_bytes(b"%PDF-1.4 proof")
    picks = iter([[str(tmp_path / "gone.pdf")], [str(good)]])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: (next(picks), ""))
    files._choose()  # a file that is not there
    assert files.list.count() == 0 and not files.problem.isHidden()
    assert files.problem.text() == "无法读取所选文件（已被移动、删除，或没有读取权限）。"
    files._choose()
    assert files.list.count() == 1 and files.problem.isHidden()
    files.list.setCurrentRow(0)
    files._remove()
    assert files.files() == () and files.list.count() == 0
