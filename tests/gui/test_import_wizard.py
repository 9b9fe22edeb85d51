"""The import wizard, offscreen: a GBK roster with one bad line, checked, then imported without it;
unknown headers mapped by hand and saved as a template; the export button."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from desktop_app.services import Services
from desktop_app.ui.events import ArchiveEvents
from desktop_app.ui.importing.export_button import ExportButton, persons_export_button
from desktop_app.ui.importing.wizard import CHECK, MAPPING, OPTIONS, RUN, ImportWizard
from desktop_app.ui.persons.person_index import SearchCriteria
from desktop_app.ui.tasks import TaskRunner
from tests.factories import id_number
from tests.gui.conftest import type_text

UNIT = "广州市天河区人力资源和社会保障局"
SHOTS = os.environ.get("IMPORT_WIZARD_SHOTS")  # a folder: save screenshots of the pages there


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.cancel_all()


def _wizard(qtbot, admin: Services, runner: TaskRunner, events: ArchiveEvents | None = None) -> ImportWizard:
    wizard = ImportWizard(admin, runner, events)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _shot(wizard: ImportWizard, name: str) -> None:
    if SHOTS:
        wizard.grab().save(str(Path(SHOTS) / f"{name}.png"), "PNG")


def test_import_a_roster_with_one_bad_line(qtbot, admin: Services, runner: TaskRunner, tmp_path: Path) -> None:
    bad = id_number(4)[:-1] + ("1" if id_number(4)[-1] != "1" else "2")
    path = tmp_path / "人员花名册.csv"
    path.write_bytes((f"姓名,身份证号,单位,职务,备注\n王五,{id_number(3)},{UNIT},科员,新调入\n"
                      f"赵六,{bad},{UNIT},科员,\n孙七,{id_number(5)},{UNIT},副科长,\n").encode("gbk"))
    events = ArchiveEvents()
    announced: list[frozenset[str]] = []
    events.changed.connect(lambda entities, _sender: announced.append(entities))
    wizard = _wizard(qtbot, admin, runner, events)
    type_text(wizard.file_page.path_edit, str(path))  # the path has Chinese characters: typed as an IME does
    assert wizard.file_page.path_edit.text() == str(path)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == OPTIONS
    assert "GBK" in wizard.options_page.info_label.text() and wizard.options_page.preview.rowCount() == 3
    _shot(wizard, "import-options")
    options = wizard.options_page
    options.encoding_combo.setCurrentIndex(options.encoding_combo.findData("utf-8"))  # a manual override
    assert "编码" in options.info_label.text() and options.preview.rowCount() == 0
    options.encoding_combo.setCurrentIndex(options.encoding_combo.findData("gb18030"))
    assert "GB18030（指定）" in options.info_label.text() and options.preview.rowCount() == 3
    wizard.next()
    assert wizard.currentId() == MAPPING
    assert wizard.mapping_page.mapping().as_dict()["备注"] is None
    assert "对应完整" in wizard.mapping_page.status.text()
    _shot(wizard, "import-mapping")
    wizard.next()
    assert wizard.currentId() == CHECK
    page = wizard.check_page
    qtbot.waitUntil(lambda: page.report is not None, timeout=10_000)
    assert page.report is not None and (page.report.new, page.report.invalid) == (2, 1)
    assert "有误 1" in page.summary.text()
    assert page.problems.rowCount() == 1
    assert [page.problems.data(page.problems.index(0, c)) for c in range(3)] == [
        "3", "B（身份证号）", "身份证号校验位错误（可能有数字录错）。"]
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "导入" and not commit.isEnabled()  # all or nothing, unless the user says skip
    assert page.skip_box.isVisible() and "跳过有误的 1 行" in page.skip_box.text()
    page.skip_box.setChecked(True)
    assert commit.isEnabled()
    _shot(wizard, "import-check")
    wizard.next()
    assert wizard.currentId() == RUN
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    result = wizard.run_page.result
    assert result is not None and (result.inserted, result.skipped) == (2, 1)
    assert "新增 2" in wizard.run_page.message.text() and "before-import" in wizard.run_page.message.text()
    assert announced == [frozenset({"person"})]
    assert {p.name for p in admin.persons.search(UNIT[:4], limit=10)} >= {"王五", "孙七"}
    _shot(wizard, "import-done")
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_unknown_headers_are_mapped_by_hand_and_saved(qtbot, admin: Services, runner: TaskRunner,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(f"人名,证件,工作单位\n王五,{id_number(3)},{UNIT}\n", encoding="utf-8-sig")
    wizard = _wizard(qtbot, admin, runner)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "姓名" in page.status.text() and "公民身份号码" in page.status.text()
    page.choose("人名", "name")
    page.choose("证件", "id_number")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.save_template(tmp_path / "模板.json")
    page.choose("人名", None)
    assert page.load_template(tmp_path / "模板.json") and page.mapping().as_dict()["人名"] == "name"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.report is not None, timeout=10_000)
    assert wizard.check_page.report is not None and wizard.check_page.report.new == 1


def test_a_bad_file_is_said_on_the_first_page(qtbot, admin: Services, runner: TaskRunner, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"PK\x03\x04" + bytes(64))
    wizard = _wizard(qtbot, admin, runner)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentId() == 0 and "不是文本表格" in wizard.file_page.error_label.text()
    assert wizard.file_page.save_blank_template(tmp_path / "人员导入模板.xlsx")
    wizard.file_page.path_edit.setText(str(tmp_path / "人员导入模板.xlsx"))
    wizard.next()  # a blank template has headers and no rows
    assert wizard.currentId() == 0 and "只有标题行" in wizard.file_page.error_label.text()


def test_export_button_exports_the_current_search(qtbot, admin: Services, runner: TaskRunner,
                                                  tmp_path: Path) -> None:
    criteria = SearchCriteria(text="李")
    button = persons_export_button(admin, runner, lambda: criteria)
    qtbot.addWidget(button)
    assert button.full_action is not None  # the admin may see full numbers
    button.choose_path = lambda fmt: tmp_path / f"人员.{fmt}"
    with qtbot.waitSignal(button.exported, timeout=10_000) as done:
        button.run("csv", False)
    assert done.args[0].rows == 1 and (tmp_path / "人员.csv").read_text("utf-8-sig").count("\n") == 2
    button.confirm_full_ids = lambda: False
    assert button.run("xlsx", True) is None  # declined: nothing exported
    plain = ExportButton(admin, runner, lambda path, full: None, default_name="x")  # type: ignore[arg-type,return-value]
    qtbot.addWidget(plain)
    assert plain.full_action is None


def test_the_training_page_can_open_the_wizard_on_its_session(qtbot, admin: Services, runner: TaskRunner,
                                                               tmp_path: Path) -> None:
    from desktop_app.importing import ImportKind
    from desktop_app.services.training import TrainingService
    from desktop_app.services.training_rows import CourseDraft, SessionDraft

    training = TrainingService(admin.ctx)
    course = training.add_course(CourseDraft("诚信教育专题班", "诚信教育", "脱产", 56, 7, "区委组织部"))
    first = training.add_session(course.id, SessionDraft("2025-05-12", "2025-05-18"))
    second = training.add_session(course.id, SessionDraft("2025-09-01", "2025-09-05"))
    wizard = ImportWizard(admin, runner, session_id=second.id)
    qtbot.addWidget(wizard)
    assert wizard.file_page.kind() is ImportKind.ATTENDANCE and not wizard.file_page.session_combo.isHidden()
    assert wizard.file_page.session_combo.currentData() == second.id != first.id
    path = tmp_path / "名单.csv"
    path.write_text(f"姓名,身份证号,成绩\n张三,{id_number(1)},合格\n", encoding="gb18030")
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check_page.report is not None, timeout=10_000)
    assert wizard.check_page.report is not None and wizard.check_page.report.new == 1
    wizard.next()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=10_000)
    assert [r.name for r in training.attendance(second.id)] == ["张三"]
