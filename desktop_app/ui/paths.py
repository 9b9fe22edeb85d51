"""Where the GUI finds its resources and keeps its per-user files."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "IntegrityFiles"
ORG_NAME = "IntegrityFiles"
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS = RESOURCES / "translations"
STYLES = RESOURCES / "styles"
ICONS = RESOURCES / "icons"

DATA_DIR_ENV = "INTEGRITY_FILES_DATA_DIR"


def data_dir() -> Path:
    """The per-user data directory (demo archive, encrypted drafts, logs, built translations)."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path
