"""The objection and repair forms survive a lock (idle lock or Ctrl+L): each is opened through its tab
with typed content, the shell locks (its real lock path: drafts sealed, dialogs closed, archive
closed), the user unlocks, and the same form is open again on the 异议与修复 page with the same
content. The sealed draft holds none of the typed text in UTF-8/UTF-16/GBK, nor any evidence bytes.
A draft whose objection moved on while the app was locked is not reopened: its text is offered to copy.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from desktop_app.domain.objections import ObjectionState
from desktop_app.domain.repair import RepairState
from desktop_app.services import Services
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.objections import ObjectionDecision, ObjectionDraft, ObjectionRow, ObjectionService
from desktop_app.services.records import RecordDraft
from desktop_app.services.repair import RepairDraft, RepairRow, RepairService
from desktop_app.services.rows import RecordRow
from desktop_app.ui.main_window import OBJECTIONS
from desktop_app.ui.objections.decide_objection_dialog import DecideObjectionDialog
from desktop_app.ui.objections.file_objection_dialog import FileObjectionDialog
from desktop_app.ui.objections.form_drafts import UnrestoredDraftDialog
from desktop_app.ui.objections.objections_page import ObjectionsPage
from desktop_app.ui.objections.repair_apply_dialog import RepairApplyDialog
from desktop_app.ui.objections.step_dialog import StepDialog
from desktop_app.ui.records.record_dialog import RecordDialog
from desktop_app.ui.shell import AppShell
from tests.factories import id_number
from tests.gui.conftest import type_text
from tests.gui.test_lock import signed_in_shell, unlock_again

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gbk")
EVIDENCE_BYTES = b"%PDF-1.4 evidence-canary-7f3a91"


# -- set-up ---------------------------------------------------------------------------------------

def _record(services: Services, who: int = 1, **over: object) -> RecordRow:
    values: dict[str, object] = dict(kind="纪律处分", severity="一般", sanction="记过", decided_on="2026-03-02",
                                     document_no="天纪发〔2026〕3号", authority="天河区纪委监委",
                                     facts="违规发放津贴补贴")
    values.update(over)
    person = services.persons.show(id_number(who, female=who == 2)).person
    return services.records.add(person.id, RecordDraft(**values))  # type: ignore[arg-type]


def _objection(services: Services, *, accepted: bool = False) -> ObjectionRow:
    service = ObjectionService(services.ctx)
    row = service.file(_record(services).id, ObjectionDraft(applicant="张三", grounds="金额有误",
                                                            received_on="2026-11-25"))
    return service.accept(row.id, on="2026-11-26") if accepted else row


def _repair(services: Services, *, accepted: bool = False) -> RepairRow:
    record = _record(services, 2, kind="行政处罚", sanction=None, document_no="穗罚〔2026〕7号",
                     decided_on="2026-02-01")
    service = RepairService(services.ctx)
    row = service.apply(record.id, RepairDraft(applicant="李四", obligations_met=True,
                                               proof=(EvidenceFile("凭证.pdf", b"proof"),),
                                               commitment=(EvidenceFile("承诺书.pdf", b"letter"),)))
    return service.accept(row.id, on="2026-11-27") if accepted else row


def _page(shell: AppShell) -> ObjectionsPage:
    assert shell.window is not None
    shell.window.go_to(OBJECTIONS)
    page = shell.window.pages.widget(OBJECTIONS)
    assert isinstance(page, ObjectionsPage)
    return page


def _visible(kind: type[QDialog]) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _lock_while_open(qtbot, shell: AppShell, button: QPushButton, kind: type[QDialog],
                     fill: Callable[[Any], None]) -> dict[str, Any]:
    """Click a tab's button (its dialog runs ``exec()``); inside the dialog's event loop, type into it
    and lock the shell as Ctrl+L or the idle watcher does. Returns the dialog's draft as sealed."""
    seen: dict[str, Any] = {}

    def inside() -> None:
        dialogs = _visible(kind)
        assert len(dialogs) == 1, kind
        fill(dialogs[0])
        seen["draft"] = dialogs[0].draft_state()
        shell.lock()

    assert button.isEnabled(), button.objectName()
    QTimer.singleShot(0, inside)
    button.click()  # returns once the lock has closed the dialog
    assert "draft" in seen, "the dialog was open when the lock came"
    assert shell.services is None and not _visible(kind)
    return seen["draft"]


