"""用户 (administrators): the archive's users, and adding, resetting, limiting and deactivating them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.rows import UnitRow, UserRow
from desktop_app.ui.admin.add_user_dialog import AddUserDialog
from desktop_app.ui.admin.reset_passphrase_dialog import ResetPassphraseDialog
from desktop_app.ui.admin.scope_dialog import ScopeDialog
from desktop_app.ui.admin.status_line import StatusLine
from desktop_app.ui.admin.user_table_model import UserTableModel
from desktop_app.ui.error_text import error_text


class UsersPanel(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPanel")
        self.setTitle(self.tr("用户"))
        self.services = services
        self.users = services.users
        self.dialog: QDialog | None = None
        self.confirm_box: QMessageBox | None = None
        intro = QLabel(self.tr("为新同事建立账户、为忘记口令的用户重置口令、限定用户负责的单位，或停用离岗人员的账户。"
                               "停用后建议更换数据密钥，使其手中可能留存的密钥文件副本失效。"))
        intro.setProperty("role", "hint")
        intro.setWordWrap(True)
        self.model = UserTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("新增用户…"))
        self.add_button.setObjectName("addUser")
        self.reset_button = QPushButton(self.tr("重置口令…"))
        self.reset_button.setObjectName("resetPassphrase")
        self.scope_button = QPushButton(self.tr("限定单位…"))
        self.scope_button.setObjectName("limitUnits")
        self.remove_button = QPushButton(self.tr("停用"))
        self.remove_button.setObjectName("removeUser")
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_passphrase)
        self.scope_button.clicked.connect(self.limit_units)
        self.remove_button.clicked.connect(self.remove_user)
        self.status = StatusLine()
        self.status.setObjectName("usersStatus")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.scope_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.setTabOrder(self.add_button, self.reset_button)
        self.setTabOrder(self.reset_button, self.scope_button)
        self.setTabOrder(self.scope_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.limit_units())
        self.refresh()

    # -- state ----------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Reload the rows; keep (or move to) the selected user."""
        current = self.selected()
        keep = select or (current.name if current is not None else None)
        self.model.set_rows(self.users.list())
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        usable = user is not None and user.active
        for button in (self.reset_button, self.scope_button, self.remove_button):
            button.setEnabled(usable)
        if user is not None and not user.active:
            self.remove_button.setToolTip(self.tr("该账户已停用。"))
        else:
            self.remove_button.setToolTip("")

    def _limited(self) -> bool:
        return bool(self.users.own_scope())

    def _units(self) -> list[UnitRow]:
        return self.services.units.list()

    # -- actions ------------------------------------------------------------------------

    def add_user(self) -> None:
        dialog = AddUserDialog(self.users, self._units(), limited=self._limited(), parent=self)
        dialog.accepted.connect(lambda: self._added(dialog))
        self._open(dialog)

    def _added(self, dialog: AddUserDialog) -> None:
        added = dialog.added
        if added is not None:
            self.refresh(select=added.name)
            self.status.show_ok(self.tr("已新增用户 {0}。").format(added.name))

    def reset_passphrase(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = ResetPassphraseDialog(self.users, user.name, parent=self)
        dialog.accepted.connect(lambda: self._done(self.tr("已为 {0} 重置口令。").format(user.name), user.name))
        self._open(dialog)

    def limit_units(self) -> None:
        user = self.selected()
        if user is None or not user.active:
            return
        dialog = ScopeDialog(self.users, user, self._units(), limited=self._limited(), parent=self)
        dialog.accepted.connect(lambda: self._done(self.tr("已更新 {0} 负责的单位。").format(user.name), user.name))
        self._open(dialog)

    def remove_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("停用用户"),
                          self.tr("停用 {0} 的账户？\n\n停用后此人无法再登录，其密钥槽随即删除；账户和审计记录保留。"
                                  "如此人可能留有密钥文件副本，请随后更换数据密钥。").format(user.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("removeUserConfirm")
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("停用"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        yes.clicked.connect(lambda: self._remove(user.name))
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def _remove(self, name: str) -> None:
        try:
            self.users.remove(name)
        except IntegrityFilesError as exc:
            self.status.show_error(error_text(exc))
            return
        self._done(self.tr("已停用 {0}。").format(name), name)

    def _done(self, message: str, name: str) -> None:
        self.refresh(select=name)
        self.status.show_ok(message)

    def _open(self, dialog: QDialog) -> None:
        self.status.clear_line()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
