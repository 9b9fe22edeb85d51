"""Drafts of the objection and repair forms across a lock (see desktop_app/ui/drafts.py).

Each form gives ``draft_state()``: a JSON-able dict with its ``type`` (one of ``DRAFT_TYPES``), the
ids it needs to be reopened (hex) and its field values. Evidence files are kept as their paths only,
never their bytes; after unlock the files that still exist are read again. A draft that can no
longer be reopened (the objection moved on meanwhile) is shown as text the user can copy: typed
text is never dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.rows import RecordRow
from desktop_app.ui.objections.texts import tr
from desktop_app.ui.objections.widgets import RecordPicker

FILE_OBJECTION = "objection_file"
DECIDE_OBJECTION = "objection_decide"
PROCEDURE_STEP = "procedure_step"
REPAIR_APPLY = "repair_apply"
DRAFT_TYPES = frozenset({FILE_OBJECTION, DECIDE_OBJECTION, PROCEDURE_STEP, REPAIR_APPLY})

OBJECTION, REPAIR = "objection", "repair"


# -- field helpers -----------------------------------------------------------------------------

def date_text(edit: QDateEdit | None) -> str | None:
    return edit.date().toString("yyyy-MM-dd") if edit is not None else None


def set_date(edit: QDateEdit | None, value: object) -> None:
    restored = QDate.fromString(str(value or ""), "yyyy-MM-dd")
    if edit is not None and restored.isValid():
        edit.setDate(restored)


def text_of(fields: dict[str, Any], key: str) -> str:
    value = fields.get(key)
    return value if isinstance(value, str) else ""


def select_data(combo: Any, value: object) -> None:
    """Select the item whose data equals ``value`` (a JSON value: str, bool); nothing if none does."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return


def picker_state(picker: RecordPicker) -> dict[str, Any]:
    record = picker.selected()
    return {"id_number": picker.id_edit.text(), "record_id": record.id.hex if record else None}


def restore_picker(picker: RecordPicker, fields: dict[str, Any]) -> None:
    """Look the person up again and select the drafted record; if it is no longer offered (revoked,
    under objection meanwhile), select none rather than another record."""
    id_number = text_of(fields, "id_number")
    picker.id_edit.setText(id_number)
    if not id_number.strip():
        return
    picker.lookup()
    wanted = fields.get("record_id")
    if not wanted:
        return
    for index in range(picker.combo.count()):
        row = picker.combo.itemData(index)
        if isinstance(row, RecordRow) and row.id.hex == wanted:
            picker.combo.setCurrentIndex(index)
            return
    picker.combo.setCurrentIndex(-1)


MISSING_FILES = QT_TRANSLATE_NOOP("Objections", "以下文件已不存在或无法读取，请重新选择：{files}")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Objections", "、")
FIELD_LINE = QT_TRANSLATE_NOOP("Objections", "{name}：{value}")
FIELD_BLOCK = QT_TRANSLATE_NOOP("Objections", "{name}：\n{value}")


def missing_files_text(missing: Sequence[str]) -> str:
    return tr(MISSING_FILES).format(files=tr(LIST_SEPARATOR).join(Path(p).name for p in missing))


# -- step dialogs ------------------------------------------------------------------------------

def step_key(procedure: str, step: str, row_id: uuid.UUID) -> dict[str, str]:
    """Which step of which objection or application a step dialog is for, as its opener names it."""
    return {"procedure": procedure, "step": step, "id": row_id.hex}


def parse_id(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(hex=str(value))
    except ValueError:
        return None


# -- a draft that cannot be reopened ---------------------------------------------------------------

LABELS = {
    "id_number": QT_TRANSLATE_NOOP("Objections", "身份证号"), "applicant": QT_TRANSLATE_NOOP("Objections", "申请人"),
    "received_on": QT_TRANSLATE_NOOP("Objections", "收到日期"),
    "applied_on": QT_TRANSLATE_NOOP("Objections", "申请日期"), "grounds": QT_TRANSLATE_NOOP("Objections", "异议理由"),
    "on": QT_TRANSLATE_NOOP("Objections", "日期"), "findings": QT_TRANSLATE_NOOP("Objections", "核查结论"),
    "reply": QT_TRANSLATE_NOOP("Objections", "书面答复"), "document_no": QT_TRANSLATE_NOOP("Objections", "文号"),
    "authority": QT_TRANSLATE_NOOP("Objections", "决定机关"),
    "decided_on": QT_TRANSLATE_NOOP("Objections", "决定日期"), "facts": QT_TRANSLATE_NOOP("Objections", "事实"),
    "statement": QT_TRANSLATE_NOOP("Objections", "申请说明"), "text": QT_TRANSLATE_NOOP("Objections", "文字"),
    "files": QT_TRANSLATE_NOOP("Objections", "证据材料"), "proof": QT_TRANSLATE_NOOP("Objections", "履行义务证明"),
    "commitment": QT_TRANSLATE_NOOP("Objections", "信用修复承诺书"),
}


def draft_text(draft: dict[str, Any]) -> str:
    """What the user had typed, as plain text to copy (ids and the settings of choices left out)."""
    fields = draft.get("fields")
    fields = fields if isinstance(fields, dict) else {}
    parts: list[str] = []
    heading = " — ".join(str(draft[k]) for k in ("title", "summary") if isinstance(draft.get(k), str) and draft[k])
    if heading:
        parts.append(heading)
    for key, value in fields.items():
        if isinstance(value, list):
            value = "\n".join(str(v) for v in value)
        if not isinstance(value, str) or not value.strip():
            continue
        name = tr(LABELS[key]) if key in LABELS else key
        template = FIELD_BLOCK if "\n" in value or len(value) > 40 else FIELD_LINE
        parts.append(tr(template).format(name=name, value=value))
    return "\n\n".join(parts)


class UnrestoredDraftDialog(QDialog):
    """Says a form could not be reopened after unlock and shows what was typed, selectable and
    copyable. Locking again keeps the draft (``draft_state``), so the text survives that too."""

    def __init__(self, draft: dict[str, Any], reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.setObjectName("unrestoredDraftDialog")
        self.setWindowTitle(self.tr("未能恢复草稿"))
        self.setMinimumWidth(480)
        self.message = QLabel(self.tr("锁定前未完成的表单无法重新打开：{reason}\n"
                                      "下面是当时填写的内容，可复制后另行使用。").format(reason=reason))
        self.message.setWordWrap(True)
        self.text = QPlainTextEdit(draft_text(draft))
        self.text.setObjectName("draftText")
        self.text.setReadOnly(True)
        self.text.selectAll()
        copy = QPushButton(self.tr("复制全部"))
        copy.setObjectName("copyDraftText")
        copy.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def draft_state(self) -> dict[str, Any]:
        return self.draft


def offer_draft_text(parent: QWidget | None, draft: dict[str, Any], reason: str) -> UnrestoredDraftDialog:
    dialog = UnrestoredDraftDialog(draft, reason, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
