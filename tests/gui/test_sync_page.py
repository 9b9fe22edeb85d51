"""The 同步 page driven through its widgets (pytest-qt, offscreen), against real archives and a
SQLite central store: sync, conflicts resolved from the page, cancel, an unreachable store with
the periodic back-off, the not-synced reminder, bundles, and the password kept out of settings."""

from __future__ import annotations

import os
import subprocess
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import text

from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.sync.bundles import import_office_bundle
from desktop_app.sync.central import CentralStore
from desktop_app.ui.i18n import lrelease_executable
from desktop_app.ui.main_window import SYNC
from desktop_app.ui.paths import RESOURCES, TRANSLATIONS
from desktop_app.ui.settings import AppSettings, central_url
from desktop_app.ui.status_bar import ArchiveStatusBar
from desktop_app.ui.sync.central_panel import CentralPanel
from desktop_app.ui.sync.central_url import split_password, with_password
from desktop_app.ui.sync.conflict_model import ConflictTableModel
from desktop_app.ui.sync.quarantine_model import QuarantineTableModel
from desktop_app.ui.sync.scheduler import MAX_BACKOFF_S
from desktop_app.ui.sync.sync_controller import SyncController
from desktop_app.ui.sync.sync_page import SyncPage
from tests.factories import id_number, organ_uscc
from tests.gui.conftest import FakeClock
from tests.sync_helpers import UNIT_A, Office, make_office

MINUTE = 60.0
UI = RESOURCES.parent / "desktop_app" / "ui"


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[CentralStore]:
    store = CentralStore.initialize(str(tmp_path / "central.db"))
    yield store
    store.close()


@pytest.fixture
def offices(hq: CentralStore, tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    a = make_office(tmp_path, "天河", hq, ["44"])
    b = make_office(tmp_path, "越秀", hq, ["44"])
    a.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    a.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name=UNIT_A, post="科员"))
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def make_page(qtbot, settings: AppSettings) -> Iterator[Callable[..., SyncPage]]:  # type: ignore[no-untyped-def]
    controllers: list[SyncController] = []

    def make(services: Services, *, clock: Callable[[], float] | None = None,
             now: Callable[[], datetime] | None = None) -> SyncPage:
        extra: dict[str, object] = {}
        if clock is not None:
            extra["clock"] = clock
        if now is not None:
            extra["now"] = now
        controller = SyncController(services, settings, **extra)  # type: ignore[arg-type]
        controllers.append(controller)
        page = SyncPage(services, controller)
        qtbot.addWidget(page)
        page.resize(1040, 660)
        page.show()
        controller.start()
        return page

    yield make
    for controller in controllers:
        controller.stop()


def _set_url(page: SyncPage, url: str) -> None:
    assert page.central is not None
    page.central.url_edit.setText(url)
    page.central.save_button.click()


def _sync(qtbot, page: SyncPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.controller.busy_changed, timeout=30_000,
                          check_params_cb=lambda busy: not busy):
        page.run.sync_button.click()


def _no_dialogs() -> bool:
    return not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


# -- sync ----------------------------------------------------------------------------------


def test_two_archives_sync_through_the_central_store_from_the_page(qtbot, offices, hq, open_window) -> None:  # type: ignore[no-untyped-def]
    a, b = offices
    window_a, window_b = open_window(a.services), open_window(b.services)
    window_a.go_to(SYNC)
    page_a, page_b = window_a.sync_page, window_b.sync_page
    assert window_a.status.sync_label.text() == "上次同步：从未同步"
    assert window_a.status.pending_label.text() == "待同步更改：2"
    assert page_a.run.pending_label.text() == "2"

    _set_url(page_a, hq.url)
    stages: list[tuple[str, int, int]] = []
    page_a.controller.progressed.connect(lambda *args: stages.append(args))
    _sync(qtbot, page_a)
    assert stages and all(stage == "push" and done == total for stage, done, total in stages)  # from the worker
    assert page_a.run.result_label.text().startswith("同步完成：发送 2 项更改，接收 0 项，应用 0 项")
    assert page_a.run.progress.isHidden() and page_a.run.stage_label.text() == ""
    assert window_a.status.pending_label.text() == "待同步更改：0"
    assert window_a.status.sync_label.text().startswith(f"上次同步：{date.today().year}年")
    assert page_a.run.last_label.text() != "从未同步"

    _set_url(page_b, hq.url)
    _sync(qtbot, page_b)
    assert "接收 2 项，应用 2 项" in page_b.run.result_label.text()
    assert [p.name for p in b.services.persons.search("zs")] == ["张三"]
    assert window_b.persons_page is not None  # the persons page heard of the new person
    qtbot.waitUntil(lambda: window_b.persons_page.model.rowCount() == 1)

    b.services.persons.edit(id_number(1), post="科长")   # an edit elsewhere in the window …
    window_b.events.announce({"person"})
    assert window_b.status.pending_label.text() == "待同步更改：1"   # … shows up as pending at once


