"""添加学员: search persons (name, pinyin, initials, last digits of the ID number) or paste a list.

Keyboard: type in the search box, ↓ or Enter moves into the results, Space/Shift+arrows select
several, Enter adds them. The 粘贴名单 tab takes one person a line (ID number and/or name); its
lines go through the same check as a roster file.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services.training import TrainingService
from desktop_app.ui.training.texts import describe

SEARCH_DELAY_MS = 150


class AddAttendeesDialog(QDialog):
    def __init__(self, training: TrainingService, parent: QWidget | None = None, *, paste: bool = False) -> None:
        super().__init__(parent)
        self.training = training
        self.chosen: list[uuid.UUID] = []
        self.pasted = ""
        self.setWindowTitle(self.tr("添加学员"))
        self.setObjectName("addAttendeesDialog")
        self.resize(560, 420)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._search_tab(), self.tr("搜索人员"))
        self.tabs.addTab(self._paste_tab(), self.tr("粘贴名单"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.add_button = buttons.addButton(self.tr("添加"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("addButton")
        buttons.accepted.connect(self.finish)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        if paste:
            self.tabs.setCurrentIndex(1)
            self.paste_edit.setFocus()
        else:
            self.search_edit.setFocus()

    def _search_tab(self) -> QWidget:
        tab = QWidget()
        self.search_edit = QLineEdit(objectName="attendeeSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("姓名、拼音（zhangsan / zs）或身份证号后几位"))
        self.search_edit.textChanged.connect(lambda _text: self.timer.start())
        self.search_edit.installEventFilter(self)
        self.results = QListWidget(objectName="attendeeResults")
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.itemActivated.connect(lambda _item: self.finish())
        self.status = QLabel(objectName="searchStatus")
        layout = QVBoxLayout(tab)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        return tab

    def _paste_tab(self) -> QWidget:
        tab = QWidget()
        self.paste_edit = QPlainTextEdit(objectName="pasteEdit")
        self.paste_edit.setPlaceholderText(self.tr("每行一人：身份证号或姓名（也可两者都有，可再加单位）。\n"
                                                   "例如：\n张三\n440106198503010035\n李四 天河区人社局"))
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("从 Excel 或文档中复制学员名单，粘贴到下面：")))
        layout.addWidget(self.paste_edit)
        return tab

    def run_search(self) -> None:
        self.results.clear()
        text = self.search_edit.text().strip()
        if not text:
            self.status.clear()
            return
        try:
            found = self.training.find_persons(text, limit=50)
        except IntegrityFilesError as exc:
            self.status.setText(describe(exc))
            return
        for person in found:
            item = QListWidgetItem(f"{person.name}    {person.id_number_masked}    {person.unit_name}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.results.addItem(item)
        self.status.setText(self.tr("找到 %n 人", "", len(found)) if found else self.tr("没有找到"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.timer.isActive():
                self.timer.stop()
                self.run_search()
            if self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def finish(self) -> None:
        if self.tabs.currentIndex() == 1:
            self.pasted = self.paste_edit.toPlainText()
            if self.pasted.strip():
                self.accept()
            return
        items = self.results.selectedItems() or ([self.results.currentItem()] if self.results.currentItem() else [])
        self.chosen = [item.data(Qt.ItemDataRole.UserRole) for item in items]
        if self.chosen:
            self.accept()
