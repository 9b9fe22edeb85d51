"""Idle lock (issue 9, item 11), with injected clocks: the monotonic one (which stands still while
the machine is suspended, as CLOCK_MONOTONIC does on Linux) and a boot-time one (which keeps
counting). The watcher's own timer ticks in real time, so each test waits a moment, never minutes.

* the lock fires within a second of the timeout, not a second before it;
* after a resume from a suspend longer than the timeout it fires at once, and the first key press
  after the resume is swallowed instead of reaching the form; a short suspend counts as idle time;
* it fires while a modal dialog runs its own event loop (the code after ``exec()`` still finds the
  archive it had; the archive closes after) and while an import runs (cancelled, rolled back:
  nothing of it in the archive);
* after every lock, no file descriptor of the process points at the archive, its -wal or -shm, its
  key file, head file or backups (read from /proc/self/fd; the scan first sees the open archive).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from desktop_app.services import Services
from desktop_app.store.archive import Archive
from desktop_app.ui.idle import CHECK_EVERY_MS, SUSPEND_SLACK_S, IdleWatcher
from desktop_app.ui.importing.wizard import CHECK, RUN, ImportWizard
from desktop_app.ui.records.record_dialog import RecordDialog
from desktop_app.ui.settings import AppSettings
from desktop_app.ui.shell import AppShell
from tests.factories import PASSPHRASE, TODAY
from tests.gui.conftest import close_shell, type_text
from tests.gui.test_lock import signed_in_shell
from tests.reliability._rosters import roster_id_number, write_roster

TIMEOUT = 10 * 60.0   # the default 10 minutes
TICK_S = CHECK_EVERY_MS / 1000


class Clocks:
    """A monotonic clock and a boot-time clock; ``run`` moves both, ``suspend`` only the second."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.boot = 50_000.0

    def monotonic(self) -> float:
        return self.mono

    def boottime(self) -> float:
        return self.boot

    def run(self, seconds: float) -> None:
        self.mono += seconds
        self.boot += seconds

    def suspend(self, seconds: float) -> None:
        self.boot += seconds


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


@pytest.fixture
def shell(qtbot, settings: AppSettings, isolated_data_dir: Path, clocks: Clocks) -> Iterator[AppShell]:
    """The app's flow with both clocks injected (replaces conftest's one-clock shell here)."""
    app_shell = AppShell(settings, isolated_data_dir, clock=clocks.monotonic, wall=clocks.boottime,
                         today=lambda: TODAY)
    yield app_shell
    close_shell(app_shell)


@pytest.fixture
def signed_in(qtbot, shell: AppShell, admin: Services) -> Services:
    """The shell signed in on the admin's archive; the fixture's own connection is closed first, so
    every descriptor on the archive belongs to the shell's session."""
    admin.close()
    signed_in_shell(qtbot, shell, admin)
    assert shell.services is not None
    return shell.services


