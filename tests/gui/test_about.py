"""The About dialog names the versions an archive depends on (issue 11: one source of truth)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.store.migrations import head_revision
from desktop_app.ui.pages.about_dialog import AboutDialog


def test_about_dialog_from_settings_shows_versions(qtbot, admin, open_window) -> None:
    window = open_window(admin)
    window.settings_page.about_button.click()
    qtbot.waitUntil(lambda: any(isinstance(w, AboutDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
    text = dialog.details.text()
    assert __version__ in text and "SQLCipher" in text.replace("sqlcipher", "SQLCipher") and head_revision() in text
    dialog.accept()
