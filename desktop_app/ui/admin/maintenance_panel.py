"""备份与密钥: an encrypted backup to a chosen file, and rotating the data key. Both run in the task
runner's worker, never on the GUI thread; a refusal reads as a sentence on the panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Permission
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.store.keyslots import key_path_for
from desktop_app.ui.admin.status_line import StatusLine
from desktop_app.ui.error_text import error_text
from desktop_app.ui.messages import show_error
from desktop_app.ui.tasks import Task, TaskRunner


def default_backup_path(services: Services) -> Path:
    """``<archive stem>-YYYY-MM-DD.db`` beside the archive (the user picks where it really goes)."""
    path = services.ctx.archive.path
    return path.with_name(f"{path.stem}-{services.ctx.today():%Y-%m-%d}.db")


class MaintenancePanel(QGroupBox):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maintenancePanel")
        self.setTitle(self.tr("备份与密钥"))
        self.services = services
        self.runner = runner
        self.task: Task | None = None
        self.confirm_box: QMessageBox | None = None
        self.choose_backup_path: Callable[[Path], str] = self._ask_backup_path
        may = services.ctx.may
        self.backup_button: QPushButton | None = None
        self.rekey_button: QPushButton | None = None
        layout = QVBoxLayout(self)
        if may(Permission.ARCHIVE_BACKUP):
            self.backup_button = QPushButton(self.tr("备份到…"))
            self.backup_button.setObjectName("backupArchive")
            self.backup_button.clicked.connect(self.backup)
            layout.addLayout(self._row(self.backup_button, self.tr(
                "写一份加密的备份（与档案库使用同一数据密钥），密钥文件（.keys）和校验文件（.head）写在旁边；"
                "凭各自现在的口令即可打开。这几个文件请一起妥善保存。")))
        if may(Permission.ARCHIVE_REKEY):
            self.rekey_button = QPushButton(self.tr("更换数据密钥…"))
            self.rekey_button.setObjectName("rekeyArchive")
            self.rekey_button.clicked.connect(self.confirm_rekey)
            layout.addLayout(self._row(self.rekey_button, self.tr(
                "重新加密整个档案库，例如在停用用户之后：旧的密钥文件副本随即失效。每位用户的口令不变。")))
        shown = [b for b in (self.backup_button, self.rekey_button) if b is not None]
        width = max((b.sizeHint().width() for b in shown), default=0) + 16
        for button in shown:
            button.setMinimumWidth(width)  # the two buttons line up, and so do their texts
        self.progress = QProgressBar()
        self.progress.setObjectName("maintenanceBusy")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.status = StatusLine()
        self.status.setObjectName("maintenanceStatus")
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

    def _row(self, button: QPushButton, hint: str) -> QHBoxLayout:
        text = QLabel(hint)
        text.setProperty("role", "hint")
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addWidget(text, 1)
        return row

    # -- backup -------------------------------------------------------------------------

    def backup(self) -> bool:
        if self.task is not None:
            return False
        chosen = self.choose_backup_path(default_backup_path(self.services))
        if not chosen:
            return False
        dest = Path(chosen)
        if not dest.suffix:
            dest = dest.with_suffix(".db")
        maintenance = self.services.maintenance
        self._start(Task(lambda _p, _c: maintenance.backup(dest), "backup", writes=True),
                    self.tr("正在备份到 {0}…").format(dest), self._backed_up)
        return True

    def _ask_backup_path(self, default: Path) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("备份到"), str(default), self.tr("档案库 (*.db)"))
        return path

    def _backed_up(self, dest: Path) -> None:
        self.status.show_ok(self.tr("备份已写入 {0}，密钥文件写入 {1}。").format(dest, key_path_for(dest)))

    # -- rekey --------------------------------------------------------------------------

    def confirm_rekey(self) -> None:
        if self.task is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("更换数据密钥"),
                          self.tr("更换前请关闭本档案库的其他会话（例如另一个窗口或命令行）。"
                                  "只要还有其他会话开着，更换就会被拒绝，档案库不会改变。\n\n"
                                  "每位用户继续使用自己现在的口令；已停用用户留下的密钥文件副本将无法再打开档案库。\n\n"
                                  "现在更换数据密钥吗？"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("rekeyConfirm")
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("更换数据密钥"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        yes.clicked.connect(self.rekey)
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def rekey(self) -> bool:
        if self.task is not None:
            return False
        maintenance = self.services.maintenance
        self._start(Task(lambda _p, _c: maintenance.rekey(), "rekey", writes=True),
                    self.tr("正在更换数据密钥…"), self._rekeyed)
        return True

    def _rekeyed(self, _result: object) -> None:
        self.status.show_ok(self.tr("数据密钥已更换。每位用户继续使用自己现在的口令。"))

    # -- the worker ---------------------------------------------------------------------

    def _start(self, task: Task, busy_text: str, done: Callable[..., None]) -> None:
        task.signals.succeeded.connect(done)
        task.signals.failed.connect(self._failed)
        task.signals.ended.connect(self._ended)
        self.task = task
        self._set_busy(True)
        self.status.show_plain(busy_text)
        self.runner.start(task)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, IntegrityFilesError):
            self.status.show_error(error_text(exc))
        else:
            self.status.show_error(self.tr("操作未能完成。"))
            show_error(self, exc)  # unexpected: the crash dialog, with details to copy

    def _ended(self) -> None:
        self.task = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in (self.backup_button, self.rekey_button):
            if button is not None:
                button.setEnabled(not busy)
