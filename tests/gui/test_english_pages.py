"""The English UI is complete: a signed-in window switched to English shows no Chinese text on the
training, objections (all three tabs), sync and audit pages and in a person's flags — except the archive's own data
(person and unit names), which stays as it was entered."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from desktop_app.domain.consequences import REASON_TEMPLATES
from desktop_app.domain.enums import Role
from desktop_app.domain.policy import SETTINGS
from desktop_app.domain.training import AttendanceResult, CourseMode, CourseTopic, RankTier
from desktop_app.importing.fields import FIELDS as IMPORT_FIELDS
from desktop_app.services import Services
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.objections import ObjectionDraft, ObjectionService
from desktop_app.services.records import RecordDraft
from desktop_app.services.repair import EFFECTS, RepairDraft, RepairService
from desktop_app.services.training import TrainingService
from desktop_app.services.training_roster import LineStatus
from desktop_app.services.training_rows import CourseDraft, SessionDraft
from desktop_app.ui.audit.audit_page import AuditPage
from desktop_app.ui.i18n import Translations, build_translations
from desktop_app.ui.importing.texts import FIELD_LABELS
from desktop_app.ui.main_window import AUDIT, OBJECTIONS, PERSONS, SYNC, TRAINING, MainWindow
from desktop_app.ui.objections.policy_settings import SETTING_TEXTS
from desktop_app.ui.objections.texts import LABELS as OBJECTION_LABELS
from desktop_app.ui.paths import TRANSLATIONS
from desktop_app.ui.persons.reason_text import TEMPLATES as FLAG_TEMPLATES
from desktop_app.ui.persons.reason_text import state_reason
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.training.texts import LABELS as TRAINING_LABELS
from desktop_app.ui.training.texts import report_text
from tests.conftest import sign_in
from tests.factories import id_number
from tests.gui.test_lock import signed_in_shell

# Han characters, CJK punctuation (、。「」 and the ideographic space) and full-width forms (（）：，).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
UNIT = "广州市天河区人力资源和社会保障局"
# The archive's own data, entered in Chinese: shown as it is in any language.
DATA = ("张三", "李四", UNIT, "天河区人力资源和社会保障局")


def _seed(admin: Services) -> None:
    """Casework with ASCII wording, so that only the persons' and units' names are Chinese data."""
    def record(who: int, **over: object):  # type: ignore[no-untyped-def]
        values: dict[str, object] = dict(kind="纪律处分", severity="一般", sanction="记过", decided_on="2026-03-02",
                                         document_no="TJF-2026-3", authority="Tianhe Commission",
                                         facts="Allowances paid against the rules")
        values.update(over)
        person = admin.persons.show(id_number(who, female=who == 2)).person
        return admin.records.add(person.id, RecordDraft(**values))  # type: ignore[arg-type]

    ObjectionService(admin.ctx).file(record(1).id, ObjectionDraft(applicant="Zhang San", grounds="Wrong amount",
                                                                  received_on="2026-11-25"))
    repaired = record(2, kind="行政处罚", sanction=None, document_no="SF-2026-7", decided_on="2026-02-01")
    RepairService(admin.ctx).apply(repaired.id, RepairDraft(applicant="Li Si", obligations_met=True,
                                                           proof=(EvidenceFile("proof.pdf", b"proof"),),
                                                           commitment=(EvidenceFile("letter.pdf", b"letter"),)))
    training = TrainingService(admin.ctx)
    course = training.add_course(CourseDraft("Integrity seminar", "诚信教育", "脱产", 56, 7))
    run = training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18"))
    training.add_attendees(run.id, [p.id for p in training.find_persons("张三")])


def _header_texts(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    values = [model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
              for section in range(header.count())]
    return ["" if value is None else str(value) for value in values]


def _texts(widget: QWidget) -> list[str]:
    """What one widget shows of its own: labels, captions, titles, headers, placeholders, tooltips
    (not the cells of its tables, which are the archive's data)."""
    texts = [widget.toolTip()]
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    if isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
        texts += [widget.tabToolTip(i) for i in range(widget.count())]
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.placeholderText())
        if widget.isReadOnly():  # a detail pane: its captions, around the casework's (ASCII) data
            texts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QSpinBox):
        texts += [widget.prefix(), widget.suffix()]
    if isinstance(widget, QAbstractSpinBox):
        texts.append(widget.specialValueText())
    if isinstance(widget, QHeaderView):
        texts += _header_texts(widget)
    return texts


