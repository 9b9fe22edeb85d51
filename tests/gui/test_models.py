"""The table models pass pytest-qt's model tester and load persons lazily, in blocks."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from desktop_app.domain.enums import AssessmentGrade
from desktop_app.services.rows import AssessmentRow
from desktop_app.services.ui_queries import UiQueries
from desktop_app.ui.persons.person_table_model import BLOCK_AFTER, PersonTableModel
from desktop_app.ui.rows_model import Column, RowsTableModel


def test_person_model_passes_the_model_tester(qtmodeltester, admin) -> None:
    queries = UiQueries(admin.ctx)
    model = PersonTableModel(queries.person_rows)
    model.set_ids(queries.person_order("name"))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2 and model.columnCount() == 8
    assert [model.data(model.index(r, 0)) for r in range(2)] == ["李四", "张三"]
    assert model.headerData(4, Qt.Orientation.Horizontal) == "单位"


def test_person_model_fetches_only_blocks_around_the_rows_shown(qtmodeltester) -> None:
    calls: list[list[int]] = []

    def fetch(ids: list[int]):
        calls.append(ids)
        return {}

    model = PersonTableModel(fetch)
    model.set_ids(list(range(100_000)))
    assert model.rowCount() == 100_000 and calls == []
    assert model.data(model.index(50_000, 0)) == "…"
    assert len(calls) == 1 and len(calls[0]) <= BLOCK_AFTER + 40 and 50_000 in calls[0]


def test_sorting_is_delegated_to_the_archive(qtbot) -> None:
    model = PersonTableModel(lambda ids: {})
    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(3, Qt.SortOrder.DescendingOrder)
    assert blocker.args == ["birth_date", True]


def test_rows_model_passes_the_model_tester(qtmodeltester) -> None:
    model: RowsTableModel[AssessmentRow] = RowsTableModel(
        [Column("年度", lambda a: str(a.year)), Column("考核等次", lambda a: a.grade.label)])
    pid = uuid.uuid4()
    model.set_rows([AssessmentRow(uuid.uuid4(), pid, y, AssessmentGrade.COMPETENT) for y in (2024, 2025)])
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 0)) == "2025"
