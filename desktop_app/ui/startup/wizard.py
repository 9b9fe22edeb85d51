"""First run: create an archive (location, office, admin and passphrase) or open an existing one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.domain.users import check_passphrase, check_user_name
from desktop_app.errors import IntegrityFilesError, ValidationError
from desktop_app.store.archive import Archive, SignedInUser
from desktop_app.ui.field_errors import FieldErrors
from desktop_app.ui.startup.passphrase_strength import PassphraseMeter
from desktop_app.ui.wait_cursor import wait_cursor

START, CREATE, RECOVERY, OPEN = range(4)


class ArchiveWizard(QWizard):
    """After ``exec``/``accepted``: ``created`` (archive, admin) or ``open_path`` is set."""

    def __init__(self, default_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("公务员诚信档案 — 开始使用"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(620, 480)
        self.created: tuple[Archive, SignedInUser] | None = None
        self.open_path: Path | None = None
        self.start_page = StartPage()
        self.create_page = CreatePage(self, default_dir)
        self.recovery_page = RecoveryPage()
        self.open_page = OpenPage(default_dir)
        for page_id, page in ((START, self.start_page), (CREATE, self.create_page),
                              (RECOVERY, self.recovery_page), (OPEN, self.open_page)):
            self.setPage(page_id, page)
        self.setStartId(START)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("退出"))

    def accept(self) -> None:
        if self.currentId() == OPEN:
            self.open_path = self.open_page.path()
        super().accept()


class StartPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("欢迎使用公务员诚信档案"))
        self.setSubTitle(self.tr("档案库是一个加密文件，只有持有口令的用户才能打开。"))
        self.create_radio = QRadioButton(self.tr("新建档案库（首次使用）"))
        self.open_radio = QRadioButton(self.tr("打开已有的档案库"))
        self.create_radio.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create_radio)
        layout.addWidget(self.open_radio)
        layout.addStretch(1)

    def nextId(self) -> int:
        return CREATE if self.create_radio.isChecked() else OPEN


class CreatePage(QWizardPage):
    def __init__(self, wizard: ArchiveWizard, default_dir: Path) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("新建档案库"))
        self.setSubTitle(self.tr("请记住口令：口令丢失后只能用恢复密钥找回。"))
        self.errors = FieldErrors()
        self.path_edit = QLineEdit(str(default_dir / "诚信档案.db"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        self.office_edit = QLineEdit()
        self.office_edit.setPlaceholderText(self.tr("例如：广州市天河区人力资源和社会保障局"))
        self.admin_edit = QLineEdit("admin")
        self.pass_edit = QLineEdit()
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PassphraseMeter()
        self.pass_edit.textChanged.connect(self.meter.update_for)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("档案库文件："), path_row)
        form.addRow("", self.errors.register("archive", self.path_edit))
        form.addRow(self.tr("单位名称："), self.office_edit)
        form.addRow(self.tr("管理员用户名："), self.admin_edit)
        form.addRow("", self.errors.register("user", self.admin_edit))
        form.addRow(self.tr("口令："), self.pass_edit)
        form.addRow("", self.meter)
        form.addRow("", self.errors.register("passphrase", self.pass_edit))
        form.addRow(self.tr("再次输入口令："), self.confirm_edit)
        form.addRow("", self.errors.register("confirm", self.confirm_edit))
        hint = QLabel(self.tr("口令至少 10 个字符；一句容易记住的话（可含中文）比复杂的短口令更安全。"))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        form.addRow("", hint)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("档案库文件"), self.path_edit.text(),
                                              self.tr("档案库 (*.db)"))
        if name:
            self.path_edit.setText(name)

    def validatePage(self) -> bool:
        self.errors.clear()
        path = Path(self.path_edit.text().strip()).expanduser()
        try:
            check_user_name(self.admin_edit.text().strip())
            check_passphrase(self.pass_edit.text())
            if self.pass_edit.text() != self.confirm_edit.text():
                self.errors.show_text("confirm", self.tr("两次输入的口令不一致。"))
                return False
            if not self.path_edit.text().strip():
                raise ValidationError("archive path is required", field="archive")
            path.parent.mkdir(parents=True, exist_ok=True)
            with wait_cursor():
                archive, user, recovery_key = Archive.create(
                    path, admin_name=self.admin_edit.text().strip(),
                    admin_passphrase=self.pass_edit.text(), office_name=self.office_edit.text().strip())
        except IntegrityFilesError as exc:
            if not self.errors.show(exc):
                self.errors.show(IntegrityFilesError(exc.message, field="archive", code=exc.code))
            return False
        except OSError:
            self.errors.show_text("archive", self.tr("无法在该位置建立文件，请换一个文件夹。"))
            return False
        self.pass_edit.clear()
        self.confirm_edit.clear()
        self._wizard.created = (archive, user)
        self._wizard.recovery_page.set_key(recovery_key)
        return True

    def nextId(self) -> int:
        return RECOVERY


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("恢复密钥"))
        self.setSubTitle(self.tr("恢复密钥只显示这一次。请抄写或打印后锁入保险柜；管理员忘记口令时用它找回档案库。"))
        self.key_edit = QLineEdit()
        self.key_edit.setReadOnly(True)
        self.key_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        copy = QPushButton(self.tr("复制"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.key_edit.text()))
        self.confirm = QCheckBox(self.tr("我已抄写恢复密钥并妥善保管"))
        self.confirm.toggled.connect(self.completeChanged)
        row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(copy)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self.setCommitPage(True)

    def set_key(self, key: str) -> None:
        self.key_edit.setText(key)
        self.key_edit.setCursorPosition(0)

    def isComplete(self) -> bool:
        return self.confirm.isChecked()

    def nextId(self) -> int:
        return -1


class OpenPage(QWizardPage):
    def __init__(self, default_dir: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("打开已有的档案库"))
        self.setSubTitle(self.tr("选择档案库文件（.db）；同一文件夹中须有它的密钥文件（.db.keys）。"))
        self.errors = FieldErrors()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(str(default_dir / "诚信档案.db"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("档案库文件："), row)
        form.addRow("", self.errors.register("archive", self.path_edit))
        self._default_dir = default_dir

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("档案库文件"), str(self._default_dir),
                                              self.tr("档案库 (*.db)"))
        if name:
            self.path_edit.setText(name)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def validatePage(self) -> bool:
        self.errors.clear()
        path = self.path()
        if not self.path_edit.text().strip() or not path.is_file():
            self.errors.show_text("archive", self.tr("找不到该档案库文件。"))
            return False
        if not path.with_name(path.name + ".keys").is_file():
            self.errors.show_text("archive", self.tr("档案库旁的密钥文件（.keys）缺失。"))
            return False
        return True

    def nextId(self) -> int:
        return -1