def test_a_concurrent_edit_becomes_a_conflict_the_user_resolves_on_the_page(qtbot, qtmodeltester, offices,  # type: ignore[no-untyped-def]
                                                                           make_page) -> None:
    a, b = offices
    for office in (a, b):
        office.sync()
    a.services.persons.edit(id_number(1), category="行政执法类")
    b.services.persons.edit(id_number(1), category="综合管理类")
    for office in (a, b, a):
        office.sync()
    page = make_page(a.services)
    panel = page.conflicts
    assert panel is not None and panel.model.rowCount() == 1
    checked = ConflictTableModel(a.archive.device_id)     # parentless: it outlives the page for the tester
    checked.set_rows(panel.model.rows)
    qtmodeltester.check(checked, force_py=True)
    conflict = panel.model.row_at(0)
    assert conflict is not None
    kept, lost = conflict.kept_value, conflict.lost_value
    assert {kept, lost} == {"行政执法类", "综合管理类"}
    texts = [panel.model.data(panel.model.index(0, c)) for c in range(panel.model.columnCount())]
    assert texts[0].startswith("张三（…") and texts[1] == "类别" and texts[2:4] == [kept, lost]
    here = conflict.lost_device == a.archive.device_id
    assert texts[4] == ("本机" if here else f"admin（设备 {conflict.lost_device[:8]}）") and texts[6] == "同时修改"
    assert panel.kept_value.text() == kept and panel.lost_value.text() == lost
    assert page.tabs.tabText(0) == "冲突（1）"

    panel.table.selectRow(0)
    assert panel.restore_button.isEnabled() and panel.keep_button.text() == "保留当前值"
    panel.restore_button.click()

    with a.services.ctx.read() as session:
        assert session.scalar(text("SELECT category FROM persons")) == lost
    assert panel.model.rowCount() == 0 and not panel.empty_label.isHidden()
    assert not panel.restore_button.isEnabled()
    assert page.controller.overview().status.open_conflicts == 0
    assert page.tabs.tabText(0) == "冲突（0）"


def test_an_edit_after_a_revoke_can_only_be_acknowledged(qtbot, offices, make_page) -> None:  # type: ignore[no-untyped-def]
    a, b = offices
    person = a.services.persons.search("zs")[0]
    record = a.services.records.add(person.id, RecordDraft(kind="问责处理", severity="一般",
                                                           decided_on=date(2026, 1, 9), document_no="天委问〔2026〕1号",
                                                           authority="天河区委", facts="履职不力"))
    for office in (a, b):
        office.sync()
    a.services.records.revoke(record.id, reason="复查撤销")
    b.services.records.correct(record.id, RecordDraft(kind="问责处理", severity="严重", decided_on=date(2026, 1, 9),
                                                      document_no="天委问〔2026〕1号", authority="天河区委",
                                                      facts="履职不力，造成严重后果"), reason="补充事实")
    for office in (b, a):
        office.sync()
    page = make_page(a.services)
    panel = page.conflicts
    assert panel is not None
    kinds = [panel.model.data(panel.model.index(r, 6)) for r in range(panel.model.rowCount())]
    row = kinds.index("撤销后修改")
    panel.table.selectRow(row)
    assert panel.keep_button.text() == "确认知悉"
    assert not panel.restore_button.isEnabled() and "撤销" in panel.restore_button.toolTip()
    assert panel.kept_value.text() == "已撤销" and "严重程度：严重" in panel.lost_value.text()
    panel.keep_button.click()
    assert "撤销后修改" not in [panel.model.data(panel.model.index(r, 6)) for r in range(panel.model.rowCount())]
    assert a.services.records.for_person(person.id)[0].state.label == "已撤销"