def _assert_sealed(data_dir: Path, *texts: str) -> None:
    """One draft file exists and none of the typed texts (nor evidence bytes) is readable in it."""
    files = list((data_dir / "drafts").iterdir())
    assert len(files) == 1
    sealed = files[0].read_bytes()
    assert EVIDENCE_BYTES not in sealed
    for text in texts:
        for encoding in ENCODINGS:
            assert text.encode(encoding) not in sealed, (text, encoding)


def _select(tab: Any, row_id: object) -> None:
    tab.refresh()
    tab.select_id(row_id)
    assert tab.current() is not None and tab.current().id == row_id


# -- each form comes back -------------------------------------------------------------------------

def test_a_registration_form_comes_back_after_the_lock(qtbot, shell: AppShell, admin: Services,
                                                       isolated_data_dir: Path, tmp_path: Path) -> None:
    record = _record(admin)
    evidence = tmp_path / "退款凭证.pdf"
    evidence.write_bytes(EVIDENCE_BYTES)
    signed_in_shell(qtbot, shell, admin)
    page = _page(shell)
    assert page.objections is not None

    def fill(dialog: FileObjectionDialog) -> None:
        type_text(dialog.picker.id_edit, id_number(1))
        dialog.picker.lookup()
        type_text(dialog.applicant, "王申请人")
        type_text(dialog.grounds, "处分决定所列金额有误，已全额退还并有银行回单为证")
        dialog.files.add_paths([str(evidence)])

    draft = _lock_while_open(qtbot, shell, page.objections.file_button, FileObjectionDialog, fill)
    assert draft["type"] == "objection_file" and draft["fields"]["files"] == [str(evidence)]
    assert draft["fields"]["record_id"] == record.id.hex
    _assert_sealed(isolated_data_dir, "王申请人", "处分决定所列金额有误", id_number(1))

    unlock_again(qtbot, shell)
    assert shell.window is not None and shell.window.pages.currentIndex() == OBJECTIONS
    page = _page(shell)
    assert page.tabs.currentWidget() is page.objections
    restored = _visible(FileObjectionDialog)
    assert len(restored) == 1
    dialog = restored[0]
    assert dialog.picker.id_edit.text() == id_number(1)
    assert dialog.picker.selected() is not None and dialog.picker.selected().id == record.id
    assert dialog.applicant.text() == "王申请人"
    assert dialog.grounds.toPlainText() == "处分决定所列金额有误，已全额退还并有银行回单为证"
    assert dialog.files.paths == [str(evidence)]
    assert [(f.file_name, f.data) for f in dialog.files.files()] == [("退款凭证.pdf", EVIDENCE_BYTES)]
    assert dialog.draft_state() == draft
    assert not list((isolated_data_dir / "drafts").iterdir()), "a draft is read once"

    dialog.save()  # the reopened form works: the objection is registered, the tab shows it
    assert dialog.saved is not None and dialog.saved.state is ObjectionState.REGISTERED
    assert page.objections is not None and page.objections.model.rowCount() == 1


