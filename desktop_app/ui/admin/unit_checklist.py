"""A list of units with a check box each (Space toggles), for limiting a user to some units."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop_app.services.rows import UnitRow

ID_ROLE = Qt.ItemDataRole.UserRole


class UnitChecklist(QListWidget):
    def __init__(self, units: Sequence[UnitRow], checked: Iterable[uuid.UUID] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitChecklist")
        self.setMinimumHeight(90)
        self.setMaximumHeight(180)
        ticked = set(checked)
        for unit in units:
            item = QListWidgetItem(unit.name)
            item.setToolTip(f"{unit.name}　{unit.uscc}")
            item.setData(ID_ROLE, unit.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if unit.id in ticked else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked_ids(self) -> list[uuid.UUID]:
        return [self._item(row).data(ID_ROLE) for row in range(self.count())
                if self._item(row).checkState() == Qt.CheckState.Checked]

    def set_checked(self, names: Iterable[str]) -> None:
        wanted = set(names)
        for row in range(self.count()):
            item = self._item(row)
            item.setCheckState(Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked)

    def _item(self, row: int) -> QListWidgetItem:
        item = self.item(row)
        assert item is not None
        return item
