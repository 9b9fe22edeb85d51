"""The demo archive's casework (``demo.showcase``): training, objections and repairs in every state,
written through the services so the archive verifies and every page of the demo shows something."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.demo.showcase import ATTENDEES_PER_SESSION, COURSES, add_showcase
from desktop_app.domain.enums import RecordState
from desktop_app.domain.objections import ObjectionOutcome, ObjectionState
from desktop_app.domain.repair import RepairState
from desktop_app.domain.training import AttendanceResult
from desktop_app.services import Services
from desktop_app.services.rows import RecordRow
from desktop_app.ui.demo_setup import DEMO_PASSPHRASE, ensure_demo_archive
from tests.conftest import TODAY
from tests.integration.test_cli import run


@pytest.fixture
def demo(make_archive: Callable[..., Services]) -> Services:
    services = make_archive()
    services.demo.load(persons=300)
    return services


def casework(services: Services) -> tuple[list[tuple[str, str, str | None]], list[tuple[str, str]], int]:
    """What the casework is, by record document number: comparable across two archives."""
    documents = {r.id: r.document_no for p in services.persons.search(limit=1000)
                 for r in services.persons.show_by_id(p.id).records}
    objections = sorted((documents[o.record_id], o.state.value, o.outcome.value if o.outcome else None)
                        for o in services.objections.search())
    repairs = sorted((documents[a.record_id], a.state.value) for a in services.repair.search())
    attendances = sum(len(services.training.attendance(s.id)) for s in services.training.sessions())
    return objections, repairs, attendances


def test_the_casework_covers_every_state_and_the_archive_verifies(demo: Services) -> None:
    summary = add_showcase(demo)
    assert (summary.courses, summary.sessions, summary.objections, summary.repairs) == (3, 9, 8, 5)
    assert summary.attendances == 9 * ATTENDEES_PER_SESSION

    objections = demo.objections.search()
    assert Counter(o.state for o in objections) == {ObjectionState.REGISTERED: 2, ObjectionState.ACCEPTED: 1,
                                                    ObjectionState.VERIFYING: 1, ObjectionState.REFUSED: 1,
                                                    ObjectionState.CLOSED: 3}
    assert {o.outcome for o in objections if o.outcome} == {ObjectionOutcome.UPHELD, ObjectionOutcome.CORRECTED,
                                                            ObjectionOutcome.REVOKED}
    assert demo.objections.count_open() == 4 and demo.objections.overdue(), "an objection past its deadline"
    assert {a.state for a in demo.repair.search()} == set(RepairState)

    def record_of(record_id: uuid.UUID) -> RecordRow:
        return next(r for p in demo.persons.search(limit=1000) for r in demo.persons.show_by_id(p.id).records
                    if r.id == record_id)

    by_outcome = {o.outcome: o for o in objections if o.outcome}
    assert record_of(by_outcome[ObjectionOutcome.REVOKED].record_id).state is RecordState.REVOKED
    assert record_of(by_outcome[ObjectionOutcome.CORRECTED].record_id).facts.endswith("（经异议核查更正）")
    granted = next(a for a in demo.repair.search() if a.state is RepairState.GRANTED)
    assert record_of(granted.record_id).state is RecordState.REPAIRED
    for o in objections:
        if o.state in (ObjectionState.REGISTERED, ObjectionState.ACCEPTED, ObjectionState.VERIFYING):
            assert record_of(o.record_id).under_objection

    sessions = demo.training.sessions()
    assert len({s.course_title for s in sessions}) == len(COURSES)
    past = [s for s in sessions if s.starts_on < TODAY]
    coming = [s for s in sessions if s.starts_on > TODAY]
    assert (len(past), len(coming)) == (6, 3)
    marked = [a for s in past for a in demo.training.attendance(s.id)]
    assert {a.result for a in marked} == {AttendanceResult.PASSED, AttendanceResult.FAILED}
    # failed: marked so (no hours), or by the 1/7 rule (leave above a seventh of the course)
    assert all(a.hours_earned == 0 or a.leave_hours > 0 for a in marked if a.result is AttendanceResult.FAILED)
    assert any(a.leave_hours > 0 for a in marked)
    assert all(a.result is AttendanceResult.PENDING for s in coming for a in demo.training.attendance(s.id))
    assert demo.maintenance.verify().ok


def test_the_same_seed_and_day_give_the_same_casework(make_archive: Callable[..., Services]) -> None:
    built = []
    for name in ("one.db", "two.db"):
        services = make_archive(name)
        services.demo.load(persons=300)
        add_showcase(services)
        built.append(casework(services))
    assert built[0] == built[1] and built[0][0]


def test_a_tiny_demo_gets_what_casework_it_can(make_archive: Callable[..., Services]) -> None:
    services = make_archive()
    services.demo.load(persons=5)
    summary = add_showcase(services)
    assert summary.attendances == 9 * 5 and summary.courses == 3
    assert len(services.objections.search()) == summary.objections <= 8
    assert services.maintenance.verify().ok


def test_the_cli_adds_casework_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", "demo passphrase 2026")
    path = str(tmp_path / "demo.db")
    code, out, _ = run(capsys, "demo", path, "--persons", "200", "--casework")
    assert code == 0 and "200 persons" in out
    assert "Casework: 3 courses, 9 sessions, 360 attendances, 8 objections, 5 repair applications" in out
    code, out, _ = run(capsys, "objection", "list", path)
    assert code == 0 and "已登记" in out and "已办结" in out
    assert run(capsys, "verify", path)[0] == 0


def test_the_desktop_demo_archive_has_casework(tmp_path: Path) -> None:
    path = ensure_demo_archive(tmp_path / "demo" / "demo-archive.db", persons=120)
    services = Services.sign_in(path, "admin", DEMO_PASSPHRASE)
    try:
        assert services.objections.search() and services.repair.search() and services.training.sessions()
    finally:
        services.close()
