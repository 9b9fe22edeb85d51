"""隔离的更改: remote changes this archive refused (bad signature, revoked device, …), read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop_app.services import Services
from desktop_app.ui.sync.quarantine_model import QuarantineTableModel


class QuarantinePanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        intro = QLabel(self.tr("这些来自其他设备的更改未通过核验，没有写入档案库。它们只供查看；"
                               "如有疑问，请把原因告知上级单位。"))
        intro.setProperty("role", "hint")
        intro.setWordWrap(True)
        self.model = QuarantineTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("quarantineTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.services.sync.quarantine())
