"""关于: the version of the application and of everything an archive depends on (one source: pyproject)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.about import about_info


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于 公务员诚信档案"))
        info = about_info(qt=(qVersion(), PySide6.__version__))  # the Qt actually running
        rows = "".join(f"<tr><td>{key}</td><td>&nbsp;&nbsp;{value}</td></tr>" for key, value in info.items())
        name = self.tr("公务员诚信档案")
        self.details = QLabel(f"<h3>{name} {info.get('version', '')}</h3><table>{rows}</table>")
        self.details.setObjectName("aboutDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
