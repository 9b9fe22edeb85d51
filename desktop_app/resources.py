"""Where the application's read-only files are: from a source checkout and from a PyInstaller bundle.

A checkout (or an editable install) keeps ``resources/`` and ``db/`` beside ``desktop_app/``. The
bundle built by ``build.spec`` mirrors that layout under ``sys._MEIPASS`` (``_internal/`` of the
one-folder app), so every path below is the same relative path in both. These folders are
read-only at run time: per-user files go to ``desktop_app.ui.paths.data_dir()``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_dir() -> Path | None:
    """The bundle's data folder inside the PyInstaller-built application, else None."""
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if getattr(sys, "frozen", False) and meipass else None


def is_frozen() -> bool:
    """True inside the PyInstaller-built application."""
    return bundle_dir() is not None


def app_root() -> Path:
    """The folder holding ``desktop_app/``, ``db/`` and ``resources/``."""
    return bundle_dir() or Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``."""
    return app_root().joinpath("resources", *parts)


def migrations_path(name: str) -> Path:
    """The Alembic script folder ``db/<name>`` (``local`` for archives, ``central`` for headquarters)."""
    return app_root() / "db" / name
