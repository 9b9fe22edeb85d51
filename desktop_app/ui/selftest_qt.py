"""The self-test's GUI step: Qt loads, the platform plugin starts, SVG icons render, translations load."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QIcon

from desktop_app.resources import is_frozen


def check_qt(scratch: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.app import build_application
    from desktop_app.ui.i18n import TS_STEM, build_translations
    from desktop_app.ui.paths import ICONS, TRANSLATIONS

    app = build_application([])
    if QIcon(str(ICONS / "app.svg")).pixmap(32, 32).isNull():
        raise AssertionError("SVG icons do not render (Qt's svg image plugin is missing)")
    # The bundle ships compiled .qm files; a checkout compiles them here, into the temporary folder.
    qm_dir = TRANSLATIONS if is_frozen() else build_translations(TRANSLATIONS, scratch / "qm")[0].parent
    if not QTranslator().load(f"{TS_STEM}_en", str(qm_dir)):
        raise AssertionError(f"the English translation does not load from {qm_dir}")
    return f"platform {app.platformName()}, SVG icons, English translation"
