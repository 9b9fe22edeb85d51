"""Demo data through the bulk path: same rows, changes and audit entries as the ORM path."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from desktop_app.domain.enums import RecordKind, RecordState
from desktop_app.services import Services
from desktop_app.services.demo import Cancelled
from desktop_app.store.digest import digest, row_values
from desktop_app.store.models import AuditEntry, Change, IntegrityRecord, Person


def test_bulk_rows_read_back_like_orm_rows(make_archive: Callable[..., Services]) -> None:
    services = make_archive()
    summary = services.demo.load(persons=300, seed=7)
    assert summary.persons == 300 and summary.records > 0 and summary.assessments == 900
    with services.ctx.read() as s:
        person = s.scalars(select(Person).limit(1)).one()
        entry = s.scalars(select(AuditEntry).where(AuditEntry.object_id == person.id.hex)).one()
        assert digest(row_values(person)) == entry.after_digest  # converters store what the ORM stores
        change = s.scalars(select(Change).where(Change.entity_id == person.id)).one()
        assert change.values["name"] == person.name and change.values["birth_date"] == person.birth_date.isoformat()
        kinds = set(s.scalars(select(IntegrityRecord.kind).distinct()))
        states = set(s.scalars(select(IntegrityRecord.state).distinct()))
        total = s.scalar(select(func.count()).select_from(Change))
    assert kinds == {k.value for k in RecordKind} and states == {st.value for st in RecordState}
    assert total == summary.units + 300 + summary.records + 900 + 1  # + the admin user
    assert services.maintenance.verify().ok
    assert services.persons.count("zs") >= 1


def test_cancel_rolls_everything_back(make_archive: Callable[..., Services]) -> None:
    services = make_archive()
    calls: list[int] = []
    with pytest.raises(Cancelled):
        services.demo.load(persons=5000, progress=lambda done, total: calls.append(done), cancel=lambda: True)
    assert calls == [2000]
    assert services.persons.count() == 0 and services.units.list() == []
    assert services.maintenance.verify().ok
