"""Translations and locale-aware formatting.

Source strings are Simplified Chinese (the default language, and the language of the domain's
labels); ``resources/translations/integrity_files_en.ts`` translates them to English. A missing
``.qm`` therefore never breaks the default UI. ``.qm`` files are built with ``pyside6-lrelease``
(``build_translations``), at start-up when missing or older than their ``.ts``; they are not
committed.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.ui.paths import TRANSLATIONS

log = logging.getLogger(__name__)

TS_STEM = "integrity_files"
_state = {"language": "zh_CN"}  # the language applied last; Chinese until told otherwise
LABELS_CONTEXT = "Labels"


def lrelease_executable() -> str:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    found = shutil.which("pyside6-lrelease") or (str(beside_python) if beside_python.exists() else None)
    if not found:
        raise FileNotFoundError("pyside6-lrelease not found (it comes with PySide6)")
    return found


def build_translations(ts_dir: Path = TRANSLATIONS, out_dir: Path | None = None,
                       *, force: bool = False) -> list[Path]:
    """Compile every ``*.ts`` in ts_dir to ``.qm`` in out_dir (default: beside the sources)."""
    out_dir = out_dir or ts_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([lrelease_executable(), "-silent", str(ts), "-qm", str(qm)], check=True,
                           capture_output=True, timeout=120)
        built.append(qm)
    return built


def ensure_built(fallback_dir: Path) -> Path:
    """Build the .qm files beside their sources, or in fallback_dir when that is read-only."""
    try:
        build_translations(TRANSLATIONS)
        return TRANSLATIONS
    except OSError:
        build_translations(TRANSLATIONS, fallback_dir)
        return fallback_dir
    except subprocess.SubprocessError:
        log.exception("building translations failed; the UI stays in Chinese")
        return TRANSLATIONS


class Translations:
    """The translators installed in the application for one language."""

    def __init__(self, qm_dir: Path) -> None:
        self.qm_dir = qm_dir
        self._installed: list[QTranslator] = []
        self.language = "zh_CN"

    def apply(self, language: str) -> bool:
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        _state["language"] = language
        QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh_CN"
                                   else QLocale.Language.English,
                                   QLocale.Country.China if language == "zh_CN"
                                   else QLocale.Country.UnitedStates))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ok = True
        qt_base = QTranslator()
        if qt_base.load(f"qtbase_{language}", qt_dir):
            self._install(app, qt_base)
        if language != "zh_CN":
            ours = QTranslator()
            ok = ours.load(f"{TS_STEM}_{language}", str(self.qm_dir))
            if ok:
                self._install(app, ours)
            else:
                log.warning("no translation %s in %s; showing Chinese", language, self.qm_dir)
        return ok

    def _install(self, app: QCoreApplication, translator: QTranslator) -> None:
        app.installTranslator(translator)
        self._installed.append(translator)


def is_chinese() -> bool:
    return _state["language"] == "zh_CN"


def label(text: str) -> str:
    """A Chinese domain label (RecordKind.label, Role.label, …) in the current language."""
    return QCoreApplication.translate(LABELS_CONTEXT, text)



Sentences = tuple[tuple[re.Pattern[str], str], ...]


def by_pattern(text: str, sentences: Sentences, context: str,
               part: Callable[[str], str] = lambda value: value) -> str | None:
    """A sentence the core wrote in Chinese, in the current language: the first (pattern, template)
    whose pattern matches the whole text gives the translated template, its named parts put back
    (each through ``part``); None when no pattern matches."""
    for pattern, template in sentences:
        match = pattern.fullmatch(text)
        if match:
            values = {key: part(value) for key, value in match.groupdict().items()}
            return QCoreApplication.translate(context, template).format(**values)
    return None

def format_date(day: date | None) -> str:
    if day is None:
        return ""
    if is_chinese():
        return f"{day.year}年{day.month}月{day.day}日"
    return day.strftime("%d %b %Y")


def format_datetime(moment: datetime) -> str:
    local = moment.astimezone() if moment.tzinfo else moment
    if is_chinese():
        return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    return local.strftime("%d %b %Y %H:%M")


def format_count(n: int) -> str:
    return f"{n:,}"