def test_cancel_during_a_sync_ends_quietly_and_never_runs_two_at_once(qtbot, offices, hq, make_page,  # type: ignore[no-untyped-def]
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    a, _ = offices
    import desktop_app.services.sync as sync_service

    entered, release = threading.Event(), threading.Event()
    real = sync_service.run_sync

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        entered.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(sync_service, "run_sync", held)
    clock = FakeClock()
    page = make_page(a.services, clock=clock)
    _set_url(page, hq.url)
    page.run.sync_button.click()
    qtbot.waitUntil(entered.is_set)
    assert page.run.cancel_button.isVisible() and not page.run.sync_button.isEnabled()
    assert page.controller.sync_now() is False                      # never two syncs at once …
    clock.advance(60 * MINUTE)
    assert page.controller.scheduler.check()                        # … not even the periodic one
    assert page.controller.busy

    with qtbot.waitSignal(page.controller.cancelled, timeout=10_000):
        page.run.cancel_button.click()
        release.set()
    qtbot.waitUntil(lambda: not page.controller.busy)
    assert page.run.result_label.text().startswith("同步已取消")
    assert _no_dialogs()
    assert page.run.sync_button.isEnabled() and page.run.cancel_button.isHidden()
    assert page.controller.scheduler.failures == 0
    assert page.controller.overview().status.pending == 2           # nothing was lost, nothing half-sent


def test_an_unreachable_store_is_explained_and_the_periodic_sync_backs_off(qtbot, offices, make_page,  # type: ignore[no-untyped-def]
                                                                          tmp_path: Path) -> None:
    a, _ = offices
    clock = FakeClock()
    page = make_page(a.services, clock=clock)
    scheduler = page.controller.scheduler
    _set_url(page, str(tmp_path / "no-such-folder" / "central.db"))
    _sync(qtbot, page)
    assert page.run.result_label.text().startswith("找不到中心库：")
    assert not (tmp_path / "no-such-folder").exists()

    _set_url(page, "postgresql://if_dev_0123@127.0.0.1:9/integrity")   # nothing listens there
    scheduler.failures = 0
    _sync(qtbot, page)
    assert page.run.result_label.text().startswith("无法连接中心库：")
    assert _no_dialogs()
    assert scheduler.failures == 1 and scheduler.seconds_left() == 30 * MINUTE

    waits = []
    for _ in range(4):
        clock.advance(scheduler.seconds_left() - 1)
        assert not scheduler.check()
        clock.advance(1)
        with qtbot.waitSignal(page.controller.failed, timeout=30_000):
            assert scheduler.check()
        qtbot.waitUntil(lambda: not page.controller.busy)
        waits.append(scheduler.seconds_left())
    assert waits == [60 * MINUTE, MAX_BACKOFF_S, MAX_BACKOFF_S, MAX_BACKOFF_S]
    assert "连续 5 次未成功" in page.run.next_label.text()
    assert page.controller.overview().last_error.startswith("无法连接中心库")


def test_the_reminder_appears_after_n_days_without_sync(qtbot, offices, hq, make_page) -> None:  # type: ignore[no-untyped-def]
    a, _ = offices
    wall = [datetime.now(UTC)]
    page = make_page(a.services, now=lambda: wall[0])
    bar = ArchiveStatusBar()
    qtbot.addWidget(bar)
    bar.show_session(a.services)
    page.controller.status_changed.connect(bar.show_sync)
    _set_url(page, hq.url)
    _sync(qtbot, page)
    assert page.banner.isHidden()

    wall[0] += timedelta(days=6, hours=23)
    page.controller.refresh_status()
    assert page.banner.isHidden() and "天未同步" not in bar.sync_label.text()

    wall[0] += timedelta(hours=2)
    page.controller.refresh_status()
    assert not page.banner.isHidden()
    assert page.banner.text.text().startswith("本档案库已 7 天没有与上级中心库同步。")
    assert bar.sync_label.text().endswith("（已 7 天未同步）")
    assert page.run.last_label.text().endswith("（已 7 天未同步）")

    assert page.central is not None
    page.central.reminder_spin.setValue(10)          # the setting: remind after 10 days instead
    assert page.banner.isHidden()
    wall[0] += timedelta(days=3)
    page.controller.refresh_status()
    assert page.banner.text.text().startswith("本档案库已 10 天")
    with qtbot.waitSignal(page.controller.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        page.banner.button.click()                  # the banner's 立即同步
    wall[0] = datetime.now(UTC)
    page.controller.refresh_status()
    assert page.banner.isHidden()


def test_a_tampered_change_is_listed_in_the_quarantine_with_its_reason(qtbot, qtmodeltester, offices, hq,  # type: ignore[no-untyped-def]
                                                                     make_page) -> None:
    a, b = offices
    a.sync()
    b.sync()
    a.services.persons.edit(id_number(1), post="科长")
    a.sync()
    with hq.engine.begin() as conn:   # someone with access to the central database edits a payload
        conn.execute(text("UPDATE sync_changes SET payload = replace(payload, '科长', '局长') "
                          "WHERE payload LIKE '%科长%'"))
    page = make_page(b.services)
    _set_url(page, hq.url)
    _sync(qtbot, page)
    assert "隔离 1 项" in page.run.result_label.text()
    panel = page.quarantine
    assert panel is not None and panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 2)) == "签名不符（内容可能在途中被改动）"
    assert panel.model.data(panel.model.index(0, 1)) == a.archive.device_id[:8]
    assert page.tabs.tabText(page.tabs.indexOf(panel)) == "隔离的更改（1）"
    checked = QuarantineTableModel()
    checked.set_rows(panel.model.rows)
    qtmodeltester.check(checked, force_py=True)
    assert b.services.persons.search("zs")[0].post == "科员"


