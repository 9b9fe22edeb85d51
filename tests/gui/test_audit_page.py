"""The 审计 page: the auditor reads the trail (newest first, page by page) and verifies the archive;
other roles are told the trail is the auditor's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from desktop_app.errors import PermissionDenied
from desktop_app.services import Services
from desktop_app.services.records import RecordDraft
from desktop_app.ui.audit.audit_model import AuditTableModel
from desktop_app.ui.audit.audit_page import AuditPage
from desktop_app.ui.main_window import AUDIT
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import sign_in
from tests.factories import PASSPHRASE, id_number
from tests.gui.test_sync_page import save_screenshot, styled


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.cancel_all()


@pytest.fixture
def auditor(admin: Services) -> Iterator[Services]:
    admin.users.add("auditor1", "auditor", PASSPHRASE)
    admin.persons.edit(id_number(1), post="副科长")
    services = sign_in(admin, "auditor1")
    yield services
    services.close()


def _page(qtbot, services: Services, runner: TaskRunner, **kwargs: int) -> AuditPage:  # type: ignore[no-untyped-def]
    page = AuditPage(services, runner, **kwargs)
    qtbot.addWidget(page)
    page.resize(1040, 640)
    page.show()
    return page


def test_the_auditor_reads_the_trail_newest_first_page_by_page(qtbot, qtmodeltester, auditor: Services,  # type: ignore[no-untyped-def]
                                                              runner: TaskRunner) -> None:
    every = auditor.maintenance.audit_entries(limit=1000)
    assert len(every) > 5
    page = _page(qtbot, auditor, runner, page_size=5)
    model = page.model
    assert model is not None and page.notice is None
    assert model.rowCount() == 5 and model.canFetchMore(model.index(-1, -1))
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert [e.seq for e in model.rows] == [e.seq for e in every]          # all of them, newest first
    assert model.rows[0].seq > model.rows[-1].seq
    newest = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert newest[2:4] == ["auditor1", "登录"] and newest[5] == "成功"
    edit = next(r for r in range(model.rowCount()) if model.data(model.index(r, 3)) == "修改人员信息")
    assert model.data(model.index(edit, 4)).startswith("人员 ")
    assert model.headerData(3, Qt.Orientation.Horizontal) == "操作"

    checked = AuditTableModel(lambda before, limit: auditor.maintenance.audit_entries(limit=limit,
                                                                                      before_seq=before), 4)
    checked.reload()
    qtmodeltester.check(checked, force_py=True)

    object_id = model.rows[edit].object_id
    page.filter_edit.setText(object_id)
    page.apply_filter()
    assert {e.object_id for e in model.rows} == {object_id} and model.rowCount() >= 2


def test_verify_shows_each_check_and_passes(qtbot, auditor: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, auditor, runner)
    assert page.verify is not None and page.model is not None
    before = page.model.rows[0].seq
    with qtbot.waitSignal(page.verify.verified, timeout=30_000):
        page.verify.button.click()
    assert page.verify.overall.text().startswith("校验通过")
    marks = [page.verify.checks.itemAtPosition(row, 0).widget().text() for row in range(4)]
    names = [page.verify.checks.itemAtPosition(row, 1).widget().text() for row in range(4)]
    assert marks == ["✔ 通过"] * 4
    assert names[0].startswith("加密完整性") and names[2].startswith("审计链") and names[3].startswith("当前数据")
    assert page.model.rows[0].seq > before and page.model.data(page.model.index(0, 3)) == "校验档案库"


def test_verify_names_the_broken_entry_when_the_trail_was_altered(qtbot, admin: Services, auditor: Services,  # type: ignore[no-untyped-def]
                                                                  runner: TaskRunner) -> None:
    with admin.ctx.archive.session(write=True) as session:   # someone with the key edits an entry
        session.execute(text("UPDATE audit_entries SET user_name = 'nobody' WHERE seq = 3"))
    page = _page(qtbot, auditor, runner)
    assert page.verify is not None
    with qtbot.waitSignal(page.verify.verified, timeout=30_000):
        page.verify.button.click()
    assert page.verify.overall.text().startswith("校验未通过")
    assert page.verify.checks.itemAtPosition(2, 0).widget().text() == "✘ 未通过"
    assert page.verify.checks.itemAtPosition(2, 2).widget().text() == "在第 3 条断开：写入后内容被改动"


def test_other_roles_see_the_permission_notice_not_a_list(qtbot, admin: Services, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, admin, runner)
    assert page.model is None and page.table is None
    assert page.notice is not None and "审计员" in page.notice.text() and "管理员" in page.notice.text()
    assert page.verify is not None                       # the admin may still check the archive
    admin.users.add("clerk1", "clerk", PASSPHRASE)
    clerk = sign_in(admin, "clerk1")
    try:
        clerk_page = _page(qtbot, clerk, runner)
        assert clerk_page.model is None and clerk_page.verify is None
        assert "录入员" in clerk_page.notice.text()
    finally:
        clerk.close()


def test_the_auditor_lands_on_the_audit_page(qtbot, auditor: Services, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(auditor)
    page = window.pages.widget(AUDIT)
    assert isinstance(page, AuditPage) and page.model is not None and page.model.rowCount() > 0
    assert window.nav.currentRow() == AUDIT
    window.clear()


def test_screenshot_of_the_audit_page(qtbot, admin: Services, auditor: Services, open_window,  # type: ignore[no-untyped-def]
                                      tmp_path) -> None:
    """INTEGRITY_FILES_SCREENSHOTS=1 writes docs/screenshots/audit-page.png."""
    zhang = admin.persons.search("张三")[0]
    admin.records.add(zhang.id, RecordDraft(kind="行政处罚", severity="一般", decided_on="2026-03-02",
                                            document_no="穗罚〔2026〕9号", authority="市监局", facts="未按期年报"))
    admin.persons.reveal_id_number(zhang.id)
    admin.users.add("clerk1", "clerk", PASSPHRASE)
    clerk = sign_in(admin, "clerk1")
    with pytest.raises(PermissionDenied):
        clerk.sync.sync("central.db")
    clerk.close()
    with styled():
        window = open_window(auditor)
        window.resize(1180, 720)
        page = window.pages.widget(AUDIT)
        with qtbot.waitSignal(page.verify.verified, timeout=30_000):
            page.verify.button.click()
        save_screenshot(window, "audit-page", tmp_path)
        window.clear()
