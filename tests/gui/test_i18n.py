"""Translations: the .ts source is complete, builds with pyside6-lrelease, and switches the UI."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_app.ui.i18n import TS_STEM, Translations, build_translations, format_date, label, lrelease_executable
from desktop_app.ui.main_window import SETTINGS
from desktop_app.ui.paths import RESOURCES, TRANSLATIONS
from desktop_app.ui.settings import LANGUAGE
from tests.gui.test_lock import signed_in_shell

TS = TRANSLATIONS / f"{TS_STEM}_en.ts"
UI = RESOURCES.parent / "desktop_app" / "ui"
# The .ts covers every module of the UI: a new string anywhere under desktop_app/ui needs its translation.
UI_SOURCES = sorted(str(p) for p in UI.rglob("*.py"))
PLACEHOLDERS = re.compile(r"\{[^{}]*\}|%L?[0-9n]|</?[a-zA-Z][^>]*>")


@pytest.fixture
def english(qapp, tmp_path: Path):
    built = build_translations(TRANSLATIONS, tmp_path)
    translations = Translations(tmp_path)
    assert translations.apply("en")
    yield built
    translations.apply("zh_CN")


def test_every_english_message_is_translated() -> None:
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 250
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    empty = [m.findtext("source") for m in messages
             if not "".join(m.find("translation").itertext()).strip() and (m.findtext("source") or "").strip()]
    assert empty == []


def test_translations_keep_the_placeholders_of_their_source() -> None:
    """{0}, {name}, %1, %n and HTML tags come back as they went in (lrelease checks only %1 and %n)."""
    wrong = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = translation.findall("numerusform") or [translation]
        for form in forms:
            text = form.text or ""
            if sorted(PLACEHOLDERS.findall(source)) != sorted(PLACEHOLDERS.findall(text)) or \
                    source.count("\n") != text.count("\n"):
                wrong.append((source, text))
    assert wrong == []


def test_the_ts_file_covers_every_string_in_the_ui(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(lrelease_executable()).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-locations", "none", *UI_SOURCES, "-ts", str(fresh)], check=True,
                   capture_output=True, timeout=120)
    wanted = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).getroot().iter("context")
              for m in c.iter("message")}
    have = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(TS).getroot().iter("context")
            for m in c.iter("message")}
    assert wanted - have == set(), "run pyside6-lupdate and translate the new strings (docs/USER_GUIDE.md)"


def test_build_step_makes_qm_files_that_translate(english) -> None:
    assert [p.name for p in english] == [f"{TS_STEM}_en.qm"]
    assert english[0].stat().st_size > 1000
    assert QCoreApplication.translate("MainWindow", "人员档案") == "Persons"
    assert label("限制评优评先") == "Barred from awards"
    assert format_date(date(2026, 11, 26)) == "26 Nov 2026"


def test_chinese_is_the_default(qapp) -> None:
    assert QCoreApplication.translate("MainWindow", "人员档案") == "人员档案"
    assert format_date(date(2026, 11, 26)) == "2026年11月26日"


def test_switching_language_in_settings_rebuilds_the_window_in_english(qtbot, shell, admin,
                                                                    tmp_path: Path) -> None:
    build_translations(TRANSLATIONS, tmp_path)
    shell.translations = Translations(tmp_path)
    shell.translations.apply("zh_CN")
    signed_in_shell(qtbot, shell, admin)
    window = shell.window
    assert window.nav.item(0).text() == "人员档案"
    combo = window.settings_page.language_combo
    combo.setCurrentIndex(combo.findData("en"))
    assert shell.settings.get(LANGUAGE) == "en"
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Persons", "Training", "Objections & repair", "Sync", "Audit", "Accounts & maintenance", "Settings"]
    assert window.status.sync_label.text() == "Last sync: never"
    assert window.nav.currentRow() == SETTINGS
    shell.translations.apply("zh_CN")
