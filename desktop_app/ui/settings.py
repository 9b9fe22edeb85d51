"""One typed registry over QSettings: every setting declared once with its type and default.

Secrets (passphrases, keys, ID numbers) never go here; the last user name is a staff login,
not a secret.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

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

ALL_SETTINGS = (IDLE_MINUTES, LANGUAGE, LAST_ARCHIVE, LAST_USER)


class AppSettings:
    """Typed access; a stored value of the wrong type or out of range reads as the default."""

    def __init__(self, store: QSettings) -> None:
        self.store = store
        self._upgrade()

    @classmethod
    def at(cls, ini_path: str) -> AppSettings:
        return cls(QSettings(ini_path, QSettings.Format.IniFormat))

    def get(self, setting: Setting[T]) -> T:
        raw = self.store.value(setting.key, setting.default)
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
        version = int(self.store.value("meta/schema_version", 0) or 0)
        if version < SCHEMA_VERSION:
            self.store.setValue("meta/schema_version", SCHEMA_VERSION)