def test_a_decision_form_comes_back_after_the_lock(qtbot, shell: AppShell, admin: Services,
                                                   isolated_data_dir: Path) -> None:
    objection = _objection(admin, accepted=True)
    signed_in_shell(qtbot, shell, admin)
    page = _page(shell)
    assert page.objections is not None
    _select(page.objections, objection.id)

    def fill(dialog: DecideObjectionDialog) -> None:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("corrected"))
        type_text(dialog.findings, "经向提供单位核实，罚没金额应为三千元")
        type_text(dialog.reply, "您的异议成立，记录已予更正，特此答复")
        dialog.severity.setCurrentIndex(1)
        type_text(dialog.document_no, "天纪发〔2026〕3号之一")
        type_text(dialog.facts, "违规发放津贴补贴三千元")

    button = page.objections.buttons["decideObjection"][0]
    draft = _lock_while_open(qtbot, shell, button, DecideObjectionDialog, fill)
    assert draft["type"] == "objection_decide" and draft["objection_id"] == objection.id.hex
    _assert_sealed(isolated_data_dir, "罚没金额应为三千元", "您的异议成立", "天纪发〔2026〕3号之一",
                   "违规发放津贴补贴三千元")

    unlock_again(qtbot, shell)
    restored = _visible(DecideObjectionDialog)
    assert len(restored) == 1
    dialog = restored[0]
    assert dialog.objection.id == objection.id
    assert dialog.outcome.currentData() == "corrected" and dialog.correction.isVisibleTo(dialog)
    assert dialog.findings.toPlainText() == "经向提供单位核实，罚没金额应为三千元"
    assert dialog.reply.toPlainText() == "您的异议成立，记录已予更正，特此答复"
    assert dialog.severity.currentIndex() == 1
    assert dialog.document_no.text() == "天纪发〔2026〕3号之一"
    assert dialog.facts.toPlainText() == "违规发放津贴补贴三千元"
    assert dialog.draft_state() == draft
    page = _page(shell)
    assert page.objections is not None and page.objections.current().id == objection.id


def test_a_step_form_comes_back_after_the_lock(qtbot, shell: AppShell, admin: Services,
                                               isolated_data_dir: Path) -> None:
    objection = _objection(admin)
    signed_in_shell(qtbot, shell, admin)
    page = _page(shell)
    assert page.objections is not None
    _select(page.objections, objection.id)

    def fill(dialog: StepDialog) -> None:
        type_text(dialog.text, "申请人并非信息主体本人，亦无委托书")

    draft = _lock_while_open(qtbot, shell, page.objections.buttons["refuseObjection"][0], StepDialog, fill)
    assert (draft["type"], draft["procedure"], draft["step"], draft["id"]) == \
        ("procedure_step", "objection", "refuse", objection.id.hex)
    _assert_sealed(isolated_data_dir, "申请人并非信息主体本人")

    unlock_again(qtbot, shell)
    restored = _visible(StepDialog)
    assert len(restored) == 1
    dialog = restored[0]
    assert dialog.windowTitle() == "不予受理"
    assert dialog.text.toPlainText() == "申请人并非信息主体本人，亦无委托书"
    assert dialog.draft_state() == draft

    dialog.save()  # the reopened step runs against the same objection
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ObjectionService(admin.ctx).get(objection.id).state is ObjectionState.REFUSED


def test_a_repair_decision_step_comes_back_with_its_choice(qtbot, shell: AppShell, admin: Services,
                                                           isolated_data_dir: Path) -> None:
    application = _repair(admin, accepted=True)
    signed_in_shell(qtbot, shell, admin)
    page = _page(shell)
    assert page.repairs is not None
    page.tabs.setCurrentWidget(page.repairs)
    _select(page.repairs, application.id)

    def fill(dialog: StepDialog) -> None:
        dialog.choice.setCurrentIndex(1)  # 不予修复
        type_text(dialog.text, "承诺书未经本人签署，不予修复")

    draft = _lock_while_open(qtbot, shell, page.repairs.buttons["decideRepair"][0], StepDialog, fill)
    assert (draft["procedure"], draft["step"], draft["id"]) == ("repair", "decide", application.id.hex)
    _assert_sealed(isolated_data_dir, "承诺书未经本人签署")

    unlock_again(qtbot, shell)
    restored = _visible(StepDialog)
    assert len(restored) == 1
    assert restored[0].choice.currentData() == "denied"
    assert restored[0].text.toPlainText() == "承诺书未经本人签署，不予修复"
    page = _page(shell)
    assert page.tabs.currentWidget() is page.repairs


