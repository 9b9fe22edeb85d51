"""A person's file: identity with the audited ID reveal, record entry with errors at the field,
correction and revocation (never deletion), history."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_app.domain.enums import RecordState
from desktop_app.services.records import RecordDraft
from desktop_app.ui.records.record_dialog import RecordDialog
from desktop_app.ui.records.revoke_dialog import RevokeDialog
from tests.factories import id_number
from tests.gui.conftest import type_text


def open_zhang(qtbot, admin, open_window):
    window = open_window(admin)
    page = window.persons_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    zhang = admin.persons.search("张三")[0]
    page.open_person(zhang.id)
    return page.file_view, zhang


def current_dialog(kind):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_identity_is_masked_until_revealed_and_the_reveal_is_audited(qtbot, admin, open_window) -> None:
    view, zhang = open_zhang(qtbot, admin, open_window)
    full = id_number(1)
    assert view.identity.id_label.text() == f"{full[:6]}********{full[-4:]}"
    assert view.identity.values["unit"].text() == "广州市天河区人力资源和社会保障局"
    assert view.identity.values["rank"].text() == "一级主任科员"
    view.identity.reveal_button.click()
    assert view.identity.id_label.text() == full
    assert "person.reveal_id" in [e.action for e in admin.persons.history(zhang.id)]


def test_invalid_record_shows_the_error_at_the_field_and_saves_nothing(qtbot, admin, open_window) -> None:
    view, zhang = open_zhang(qtbot, admin, open_window)
    view.records_tab.add_button.click()
    dialog = current_dialog(RecordDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("penalty"))
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("ordinary"))
    type_text(dialog.authority_edit, "广州市市场监督管理局")
    type_text(dialog.facts_edit, "未按规定申报")
    dialog.save_button.click()  # the document number is missing
    assert dialog.isVisible()
    assert dialog.errors.visible_errors() == {"document_no": "请填写文号。"}
    assert dialog.document_edit.property("invalid") is True
    assert dialog.focusWidget() is dialog.document_edit
    assert admin.records.for_person(zhang.id) == []

    dialog.severity_combo.setCurrentIndex(0)
    type_text(dialog.document_edit, "穗市监罚〔2026〕8号")
    dialog.save_button.click()  # now the severity of a 失信 record is missing
    assert dialog.errors.visible_errors() == {"severity": "失信记录必须选择严重程度。"}
    assert admin.records.for_person(zhang.id) == []


def test_valid_record_is_saved_shown_and_audited(qtbot, admin, open_window) -> None:
    view, zhang = open_zhang(qtbot, admin, open_window)
    view.records_tab.add_button.click()
    dialog = current_dialog(RecordDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("discipline"))
    assert dialog.sanction_combo.isEnabled()
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("ordinary"))
    dialog.sanction_combo.setCurrentIndex(dialog.sanction_combo.findData("demerit"))
    type_text(dialog.document_edit, "穗纪〔2026〕3号")
    type_text(dialog.authority_edit, "天河区纪委监委")
    type_text(dialog.facts_edit, "违反工作纪律")
    dialog.save_button.click()
    assert not dialog.isVisible()

    records = admin.records.for_person(zhang.id)
    assert [(r.document_no, r.state) for r in records] == [("穗纪〔2026〕3号", RecordState.ACTIVE)]
    table = view.records_tab.model
    assert table.rowCount() == 1
    assert [table.data(table.index(0, c)) for c in (2, 3, 4, 6)] == ["纪律处分", "一般", "穗纪〔2026〕3号", "已生效"]
    assert view.sanctions.rowCount() == 1
    assert {"限制评优评先", "处分期内"} <= {f.flag.label for f in view.file.flags}
    assert "处分期内" in view.identity.flags_label.text()
    history = admin.persons.history(zhang.id)
    assert history[0].action == "record.create" and history[0].user_name == "admin"
    assert view.history.rowCount() == len(history)
    assert view.history.data(view.history.index(0, 2)) == "新增诚信记录"


def _add_record(admin, person_id):
    return admin.records.add(person_id, RecordDraft(kind="行政处罚", severity="一般", decided_on="2026-03-02",
                                                    document_no="穗罚〔2026〕9号", authority="市监局",
                                                    facts="未按期年报"))


def test_correct_needs_a_reason_and_revoke_keeps_the_record(qtbot, admin, open_window) -> None:
    zhang = admin.persons.search("张三")[0]
    record = _add_record(admin, zhang.id)
    view, _ = open_zhang(qtbot, admin, open_window)
    view.records_tab.table.selectRow(0)
    view.records_tab.correct_button.click()
    dialog = current_dialog(RecordDialog)
    assert dialog.document_edit.text() == "穗罚〔2026〕9号"
    dialog.document_edit.setText("穗罚〔2026〕19号")
    dialog.save_button.click()
    assert dialog.errors.visible_errors() == {"reason": "请填写理由。"}
    type_text(dialog.reason_edit, "文号录入错误")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert admin.records.for_person(zhang.id)[0].document_no == "穗罚〔2026〕19号"

    view.records_tab.table.selectRow(0)
    view.records_tab.revoke_button.click()
    revoke = current_dialog(RevokeDialog)
    revoke.save()
    assert revoke.errors.visible_errors() == {"reason": "请填写理由。"}
    type_text(revoke.reason_edit, "经复查撤销")
    revoke.save()
    revoked = admin.records.for_person(zhang.id)
    assert [(r.id, r.state, r.state_reason) for r in revoked] == [(record.id, RecordState.REVOKED, "经复查撤销")]
    view.records_tab.table.selectRow(0)
    assert view.records_tab.model.data(view.records_tab.model.index(0, 6)) == "已撤销"
    assert not view.records_tab.revoke_button.isEnabled(), "a revoked record can no longer change"
    assert [e.action for e in admin.persons.history(zhang.id)][:3] == ["record.revoke", "record.correct",
                                                                       "record.create"]


def test_placeholder_tabs_say_the_feature_is_not_available(qtbot, admin, open_window) -> None:
    view, _ = open_zhang(qtbot, admin, open_window)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles == ["诚信记录", "处分", "年度考核", "培训", "异议与修复", "历史"]
    for tab in (3, 4):
        assert view.tabs.widget(tab).objectName() == "placeholderPage"