def archive_fds(archive: Path) -> list[str]:
    """What the process's descriptors on the archive's files point at: every path that begins with
    the archive's (the database, -wal, -shm, -journal, .keys, .head, the .backups folder)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # closed meanwhile (the listing's own descriptor)
            continue
        if target.startswith(str(archive)):
            found.append(target)
    return found


def wait_locked(qtbot, shell: AppShell, timeout_ms: int = 5000) -> None:
    qtbot.waitUntil(lambda: shell.closing is None and shell.services is None, timeout=timeout_ms)


# -- the watcher alone ---------------------------------------------------------------------------

def test_the_watcher_counts_a_suspend_as_idle_and_ignores_a_clock_set_back(qtbot, clocks: Clocks) -> None:
    watcher = IdleWatcher(TIMEOUT, clocks.monotonic, clocks.boottime)
    watcher.start()
    clocks.run(4 * 60)
    clocks.suspend(5 * 60)           # 9 minutes idle, 5 of them asleep
    assert not watcher.check() and watcher.idle_for() == pytest.approx(9 * 60)
    clocks.suspend(SUSPEND_SLACK_S / 2)  # below the slack: scheduling noise, not a suspend
    assert watcher.idle_for() == pytest.approx(9 * 60)
    clocks.boot -= 3600              # the wall clock set back an hour: no effect
    assert watcher.idle_for() == pytest.approx(9 * 60)
    clocks.suspend(61)
    assert watcher.check(), "4 min awake + 6 min 1 s asleep ≥ 10 min"
    watcher.start()                  # activity (a new session) forgets the sleep
    assert watcher.idle_for() == 0


# -- the timeout -----------------------------------------------------------------------------------

def test_the_lock_fires_within_a_second_of_the_timeout(qtbot, shell: AppShell, signed_in: Services,
                                                       clocks: Clocks) -> None:
    archive = signed_in.ctx.archive.path
    assert archive_fds(archive), "the scan sees the open archive"
    clocks.run(TIMEOUT - 1)
    qtbot.wait(int(3 * CHECK_EVERY_MS))  # three ticks one second early: nothing
    assert shell.services is signed_in
    clocks.run(1)
    started = time.perf_counter()
    with qtbot.waitSignal(shell.idle.idle, timeout=1000):
        pass
    fired_after = time.perf_counter() - started
    assert fired_after <= 1.0
    assert shell.window is not None and shell.window.outer.currentIndex() == 1  # covered at once
    wait_locked(qtbot, shell)
    assert not signed_in.ctx.archive.is_open
    assert archive_fds(archive) == []


# -- suspend and resume ----------------------------------------------------------------------------

def test_a_resume_after_a_long_suspend_locks_at_once(qtbot, shell: AppShell, signed_in: Services,
                                                     clocks: Clocks) -> None:
    clocks.run(60)
    clocks.suspend(3 * 3600)  # the monotonic clock did not move: only the boot clock shows the sleep
    with qtbot.waitSignal(shell.idle.idle, timeout=int(2 * CHECK_EVERY_MS)):
        pass
    wait_locked(qtbot, shell)
    assert archive_fds(signed_in.ctx.archive.path) == []


def test_the_first_key_after_a_resume_locks_instead_of_typing(qtbot, shell: AppShell, signed_in: Services,
                                                              clocks: Clocks) -> None:
    assert shell.window is not None and shell.window.persons_page is not None
    search = shell.window.persons_page.search_edit
    clocks.suspend(TIMEOUT + 5)
    qtbot.keyClicks(search, "zs")  # before the timer's next tick
    assert search.text() == "", "the key presses went to the lock, not the form"
    wait_locked(qtbot, shell)
    assert archive_fds(signed_in.ctx.archive.path) == []


def test_a_short_suspend_counts_as_idle_time(qtbot, shell: AppShell, signed_in: Services, clocks: Clocks) -> None:
    clocks.run(4 * 60)
    clocks.suspend(5 * 60)
    qtbot.wait(int(3 * CHECK_EVERY_MS))
    assert shell.services is signed_in, "9 of 10 minutes"
    clocks.suspend(61)
    with qtbot.waitSignal(shell.idle.idle, timeout=int(2 * CHECK_EVERY_MS)):
        pass
    wait_locked(qtbot, shell)


# -- modal dialogs ---------------------------------------------------------------------------------

def test_the_lock_closes_a_dialog_running_its_own_event_loop(qtbot, shell: AppShell, signed_in: Services,
                                                             clocks: Clocks) -> None:
    """QMessageBox.question (exec) waits in a nested event loop; the lock closes it, and the code
    after it, which pages run against their services, still works: the archive closes after."""
    outcome: dict[str, object] = {}

    def ask() -> None:
        clocks.run(TIMEOUT + 1)  # the next tick comes inside the message box's event loop
        outcome["answer"] = QMessageBox.question(shell.window, "保存成绩", "本期有未保存的成绩修改，是否保存？")
        outcome["still_open"] = signed_in.ctx.archive.is_open
        outcome["count"] = signed_in.persons.count()

    QTimer.singleShot(0, ask)
    qtbot.waitUntil(lambda: "count" in outcome, timeout=5000)
    assert outcome == {"answer": QMessageBox.StandardButton.NoButton, "still_open": True, "count": 2}
    wait_locked(qtbot, shell)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert archive_fds(signed_in.ctx.archive.path) == []


def test_the_lock_closes_a_window_modal_form_and_keeps_its_draft(qtbot, shell: AppShell, signed_in: Services,
                                                                 clocks: Clocks, isolated_data_dir: Path) -> None:
    assert shell.window is not None and shell.window.persons_page is not None
    page = shell.window.persons_page
    page.open_person(signed_in.persons.search("张三")[0].id)
    page.file_view.records_tab.add_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible())
    assert dialog.isModal()
    type_text(dialog.facts_edit, "锁定时正在填写的事实")
    clocks.run(TIMEOUT)
    with qtbot.waitSignal(shell.locked, timeout=int(2 * CHECK_EVERY_MS) + 2000):
        pass
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible()]
    drafts = list((isolated_data_dir / "drafts").iterdir())
    assert len(drafts) == 1 and "锁定时".encode() not in drafts[0].read_bytes()
    assert archive_fds(signed_in.ctx.archive.path) == []


# -- an import running -----------------------------------------------------------------------------

IMPORT_ROWS = 20_000  # ten write batches: the lock lands in the middle of the writing


def test_the_lock_cancels_a_running_import_and_nothing_of_it_is_written(
        qtbot, shell: AppShell, signed_in: Services, clocks: Clocks, tmp_path: Path) -> None:
    path = write_roster(tmp_path / "花名册.csv", IMPORT_ROWS)
    archive = signed_in.ctx.archive.path
    assert shell.window is not None and shell.window.persons_page is not None
    shell.window.persons_page.import_button.click()
    wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible())
    wizard.file_page.path_edit.setText(str(path))
    while wizard.currentId() != CHECK:
        wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.report is not None, timeout=120_000)
    assert wizard.check_page.report is not None and wizard.check_page.report.new == IMPORT_ROWS
    clocks.run(60)  # the user clicks 导入 …
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentId() == RUN
    run = wizard.run_page
    # … and walks away. Wait until rows are being written (the second half of the bar), then time out.
    qtbot.waitUntil(lambda: run.progress.value() > run.progress.maximum() // 2, timeout=120_000)
    assert not run.finished
    clocks.run(TIMEOUT)
    with qtbot.waitSignal(shell.idle.idle, timeout=int(2 * CHECK_EVERY_MS)):
        pass
    assert not wizard.isVisible()
    wait_locked(qtbot, shell, timeout_ms=60_000)
    assert archive_fds(archive) == []

    reopened, user = Archive.unlock(archive, "admin", PASSPHRASE)
    again = Services.for_user(reopened, user, today=lambda: TODAY)
    try:
        assert again.persons.count() == 2, "the import's transaction was rolled back"
        assert again.persons.search(roster_id_number(0)) == []
        assert again.maintenance.verify().ok
    finally:
        again.close()