def chinese_texts(root: QWidget) -> list[str]:
    """Every text of root and its descendants (shown or on another tab) that has Chinese in it,
    once the archive's data is taken out."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        for text in _texts(widget):
            bare = text
            for data in DATA:
                bare = bare.replace(data, "")
            if CJK.search(bare):
                found.append(f"{type(widget).__name__}#{widget.objectName()}: {text!r}")
    return sorted(set(found))


@pytest.fixture
def english_window(qtbot, shell, admin: Services, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    _seed(admin)
    build_translations(TRANSLATIONS, tmp_path)
    shell.translations = Translations(tmp_path)
    shell.translations.apply("zh_CN")
    signed_in_shell(qtbot, shell, admin)
    combo = shell.window.settings_page.language_combo
    combo.setCurrentIndex(combo.findData("en"))
    assert shell.window.nav.item(TRAINING).text() == "Training"
    yield shell.window
    shell.translations.apply("zh_CN")


def _show(qtbot, window: MainWindow, index: int) -> QWidget:  # type: ignore[no-untyped-def]
    window.go_to(index)
    page = window.pages.widget(index)
    assert page is not None
    qtbot.waitUntil(page.isVisible)
    return page


def test_training_page_is_english(qtbot, english_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = _show(qtbot, english_window, TRAINING)
    qtbot.waitUntil(lambda: page.courses.session_table.model().rowCount() == 1)  # loads when first shown
    page.courses.session_table.selectRow(0)
    qtbot.waitUntil(lambda: page.attendance.model.rowCount() == 1)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.waitUntil(page.tabs.currentWidget().isVisible)
    assert chinese_texts(page) == []


def test_objections_page_is_english(qtbot, english_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = _show(qtbot, english_window, OBJECTIONS)
    for tab in (page.objections, page.repairs):
        page.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda tab=tab: tab.table.model().rowCount() == 1)
        tab.table.selectRow(0)  # its detail pane
        qtbot.waitUntil(lambda tab=tab: bool(tab.details.toPlainText()))
    page.tabs.setCurrentWidget(page.policy)
    assert chinese_texts(page) == []
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Objections", "Credit repair",
                                                                        "Policy settings"]


def test_sync_and_audit_pages_are_english(qtbot, english_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for index in (SYNC, AUDIT):
        page = _show(qtbot, english_window, index)
        assert chinese_texts(page) == []


def test_the_auditors_audit_page_is_english(qtbot, english_window: MainWindow, admin: Services) -> None:  # type: ignore[no-untyped-def]
    admin.users.add("auditor1", Role.AUDITOR.value, "auditor passphrase 1")
    auditor = sign_in(admin, "auditor1", "auditor passphrase 1")
    try:
        page = AuditPage(auditor, TaskRunner())
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.model is not None and page.model.rowCount() > 0)
        assert chinese_texts(page) == []
        cells = [page.model.index(row, column).data() for row in range(page.model.rowCount()) for column in (3, 4, 5)]
        assert [c for c in cells if CJK.search(str(c or ""))] == []  # actions, objects, outcomes are words
    finally:
        auditor.close()


def test_a_persons_flags_read_in_english(qtbot, english_window: MainWindow, admin: Services) -> None:  # type: ignore[no-untyped-def]
    """The reasons the domain computes (in Chinese, for prints) are shown from their templates:
    张三's record is under objection and in its 记过 period, 李四's is a dishonesty record in effect."""
    page = english_window.persons_page
    assert page is not None
    english_window.go_to(PERSONS)
    shown = {}
    for who in (1, 2):
        person = admin.persons.show(id_number(who, female=who == 2)).person
        page.open_person(person.id)
        flags = page.file_view.identity.flags_label
        qtbot.waitUntil(lambda flags=flags: "<li>" in flags.text())
        shown[who] = flags.text()
        assert chinese_texts(flags) == []  # post and rank beside it are data
    assert "TJF-2026-3: objection in progress" in shown[1]
    assert "Demerit sanction period until 2027-03-02: no promotion in post or rank" in shown[1]
    assert "SF-2026-7: dishonesty record in effect" in shown[2]


def test_every_flag_reason_has_a_template_marked_for_translation() -> None:
    assert set(REASON_TEMPLATES) == set(FLAG_TEMPLATES)


def test_every_policy_setting_has_an_english_name() -> None:
    texts = set(SETTING_TEXTS)
    assert {s.label for s in SETTINGS} | {s.group for s in SETTINGS} <= texts


def test_the_core_words_the_pages_show_are_marked_for_translation() -> None:
    """Labels the core keeps in Chinese (enums, import fields, repair effects) are listed for lupdate."""
    assert {spec.label for specs in IMPORT_FIELDS.values() for spec in specs} <= set(FIELD_LABELS)
    enums = (CourseTopic, CourseMode, AttendanceResult, RankTier, LineStatus)
    assert {member.label for enum in enums for member in enum} <= set(TRAINING_LABELS)
    assert set(EFFECTS) <= set(OBJECTION_LABELS)


def test_training_reports_read_in_english(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    translations = Translations(tmp_path)
    build_translations(TRANSLATIONS, tmp_path)
    assert translations.apply("en")
    try:
        assert report_text("2025年培训40学时/5天，应达90学时或12天；2025年诚信教育课程0门，应至少1门") == (
            "2025: 40 hours/5 days of training, 90 hours or 12 days required; "
            "2025: 0 integrity courses, at least 1 required")
        assert report_text("范围：全部单位，3人") == "Scope: All units, 3 persons"
        assert report_text("县处级及以上") == "Division level and above"
        assert report_text(UNIT) == UNIT  # data stays as it is
    finally:
        translations.apply("zh_CN")
    assert report_text("范围：全部单位，3人") == "范围：全部单位，3人"


def test_record_state_reasons_read_in_english(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What the software wrote is translated; what a person wrote after it, or instead, is data."""
    translations = Translations(tmp_path)
    build_translations(TRANSLATIONS, tmp_path)
    assert translations.apply("en")
    try:
        assert state_reason("公示期满（2026-03-01）") == "Publication period ended (2026-03-01)"
        assert state_reason("信用修复：已履行义务") == "Credit repair: 已履行义务"
        assert state_reason("异议无法确认：提供单位未答复") == "Objection could not be confirmed: 提供单位未答复"
        assert state_reason("录入错误") == "录入错误"  # a revocation's reason, as the reviewer wrote it
    finally:
        translations.apply("zh_CN")
    assert state_reason("公示期满（2026-03-01）") == "公示期满（2026-03-01）"


def test_language_walk_finds_chinese(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The walk itself: Chinese in a caption is found, a person's name is not."""
    box = QGroupBox("Roster")
    QLabel("保存成绩", box, objectName="marks")
    QLabel(f"Attendee: {DATA[0]}", box)
    qtbot.addWidget(box)
    assert chinese_texts(box) == ["QLabel#marks: '保存成绩'"]
    assert QApplication.instance() is not None
