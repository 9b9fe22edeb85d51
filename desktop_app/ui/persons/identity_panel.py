"""Who the file is about: name, masked ID (revealed only on request, audited), unit, post, rank, flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.consequences import FlagReason
from desktop_app.domain.permissions import Permission
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.rows import PersonRow
from desktop_app.ui.i18n import format_date, label
from desktop_app.ui.messages import show_error
from desktop_app.ui.persons.reason_text import flag_reason


class IdentityPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.person: PersonRow | None = None
        self.name_label = QLabel()
        self.name_label.setObjectName("personName")
        self.name_label.setProperty("role", "pageTitle")
        self.id_label = QLabel()
        self.id_label.setObjectName("idNumber")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton(self.tr("显示"))
        self.reveal_button.setObjectName("revealId")
        self.reveal_button.setToolTip(self.tr("显示完整身份证号（此操作记入审计日志）"))
        self.reveal_button.setVisible(services.ctx.may(Permission.PERSON_REVEAL_ID))
        self.reveal_button.clicked.connect(self.reveal)
        self.values: dict[str, QLabel] = {key: QLabel() for key in
                                          ("gender", "birth", "unit", "post", "rank", "status")}
        for value in self.values.values():
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flags_label = QLabel()
        self.flags_label.setObjectName("flags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setTextFormat(Qt.TextFormat.RichText)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_label)
        id_row.addWidget(self.reveal_button)
        id_row.addStretch(1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        cells = ((self.tr("身份证号："), None, 0, 0, 3), (self.tr("性别："), "gender", 1, 0, 1),
                 (self.tr("出生日期："), "birth", 1, 2, 1), (self.tr("单位："), "unit", 2, 0, 3),
                 (self.tr("职务："), "post", 3, 0, 1), (self.tr("职级："), "rank", 3, 2, 1),
                 (self.tr("状态："), "status", 4, 0, 1))
        for caption, key, row, col, span in cells:
            grid.addWidget(QLabel(caption), row, col, Qt.AlignmentFlag.AlignRight)
            if key is None:
                grid.addLayout(id_row, row, col + 1, 1, span)
            else:
                grid.addWidget(self.values[key], row, col + 1, 1, span)
        grid.setColumnMinimumWidth(1, 300)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name_label)
        layout.addLayout(grid)
        layout.addWidget(self.flags_label)

    def show_person(self, person: PersonRow, flags: tuple[FlagReason, ...]) -> None:
        self.person = person
        self.name_label.setText(person.name)
        self.id_label.setText(person.id_number_masked)
        self.reveal_button.setEnabled(True)
        self.values["gender"].setText(label(person.gender.label))
        self.values["birth"].setText(format_date(person.birth_date))
        self.values["unit"].setText(person.unit_name)
        self.values["post"].setText(person.post or "—")
        self.values["rank"].setText(person.rank or "—")
        self.values["status"].setText(label(person.status.label))
        if flags:
            items = "".join(self.tr("<li><b>{flag}</b>：{reason}</li>").format(flag=label(f.flag.label),
                                                                             reason=_escape(flag_reason(f)))
                            for f in flags)
            self.flags_label.setText(f"<ul style='margin:0'>{items}</ul>")
        else:
            self.flags_label.setText(self.tr("无限制性标记。"))

    def reveal(self) -> None:
        if self.person is None:
            return
        try:
            number = self.services.persons.reveal_id_number(self.person.id)
        except IntegrityFilesError as exc:
            show_error(self, exc)
            return
        self.id_label.setText(number)
        self.reveal_button.setEnabled(False)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
