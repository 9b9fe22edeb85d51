"""政策设置: the versioned policy profile. Everyone sees which rules apply; only the administrator
saves a new version (with the reason), and decisions already taken keep theirs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Permission
from desktop_app.domain.policy import SETTINGS, SettingValue
from desktop_app.errors import IntegrityFilesError
from desktop_app.services import Services
from desktop_app.services.policy import PolicyService, PolicyView
from desktop_app.ui.i18n import format_datetime
from desktop_app.ui.objections.texts import describe

GROUP_ORDER = ("异议处理期限", "信用修复期限")
# The Chinese names the policy profile gives its settings and their groups, marked for translation
# (a test checks every SettingSpec's label and group is here).
SETTING_TEXTS = (
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "轻微失信信息公示期"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "一般失信信息公示期"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "严重失信信息公示期"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "公示"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "最短公示期（月）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "最长公示期（月）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "处分期"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "警告处分期（月）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "记过处分期（月）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "记大过处分期（月）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "降级处分期（月）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "撤职处分期（月）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "异议处理期限"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "受理（工作日）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "自查（工作日）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "提供单位核查（工作日）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "信用修复期限"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "决定是否受理（工作日）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "作出修复决定（工作日）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "培训要求"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "乡科级及以下每年（天）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "乡科级及以下每年（学时）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "县处级及以上五年（月）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "县处级及以上五年（学时）"),
    QT_TRANSLATE_NOOP("PolicySettingsWidget", "脱产培训请假上限（学时的几分之一）"),
)
BUILTIN_NOTE = QT_TRANSLATE_NOOP("PolicySettingsWidget", "内置默认值（DESIGN.md §4）")  # the services' version 1


class PolicySettingsWidget(QWidget):
    saved = Signal(int)   # the new version

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policySettings")
        self.service = PolicyService(services.ctx)
        # the service refuses a limited administrator too (the profile applies to every unit)
        self.may_edit = services.ctx.may(Permission.POLICY_EDIT) and not services.users.own_scope()
        self.inputs: dict[str, QSpinBox | QCheckBox] = {}
        self.version = QComboBox()
        self.version.setObjectName("policyVersion")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "hint")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("版本：")))
        top.addWidget(self.version)
        top.addWidget(self.summary, 1)
        grid = QGridLayout()
        groups: dict[str, QFormLayout] = {}
        for spec in SETTINGS:
            if spec.group not in groups:
                box = QGroupBox(self.tr(spec.group))
                groups[spec.group] = QFormLayout(box)
                index = len(groups) - 1
                grid.addWidget(box, index // 3, index % 3)
            widget: QSpinBox | QCheckBox
            if spec.kind is bool:
                widget = QCheckBox()
            else:
                widget = QSpinBox()
                widget.setRange(spec.minimum, spec.maximum)
                widget.setMaximumWidth(110)
            widget.setObjectName(spec.key)
            self.inputs[spec.key] = widget
            groups[spec.group].addRow(self.tr("{0}：").format(self.tr(spec.label)), widget)
        grid.addWidget(self._calendar_box(), (len(groups)) // 3, len(groups) % 3)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.note = QLineEdit()
        self.note.setObjectName("policyNote")
        self.note.setPlaceholderText(self.tr("修改依据（如文件文号），必填"))
        self.save_button = QPushButton(self.tr("保存为新版本"))
        self.save_button.setObjectName("savePolicy")
        self.message = QLabel()
        self.message.setObjectName("policyMessage")
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        hint = QLabel(self.tr("修改只影响此后作出的决定；已作出的决定保留其适用的政策版本。") if self.may_edit
                      else self.tr("只有负责整个档案库的管理员可以修改政策设置。"))
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self.version.currentIndexChanged.connect(lambda _i: self._show_selected())
        self.save_button.clicked.connect(self.save)
        self.load()

    def _calendar_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("补录节假日安排（日历尚未收录的年度）"))
        form = QFormLayout(box)
        self.calendar_year = QSpinBox()
        self.calendar_year.setObjectName("calendarYear")
        self.calendar_year.setRange(2000, 2100)
        self.calendar_year.setMaximumWidth(110)
        self.holidays = QLineEdit()
        self.holidays.setObjectName("calendarHolidays")
        self.holidays.setPlaceholderText(self.tr("放假的工作日，如 2027-01-01,2027-02-08"))
        self.workdays = QLineEdit()
        self.workdays.setObjectName("calendarWorkdays")
        self.workdays.setPlaceholderText(self.tr("调休上班的周末，如 2027-02-06"))
        form.addRow(self.tr("年度："), self.calendar_year)
        form.addRow(self.tr("放假日期："), self.holidays)
        form.addRow(self.tr("调休上班："), self.workdays)
        self.calendar_year.valueChanged.connect(lambda _v: self._show_calendar())
        return box

    def load(self) -> None:
        self.views = self.service.history()
        self.version.blockSignals(True)
        self.version.clear()
        for view in self.views:
            self.version.addItem(self.tr("第 {n} 版").format(n=view.version), view.version)
        self.version.setCurrentIndex(len(self.views) - 1)
        self.version.blockSignals(False)
        calendar = self.service.current().profile.working_calendar()
        self.calendar_year.setValue(next(y for y in range(2026, 2100) if not calendar.knows(y)))
        self._show_selected()

    def selected(self) -> PolicyView:
        return self.views[self.version.currentIndex()]

    def _show_selected(self) -> None:
        view = self.selected()
        latest = self.version.currentIndex() == len(self.views) - 1
        note = self.tr(BUILTIN_NOTE) if view.note == BUILTIN_NOTE else view.note
        if view.created_at is None:
            self.summary.setText(note)
        else:
            self.summary.setText(self.tr("{when}　{by}　依据：{note}").format(
                when=format_datetime(view.created_at), by=view.created_by, note=note))
        for key, widget in self.inputs.items():
            value = view.settings.get(key)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(int(value or 0))
            widget.setEnabled(self.may_edit and latest)
        for other in (self.calendar_year, self.holidays, self.workdays, self.note, self.save_button):
            other.setEnabled(self.may_edit and latest)
        self._show_calendar()

    def _show_calendar(self) -> None:
        settings = self.selected().settings
        year = self.calendar_year.value()
        self.holidays.setText(str(settings.get(f"calendar.{year}.holidays", "")))
        self.workdays.setText(str(settings.get(f"calendar.{year}.workdays", "")))

    def changes(self) -> dict[str, SettingValue]:
        current = self.selected().settings
        out: dict[str, SettingValue] = {}
        for key, widget in self.inputs.items():
            value: SettingValue = widget.isChecked() if isinstance(widget, QCheckBox) else widget.value()
            if value != current.get(key):
                out[key] = value
        year = self.calendar_year.value()
        for which, edit in (("holidays", self.holidays), ("workdays", self.workdays)):
            key = f"calendar.{year}.{which}"
            if edit.text().strip() != str(current.get(key, "")):
                out[key] = edit.text()
        return out

    def save(self) -> None:
        self._mark(None)
        try:
            view = self.service.update(self.changes(), note=self.note.text())
        except IntegrityFilesError as exc:
            self.message.setProperty("role", "fieldError")
            self.message.setText(describe(exc))
            self._mark(exc.field)
            self._repolish()
            return
        self.note.clear()
        self.load()
        self.message.setProperty("role", "hint")
        self.message.setText(self.tr("已保存为第 {n} 版。").format(n=view.version))
        self._repolish()
        self.saved.emit(view.version)

    def _mark(self, key: str | None) -> None:
        for name, widget in self.inputs.items():
            widget.setProperty("invalid", name == key)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if key in self.inputs:
            self.inputs[key].setFocus(Qt.FocusReason.OtherFocusReason)

    def _repolish(self) -> None:
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
