"""GUI test fixtures: offscreen Qt, an isolated data dir and settings file, a fake clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.services import Services
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.paths import DATA_DIR_ENV
from desktop_app.ui.settings import AppSettings
from desktop_app.ui.shell import AppShell
from desktop_app.ui.tasks import TaskRunner
from tests.factories import TODAY


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "user-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    return data


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings.at(str(tmp_path / "settings.ini"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def shell(qtbot, settings: AppSettings, isolated_data_dir: Path, clock: FakeClock) -> Iterator[AppShell]:
    app_shell = AppShell(settings, isolated_data_dir, clock=clock, today=lambda: TODAY, demo_persons=40)
    yield app_shell
    close_shell(app_shell)


def close_shell(app_shell: AppShell) -> None:
    """Close every window, end the session and stop watching input (a fixture's teardown)."""
    for widget in QApplication.topLevelWidgets():
        widget.close()
    app_shell.shutdown()
    QApplication.instance().removeEventFilter(app_shell.idle)


@pytest.fixture
def open_window(qtbot, settings: AppSettings) -> Iterator[Callable[[Services], MainWindow]]:
    """A main window for signed-in services (without the start-up flow)."""
    runners: list[TaskRunner] = []
    windows: list[MainWindow] = []  # qtbot holds widgets weakly; the test's window must live

    def make(services: Services) -> MainWindow:
        runner = TaskRunner()
        runners.append(runner)
        window = MainWindow(settings, runner)
        windows.append(window)
        qtbot.addWidget(window)
        window.set_services(services)
        window.show()
        return window

    yield make
    for runner in runners:
        runner.cancel_all()


def type_text(widget: QWidget, text: str) -> None:
    """Type like an input method (QTest.keyClicks aborts the process on Chinese characters)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
