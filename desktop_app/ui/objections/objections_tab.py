"""异议: the list of objections, and register / accept / refuse / verify / decide / override."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from desktop_app.domain.objections import ObjectionAction
from desktop_app.domain.permissions import Permission
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.objections import ObjectionRow, ObjectionService
from desktop_app.ui.i18n import format_date, label
from desktop_app.ui.objections.decide_objection_dialog import DecideObjectionDialog
from desktop_app.ui.objections.details import objection_html
from desktop_app.ui.objections.file_objection_dialog import FileObjectionDialog
from desktop_app.ui.objections.form_drafts import OBJECTION, step_key
from desktop_app.ui.objections.procedure_tab import ALL, OVERDUE, ProcedureTab
from desktop_app.ui.objections.step_dialog import StepDialog
from desktop_app.ui.objections.table_model import due_text
from desktop_app.ui.objections.texts import describe
from desktop_app.ui.rows_model import Column

COLUMNS: list[Column[ObjectionRow]] = [
    Column(str(QT_TRANSLATE_NOOP("Columns", "姓名")), lambda o: o.person_name),
    Column(str(QT_TRANSLATE_NOOP("Columns", "记录文号")), lambda o: o.document_no),
    Column(str(QT_TRANSLATE_NOOP("Columns", "状态")), lambda o: label(o.state.label)),
    Column(str(QT_TRANSLATE_NOOP("Columns", "办理期限")), lambda o: due_text(o.deadline),
           lambda o: o.deadline.warning or due_text(o.deadline)),
    Column(str(QT_TRANSLATE_NOOP("Columns", "收到日期")), lambda o: format_date(o.received_on)),
    Column(str(QT_TRANSLATE_NOOP("Columns", "处理结果")), lambda o: label(o.outcome.label) if o.outcome else ""),
    Column(str(QT_TRANSLATE_NOOP("Columns", "单位")), lambda o: o.unit_name),
]

A = ObjectionAction


class ObjectionsTab(ProcedureTab[ObjectionRow]):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self.setObjectName("objectionsTab")
        self.services = services
        self.service = ObjectionService(services.ctx)
        may_write = services.ctx.may(Permission.OBJECTION_WRITE)
        may_decide = services.ctx.may(Permission.OBJECTION_DECIDE)
        clerk_tip = self.tr("只有录入员可以办理此步骤。")
        reviewer_tip = self.tr("只有审核员可以作出此决定。")
        self.file_button = QPushButton(self.tr("登记异议…"))
        self.file_button.setObjectName("fileObjection")
        self.file_button.setEnabled(may_write)
        if not may_write:
            self.file_button.setToolTip(clerk_tip)
        self.file_button.clicked.connect(self.open_file)
        self.top.addWidget(self.file_button)
        self.add_step("acceptObjection", self.tr("受理"), self.accept_row, lambda o: A.ACCEPT in o.actions,
                      allowed=may_decide, denied_tip=reviewer_tip)
        self.add_step("refuseObjection", self.tr("不予受理…"), self.refuse_row, lambda o: A.REFUSE in o.actions,
                      allowed=may_decide, denied_tip=reviewer_tip)
        self.add_step("verifyObjection", self.tr("转提供单位核查"), self.verify_row, lambda o: A.VERIFY in o.actions,
                      allowed=may_write, denied_tip=clerk_tip)
        self.add_step("decideObjection", self.tr("办结…"), self.decide_row, lambda o: A.DECIDE in o.actions,
                      allowed=may_decide, denied_tip=reviewer_tip)
        self.add_step("overrideObjection", self.tr("评优限制…"), self.override_row, lambda o: o.is_open,
                      allowed=may_decide, denied_tip=reviewer_tip)
        self.steps.addStretch(1)
        self.add_step("addEvidence", self.tr("添加证据…"), self.add_evidence, lambda o: o.is_open,
                      allowed=may_write, denied_tip=clerk_tip)
        self.add_step("saveEvidence", self.tr("另存附件…"), self.save_evidence, lambda o: bool(o.attachments),
                      allowed=True, denied_tip="")

    def fetch(self, which: str) -> list[ObjectionRow]:
        if which == OVERDUE:
            return self.service.overdue()
        return self.service.search(open_only=which != ALL, limit=500)

    def describe_row(self, row: ObjectionRow) -> str:
        return objection_html(row)

    # -- steps ----------------------------------------------------------------------------------

    def open_file(self) -> None:
        dialog = FileObjectionDialog(self.services, self)
        if dialog.exec() and dialog.saved is not None:
            self.done(dialog.saved, {"objection", "record"})

    def accept_row(self, row: ObjectionRow) -> None:
        self._step("accept", self.tr("受理异议"), row, lambda _c, _t, on: self.service.accept(row.id, on=on), None,
                   self.tr("受理"))

    def verify_row(self, row: ObjectionRow) -> None:
        self._step("verify", self.tr("转提供单位核查"), row,
                   lambda _c, _t, on: self.service.start_verification(row.id, on=on), None, self.tr("转核查"))

    def refuse_row(self, row: ObjectionRow) -> None:
        self._step("refuse", self.tr("不予受理"), row,
                   lambda _c, text, on: self.service.refuse(row.id, reply=text, on=on),
                   self.tr("书面答复："), self.tr("不予受理"), text_field="reply")

    def override_row(self, row: ObjectionRow) -> None:
        choices = [(self.tr("异议期间仍限制评优评先"), True), (self.tr("异议期间不作限制（默认）"), False)]
        dialog = StepDialog(self.tr("评优评先限制"), self._summary(row),
                            lambda choice, text, _on: self.service.override_restriction(row.id, restrict=bool(choice),
                                                                                       reason=text),
                            today=None, text_label=self.tr("理由："), choices=choices, ok_text=self.tr("保存"),
                            draft_key=step_key(OBJECTION, "override", row.id), parent=self)
        dialog.choice.setCurrentIndex(1 if row.restricts_awards else 0)
        if dialog.exec():
            self.done(dialog.result_row, {"objection", "record"})

    def decide_row(self, row: ObjectionRow) -> None:
        dialog = DecideObjectionDialog(self.services, row, self)
        if dialog.exec() and dialog.saved is not None:
            self.done(dialog.saved, {"objection", "record"})

    def add_evidence(self, row: ObjectionRow) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择证据文件"))
        if not paths:
            return
        try:
            updated = self.service.add_evidence(row.id, [EvidenceFile.from_path(p) for p in paths])
        except IntegrityFilesError as exc:
            QMessageBox.warning(self, self.tr("无法添加"), describe(exc))
            return
        self.done(updated, {"objection"})

    def save_evidence(self, row: ObjectionRow) -> None:
        self.save_attachment(row.attachments, self.service.evidence_content)

    def _summary(self, row: ObjectionRow) -> str:
        return self.tr("{name}　{doc}　{state}").format(name=row.person_name, doc=row.document_no,
                                                       state=label(row.state.label))

    def _step(self, step: str, title: str, row: ObjectionRow, action: object, text_label: str | None, ok: str,
              text_field: str = "reason") -> None:
        dialog = StepDialog(title, self._summary(row), action, today=self.services.ctx.today(),  # type: ignore[arg-type]
                            text_label=text_label, text_field=text_field, ok_text=ok,
                            draft_key=step_key(OBJECTION, step, row.id), parent=self)
        if dialog.exec():
            self.done(dialog.result_row, {"objection", "record"})
