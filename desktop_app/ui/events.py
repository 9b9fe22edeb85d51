"""What changed, broadcast once per action (Anki's OpChanges): pages decide whether to refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

PERSON = "person"
RECORD = "record"
ASSESSMENT = "assessment"
SETTINGS = "settings"


class ArchiveEvents(QObject):
    # A frozenset of entity names ("person", "record", …); the sender is the page that acted.
    changed = Signal(object, object)

    def announce(self, entities: set[str] | frozenset[str], sender: object = None) -> None:
        self.changed.emit(frozenset(entities), sender)
