"""Idle lock (issue 9, item 11), with injected clocks: the monotonic one (which stands still while
the machine is suspended, as CLOCK_MONOTONIC does on Linux) and a boot-time one (which keeps
counting). The watcher's own timer ticks in real time, so each test waits a moment, never minutes;
a test waits for a number of the watcher's checks to have happened, never for a span of time that
a busy machine might fill with fewer of them.

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
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


def checks_of(watcher: IdleWatcher) -> list[float]:
    """The real times of the watcher's timer ticks from now on. Connected after the watcher's own
    ``check``, so an entry means that tick's check has run (and locked, if it was due)."""
    ticks: list[float] = []
    watcher.timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    return ticks


def wait_checks(qtbot, watcher: IdleWatcher, ticks: list[float], count: int) -> None:
    """Until the watcher has checked ``count`` times (or stopped: it locked): a count of checks that
    happened, where ``qtbot.wait(count * CHECK_EVERY_MS)`` might hold fewer on a busy machine."""
    qtbot.waitUntil(lambda: len(ticks) >= count or not watcher.timer.isActive(), timeout=30_000)


# Waits for the lock whose length is no requirement: the lock comes at the watcher's next check, or
# never (the clocks are fakes that stand still); a generous bound only turns a hang into a failure.
# The one timed requirement, "within a second", is measured in its own test.
LOCK_WAIT_MS = 30_000


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
    # Nothing else on the loop while it is measured: the window's loading has ended.
    qtbot.waitUntil(lambda: not shell.runner.busy, timeout=30_000)
    ticks = checks_of(shell.idle)
    clocks.run(TIMEOUT - 1)
    wait_checks(qtbot, shell.idle, ticks, 3)  # three checks one second early: nothing
    assert shell.services is signed_in
    due: list[float] = []
    fired: list[float] = []

    def reach_the_timeout() -> None:
        """Right after a check: the worst case, a whole interval until the next one."""
        if not due:
            clocks.run(1)
            due.append(time.perf_counter())

    shell.idle.timer.timeout.connect(reach_the_timeout)
    # The moment the lock fires is its signal's emission: noted by a slot that runs before the shell's
    # lock, so the lock's own work (covering the window, closing dialogs) is not in the interval.
    assert shell.idle.idle.disconnect(shell.lock), "the shell's lock listens to the watcher"
    shell.idle.idle.connect(lambda: fired.append(time.perf_counter()))
    shell.idle.idle.connect(shell.lock)
    with qtbot.waitSignal(shell.idle.idle, timeout=LOCK_WAIT_MS):
        pass
    fired_after = fired[0] - due[0]
    assert fired_after <= 1.0, f"the lock fired {fired_after:.2f} s after the timeout"
    assert shell.window is not None and shell.window.outer.currentIndex() == 1  # covered at once
    wait_locked(qtbot, shell)
    assert not signed_in.ctx.archive.is_open
    assert archive_fds(archive) == []


# -- suspend and resume ----------------------------------------------------------------------------

def test_a_resume_after_a_long_suspend_locks_at_once(qtbot, shell: AppShell, signed_in: Services,
                                                     clocks: Clocks) -> None:
    ticks = checks_of(shell.idle)
    clocks.run(60)
    clocks.suspend(3 * 3600)  # the monotonic clock did not move: only the boot clock shows the sleep
    with qtbot.waitSignal(shell.idle.idle, timeout=LOCK_WAIT_MS):
        pass
    assert len(ticks) == 1, "at once: at the first check after the resume"
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
    ticks = checks_of(shell.idle)
    clocks.run(4 * 60)
    clocks.suspend(5 * 60)
    wait_checks(qtbot, shell.idle, ticks, 3)
    assert shell.services is signed_in, "9 of 10 minutes"
    checked = len(ticks)
    clocks.suspend(61)
    with qtbot.waitSignal(shell.idle.idle, timeout=LOCK_WAIT_MS):
        pass
    assert len(ticks) == checked + 1, "at the first check after the resume"
    wait_locked(qtbot, shell)


# -- modal dialogs ---------------------------------------------------------------------------------

def test_the_lock_closes_a_dialog_running_its_own_event_loop(qtbot, shell: AppShell, signed_in: Services,
                                                             clocks: Clocks) -> None:
    """QMessageBox.question (exec) waits in a nested event loop; the lock closes it, and the code
    after it, which pages run against their services, still works: the archive closes after."""
    outcome: dict[str, object] = {}

    def never_locked() -> None:
        """A lock that never comes must fail the test, not hang it inside the box's event loop (where
        the waitUntil below cannot time out)."""
        outcome["closed by the test"] = True
        for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
            box.reject()

    fallback = QTimer(singleShot=True, interval=LOCK_WAIT_MS)
    fallback.timeout.connect(never_locked)

    def ask() -> None:
        clocks.run(TIMEOUT + 1)  # the next tick comes inside the message box's event loop
        fallback.start()
        outcome["answer"] = QMessageBox.question(shell.window, "保存成绩", "本期有未保存的成绩修改，是否保存？")
        outcome["still_open"] = signed_in.ctx.archive.is_open
        outcome["count"] = signed_in.persons.count()

    QTimer.singleShot(0, ask)
    qtbot.waitUntil(lambda: "count" in outcome, timeout=2 * LOCK_WAIT_MS)
    fallback.stop()
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
    with qtbot.waitSignal(shell.locked, timeout=LOCK_WAIT_MS):
        pass
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible()]
    drafts = list((isolated_data_dir / "drafts").iterdir())
    assert len(drafts) == 1 and "锁定时".encode() not in drafts[0].read_bytes()
    assert archive_fds(signed_in.ctx.archive.path) == []


# -- an import running -----------------------------------------------------------------------------

IMPORT_ROWS = 20_000  # ten write batches


def hold_the_write(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The import's worker, at its first progress report in the second half of the bar (rows being
    written, more to come), waits there until its task is cancelled: the lock lands in the middle of
    the writing however fast a machine writes the rest. (Unheld, the rest took ~2 s on a busy 2-core
    machine: ~0.7 s on a 3x faster one, against up to 0.5 s before the watcher's next check.) Bounded:
    a failure, not a hang."""
    held = threading.Event()
    make_work = ImportWizard.import_work

    def import_work(wizard: ImportWizard) -> Callable[[Any, Any], Any]:
        work = make_work(wizard)

        def gated(progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> Any:
            def report(done: int, total: int) -> None:
                progress(done, total)
                if not held.is_set() and total // 2 < done < total:
                    held.set()
                    deadline = time.monotonic() + 120
                    while not cancel() and time.monotonic() < deadline:
                        time.sleep(0.005)  # waits for a state (the cancel flag), not for a time
            return work(report, cancel)
        return gated

    monkeypatch.setattr(ImportWizard, "import_work", import_work)
    return held


def test_the_lock_cancels_a_running_import_and_nothing_of_it_is_written(
        qtbot, shell: AppShell, signed_in: Services, clocks: Clocks, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    held = hold_the_write(monkeypatch)
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
    # … and walks away. Wait until rows are being written (the second half of the bar; the worker is
    # held there, see hold_the_write), then time out.
    qtbot.waitUntil(lambda: held.is_set() and run.progress.value() > run.progress.maximum() // 2,
                    timeout=120_000)
    assert not run.finished
    clocks.run(TIMEOUT)
    with qtbot.waitSignal(shell.idle.idle, timeout=LOCK_WAIT_MS):
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
