"""异议与修复: objections, credit repair applications and the policy settings, one tab each.

The main window builds it with ``ObjectionsPage(services)`` (and may pass its ``ArchiveEvents`` so
the person pages refresh when a decision changes a record).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.permissions import Permission
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.objections import ObjectionService
from desktop_app.services.repair import RepairService
from desktop_app.ui.objections.objections_tab import ObjectionsTab
from desktop_app.ui.objections.policy_settings import PolicySettingsWidget
from desktop_app.ui.objections.repairs_tab import RepairsTab

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