# -- bundles --------------------------------------------------------------------------------


def test_offline_bundles_export_and_import_with_a_preview(qtbot, offices, hq, make_page, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = offices
    b.services.units.add(name="广州市越秀区人力资源和社会保障局", uscc=organ_uscc(3, "440104"), division_code="440104")
    b.sync()
    page = make_page(a.services)
    assert page.bundles is not None
    hq_key = tmp_path / "hq.key"
    hq.hq_public().write(hq_key)
    out = tmp_path / "tianhe-1.ifb"
    with qtbot.waitSignal(page.controller.finished, timeout=30_000):
        page.bundles.export_requested.emit(hq_key, out)
    assert page.bundles.result_label.text().startswith("已导出第 1 号离线包（2 项更改）：tianhe-1.ifb")
    reply = tmp_path / "tianhe-r1.ifb"
    import_office_bundle(hq, out, reply=reply)

    previews: list[str] = []
    monkeypatch.setattr(page.bundles, "confirm_import", lambda text: previews.append(text) or True)
    with qtbot.waitSignal(page.controller.finished, timeout=30_000,
                          check_params_cb=lambda kind, _result: kind == "import"):
        page.bundles.start_import(reply)
    assert previews and previews[0].startswith("第 1 号回执包，含 1 项更改：将应用 1 项")
    assert page.bundles.result_label.text().startswith("已导入第 1 号回执包：应用 1 项")
    assert "广州市越秀区人力资源和社会保障局" in {u.name for u in a.services.units.list()}
    assert page.controller.overview().status.pending == 0      # acknowledged by headquarters

    with qtbot.waitSignal(page.controller.failed, timeout=30_000):
        page.bundles.start_import(reply)                        # the same bundle again
    assert page.bundles.result_label.text() == "这个回执包已经导入过（重复或较旧的数据包），未做任何更改。"
    assert len(previews) == 1


# -- the central store's password ---------------------------------------------------------


def test_the_password_in_a_server_url_never_reaches_the_settings_file(qtbot, offices, make_page, settings,  # type: ignore[no-untyped-def]
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    a, _ = offices
    clock = FakeClock()
    page = make_page(a.services, clock=clock)
    _set_url(page, "postgresql://if_dev_0123:s3cret-Pw@127.0.0.1:9/integrity")
    assert page.central is not None
    assert page.central.url_edit.text() == "postgresql://if_dev_0123@127.0.0.1:9/integrity"
    assert "只保存在内存中" in page.central.password_label.text()
    settings.store.sync()
    assert "s3cret" not in Path(settings.store.fileName()).read_text(encoding="utf-8")
    assert page.controller.password == "s3cret-Pw" and not page.controller.waiting_for_password

    # After a lock the session's controller is gone; a new one knows the URL but not the password.
    page.controller.stop()
    assert page.controller.password == ""
    again = make_page(a.services, clock=clock)
    assert again.controller.waiting_for_password
    clock.advance(60 * MINUTE)
    assert again.controller.scheduler.check() and not again.controller.busy   # periodic: skipped, no prompt
    assert again.run.next_label.text() == "等待输入中心库口令"

    monkeypatch.setattr(CentralPanel, "ask_password", lambda panel: panel.controller.set_password("s3cret-Pw") or True)
    with qtbot.waitSignal(again.controller.failed, timeout=30_000):
        again.run.sync_button.click()                    # asks, then tries: nothing listens on port 9
    assert again.run.result_label.text().startswith("无法连接中心库")


def test_password_helpers_round_trip(settings: AppSettings) -> None:
    url = "postgresql+psycopg://if_dev_ab:p%40ss%3Aw%2Frd@hq-db:5432/integrity?sslmode=require"
    bare, password = split_password(url)
    assert bare == "postgresql+psycopg://if_dev_ab@hq-db:5432/integrity?sslmode=require"
    assert password == "p@ss:w/rd" and split_password(bare) == (bare, "")
    assert split_password("/data/central.db") == ("/data/central.db", "")
    assert with_password(bare, password) == url
    with pytest.raises(ValueError):
        settings.set(central_url("an-archive"), url)     # the registry refuses a URL with a password


# -- roles, locking, translations ----------------------------------------------------------


def test_a_clerk_sees_status_and_conflicts_but_cannot_sync(qtbot, admin, open_window) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import sign_in
    from tests.factories import PASSPHRASE

    admin.users.add("clerk1", "clerk", PASSPHRASE)
    clerk = sign_in(admin, "clerk1")
    try:
        window = open_window(clerk)
        page = window.sync_page
        assert page.central is None and page.bundles is None and page.quarantine is None
        assert not page.run.sync_button.isEnabled() and "管理员" in page.run.sync_button.toolTip()
        assert page.conflicts is not None and page.run.next_label.text() == "由管理员执行"
        assert not page.device.save_button.isEnabled()
    finally:
        window.clear()
        clerk.close()


def test_locking_stops_the_periodic_sync(qtbot, offices, hq, open_window) -> None:  # type: ignore[no-untyped-def]
    a, _ = offices
    window = open_window(a.services)
    controller = window.sync_controller
    _set_url(window.sync_page, hq.url)
    assert controller.scheduler.running
    window.clear()                       # what the shell does on lock
    assert controller.stopped and not controller.scheduler.running and window.sync_controller is None
    assert controller.sync_now() is False


def test_every_sync_and_audit_string_is_in_the_translation(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in [*(UI / "sync").glob("*.py"), *(UI / "audit").glob("*.py"), UI / "status_bar.py"])
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(lrelease_executable()).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True, timeout=120)
    wanted = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).getroot().iter("context")
              for m in c.iter("message")}
    ts = ET.parse(TRANSLATIONS / "integrity_files_en.ts").getroot()
    have = {(c.findtext("name"), m.findtext("source")) for c in ts.iter("context") for m in c.iter("message")
            if m.find("translation").get("type") != "unfinished"}
    assert sorted(wanted - have) == []


