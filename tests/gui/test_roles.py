"""Role-aware UI: what a role may not do is disabled or hidden, and the service refuses it anyway."""

from __future__ import annotations

import pytest

from desktop_app.errors import PermissionDenied
from desktop_app.services.records import RecordDraft
from desktop_app.ui.main_window import AUDIT, PERSONS
from tests.conftest import sign_in
from tests.factories import PASSPHRASE

DRAFT = RecordDraft(kind="行政处罚", severity="一般", decided_on="2026-03-02", document_no="穗罚〔2026〕9号",
                    authority="市监局", facts="未按期年报")


def test_reviewer_reads_but_cannot_edit(qtbot, admin, open_window) -> None:
    zhang = admin.persons.search("张三")[0]
    record = admin.records.add(zhang.id, DRAFT)
    admin.users.add("reviewer1", "reviewer", PASSPHRASE)
    reviewer = sign_in(admin, "reviewer1")
    try:
        window = open_window(reviewer)
        page = window.persons_page
        qtbot.waitUntil(lambda: page.model.rowCount() == 2)
        page.open_person(zhang.id)
        tab = page.file_view.records_tab
        assert tab.model.rowCount() == 1
        tab.table.selectRow(0)
        for button in (tab.add_button, tab.correct_button, tab.revoke_button, tab.activate_button):
            assert not button.isEnabled()
            assert "审核员" in button.toolTip()
        assert page.file_view.identity.reveal_button.isHidden(), "reviewers may not see full ID numbers"
        assert window.status.user_label.text() == "用户：reviewer1（审核员）"

        with pytest.raises(PermissionDenied):
            reviewer.records.add(zhang.id, DRAFT)
        with pytest.raises(PermissionDenied):
            reviewer.records.revoke(record.id, reason="试图撤销")
        with pytest.raises(PermissionDenied):
            reviewer.persons.reveal_id_number(zhang.id)
        assert [r.document_no for r in admin.records.for_person(zhang.id)] == ["穗罚〔2026〕9号"]
    finally:
        reviewer.close()


def test_auditor_gets_no_person_files(qtbot, admin, open_window) -> None:
    admin.users.add("auditor1", "auditor", PASSPHRASE)
    auditor = sign_in(admin, "auditor1")
    try:
        window = open_window(auditor)
        assert window.persons_page is None
        assert window.nav.currentRow() == AUDIT
        assert window.pages.widget(PERSONS).objectName() == "placeholderPage"
    finally:
        auditor.close()
