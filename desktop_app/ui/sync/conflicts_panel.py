"""冲突: values that lost a merge, side by side with the value kept; 保留当前值 / 恢复此值.

An edit made on another device after the record was revoked can only be acknowledged: a revoked
record stays revoked (the service refuses anything else too).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Permission
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.sync import ConflictRow
from desktop_app.ui.messages import show_error
from desktop_app.ui.sync.conflict_model import REVOKE, ConflictTableModel, fields_text, kept_text, lost_text, who_text
from desktop_app.ui.sync.conflict_values import field_label, hlc_time


class ConflictsPanel(QWidget):
    resolved = Signal(object)       # the entities changed (for ArchiveEvents)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.may_resolve = services.ctx.may(Permission.RECORD_WRITE)
        self.own_device = services.ctx.archive.device_id
        self.model = ConflictTableModel(self.own_device, self)
        self.table = QTableView()
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)   # whose file takes what is left
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty_label = QLabel(self.tr("没有待处理的冲突。"))
        self.empty_label.setObjectName("noConflicts")
        self.empty_label.setProperty("role", "hint")
        self.kept_box, self.kept_value = _value_box(self.tr("当前值（档案中现在的值）"))
        self.lost_box, self.lost_value = _value_box(self.tr("未采用的修改"))
        self.detail_label = QLabel()
        self.detail_label.setProperty("role", "hint")
        self.detail_label.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("保留当前值"))
        self.keep_button.setObjectName("keepCurrent")
        self.keep_button.clicked.connect(lambda: self.resolve("kept"))
        self.restore_button = QPushButton(self.tr("恢复此值"))
        self.restore_button.setObjectName("restoreLost")
        self.restore_button.clicked.connect(lambda: self.resolve("lost"))
        side = QHBoxLayout()
        side.addWidget(self.kept_box, 1)
        side.addWidget(self.lost_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.detail_label, 1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 3)
        layout.addLayout(side, 1)
        layout.addLayout(buttons)
        self.busy = False
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.services.sync.conflicts())
        self.empty_label.setVisible(self.model.rowCount() == 0)
        for column in range(1, self.model.columnCount()):
            self.table.resizeColumnToContents(column)
        for column, most in ((1, 120), (2, 120), (3, 180), (4, 130)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def set_busy(self, busy: bool) -> None:
        """No resolving while a sync or an import may be changing the same rows."""
        self.busy = busy
        self._selection_changed()

    def selected(self) -> list[ConflictRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [c for c in (self.model.row_at(r) for r in rows) if c is not None]

    def resolve(self, choice: str) -> int:
        """Resolve every selected conflict; returns how many were resolved."""
        done, entities = 0, set()
        for conflict in self.selected():
            if choice == "lost" and conflict.kind == REVOKE:
                continue
            try:
                self.services.sync.resolve_conflict(conflict.id, choice)
            except IntegrityFilesError as exc:
                show_error(self, exc)
                break
            done += 1
            entities.add(conflict.entity)
        self.refresh()
        if done:
            self.resolved.emit(entities)
        return done

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        current = chosen[0] if chosen else None
        self.kept_value.setText(kept_text(current) if current else "")
        self.lost_value.setText(lost_text(current) if current else "")
        revoke = current is not None and current.kind == REVOKE
        if current is None:
            self.detail_label.clear()
        elif revoke:
            self.detail_label.setText(self.tr("{0}：该记录已被撤销，{1} 随后在另一台设备上修改了{2}。"
                                              "修改已保留在历史中，记录保持撤销；请确认知悉。").format(
                current.subject, who_text(current, self.own_device), fields_text(current)))
        else:
            self.detail_label.setText(self.tr("{0}的“{1}”被两处同时修改；{2} 于 {3} 的修改未被采用。").format(
                current.subject, field_label(current.field), who_text(current, self.own_device),
                hlc_time(current.lost_hlc)))
        self.keep_button.setText(self.tr("确认知悉") if revoke else self.tr("保留当前值"))
        allowed = self.may_resolve and not self.busy and bool(chosen)
        self.keep_button.setEnabled(allowed)
        self.restore_button.setEnabled(allowed and all(c.kind != REVOKE for c in chosen))
        if not self.may_resolve:
            reason = self.tr("您的角色只能查看冲突，不能处理。")
        elif self.busy:
            reason = self.tr("正在同步，请稍候。")
        elif revoke:
            reason = self.tr("记录已被撤销：撤销后所做的修改只能确认知悉，不能恢复。")
        else:
            reason = self.tr("把档案中的值改回这条未采用的修改（作为一次新的修改同步到各处）。")
        self.restore_button.setToolTip(reason)
        self.keep_button.setToolTip(reason if not allowed else self.tr("保留档案中现在的值，关闭这条冲突。"))


def _value_box(title: str) -> tuple[QFrame, QLabel]:
    box = QFrame()
    box.setFrameShape(QFrame.Shape.StyledPanel)
    heading = QLabel(title)
    heading.setProperty("role", "heading")
    value = QLabel()
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    grid = QGridLayout(box)
    grid.addWidget(heading, 0, 0)
    grid.addWidget(value, 1, 0)
    grid.setRowStretch(2, 1)
    return box, value
