"""信用修复: the list of applications, and apply / accept / refuse / decide 准予 or 不予."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QPushButton, QWidget

from desktop_app.domain.permissions import Permission
from desktop_app.domain.repair import RepairAction, RepairOutcome
from desktop_app.services import Services
from desktop_app.services.repair import RepairRow, RepairService
from desktop_app.ui.i18n import format_date, label
from desktop_app.ui.objections.details import repair_html
from desktop_app.ui.objections.form_drafts import REPAIR, step_key
from desktop_app.ui.objections.procedure_tab import ALL, OVERDUE, ProcedureTab
from desktop_app.ui.objections.repair_apply_dialog import RepairApplyDialog
from desktop_app.ui.objections.step_dialog import StepDialog
from desktop_app.ui.objections.table_model import due_text
from desktop_app.ui.rows_model import Column

COLUMNS: list[Column[RepairRow]] = [
    Column(str(QT_TRANSLATE_NOOP("Columns", "姓名")), lambda a: a.person_name),
    Column(str(QT_TRANSLATE_NOOP("Columns", "记录文号")), lambda a: a.document_no),
    Column(str(QT_TRANSLATE_NOOP("Columns", "状态")), lambda a: label(a.state.label)),
    Column(str(QT_TRANSLATE_NOOP("Columns", "办理期限")), lambda a: due_text(a.deadline),
           lambda a: a.deadline.warning or due_text(a.deadline)),
    Column(str(QT_TRANSLATE_NOOP("Columns", "申请日期")), lambda a: format_date(a.applied_on)),
    Column(str(QT_TRANSLATE_NOOP("Columns", "严重程度")), lambda a: label(a.severity.label)),
    Column(str(QT_TRANSLATE_NOOP("Columns", "单位")), lambda a: a.unit_name),
]


class RepairsTab(ProcedureTab[RepairRow]):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self.setObjectName("repairsTab")
        self.services = services
        self.service = RepairService(services.ctx)
        may_write = services.ctx.may(Permission.REPAIR_WRITE)
        may_decide = services.ctx.may(Permission.REPAIR_DECIDE)
        reviewer_tip = self.tr("只有审核员可以作出此决定。")
        self.apply_button = QPushButton(self.tr("申请信用修复…"))
        self.apply_button.setObjectName("applyRepair")
        self.apply_button.setEnabled(may_write)
        if not may_write:
            self.apply_button.setToolTip(self.tr("只有录入员可以登记修复申请。"))
        self.apply_button.clicked.connect(self.open_apply)
        self.top.addWidget(self.apply_button)
        self.add_step("acceptRepair", self.tr("受理"), self.accept_row, lambda a: RepairAction.ACCEPT in a.actions,
                      allowed=may_decide, denied_tip=reviewer_tip)
        self.add_step("refuseRepair", self.tr("不予受理…"), self.refuse_row,
                      lambda a: RepairAction.REFUSE in a.actions, allowed=may_decide, denied_tip=reviewer_tip)
        self.add_step("decideRepair", self.tr("作出决定…"), self.decide_row,
                      lambda a: RepairAction.GRANT in a.actions, allowed=may_decide, denied_tip=reviewer_tip)
        self.steps.addStretch(1)
        self.add_step("saveRepairFile", self.tr("另存附件…"), self.save_file, lambda a: bool(a.attachments),
                      allowed=True, denied_tip="")

    def fetch(self, which: str) -> list[RepairRow]:
        if which == OVERDUE:
            return self.service.overdue()
        return self.service.search(open_only=which != ALL, limit=500)

    def describe_row(self, row: RepairRow) -> str:
        return repair_html(row)

    def open_apply(self) -> None:
        dialog = RepairApplyDialog(self.services, self)
        if dialog.exec() and dialog.saved is not None:
            self.done(dialog.saved, {"repair"})

    def accept_row(self, row: RepairRow) -> None:
        self._step("accept", self.tr("受理修复申请"), row, lambda _c, _t, on: self.service.accept(row.id, on=on), None,
                   self.tr("受理"))

    def refuse_row(self, row: RepairRow) -> None:
        self._step("refuse", self.tr("不予受理"), row,
                   lambda _c, text, on: self.service.refuse(row.id, reason=text, on=on), self.tr("理由："),
                   self.tr("不予受理"))

    def decide_row(self, row: RepairRow) -> None:
        choices = [(self.tr("准予修复"), RepairOutcome.GRANTED.value),
                   (self.tr("不予修复"), RepairOutcome.DENIED.value)]
        self._step("decide", self.tr("作出修复决定"), row,
                   lambda choice, text, on: self.service.decide(row.id, outcome=str(choice), reason=text, on=on),
                   self.tr("理由："), self.tr("决定"), choices=choices)

    def save_file(self, row: RepairRow) -> None:
        self.save_attachment(row.attachments, self.service.evidence_content)

    def _step(self, step: str, title: str, row: RepairRow, action: object, text_label: str | None, ok: str,
              choices: list[tuple[str, str]] | None = None) -> None:
        summary = self.tr("{name}　{doc}　{state}").format(name=row.person_name, doc=row.document_no,
                                                          state=label(row.state.label))
        dialog = StepDialog(title, summary, action, today=self.services.ctx.today(), text_label=text_label,  # type: ignore[arg-type]
                            choices=choices or (), ok_text=ok, draft_key=step_key(REPAIR, step, row.id), parent=self)
        if dialog.exec():
            self.done(dialog.result_row, {"repair", "record"})
