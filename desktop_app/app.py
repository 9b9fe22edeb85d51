"""Composition root of the desktop client: ``python -m desktop_app [--demo] [ARCHIVE]``.

Builds the QApplication, settings, translations, logging and the crash handler, then hands over
to the shell (wizard or unlock → main window). The only place besides ``ui/`` that imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.ui.crash import install_excepthook, setup_logging
from desktop_app.ui.crash_dialog import CrashDialog
from desktop_app.ui.i18n import Translations, ensure_built
from desktop_app.ui.paths import APP_NAME, ICONS, ORG_NAME, STYLES, data_dir
from desktop_app.ui.settings import LANGUAGE, AppSettings
from desktop_app.ui.shell import AppShell


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m desktop_app", description="公务员诚信档案 desktop client")
    parser.add_argument("archive", nargs="?", help="archive to unlock (default: the last one used)")
    parser.add_argument("--demo", action="store_true", help="open the demo archive (built on first use)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language for this run")
    return parser.parse_known_args(list(argv))[0]


def build_application(argv: Sequence[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(ICONS / "app.svg")))
    style = STYLES / "app.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = build_application([])
    home = data_dir()
    setup_logging(home / "logs")
    settings = AppSettings(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME))
    translations = Translations(ensure_built(home / "translations"))
    translations.apply(args.lang or settings.get(LANGUAGE))
    install_excepthook(lambda details: CrashDialog(details, app.activeWindow()).exec())
    shell = AppShell(settings, home, translations=translations)
    shell.quit_requested.connect(app.quit)
    app.aboutToQuit.connect(shell.shutdown)
    shell.start(demo=args.demo, archive=Path(args.archive) if args.archive else None)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