def test_a_repair_application_comes_back_and_offers_the_files_still_there(
        qtbot, shell: AppShell, admin: Services, isolated_data_dir: Path, tmp_path: Path) -> None:
    record = _record(admin, 2, kind="行政处罚", sanction=None, document_no="穗罚〔2026〕7号", decided_on="2026-02-01")
    proof, letter = tmp_path / "缴款凭证.pdf", tmp_path / "承诺书.pdf"
    proof.write_bytes(EVIDENCE_BYTES)
    letter.write_bytes(b"letter")
    signed_in_shell(qtbot, shell, admin)
    page = _page(shell)
    assert page.repairs is not None

    def fill(dialog: RepairApplyDialog) -> None:
        type_text(dialog.picker.id_edit, id_number(2, female=True))
        dialog.picker.lookup()
        type_text(dialog.applicant, "李四本人")
        dialog.obligations.setChecked(True)
        dialog.proof.add_paths([str(proof)])
        dialog.commitment.add_paths([str(letter)])
        type_text(dialog.statement, "罚款已于十月缴清，已整改到位")

    draft = _lock_while_open(qtbot, shell, page.repairs.apply_button, RepairApplyDialog, fill)
    assert draft["fields"]["proof"] == [str(proof)] and draft["fields"]["commitment"] == [str(letter)]
    _assert_sealed(isolated_data_dir, "李四本人", "罚款已于十月缴清")
    letter.unlink()  # the letter is gone by the time the user comes back

    unlock_again(qtbot, shell)
    restored = _visible(RepairApplyDialog)
    assert len(restored) == 1
    dialog = restored[0]
    assert dialog.picker.selected() is not None and dialog.picker.selected().id == record.id
    assert dialog.applicant.text() == "李四本人" and dialog.obligations.isChecked()
    assert dialog.statement.toPlainText() == "罚款已于十月缴清，已整改到位"
    assert dialog.proof.paths == [str(proof)] and dialog.proof.files()[0].data == EVIDENCE_BYTES
    assert dialog.commitment.paths == [] and "承诺书.pdf" in dialog.errors.visible_errors()["commitment"]
    assert dialog.eligibility.text() == "该记录符合申请信用修复的时间条件。"


# -- the objection moved on meanwhile ------------------------------------------------------------

def test_a_decision_draft_for_an_objection_decided_elsewhere_is_offered_as_text(
        qtbot, shell: AppShell, admin: Services, isolated_data_dir: Path) -> None:
    objection = _objection(admin, accepted=True)
    signed_in_shell(qtbot, shell, admin)
    page = _page(shell)
    assert page.objections is not None
    _select(page.objections, objection.id)

    def fill(dialog: DecideObjectionDialog) -> None:
        type_text(dialog.findings, "核查发现原记录事实清楚")
        type_text(dialog.reply, "经核查，维持原记录，特此书面答复")

    _lock_while_open(qtbot, shell, page.objections.buttons["decideObjection"][0], DecideObjectionDialog, fill)
    # while the app is locked, another reviewer closes the objection
    ObjectionService(admin.ctx).decide(objection.id, ObjectionDecision(outcome="维持", reply="他人答复",
                                                                       findings="他人结论", on="2026-11-27"))

    unlock_again(qtbot, shell)
    assert not _visible(DecideObjectionDialog)
    offered = _visible(UnrestoredDraftDialog)
    assert len(offered) == 1
    notice = offered[0]
    assert "已办结" in notice.message.text()
    text = notice.text.toPlainText()
    assert "核查发现原记录事实清楚" in text and "经核查，维持原记录，特此书面答复" in text
    assert notice.text.isReadOnly()
    assert notice.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    notice.copy()
    assert "经核查，维持原记录" in QApplication.clipboard().text()

    # locking again with the notice open keeps the text (sealed again), and it is offered again
    with qtbot.waitSignal(shell.locked, timeout=5000):
        shell.lock()
    assert not _visible(UnrestoredDraftDialog)
    _assert_sealed(isolated_data_dir, "核查发现原记录事实清楚", "经核查，维持原记录")
    unlock_again(qtbot, shell)
    again = _visible(UnrestoredDraftDialog)
    assert len(again) == 1 and "经核查，维持原记录，特此书面答复" in again[0].text.toPlainText()


