"""审计: the audit trail for the auditor (newest first, loaded as the view scrolls) and the
archive check. Other roles are told the trail is the auditor's; nothing stands in for it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Permission
from desktop_app.services import Services
from desktop_app.services.rows import AuditRow
from desktop_app.ui.audit.actions import audit_action, audit_object, audit_outcome
from desktop_app.ui.audit.audit_model import PAGE, AuditTableModel
from desktop_app.ui.audit.verify_panel import VerifyPanel
from desktop_app.ui.i18n import format_datetime, label
from desktop_app.ui.tasks import TaskRunner


class AuditPage(QWidget):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None, *,
                 page_size: int = PAGE) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self.services = services
        self.object_filter = ""
        may = services.ctx.may
        title = QLabel(self.tr("审计"))
        title.setProperty("role", "pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        self.model: AuditTableModel | None = None
        self.table: QTableView | None = None
        self.notice: QLabel | None = None
        if may(Permission.AUDIT_READ):
            layout.addLayout(self._build_filter())
            self.model = AuditTableModel(self._fetch, page_size, self)
            self.table = QTableView()
            self.table.setObjectName("auditTable")
            self.table.setModel(self.model)
            self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.table.setWordWrap(False)
            self.table.verticalHeader().hide()
            header = self.table.horizontalHeader()
            header.setStretchLastSection(True)
            metrics = self.table.fontMetrics()
            self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
            samples = ("000000", format_datetime(datetime(2026, 12, 31, 23, 59)), "auditor01",
                       max((audit_action(a) for a in ("record.objection_opened", "sync", "bundle.export")), key=len),
                       audit_object(AuditRow(0, datetime.now(), "", "", "record", "0f1e2d3c", True, {})),
                       audit_outcome(AuditRow(0, datetime.now(), "", "", "", "", False, {"denied": ""})))
            for column, sample in enumerate(samples):
                header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            layout.addWidget(self.table, 1)
            self.model.reload()
        else:
            heading = QLabel(self.tr("审计日志仅供审计员查阅"))
            heading.setProperty("role", "heading")
            self.notice = QLabel(self.tr(
                "查阅审计日志需要审计员的“查阅审计日志”权限，您的角色（{0}）没有这项权限。"
                "管理员与审计员由不同的人担任；任何角色都不能修改或删除审计日志。").format(
                label(services.user.role.label)))
            self.notice.setObjectName("auditPermissionNotice")
            self.notice.setWordWrap(True)
            self.notice.setProperty("role", "hint")
            layout.addWidget(heading)
            layout.addWidget(self.notice)
        self.verify: VerifyPanel | None = None
        if may(Permission.ARCHIVE_VERIFY):
            self.verify = VerifyPanel(services, runner)
            self.verify.verified.connect(lambda _report: self.reload())
            layout.addWidget(self.verify)
        if self.table is None:
            layout.addStretch(1)

    def _build_filter(self) -> QHBoxLayout:
        intro = QLabel(self.tr("每一次登录、查看、修改、打印、导出和同步都记录在此，按时间由近及远排列；"
                               "日志首尾相连，任何删改都会在校验时被发现。"))
        intro.setProperty("role", "hint")
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("auditObjectFilter")
        self.filter_edit.setPlaceholderText(self.tr("按对象编号筛选（粘贴完整编号）"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        refresh = QPushButton(self.tr("刷新"))
        refresh.setObjectName("auditRefresh")
        refresh.clicked.connect(self.apply_filter)
        row = QHBoxLayout()
        row.addWidget(intro, 1)
        row.addWidget(self.filter_edit)
        row.addWidget(refresh)
        self.filter_edit.setMinimumWidth(260)
        return row

    def apply_filter(self) -> None:
        self.object_filter = self.filter_edit.text().strip().replace("-", "").lower()
        self.reload()

    def reload(self) -> None:
        if self.model is not None:
            self.model.reload()

    def _fetch(self, before_seq: int | None, limit: int) -> list[AuditRow]:
        return self.services.maintenance.audit_entries(limit=limit, before_seq=before_seq,
                                                       object_id=self.object_filter or None)
