"""The roster import: checked entries written through the bulk path in the caller's transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import DuplicateError, IntegrityFilesError, NotFoundError, ValidationError
from desktop_app.services.training_norms import current_rules
from desktop_app.services.training_roster import CHUNK, MAX_LINES, RosterEntry
from desktop_app.services.training_values import attendance_values
from desktop_app.store.archive import Archive
from desktop_app.store.bulk import BulkWriter
from desktop_app.store.models import Person
from desktop_app.store.models.training import Attendance, Course, TrainingSession
from desktop_app.store.writer import Actor


def import_entries(s: Session, archive: Archive, user_name: str, session_id: uuid.UUID,
                   entries: Sequence[RosterEntry], source: str) -> int:
    """Check every entry, then insert all; the first bad entry refuses the whole roster (with its line)."""
    if not entries:
        raise ValidationError("the roster has no line to import", field="file")
    if len(entries) > MAX_LINES:
        raise ValidationError(f"a roster has at most {MAX_LINES} lines (out of range)", field="file")
    run = s.get(TrainingSession, session_id) if isinstance(session_id, uuid.UUID) else None
    if run is None:
        raise NotFoundError("no such session", field="session")
    course = s.get(Course, run.course_id)
    assert course is not None  # foreign key
    rules = current_rules(s)
    present = set(s.scalars(select(Attendance.person_id).where(Attendance.session_id == run.id)))
    ids = [e.person_id for e in entries]
    known: set[uuid.UUID] = set()
    for i in range(0, len(ids), CHUNK):
        known.update(s.scalars(select(Person.id).where(Person.id.in_(ids[i:i + CHUNK]))))
    rows: list[dict[str, Any]] = []
    seen: set[uuid.UUID] = set()
    for entry in entries:
        if entry.person_id not in known:
            raise NotFoundError("no such person", field="person", line=entry.line)
        if entry.person_id in present:
            raise DuplicateError("this person is already on the session", field="person", line=entry.line)
        if entry.person_id in seen:
            raise DuplicateError("this person appears twice in the roster", field="person", line=entry.line)
        seen.add(entry.person_id)
        try:
            values = attendance_values(course, entry.entry, None, rules)
        except IntegrityFilesError as exc:
            raise type(exc)(exc.message, field=exc.field, line=entry.line) from None
        rows.append({"id": uuid.uuid4(), "session_id": run.id, "person_id": entry.person_id, **values})
    bulk = BulkWriter(s, Actor(user_name, archive.device_id), archive.clock)
    bulk.insert_rows(Attendance, rows, "attendance.import")
    bulk.audit("attendance.import", detail={"session": run.id.hex, "rows": len(rows), "source": source[:200]})
    bulk.finish()
    return len(rows)