def test_a_step_draft_for_an_objection_that_moved_on_is_offered_as_text(
        qtbot, shell: AppShell, admin: Services) -> None:
    objection = _objection(admin)
    signed_in_shell(qtbot, shell, admin)
    page = _page(shell)
    assert page.objections is not None
    _select(page.objections, objection.id)

    def fill(dialog: StepDialog) -> None:
        type_text(dialog.text, "材料不全，不予受理的书面答复草稿")

    _lock_while_open(qtbot, shell, page.objections.buttons["refuseObjection"][0], StepDialog, fill)
    ObjectionService(admin.ctx).accept(objection.id, on="2026-11-27")  # accepted elsewhere meanwhile

    unlock_again(qtbot, shell)
    assert not _visible(StepDialog)
    offered = _visible(UnrestoredDraftDialog)
    assert len(offered) == 1 and "材料不全，不予受理的书面答复草稿" in offered[0].text.toPlainText()
    assert "已受理" in offered[0].message.text()


def test_a_repair_step_for_an_application_refused_elsewhere_is_offered_as_text(
        qtbot, shell: AppShell, admin: Services) -> None:
    application = _repair(admin)
    signed_in_shell(qtbot, shell, admin)
    page = _page(shell)
    assert page.repairs is not None
    page.tabs.setCurrentWidget(page.repairs)
    _select(page.repairs, application.id)

    def fill(dialog: StepDialog) -> None:
        type_text(dialog.text, "修复申请不予受理的理由草稿")

    _lock_while_open(qtbot, shell, page.repairs.buttons["refuseRepair"][0], StepDialog, fill)
    RepairService(admin.ctx).refuse(application.id, reason="他人已办", on="2026-11-27")
    assert RepairService(admin.ctx).get(application.id).state is RepairState.NOT_ACCEPTED

    unlock_again(qtbot, shell)
    assert not _visible(StepDialog)
    offered = _visible(UnrestoredDraftDialog)
    assert len(offered) == 1 and "修复申请不予受理的理由草稿" in offered[0].text.toPlainText()


def test_a_draft_naming_no_known_step_still_offers_its_text(qtbot, admin: Services) -> None:
    """A step dialog whose step could not be told (opened by code that did not name it) is kept all
    the same; after unlock its text is offered rather than dropped."""
    page = ObjectionsPage(admin)
    qtbot.addWidget(page)
    draft = {"type": "procedure_step", "title": "不予受理",
             "fields": {"choice": None, "on": "2026-11-27", "text": "无法识别步骤时的答复草稿"}}
    assert page.restore_draft(draft) is False
    offered = _visible(UnrestoredDraftDialog)
    assert len(offered) == 1 and "无法识别步骤时的答复草稿" in offered[0].text.toPlainText()
    assert offered[0].draft_state() == draft
    offered[0].reject()


def test_a_record_draft_whose_person_is_gone_offers_its_text_and_never_becomes_a_new_record(
        qtbot, admin: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    """A correction draft must not reopen as 新增记录 when its record cannot be found, and a draft
    whose person cannot be opened (another archive's id, or out of the user's units now) is offered
    as text, never dropped."""
    window = open_window(admin)
    zhang = admin.persons.search("张三")[0]
    records_before = len(admin.records.for_person(zhang.id))
    for draft in ({"type": "record", "person_id": zhang.id.hex, "record_id": uuid.uuid4().hex,
                   "fields": {"facts": "对一条已不存在记录的更正", "reason": "更正理由"}},
                  {"type": "record", "person_id": uuid.uuid4().hex, "record_id": None,
                   "fields": {"facts": "不存在人员的新记录草稿"}}):
        assert window.restore_draft(draft) is False
        offered = _visible(UnrestoredDraftDialog)
        assert len(offered) == 1 and draft["fields"]["facts"] in offered[0].text.toPlainText()
        offered[0].reject()
        qtbot.waitUntil(lambda: not _visible(UnrestoredDraftDialog))
    assert not _visible(RecordDialog)
    assert len(admin.records.for_person(zhang.id)) == records_before
