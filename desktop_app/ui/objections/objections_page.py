"""异议与修复: objections, credit repair applications and the policy settings, one tab each.

The main window builds it with ``ObjectionsPage(services)`` (and may pass its ``ArchiveEvents`` so
the person pages refresh when a decision changes a record).

After an unlock, ``restore_draft`` reopens a form that was open at the lock with what had been
typed; if the objection or application no longer allows that step, it shows the typed text instead.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.objections import ObjectionAction
from desktop_app.domain.permissions import Permission
from desktop_app.domain.repair import RepairAction, RepairOutcome
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.objections import ObjectionRow, ObjectionService
from desktop_app.services.repair import RepairRow, RepairService
from desktop_app.ui.i18n import label
from desktop_app.ui.objections.decide_objection_dialog import DecideObjectionDialog
from desktop_app.ui.objections.file_objection_dialog import FileObjectionDialog
from desktop_app.ui.objections.form_drafts import (
    DECIDE_OBJECTION,
    DRAFT_TYPES,
    FILE_OBJECTION,
    OBJECTION,
    PROCEDURE_STEP,
    REPAIR,
    REPAIR_APPLY,
    UnrestoredDraftDialog,
    offer_draft_text,
    parse_id,
    step_key,
)
from desktop_app.ui.objections.objections_tab import ObjectionsTab
from desktop_app.ui.objections.policy_settings import PolicySettingsWidget
from desktop_app.ui.objections.procedure_tab import ProcedureTab
from desktop_app.ui.objections.repair_apply_dialog import RepairApplyDialog
from desktop_app.ui.objections.repairs_tab import RepairsTab
from desktop_app.ui.objections.step_dialog import Action, StepDialog
from desktop_app.ui.objections.texts import describe

log = logging.getLogger(__name__)

OBJECTIONS_TAB, REPAIRS_TAB, POLICY_TAB = range(3)


class ObjectionsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None, *, events: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectionsPage")
        self.services = services
        self.events = events
        title = QLabel(self.tr("异议与信用修复"))
        title.setProperty("role", "pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("objectionSummary")
        self.summary.setProperty("role", "hint")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("objectionTabs")
        self.objections: ObjectionsTab | None = None
        self.repairs: RepairsTab | None = None
        if services.ctx.may(Permission.RECORD_READ):
            self.objections = ObjectionsTab(services)
            self.repairs = RepairsTab(services)
            self.tabs.addTab(self.objections, self.tr("异议"))
            self.tabs.addTab(self.repairs, self.tr("信用修复"))
            for tab in (self.objections, self.repairs):
                tab.changed.connect(self._changed)
        self.policy = PolicySettingsWidget(services)
        self.policy.saved.connect(lambda _v: self._changed({"policy"}))
        self.tabs.addTab(self.policy, self.tr("政策设置"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        if events is not None:
            events.changed.connect(self._external_change)
        self.refresh()

    def refresh(self) -> None:
        for tab in (self.objections, self.repairs):
            if tab is not None:
                tab.refresh()
        self._summarize()

    def _summarize(self) -> None:
        if self.objections is None:
            self.summary.setText(self.tr("您的角色无权查看诚信记录，只能查看政策设置。"))
            return
        try:
            objections = ObjectionService(self.services.ctx)
            repairs = RepairService(self.services.ctx)
            text = self.tr("办理中的异议 {a} 件（逾期 {b} 件）；办理中的修复申请 {c} 件（逾期 {d} 件）")
            self.summary.setText(text.format(a=objections.count_open(), b=len(objections.overdue()),
                                             c=repairs.count_open(), d=len(repairs.overdue())))
        except IntegrityFilesError as exc:
            self.summary.setText(str(exc))

    def _changed(self, entities: object) -> None:
        self._summarize()
        if self.events is not None:
            self.events.announce(set(entities) if isinstance(entities, set | frozenset) else set(), self)

    def _external_change(self, entities: object, sender: object) -> None:
        if sender is not self:
            self.refresh()

    # -- drafts across a lock -------------------------------------------------------------

    @staticmethod
    def owns_draft(draft: dict[str, Any]) -> bool:
        """A draft of one of this page's forms (the main window routes it here)."""
        return draft.get("type") in DRAFT_TYPES

    @staticmethod
    def offer_draft_text(parent: QWidget | None, draft: dict[str, Any], reason: str) -> UnrestoredDraftDialog:
        """Show a draft's typed text to copy (also when this page is not available to the user)."""
        return offer_draft_text(parent, draft, reason)

    def restore_draft(self, draft: dict[str, Any]) -> bool:
        """Reopen the form a draft came from, filled in; False (and the typed text shown, selectable)
        when the objection or application moved on meanwhile or the form cannot be reopened."""
        fields = draft.get("fields")
        try:
            reopened = self._reopen(draft, dict(fields) if isinstance(fields, dict) else {})
        except IntegrityFilesError as exc:  # gone, or out of the user's scope
            reopened = describe(exc)
        except Exception:  # a malformed draft must not break the unlock, nor lose what was typed
            log.exception("cannot reopen a %s draft", draft.get("type"))
            reopened = self.tr("无法识别该表单。")
        if isinstance(reopened, QDialog):
            return True
        offer_draft_text(self, draft, reopened)
        return False

    def _reopen(self, draft: dict[str, Any], fields: dict[str, Any]) -> QDialog | str:
        kind = draft.get("type")
        may = self.services.ctx.may
        denied = self.tr("您的角色无权办理此步骤。")
        if kind == FILE_OBJECTION:
            if self.objections is None or not may(Permission.OBJECTION_WRITE):
                return denied
            tab = self.objections
            filed = FileObjectionDialog.from_draft(self.services, fields, tab)
            return self._show(tab, filed, lambda: filed.saved, {"objection", "record"})
        if kind == REPAIR_APPLY:
            if self.repairs is None or not may(Permission.REPAIR_WRITE):
                return denied
            repairs = self.repairs
            applied = RepairApplyDialog.from_draft(self.services, fields, repairs)
            return self._show(repairs, applied, lambda: applied.saved, {"repair"})
        if kind == DECIDE_OBJECTION:
            objection_id = parse_id(draft.get("objection_id"))
            if self.objections is None or objection_id is None:
                return self.tr("无法识别该表单。")
            if not may(Permission.OBJECTION_DECIDE):
                return denied
            row = self.objections.service.get(objection_id)
            if ObjectionAction.DECIDE not in row.actions:
                return self._moved_on(row.state.label)
            decide = DecideObjectionDialog.from_draft(self.services, row, fields, self.objections)
            return self._show(self.objections, decide, lambda: decide.saved, {"objection", "record"}, row.id)
        if kind == PROCEDURE_STEP:
            return self._reopen_step(draft, fields)
        return self.tr("无法识别该表单。")

    def _reopen_step(self, draft: dict[str, Any], fields: dict[str, Any]) -> QDialog | str:
        row_id = parse_id(draft.get("id"))
        step = str(draft.get("step"))
        tab: ProcedureTab[Any] | None
        spec: StepSpec | None
        if draft.get("procedure") == OBJECTION and self.objections is not None and row_id is not None:
            tab = self.objections
            objection = self.objections.service.get(row_id)
            row: ObjectionRow | RepairRow = objection
            spec = objection_steps(self.objections, objection).get(step)
            entities = {"objection", "record"}
        elif draft.get("procedure") == REPAIR and self.repairs is not None and row_id is not None:
            tab = self.repairs
            application = self.repairs.service.get(row_id)
            row = application
            spec = repair_steps(self.repairs, application).get(step)
            entities = {"repair", "record"}
        else:
            return self.tr("无法识别该表单。")
        if spec is None:
            return self.tr("无法识别该表单。")
        if not self.services.ctx.may(spec.permission):
            return self.tr("您的角色无权办理此步骤。")
        if not spec.allowed:
            return self._moved_on(row.state.label)
        summary = tab.tr("{name}　{doc}　{state}").format(name=row.person_name, doc=row.document_no,
                                                         state=label(row.state.label))
        dialog = StepDialog(spec.title, summary, spec.action,
                            today=self.services.ctx.today() if spec.dated else None,
                            text_label=spec.text_label, text_field=spec.text_field, choices=spec.choices,
                            ok_text=spec.ok, draft_key=step_key(str(draft.get("procedure")), step, row.id), parent=tab)
        dialog.restore(fields)
        return self._show(tab, dialog, lambda: dialog.result_row, entities, row.id)

    def _moved_on(self, state: str) -> str:
        text = self.tr("该事项已进入其他环节或已办结（当前状态：{state}），此步骤不能再办理。")
        return text.format(state=label(state))

    def _show(self, tab: ProcedureTab[Any], dialog: QDialog, result: Callable[[], Any], entities: set[str],
              row_id: uuid.UUID | None = None) -> QDialog:
        """Open a rebuilt form over its tab (window-modal, not blocking the unlock); when saved, the
        tab refreshes and the page announces the change, as after the tab's own dialogs."""
        self.tabs.setCurrentWidget(tab)
        if row_id is not None:
            tab.select_id(row_id)
        dialog.accepted.connect(lambda: tab.done(result(), entities))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog


