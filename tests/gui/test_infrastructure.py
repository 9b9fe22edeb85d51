"""Settings registry, background tasks with delayed progress and cancel, encrypted drafts."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QWidget

from desktop_app.ui.drafts import DraftVault
from desktop_app.ui.settings import IDLE_MINUTES, LANGUAGE, AppSettings
from desktop_app.ui.tasks import PROGRESS_DELAY_MS, DelayedProgress, Task, TaskCancelled, TaskRunner


def test_settings_are_typed_with_defaults(tmp_path: Path) -> None:
    settings = AppSettings.at(str(tmp_path / "s.ini"))
    assert settings.get(IDLE_MINUTES) == 10 and settings.get(LANGUAGE) == "zh_CN"
    settings.set(IDLE_MINUTES, 3)
    assert AppSettings.at(str(tmp_path / "s.ini")).get(IDLE_MINUTES) == 3
    with pytest.raises(ValueError):
        settings.set(IDLE_MINUTES, 0)
    settings.store.setValue(IDLE_MINUTES.key, "garbage")
    assert settings.get(IDLE_MINUTES) == 10, "a damaged value reads as the default"
    text = (tmp_path / "s.ini").read_text()
    assert "passphrase" not in text.lower()


def test_task_reports_progress_and_result(qtbot) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, int]] = []

    def work(progress, cancel):
        for i in range(3):
            progress(i + 1, 3)
        return "done"

    task = Task(work)
    task.signals.progressed.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(task.signals.succeeded) as blocker:
        runner.start(task)
    assert blocker.args == ["done"]
    qtbot.waitUntil(lambda: seen == [(1, 3), (2, 3), (3, 3)])


class ShownAt(QObject):
    """The moment a widget is first shown, taken in its Show event (not when a poll notices)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.at is None:
            self.at = time.perf_counter()
        return False


def test_progress_appears_only_after_the_delay_and_cancel_ends_quietly(qtbot) -> None:
    runner = TaskRunner()
    release = threading.Event()

    def work(progress, cancel):
        while not cancel():
            release.wait(0.01)
        raise TaskCancelled

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task = Task(work)
    failures: list[object] = []
    task.signals.failed.connect(failures.append)
    started = time.perf_counter()
    runner.start(task, progress_parent=parent, label="正在处理…")
    try:
        progress = parent.findChild(DelayedProgress)
        shown = ShownAt(progress.dialog)
        assert not progress.dialog.isVisible()
        qtbot.waitUntil(lambda: shown.at is not None, timeout=30_000)
        # No flash of a dialog for short work: it is shown only once the delay has passed. A lower
        # bound only (a slower or busier machine shows it later, never sooner); Qt's coarse timers may
        # fire up to 5 % early. (Was: "not visible after half the delay", which a stalled loop overran.)
        assert shown.at - started >= PROGRESS_DELAY_MS * 0.95 / 1000, "no flash of a dialog for short work"
        assert progress.dialog.isVisible()
        with qtbot.waitSignal(task.signals.cancelled):
            progress.dialog.findChild(QPushButton).click()
        assert failures == []
    finally:
        runner.cancel_all()  # a failure above must not leave the worker looping


def test_task_failure_reaches_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()

    def work(progress, cancel):
        raise ValueError("broken")

    task = Task(work)
    with qtbot.waitSignal(task.signals.failed) as blocker:
        runner.start(task)
    assert isinstance(blocker.args[0], ValueError)


def test_drafts_are_sealed_per_archive_and_user(tmp_path: Path) -> None:
    vault = DraftVault(tmp_path)
    key = os.urandom(32)
    vault.seal(key, "archive1", "clerk", [{"fields": {"facts": "秘密的事实"}}])
    blob = vault.path_for("archive1").read_bytes()
    assert "秘密".encode() not in blob
    assert vault.take(os.urandom(32), "archive1", "clerk") == [], "another key opens nothing"
    vault.seal(key, "archive1", "clerk", [{"fields": {"facts": "秘密的事实"}}])
    assert vault.take(key, "archive1", "someone-else") == []
    assert vault.take(key, "archive1", "clerk") == [{"fields": {"facts": "秘密的事实"}}]
    assert not vault.path_for("archive1").exists()
