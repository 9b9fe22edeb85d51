"""One typed registry over QSettings: every setting declared once with its type and default.

Secrets (passphrases, keys, ID numbers) never go here; the last user name is a staff login,
not a secret. The central store's URL is kept per archive and *without* its password (a
PostgreSQL URL from enrollment carries the office's login password; this file is plain text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

from desktop_app.ui.sync.central_url import split_password

T = TypeVar("T", int, str, bool)

SCHEMA_VERSION = 1
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    valid: Callable[[T], bool] = field(default=lambda _value: True)


IDLE_MINUTES: Setting[int] = Setting("security/idle_minutes", int, 10, lambda v: 1 <= v <= 240)
LANGUAGE: Setting[str] = Setting("ui/language", str, "zh_CN", lambda v: v in LANGUAGES)
LAST_ARCHIVE: Setting[str] = Setting("archive/last_path", str, "")
LAST_USER: Setting[str] = Setting("archive/last_user", str, "")

SYNC_INTERVAL_MINUTES: Setting[int] = Setting("sync/interval_minutes", int, 15, lambda v: 1 <= v <= 1440)
SYNC_REMINDER_DAYS: Setting[int] = Setting("sync/reminder_days", int, 7, lambda v: 1 <= v <= 365)

ALL_SETTINGS = (IDLE_MINUTES, LANGUAGE, LAST_ARCHIVE, LAST_USER, SYNC_INTERVAL_MINUTES, SYNC_REMINDER_DAYS)


def central_url(archive_id: str) -> Setting[str]:
    """The central store of one archive (a demo archive must never sync to the real store), never
    with a password in it: the setter refuses one."""
    return Setting(f"sync/{archive_id}/central_url", str, "", lambda v: split_password(v)[1] == "")


def central_needs_password(archive_id: str) -> Setting[bool]:
    """True when the URL given had a password: it is asked for (and kept in memory) before syncing."""
    return Setting(f"sync/{archive_id}/needs_password", bool, False)


class AppSettings:
    """Typed access; a stored value of the wrong type or out of range reads as the default."""

    def __init__(self, store: QSettings) -> None:
        self.store = store
        self._upgrade()

    @classmethod
    def at(cls, ini_path: str) -> AppSettings:
        return cls(QSettings(ini_path, QSettings.Format.IniFormat))

    def get(self, setting: Setting[T]) -> T:
        raw: Any = self.store.value(setting.key, setting.default)
        value: Any
        try:
            if setting.type is bool and isinstance(raw, str):
                value = raw.lower() in ("1", "true", "yes")
            else:
                value = setting.type(raw)
        except (TypeError, ValueError):
            return setting.default
        return value if setting.valid(value) else setting.default  # type: ignore[return-value]

    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.type) or not setting.valid(value):
            raise ValueError(f"invalid value for {setting.key}: {value!r}")
        self.store.setValue(setting.key, value)
        self.store.sync()

    def _upgrade(self) -> None:
        """Versioned upgrade steps go here (none yet: version 1 is the first)."""
        stored: Any = self.store.value("meta/schema_version", 0)
        version = int(stored or 0)
        if version < SCHEMA_VERSION:
            self.store.setValue("meta/schema_version", SCHEMA_VERSION)
