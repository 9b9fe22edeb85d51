"""What this build is: the version (from the package metadata, the one source of truth) and the
versions of the parts an archive depends on. ``--version`` prints it; an About dialog can show it."""

from __future__ import annotations

import platform
import sys
from importlib.metadata import PackageNotFoundError, version

from alembic.config import Config
from alembic.script import ScriptDirectory

from desktop_app import __version__
from desktop_app.resources import is_frozen
from desktop_app.store.engine import sqlcipher_version
from desktop_app.store.migrations import head_revision
from desktop_app.sync.central import CENTRAL_SCRIPTS

APP_TITLE = "Integrity Files (公务员诚信档案)"


def qt_versions() -> tuple[str, str]:
    """(Qt version, PySide6 version) from the package metadata: the core stays free of Qt, and
    ``--version`` does not load Qt's libraries. The PySide6 wheels bundle the Qt of their own
    version. The GUI's About dialog passes the running values instead."""
    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            pyside = version(dist)
        except PackageNotFoundError:
            continue
        return ".".join(pyside.split(".")[:3]), pyside
    return "unknown", "unknown"


def about_info(qt: tuple[str, str] | None = None) -> dict[str, str]:
    """Ordered name → value pairs, e.g. ``{"version": "0.1.0", "sqlcipher": "4.6.1 community", …}``."""
    qt_version, pyside = qt or qt_versions()
    central = Config()
    central.set_main_option("script_location", str(CENTRAL_SCRIPTS))
    return {
        "application": APP_TITLE,
        "version": __version__,
        "archive schema": head_revision(),
        "central schema": ScriptDirectory.from_config(central).get_current_head() or "none",
        "sqlcipher": sqlcipher_version(),
        "qt": qt_version,
        "pyside6": pyside,
        "python": f"{platform.python_version()} ({platform.machine()})",
        "build": "bundled (PyInstaller)" if is_frozen() else f"source ({sys.executable})",
    }


def about_text() -> str:
    """``integrity-files 0.1.0`` on the first line (for scripts), then the table."""
    info = about_info()
    width = max(len(k) for k in info)
    return "\n".join([f"integrity-files {info['version']}", *(f"  {k:<{width}}  {v}" for k, v in info.items())])