@dataclass(frozen=True)
class StepSpec:
    """One step dialog as the tabs open it, for reopening from a draft."""

    title: str
    action: Action
    allowed: bool            # the row's state still allows the step
    permission: Permission
    ok: str
    text_label: str | None = None
    text_field: str = "reason"
    choices: tuple[tuple[str, Any], ...] = ()
    dated: bool = True


def objection_steps(tab: ObjectionsTab, row: ObjectionRow) -> dict[str, StepSpec]:
    """The objection steps (as ObjectionsTab builds them; strings in its translation context)."""
    service, actions, tr = tab.service, row.actions, tab.tr
    return {
        "accept": StepSpec(tr("受理异议"), lambda _c, _t, on: service.accept(row.id, on=on),
                           ObjectionAction.ACCEPT in actions, Permission.OBJECTION_DECIDE, tr("受理")),
        "verify": StepSpec(tr("转提供单位核查"), lambda _c, _t, on: service.start_verification(row.id, on=on),
                           ObjectionAction.VERIFY in actions, Permission.OBJECTION_WRITE, tr("转核查")),
        "refuse": StepSpec(tr("不予受理"), lambda _c, text, on: service.refuse(row.id, reply=text, on=on),
                           ObjectionAction.REFUSE in actions, Permission.OBJECTION_DECIDE, tr("不予受理"),
                           text_label=tr("书面答复："), text_field="reply"),
        "override": StepSpec(tr("评优评先限制"),
                             lambda choice, text, _on: service.override_restriction(row.id, restrict=bool(choice),
                                                                                    reason=text),
                             row.is_open, Permission.OBJECTION_DECIDE, tr("保存"), text_label=tr("理由："),
                             choices=((tr("异议期间仍限制评优评先"), True), (tr("异议期间不作限制（默认）"), False)),
                             dated=False),
    }


def repair_steps(tab: RepairsTab, row: RepairRow) -> dict[str, StepSpec]:
    """The repair steps (as RepairsTab builds them; strings in its translation context)."""
    service, actions, tr = tab.service, row.actions, tab.tr
    return {
        "accept": StepSpec(tr("受理修复申请"), lambda _c, _t, on: service.accept(row.id, on=on),
                           RepairAction.ACCEPT in actions, Permission.REPAIR_DECIDE, tr("受理")),
        "refuse": StepSpec(tr("不予受理"), lambda _c, text, on: service.refuse(row.id, reason=text, on=on),
                           RepairAction.REFUSE in actions, Permission.REPAIR_DECIDE, tr("不予受理"),
                           text_label=tr("理由：")),
        "decide": StepSpec(tr("作出修复决定"),
                           lambda choice, text, on: service.decide(row.id, outcome=str(choice), reason=text, on=on),
                           RepairAction.GRANT in actions, Permission.REPAIR_DECIDE, tr("决定"),
                           text_label=tr("理由："),
                           choices=((tr("准予修复"), RepairOutcome.GRANTED.value),
                                    (tr("不予修复"), RepairOutcome.DENIED.value))),
    }
