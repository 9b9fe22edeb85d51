"""Small pieces the objection and repair dialogs share: a date field, a list of files to attach,
and a picker that finds a person's records by ID number."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Polarity, RecordState
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.rows import RecordRow
from desktop_app.ui.i18n import format_date, label
from desktop_app.ui.objections.texts import describe


def date_edit(default: date) -> QDateEdit:
    edit = QDateEdit(QDate(default.year, default.month, default.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate(default.year, default.month, default.day))
    return edit


def date_of(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class FileList(QWidget):
    """Files picked for attaching; read into memory at once (never copied anywhere on disk). Each
    remembers where it came from, so a draft can name the files (never hold their bytes) and pick
    them again after an unlock (``restore``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._files: list[tuple[str, EvidenceFile]] = []  # (absolute path, its content)
        self.list = QListWidget()
        self.list.setObjectName("fileList")
        self.list.setMaximumHeight(90)
        add = QPushButton(self.tr("添加文件…"))
        add.setObjectName("addFiles")
        remove = QPushButton(self.tr("移除"))
        add.clicked.connect(self._choose)
        remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        # A file that cannot be attached is said below the list, never as a line in it: the list's
        # rows stay the files, so 移除 removes the file that is selected.
        self.problem = QLabel()
        self.problem.setObjectName("fileProblem")
        self.problem.setProperty("role", "fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        outer.addWidget(self.problem)

    def add_paths(self, paths: list[str]) -> None:
        """Read each file; one that cannot be read raises, leaving the earlier ones listed."""
        try:
            for path in paths:
                file = EvidenceFile.from_path(Path(path))
                self._files.append((str(Path(path).absolute()), file))
                self.list.addItem(QListWidgetItem(self.tr("{name}（{size}）").format(name=file.file_name,
                                                                                   size=_size(len(file.data)))))
        finally:
            self.changed.emit()

    def files(self) -> tuple[EvidenceFile, ...]:
        return tuple(file for _path, file in self._files)

    @property
    def paths(self) -> list[str]:
        return [path for path, _file in self._files]

    def restore(self, paths: object) -> list[str]:
        """Pick drafted files again; return the ones that are gone or cannot be read."""
        missing: list[str] = []
        for path in paths if isinstance(paths, list) else []:
            if not isinstance(path, str):
                continue
            try:
                if not Path(path).is_file():
                    raise OSError(path)
                self.add_paths([path])
            except (OSError, IntegrityFilesError):  # gone, unreadable, too large: name it, go on
                missing.append(path)
        return missing

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择文件"), "",
                                                self.tr("证明材料 (*.pdf *.jpg *.jpeg *.png *.tif *.ofd *.doc *.docx);;"
                                                        "所有文件 (*)"))
        try:
            self.add_paths(paths)
        except IntegrityFilesError as exc:
            self.problem.setText(describe(exc))
            self.problem.show()
        else:
            self.problem.hide()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._files):
            del self._files[row]
            self.list.takeItem(row)
            self.changed.emit()


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


class RecordPicker(QWidget):
    """身份证号 → that person's records the procedure applies to (active 失信 records)."""

    changed = Signal()

    def __init__(self, services: Services, accept: Callable[[RecordRow], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.accept = accept or (lambda r: r.polarity is Polarity.DISHONEST and r.state is RecordState.ACTIVE)
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("idNumber")
        self.id_edit.setPlaceholderText(self.tr("输入身份证号后按回车"))
        self.find_button = QPushButton(self.tr("查找"))
        self.find_button.setObjectName("findPerson")
        self.person_label = QLabel()
        self.person_label.setProperty("role", "hint")
        self.person_label.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setObjectName("recordChoice")
        self.combo.setMinimumWidth(360)
        self.id_edit.returnPressed.connect(self.lookup)
        self.find_button.clicked.connect(self.lookup)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.id_edit, 1)
        top.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.person_label)
        layout.addWidget(self.combo)

    def lookup(self) -> None:
        self.combo.clear()
        try:
            file = self.services.persons.show(self.id_edit.text())
        except IntegrityFilesError as exc:
            self.person_label.setText(describe(exc))
            self.changed.emit()
            return
        records = [r for r in file.records if self.accept(r)]
        self.person_label.setText(self.tr("{name}　{unit}　可选记录 {n} 条").format(
            name=file.person.name, unit=file.person.unit_name, n=len(records)))
        for r in records:
            self.combo.addItem(self.tr("{day}　{kind}　{doc}　{state}").format(
                day=format_date(r.decided_on), kind=label(r.kind.label), doc=r.document_no,
                state=label(r.display_state)), r)
        self.changed.emit()

    def selected(self) -> RecordRow | None:
        row = self.combo.currentData()
        return row if isinstance(row, RecordRow) else None
