"""The right side of 培训: one session's attendees, how to add them, and the grid of marks.

Keyboard: Ctrl+F 添加学员, Ctrl+Shift+V 粘贴名单, Ctrl+I 导入花名册, type into a cell to edit it,
Ctrl+1/2/3 mark the selected rows 合格/不合格/退学, Ctrl+S saves all edits in one transaction,
Ctrl+E exports the 签到表.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.training import AttendanceResult
from desktop_app.errors import IntegrityFilesError
from desktop_app.services.training import TrainingService
from desktop_app.services.training_roster import RosterPreview, pasted_rows
from desktop_app.services.training_rows import SessionRow
from desktop_app.ui.i18n import label
from desktop_app.ui.training.add_attendees_dialog import AddAttendeesDialog
from desktop_app.ui.training.attendance_model import RESULT_COLUMN, UNIT_COLUMN, AttendanceModel
from desktop_app.ui.training.result_delegate import ResultDelegate
from desktop_app.ui.training.roster_dialog import Reload, RosterDialog
from desktop_app.ui.training.texts import amount, describe

ROSTER_FILTER = QT_TRANSLATE_NOOP("AttendancePanel",
                                  "名单 (*.xlsx *.xlsm *.csv *.txt);;Excel (*.xlsx *.xlsm);;CSV (*.csv *.txt)")
UNIT_WIDTH = 130  # px; the full name is the cell's tooltip


class AttendancePanel(QWidget):
    changed = Signal()  # attendance was written

    def __init__(self, training: TrainingService, *, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.training = training
        self.writable = writable
        self.session: SessionRow | None = None
        self.dialog: QDialog | None = None  # the dialog last opened (tests drive it)
        self.message: QMessageBox | None = None
        # Replaceable in tests: the file dialogs block.
        self.choose_roster_file: Callable[[], str] = self._ask_roster_file
        self.choose_export_path: Callable[[str], str] = self._ask_export_path
        self.header = QLabel(objectName="sessionHeader")
        self.header.setWordWrap(True)
        self.model = AttendanceModel(self)
        self.model.editable = writable
        self.grid = QTableView(objectName="attendanceGrid")
        self.grid.setModel(self.model)
        self.grid.setItemDelegateForColumn(RESULT_COLUMN, ResultDelegate(self.grid))
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.grid.setAlternatingRowColors(True)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(UNIT_COLUMN, QHeaderView.ResizeMode.Interactive)  # keeps the marks in view
        header.resizeSection(UNIT_COLUMN, UNIT_WIDTH)
        header.setStretchLastSection(True)
        self.status = QLabel(objectName="attendanceStatus")
        self.buttons: dict[str, QPushButton] = {}
        self._layout()
        self.model.dirty_changed.connect(lambda _dirty: self._update_status())
        self.set_session(None)

    def _button(self, name: str, text: str, shortcut: str, slot: Callable[[], None], *, write: bool) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setToolTip(shortcut)
        button.clicked.connect(slot)
        button.setVisible(self.writable or not write)
        self.buttons[name] = button
        return button

    def _layout(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(self._button("addAttendees", self.tr("添加学员"), "Ctrl+F", self.add_people, write=True))
        tools.addWidget(self._button("pasteList", self.tr("粘贴名单"), "Ctrl+Shift+V", self.paste_list, write=True))
        tools.addWidget(self._button("importRoster", self.tr("导入花名册…"), "Ctrl+I", self.import_roster,
                                     write=True))
        tools.addStretch(1)
        tools.addWidget(self._button("discardMarks", self.tr("撤销修改"), "", self.discard, write=True))
        tools.addWidget(self._button("saveMarks", self.tr("保存成绩"), "Ctrl+S", self.save, write=True))
        tools.addWidget(self._button("exportSheet", self.tr("导出签到表…"), "Ctrl+E", self.export_sheet,
                                     write=False))
        hint = QLabel(self.tr("选中学员后按 Ctrl+1 合格、Ctrl+2 不合格、Ctrl+3 退学；直接输入可修改请假学时等。"
                              "脱产培训请假超过学时的1/7，保存时自动判为不合格。"))
        hint.setObjectName("gridHint")
        hint.setWordWrap(True)
        hint.setVisible(self.writable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addLayout(tools)
        layout.addWidget(self.grid, 1)
        layout.addWidget(hint)
        layout.addWidget(self.status)

    def install_shortcuts(self, scope: QWidget) -> None:
        """Bind the keys for the whole of ``scope`` (the page), so they work wherever the focus is."""
        keys: list[tuple[QKeySequence | str, Callable[[], None]]] = [("Ctrl+E", self.export_sheet)]
        if self.writable:
            keys += [("Ctrl+F", self.add_people), ("Ctrl+Shift+V", self.paste_list), ("Ctrl+I", self.import_roster),
                     (QKeySequence.StandardKey.Save, self.save),
                     ("Ctrl+1", lambda: self.mark_selected(AttendanceResult.PASSED)),
                     ("Ctrl+2", lambda: self.mark_selected(AttendanceResult.FAILED)),
                     ("Ctrl+3", lambda: self.mark_selected(AttendanceResult.WITHDRAWN))]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), scope, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- state ------------------------------------------------------------------------------

    def set_session(self, session: SessionRow | None) -> None:
        self.session = session
        for name, button in self.buttons.items():
            button.setEnabled(session is not None and name not in ("saveMarks", "discardMarks"))
        if session is None:
            self.header.setText(self.tr("请在左侧选择或新建一个课程期次。"))
            self.model.set_rows([])
        else:
            course = self.training.course(session.course_id)
            parts = [self.tr("{start} 至 {end}").format(start=session.starts_on.isoformat(),
                                                       end=session.ends_on.isoformat()),
                     session.place,
                     self.tr("授课人：{0}").format(session.trainer) if session.trainer else "",
                     self.tr("{topic} · {mode} · {hours}学时/{days}天").format(
                         topic=label(course.topic.label), mode=label(course.mode.label), hours=amount(course.hours),
                         days=amount(course.days))]
            self.header.setText(self.tr("<b>{title}</b>　{details}").format(
                title=session.course_title, details=self.tr("　").join(p for p in parts if p)))
            self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.training.attendance(self.session.id) if self.session else [])
        self._update_status()

    def _update_status(self) -> None:
        rows = self.model.rows
        counts = {r: sum(1 for a in rows if a.result is r) for r in AttendanceResult}
        text = self.tr("共 {n} 人；{counts}").format(n=len(rows), counts=self.tr("，").join(
            self.tr("{result} {n}").format(result=label(r.label), n=counts[r]) for r in AttendanceResult))
        if self.model.dirty:
            text += self.tr("　　有 {n} 人的成绩尚未保存（Ctrl+S）").format(n=len(self.model.edits))
        self.status.setText(text)
        self.buttons["saveMarks"].setEnabled(self.model.dirty)
        self.buttons["discardMarks"].setEnabled(self.model.dirty)

    # -- actions ----------------------------------------------------------------------------

    def mark_selected(self, result: AttendanceResult) -> None:
        rows = sorted({index.row() for index in self.grid.selectionModel().selectedIndexes()}
                      | ({self.grid.currentIndex().row()} if self.grid.currentIndex().isValid() else set()))
        self.model.mark_result(rows, result)

    def save(self) -> bool:
        updates = self.model.updates()
        if not updates:
            return True
        try:
            self.training.mark(updates)
        except IntegrityFilesError as exc:
            self._show_row_error(exc, [u.attendance_id for u in updates])
            return False
        self.reload()
        self.changed.emit()
        return True

    def discard(self) -> None:
        self.reload()

    def _show_row_error(self, exc: IntegrityFilesError, ids: list[object]) -> None:
        text = describe(IntegrityFilesError(exc.message, field=exc.field, code=exc.code))
        if exc.line is not None and 0 < exc.line <= len(ids):
            row = next((i for i, r in enumerate(self.model.rows) if r.id == ids[exc.line - 1]), -1)
            if row >= 0:
                self.grid.setCurrentIndex(self.model.index(row, 0))
                text = self.tr("{name}：{problem}").format(name=self.model.rows[row].name, problem=text)
        self._warn(text)

    def add_people(self) -> None:
        if self.session is None:
            return
        dialog = AddAttendeesDialog(self.training, self)
        dialog.accepted.connect(lambda: self._added(dialog))
        self._open(dialog)

    def paste_list(self) -> None:
        if self.session is None:
            return
        dialog = AddAttendeesDialog(self.training, self, paste=True)
        dialog.accepted.connect(lambda: self._added(dialog))
        self._open(dialog)

    def _added(self, dialog: AddAttendeesDialog) -> None:
        session = self.session
        if session is None:
            return
        if dialog.pasted.strip():
            rows = pasted_rows(dialog.pasted)
            source = self.tr("粘贴的名单")
            self._run(lambda: self._review(self.training.preview_roster(session.id, rows, source=source), None))
            return
        if self._run(lambda: self.training.add_attendees(session.id, dialog.chosen)):
            self.reload()
            self.changed.emit()

    def import_roster(self) -> None:
        if self.session is None:
            return
        path = self.choose_roster_file()
        if not path:
            return
        session_id = self.session.id

        def reload(encoding: str | None, sheet: str | None) -> RosterPreview:
            return self.training.preview_roster_file(session_id, Path(path), encoding=encoding, sheet=sheet)

        self._run(lambda: self._review(reload(None, None), reload))

    def _review(self, preview: RosterPreview, reload: Reload | None) -> None:
        dialog = RosterDialog(self.training, preview, reload=reload, parent=self)
        dialog.accepted.connect(self._imported)
        self._open(dialog)

    def _imported(self) -> None:
        self.reload()
        self.changed.emit()

    def export_sheet(self) -> None:
        if self.session is None:
            return
        table = self.training.sheet(self.session.id)
        path = self.choose_export_path(f"{table.title}.xlsx")
        if path:
            self._run(lambda: self.training.export_xlsx(table, Path(path)))

    # -- plumbing ---------------------------------------------------------------------------

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except IntegrityFilesError as exc:
            self._warn(describe(exc))
            return False
        return True

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("无法完成"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("trainingError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = box
        box.open()

    def _ask_roster_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择花名册"), "", self.tr(ROSTER_FILTER))
        return path

    def _ask_export_path(self, name: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出签到表"), name, "Excel (*.xlsx)")
        return path
