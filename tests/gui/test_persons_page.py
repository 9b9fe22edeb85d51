"""The persons page: search-as-you-type (Chinese through the input method, pinyin, ID digits), filters,
keyboard use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.consequences import Flag
from desktop_app.services.records import RecordDraft
from desktop_app.ui.persons.person_search import DEBOUNCE_MS
from tests.factories import id_number
from tests.gui.conftest import type_text


def names(page) -> list[str]:
    return [page.model.person_at(r).name for r in range(page.model.rowCount())]


def wait_for(qtbot, page, expected: list[str]) -> None:
    # A bound on work in the task thread (a search of two persons, ~0.2 s on a busy machine), not a
    # requirement: generous, so a slower or loaded machine passes; it returns as soon as the list matches.
    qtbot.waitUntil(lambda: names(page) == expected, timeout=30_000)


def test_lists_everyone_in_pinyin_order(qtbot, admin, open_window) -> None:
    page = open_window(admin).persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    assert page.count_label.text() == "共 2 人"
    assert page.model.data(page.model.index(0, 1)) == id_number(2, female=True)[:6] + "********" \
        + id_number(2, female=True)[-4:]


def test_chinese_typed_through_the_input_method_finds_the_person(qtbot, admin, open_window) -> None:
    page = open_window(admin).persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    type_text(page.search_edit, "张")
    assert page.search_edit.text() == "张"
    wait_for(qtbot, page, ["张三"])
    page.search_edit.clear()
    type_text(page.search_edit, "人力资源")  # a part of the unit's name matches everyone there
    wait_for(qtbot, page, ["李四", "张三"])


def test_pinyin_initials_and_full_pinyin(qtbot, admin, open_window) -> None:
    page = open_window(admin).persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    qtbot.keyClicks(page.search_edit, "zs")
    wait_for(qtbot, page, ["张三"])
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "lisi")
    wait_for(qtbot, page, ["李四"])


def test_id_number_tail_and_no_match(qtbot, admin, open_window) -> None:
    page = open_window(admin).persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    qtbot.keyClicks(page.search_edit, id_number(1)[-6:])
    wait_for(qtbot, page, ["张三"])
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "zzzz")
    wait_for(qtbot, page, [])
    assert page.count_label.text() == "共 0 人"


def test_typing_is_debounced_into_one_search(qtbot, admin, open_window) -> None:
    page = open_window(admin).persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    before = page.search.generation
    qtbot.keyClicks(page.search_edit, "zhang")  # five keystrokes well inside the debounce
    qtbot.wait(DEBOUNCE_MS * 3)
    wait_for(qtbot, page, ["张三"])
    assert page.search.generation == before + 1


def test_flag_filters_use_the_services_rules(qtbot, admin, open_window) -> None:
    zhang = admin.persons.search("张三")[0]
    admin.records.add(zhang.id, RecordDraft(kind="纪律处分", severity="一般", sanction="记过",
                                            decided_on="2026-06-01", document_no="穗纪〔2026〕1号",
                                            authority="天河区纪委", facts="违反工作纪律"))
    page = open_window(admin).persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    combo = page.flag_combo
    training = combo.model().item(combo.findData(Flag.TRAINING_SHORTFALL.value, Qt.ItemDataRole.UserRole))
    assert training.isEnabled()
    combo.setCurrentIndex(combo.findData(Flag.TRAINING_SHORTFALL.value, Qt.ItemDataRole.UserRole))
    expected = sorted(p.name for p in admin.persons.search("", flag=Flag.TRAINING_SHORTFALL))
    wait_for(qtbot, page, sorted(expected, key=lambda n: ["李四", "张三"].index(n)))
    combo.setCurrentIndex(combo.findData(Flag.IN_SANCTION.value, Qt.ItemDataRole.UserRole))
    wait_for(qtbot, page, ["张三"])
    combo.setCurrentIndex(combo.findData(Flag.UNDER_OBJECTION.value, Qt.ItemDataRole.UserRole))
    wait_for(qtbot, page, [])


def test_unit_filter(qtbot, admin, open_window) -> None:
    page = open_window(admin).persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    assert page.unit_combo.count() == 2
    page.unit_combo.setCurrentIndex(1)
    wait_for(qtbot, page, ["李四", "张三"])
    page.unit_combo.setCurrentIndex(0)
    wait_for(qtbot, page, ["李四", "张三"])


def test_sorting_by_a_column_asks_the_archive_for_a_new_order(qtbot, admin, open_window) -> None:
    page = open_window(admin).persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    wait_for(qtbot, page, ["张三", "李四"])
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # gender: female first
    wait_for(qtbot, page, ["李四", "张三"])


def test_ctrl_f_focuses_search_and_enter_opens_the_person(qtbot, admin, open_window) -> None:
    window = open_window(admin)
    page = window.persons_page
    wait_for(qtbot, page, ["李四", "张三"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search_edit
    qtbot.keyClicks(page.search_edit, "zhangsan")
    wait_for(qtbot, page, ["张三"])
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.identity.name_label.text() == "张三"
    qtbot.keyClick(page.file_view.tabs, Qt.Key.Key_Escape)
    assert page.stack.currentIndex() == 0
