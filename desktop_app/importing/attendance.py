"""Importing the attendance of one training session: the training feature's roster matching
(``services.training_roster.match_lines``) and its bulk write (``services.training_import``), with
the import's report, re-run and update rules on top.

A line names a person by ID number or by name (and unit); a person not yet on the session is
added with the line's marks, one already on it gets the marks that differ (an update), anything
that does not match exactly one person is a problem of the line.
"""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import IntegrityFilesError, NotFoundError
from desktop_app.importing.engine import CHUNK, Blame, Plan, WriteContext, chunks, merge_changes, tick
from desktop_app.importing.fields import ImportKind
from desktop_app.importing.lines import LineCheck
from desktop_app.services.training_import import import_entries
from desktop_app.services.training_norms import current_rules
from desktop_app.services.training_roster import LineStatus, RosterEntry, RosterLine, match_lines
from desktop_app.services.training_values import attendance_values
from desktop_app.store.archive import Archive
from desktop_app.store.models.training import Attendance, Course, TrainingSession
from desktop_app.store.writer import Changes, Writer

_BLAME = {LineStatus.ID_INVALID: "id_number", LineStatus.MISMATCH: "name", LineStatus.AMBIGUOUS: "name",
          LineStatus.UNIT_MISMATCH: "unit"}


@dataclass(frozen=True, slots=True)
class AttendanceLine:
    line: int
    values: dict[str, str]


class AttendanceImporter:
    kind = ImportKind.ATTENDANCE
    chunked = False  # lines are matched as one roster

    def __init__(self, session_id: uuid.UUID, archive: Archive) -> None:
        self.session_id = session_id
        self.archive = archive  # the roster's bulk write takes the device and clock from it

    def parse(self, check: LineCheck, today: date) -> AttendanceLine | None:
        if not check.text("name") and not check.text("id_number") and check.ok:
            check.add("id_number" if check.mapped("id_number") else "name", "invalid",
                      "neither a name nor an ID number")
        if not check.ok:
            return None
        return AttendanceLine(check.line, {k: v.strip() for k, v in check.values.items()})

    def key(self, item: AttendanceLine) -> tuple[Hashable, str, str]:
        return item.line, "", ""  # the same person twice is found by matching (below)

    def plan(self, session: Session, items: Sequence[AttendanceLine], today: date,
             blame: Blame) -> Plan[AttendanceLine]:
        run = session.get(TrainingSession, self.session_id) if isinstance(self.session_id, uuid.UUID) else None
        if run is None:
            raise NotFoundError("no such session", field="session")
        course = session.get(Course, run.course_id)
        assert course is not None  # foreign key
        rules = current_rules(session)
        present = {a.person_id: a for a in session.scalars(select(Attendance).where(Attendance.session_id == run.id))}
        by_line = {item.line: item for item in items}
        plan: Plan[AttendanceLine] = Plan()
        first_line: dict[uuid.UUID, int] = {}
        for roster in match_lines(session, run.id, [(i.line, i.values) for i in items], today):
            item = by_line[roster.line]
            person = roster.person
            if person is not None and roster.status in (LineStatus.READY, LineStatus.ENROLLED, LineStatus.DUPLICATE):
                if person.id in first_line:
                    plan.problems.append(blame(item.line, _who(item), "duplicate",
                                               f"the same person as line {first_line[person.id]} of the file"))
                    continue
                first_line[person.id] = item.line
            if roster.status is LineStatus.READY:
                self._plan_new(plan, item, roster, course, rules, blame)
            elif roster.status in (LineStatus.ENROLLED, LineStatus.DUPLICATE) and person is not None \
                    and person.id in present:
                self._plan_present(plan, item, roster, present[person.id], course, rules, blame)
            else:
                field = roster.bad_field or _BLAME.get(roster.status) or _who(item)
                reason = roster.problem or roster.status.value
                plan.problems.append(blame(item.line, field, roster.status.value, reason))
        return plan

    def _plan_new(self, plan: Plan[AttendanceLine], item: AttendanceLine, roster: RosterLine, course: Course,
                  rules: Any, blame: Blame) -> None:
        try:
            attendance_values(course, roster.entry, None, rules)
        except IntegrityFilesError as exc:
            plan.problems.append(blame(item.line, exc.field, exc.code, exc.message))
            return
        assert roster.person is not None
        plan.inserts.append((item, {"entry": RosterEntry(item.line, roster.person.id, roster.entry)}))

    def _plan_present(self, plan: Plan[AttendanceLine], item: AttendanceLine, roster: RosterLine,
                      current: Attendance, course: Course, rules: Any, blame: Blame) -> None:
        try:
            wanted = attendance_values(course, roster.entry, current, rules)
        except IntegrityFilesError as exc:
            plan.problems.append(blame(item.line, exc.field, exc.code, exc.message))
            return
        changed = {k: v for k, v in wanted.items() if getattr(current, k) != v}
        if changed:
            assert roster.person is not None
            plan.updates.append((item, current.id, wanted, f"{roster.person.name} {roster.person.id_number_masked}"))
        else:
            plan.unchanged += 1

    def apply(self, ctx: WriteContext, plan: Plan[AttendanceLine]) -> Changes:
        changes = Changes()
        entries = [resolved["entry"] for _item, resolved in plan.inserts]
        if entries:
            import_entries(ctx.session, self.archive, ctx.actor.user_name, self.session_id, entries, ctx.source)
            changes.add("attendance", self.session_id)  # the session whose attendance changed
        tick(ctx, len(entries), len(entries) + len(plan.updates))
        writer = Writer(ctx.session, ctx.actor, ctx.clock)
        for batch in chunks(plan.updates, CHUNK):
            objects = {a.id: a for a in ctx.session.scalars(select(Attendance).where(
                Attendance.id.in_([u[1] for u in batch])))}
            for item, attendance_id, wanted, _key in batch:
                writer.update(objects[attendance_id], wanted, "attendance.update",
                              detail={"import": ctx.source, "line": item.line})
        writer.finish()
        return merge_changes(changes, writer.changes)


def _who(item: AttendanceLine) -> str:
    return "id_number" if item.values.get("id_number") else "name"