# -- screenshot ------------------------------------------------------------------------------


def test_screenshot_of_the_sync_page_with_conflicts(qtbot, offices, hq, open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Renders the page as the user guide shows it; INTEGRITY_FILES_SCREENSHOTS=1 writes docs/screenshots/."""
    a, b = offices
    a.services.persons.add(PersonDraft(name="陈志强", id_number=id_number(3), unit_name=UNIT_A, post="科长"))
    person = a.services.persons.search("zs")[0]
    record = a.services.records.add(person.id, RecordDraft(kind="问责处理", severity="一般",
                                                           decided_on=date(2026, 1, 9), document_no="天委问〔2026〕1号",
                                                           authority="天河区委", facts="履职不力"))
    for office in (a, b):
        office.sync()
    a.services.persons.edit(id_number(1), post="副科长")
    b.services.persons.edit(id_number(1), post="科长")
    a.services.persons.edit(id_number(3), rank="一级主任科员")
    b.services.persons.edit(id_number(3), rank="二级主任科员")
    a.services.records.revoke(record.id, reason="复查撤销")
    b.services.records.correct(record.id, RecordDraft(kind="问责处理", severity="严重", decided_on=date(2026, 1, 9),
                                                      document_no="天委问〔2026〕1号", authority="天河区委",
                                                      facts="履职不力，造成严重后果"), reason="补充事实")
    b.sync()
    with styled():
        window = open_window(a.services)
        window.resize(1180, 720)
        window.go_to(SYNC)
        page = window.sync_page
        _set_url(page, hq.url)
        _sync(qtbot, page)
        assert page.conflicts is not None and page.conflicts.model.rowCount() == 3
        save_screenshot(window, "sync-page", tmp_path)


class styled:
    """The application's style sheet, as ``python -m desktop_app`` applies it."""

    def __enter__(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.before = app.styleSheet()
        app.setStyleSheet((RESOURCES / "styles" / "app.qss").read_text(encoding="utf-8"))

    def __exit__(self, *_exc: object) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setStyleSheet(self.before)


def save_screenshot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    QApplication.processEvents()
    folder = RESOURCES.parent / "docs" / "screenshots" if os.environ.get("INTEGRITY_FILES_SCREENSHOTS") else tmp_path
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path), "PNG", 9)
    return path
