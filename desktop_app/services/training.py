"""Training (issue 7): integrity courses, their sessions, attendance, rosters, and the hour norms.

A trainer manages courses and attendance and sees of persons only their names, units and masked
ID numbers (``TraineeRow``); clerks and reviewers read. Each public method is one transaction; a
roster import writes all its lines through the bulk path or none.
"""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.id_number import parse_id_number
from desktop_app.domain.permissions import Permission
from desktop_app.domain.training import AttendanceResult, CourseMode, CourseTopic
from desktop_app.errors import NotFoundError, StateError, ValidationError
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.persons import _search_query
from desktop_app.services.reports import ReportTable
from desktop_app.services.scope import Target, UnitScope, scoped, unscoped
from desktop_app.services.training_import import import_entries
from desktop_app.services.training_norms import current_rules, norm_checks
from desktop_app.services.training_roster import (
    HEADER_NAMES,
    MAX_LINES,
    ImportResult,
    RosterEntry,
    RosterPreview,
    match_lines,
    trainee,
    unknown_headers,
)
from desktop_app.services.training_rows import (
    AttendanceEntry,
    AttendanceRow,
    AttendanceUpdate,
    CourseDraft,
    CourseRow,
    PersonNorm,
    SessionDraft,
    SessionRow,
    TraineeRow,
)
from desktop_app.services.training_sheets import attendance_sheet
from desktop_app.services.training_values import attendance_values, check_course, check_session
from desktop_app.store.models import Person, Unit
from desktop_app.store.models.training import Attendance, Course, TrainingSession
from desktop_app.tabular import open_table

MAX_PAGE = 200
M = TypeVar("M")


class TrainingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- courses and sessions ---------------------------------------------------------------

    @requires(Permission.TRAINING_WRITE)
    @unscoped("courses belong to no unit")
    def add_course(self, draft: CourseDraft) -> CourseRow:
        checked = check_course(draft)
        with self.ctx.write() as w:
            course = Course(**checked.values())
            w.insert(course, "course.create")
            return to_course_row(course)

    @requires(Permission.TRAINING_WRITE)
    @unscoped("courses belong to no unit")
    def edit_course(self, course_id: uuid.UUID, draft: CourseDraft) -> CourseRow:
        checked = check_course(draft)
        with self.ctx.write() as w:
            course = _get(w.session, Course, course_id, "course")
            w.update(course, checked.values(), "course.update")
            return to_course_row(course)

    @requires(Permission.TRAINING_READ)
    @unscoped("courses belong to no unit")
    def courses(self, text: str = "") -> list[CourseRow]:
        """Courses, newest first; ``text`` filters by a part of the title."""
        with self.ctx.read() as s:
            query = select(Course).order_by(Course.created_at.desc(), Course.id)
            if text.strip():
                query = query.where(Course.title.contains(text.strip()))
            return [to_course_row(c) for c in s.scalars(query)]

    @requires(Permission.TRAINING_WRITE)
    @unscoped("a session belongs to no unit; a new one has no attendees")
    def add_session(self, course_id: uuid.UUID, draft: SessionDraft) -> SessionRow:
        values = check_session(draft, self.ctx.today())
        with self.ctx.write() as w:
            course = _get(w.session, Course, course_id, "course")
            run = TrainingSession(course_id=course.id, **values)
            w.insert(run, "session.create")
            return to_session_row(run, course.title, 0)

    @requires(Permission.TRAINING_WRITE)
    @scoped(rows=True)  # the session belongs to no unit; its count of attendees is of the user's units
    def edit_session(self, session_id: uuid.UUID, draft: SessionDraft) -> SessionRow:
        values = check_session(draft, self.ctx.today())
        with self.ctx.write() as w:
            run = _get(w.session, TrainingSession, session_id, "session")
            w.update(run, values, "session.update")
            return _session_row(w.session, run, self.ctx.scope(w.session))

    @requires(Permission.TRAINING_READ)
    @scoped(rows=True)
    def sessions(self, course_id: uuid.UUID | None = None, year: int | None = None) -> list[SessionRow]:
        """Sessions, latest first, with their number of attendees (of the user's units)."""
        with self.ctx.read() as s:
            counts = (select(Attendance.session_id, func.count().label("n"))
                      .where(self.ctx.scope(s).where_person(Attendance.person_id)).group_by(Attendance.session_id)
                      .subquery())
            query = (select(TrainingSession, Course.title, func.coalesce(counts.c.n, 0))
                     .join(Course, Course.id == TrainingSession.course_id)
                     .outerjoin(counts, counts.c.session_id == TrainingSession.id)
                     .order_by(TrainingSession.starts_on.desc(), TrainingSession.id))
            if course_id is not None:
                query = query.where(TrainingSession.course_id == course_id)
            if year is not None:
                query = query.where(func.strftime("%Y", TrainingSession.ends_on) == f"{year:04d}")
            return [to_session_row(run, title, int(n)) for run, title, n in s.execute(query)]

    @requires(Permission.TRAINING_READ)
    @scoped(rows=True)
    def session(self, session_id: uuid.UUID) -> SessionRow:
        with self.ctx.read() as s:
            return _session_row(s, _get(s, TrainingSession, session_id, "session"), self.ctx.scope(s))

    @requires(Permission.TRAINING_READ)
    @unscoped("courses belong to no unit")
    def course(self, course_id: uuid.UUID) -> CourseRow:
        with self.ctx.read() as s:
            return to_course_row(_get(s, Course, course_id, "course"))

    # -- attendance -------------------------------------------------------------------------

    @requires(Permission.TRAINING_READ)
    @scoped(rows=True)
    def attendance(self, session_id: uuid.UUID) -> list[AttendanceRow]:
        """The attendees of a session (of the user's units), in pinyin order of their names."""
        with self.ctx.read() as s:
            _get(s, TrainingSession, session_id, "session")
            return _attendance_rows(s, session_id, self.ctx.scope(s))

    @requires(Permission.TRAINING_READ)
    @scoped(rows=True)
    def find_persons(self, text: str, *, limit: int = 20) -> list[TraineeRow]:
        """Persons to add: by name, pinyin, initials, ID number or its last digits, or unit."""
        if not text.strip():
            return []
        with self.ctx.read() as s:
            query = _search_query(select(Person, Unit.name).join(Unit, Person.unit_id == Unit.id), text, None)
            query = query.where(self.ctx.scope(s).where_unit(Person.unit_id))
            rows = s.execute(query.order_by(Person.name_pinyin, Person.id).limit(max(1, min(limit, MAX_PAGE))))
            return [trainee(p, unit_name) for p, unit_name in rows]

    @requires(Permission.TRAINING_READ)
    @scoped(id_number=Target.ID_NUMBER)
    def person_by_id_number(self, id_number: str) -> TraineeRow:
        with self.ctx.read() as s:
            number = parse_id_number(id_number, today=self.ctx.today()).value
            found = s.execute(select(Person, Unit.name).join(Unit, Person.unit_id == Unit.id)
                              .where(Person.id_number == number)).first()
            if found is None:
                raise NotFoundError(f"no person with the ID number ending in {number[-4:]}", field="id_number")
            return trainee(found[0], found[1])

    @requires(Permission.TRAINING_WRITE)
    @scoped(person_ids=Target.PERSONS)
    def add_attendees(self, session_id: uuid.UUID, person_ids: list[uuid.UUID]) -> list[AttendanceRow]:
        """Put persons on a session (those already on it are left as they are); returns the new rows."""
        with self.ctx.write() as w:
            run = _get(w.session, TrainingSession, session_id, "session")
            course = _get(w.session, Course, run.course_id, "course")
            present = set(w.session.scalars(select(Attendance.person_id).where(Attendance.session_id == run.id)))
            rules = current_rules(w.session)
            added = []
            for person_id in dict.fromkeys(person_ids):
                if person_id in present:
                    continue
                _get(w.session, Person, person_id, "person")
                row = Attendance(session_id=run.id, person_id=person_id,
                                 **attendance_values(course, AttendanceEntry(), None, rules))
                w.insert(row, "attendance.create")
                added.append(row.id)
            return [r for r in _attendance_rows(w.session, run.id, self.ctx.scope(w.session)) if r.id in set(added)]

    @requires(Permission.TRAINING_WRITE)
    @scoped(person_id=Target.PERSON)
    def record_attendance(self, session_id: uuid.UUID, person_id: uuid.UUID,
                          entry: AttendanceEntry) -> AttendanceRow:
        """Add a person to a session with their marks, or change the marks they have."""
        with self.ctx.write() as w:
            run = _get(w.session, TrainingSession, session_id, "session")
            course = _get(w.session, Course, run.course_id, "course")
            _get(w.session, Person, person_id, "person")
            rules = current_rules(w.session)
            current = w.session.scalar(select(Attendance).where(Attendance.session_id == run.id,
                                                                Attendance.person_id == person_id))
            if current is None:
                current = Attendance(session_id=run.id, person_id=person_id,
                                     **attendance_values(course, entry, None, rules))
                w.insert(current, "attendance.create")
            else:
                w.update(current, attendance_values(course, entry, current, rules), "attendance.update")
            return _one_row(w.session, current.id)

    @requires(Permission.TRAINING_WRITE)
    @scoped(updates=Target.ATTENDANCES)
    def mark(self, updates: list[AttendanceUpdate]) -> list[AttendanceRow]:
        """Save the marks of a grid in one transaction; a row someone else changed meanwhile refuses all.

        An error's ``line`` is the position (from 1) of the update that failed."""
        with self.ctx.write() as w:
            rules = current_rules(w.session)
            courses: dict[uuid.UUID, Course] = {}
            for position, update in enumerate(updates, start=1):
                row = _get(w.session, Attendance, update.attendance_id, "attendance")
                if row.version != update.version:
                    raise StateError("this attendance was changed by someone else meanwhile; reload and "
                                     "enter the marks again", field="attendance", code="stale_version", line=position)
                if row.session_id not in courses:
                    run = _get(w.session, TrainingSession, row.session_id, "session")
                    courses[row.session_id] = _get(w.session, Course, run.course_id, "course")
                try:
                    values = attendance_values(courses[row.session_id], update.entry, row, rules)
                except ValidationError as exc:  # ``line``: the position of the failing update in the list
                    raise ValidationError(exc.message, field=exc.field, line=position) from None
                w.update(row, values, "attendance.update")
            return [_one_row(w.session, u.attendance_id) for u in updates]

    # -- rosters ----------------------------------------------------------------------------

    @requires(Permission.TRAINING_WRITE)
    @scoped(rows=True)
    def preview_roster(self, session_id: uuid.UUID, rows: list[tuple[int, dict[str, str]]], *,
                       source: str = "") -> RosterPreview:
        """Match roster lines to persons (of the user's units); nothing is written."""
        with self.ctx.read() as s:
            _get(s, TrainingSession, session_id, "session")
            lines = match_lines(s, session_id, rows, self.ctx.today(), scope=self.ctx.scope(s))
        return RosterPreview(session_id, source, tuple(lines))

    @requires(Permission.TRAINING_WRITE)
    @scoped(rows=True)
    def preview_roster_file(self, session_id: uuid.UUID, path: Path, *, encoding: str | None = None,
                            sheet: str | None = None) -> RosterPreview:
        """Read a CSV (UTF-8/GBK/GB18030) or XLSX roster and match its lines; nothing is written."""
        with self.ctx.read() as s:
            _get(s, TrainingSession, session_id, "session")
        with open_table(Path(path), encoding=encoding, sheet=sheet, header_names=HEADER_NAMES) as table:
            info = table.info
            if not {"姓名", "身份证号"} & _known(info.headers):
                raise ValidationError("the roster needs a column 姓名 or 身份证号", field="header")
            rows = list(itertools.islice(table, MAX_LINES + 1))  # match_lines refuses more than MAX_LINES
        with self.ctx.read() as s:
            lines = match_lines(s, session_id, rows, self.ctx.today(), scope=self.ctx.scope(s))
        return RosterPreview(session_id, Path(path).name, tuple(lines), encoding=info.encoding, sheet=info.sheet,
                             sheets=info.sheets, unknown_columns=unknown_headers(info.headers))

    @requires(Permission.TRAINING_WRITE)
    @scoped(entries=Target.PERSONS)
    def import_roster(self, session_id: uuid.UUID, entries: list[RosterEntry], *,
                      source: str = "") -> ImportResult:
        """Put every entry on the session in one transaction (bulk path), or refuse them all."""
        archive = self.ctx.archive
        with archive.session(write=True) as s:
            added = import_entries(s, archive, self.ctx.user.name, session_id, entries, source)
        return ImportResult(added, session_id)

    # -- norms and sheets -------------------------------------------------------------------

    @requires(Permission.TRAINING_READ)
    @scoped(rows=True, unit_id=Target.UNIT)
    def norms(self, year: int, *, unit_id: uuid.UUID | None = None) -> list[PersonNorm]:
        """Every person's (of the user's units) 合格 hours and days for ``year`` against the norm of
        their rank tier."""
        with self.ctx.read() as s:
            return norm_checks(s, year, current_rules(s), unit_id=unit_id, scope=self.ctx.scope(s))

    @requires(Permission.TRAINING_READ)
    @scoped(rows=True)
    def sheet(self, session_id: uuid.UUID) -> ReportTable:
        """The attendance sheet (签到表/成绩单) of one session as a table (attendees of the user's units)."""
        with self.ctx.read() as s:
            scope = self.ctx.scope(s)
            run = _get(s, TrainingSession, session_id, "session")
            course = _get(s, Course, run.course_id, "course")
            return attendance_sheet(to_course_row(course), _session_row(s, run, scope),
                                    _attendance_rows(s, run.id, scope))

    @requires(Permission.TRAINING_READ)
    @unscoped("writes a table the caller already holds (read within the scope)")
    def export_xlsx(self, table: ReportTable, path: Path) -> Path:
        """Write a training table as XLSX; the export is audited."""
        from desktop_app.services.spreadsheet import write_xlsx

        write_xlsx(Path(path), table)
        with self.ctx.write() as w:
            w.audit("training.export", detail={"title": table.title, "rows": len(table.rows), "format": "xlsx"})
        return Path(path)


def _known(headers: tuple[str, ...]) -> set[str]:
    from desktop_app.services.training_roster import canonical_columns

    fields = canonical_columns(dict.fromkeys(headers, ""))
    return {"姓名" if "name" in fields else "", "身份证号" if "id_number" in fields else ""} - {""}


def _get(session: Session, model: type[M], key: uuid.UUID, field: str) -> M:
    found = session.get(model, key) if isinstance(key, uuid.UUID) else None
    if found is None:
        raise NotFoundError(f"no such {field}", field=field)
    return found


def to_course_row(c: Course) -> CourseRow:
    return CourseRow(c.id, c.title, CourseTopic(c.topic), CourseMode(c.mode), c.organizer, c.hours, c.days, c.version)


def to_session_row(run: TrainingSession, title: str, attendees: int) -> SessionRow:
    return SessionRow(run.id, run.course_id, title, run.starts_on, run.ends_on, run.place, run.trainer, attendees,
                      run.version)


def _session_row(s: Session, run: TrainingSession, scope: UnitScope) -> SessionRow:
    title = s.scalar(select(Course.title).where(Course.id == run.course_id)) or ""
    count = s.scalar(select(func.count()).select_from(Attendance).where(
        Attendance.session_id == run.id, scope.where_person(Attendance.person_id))) or 0
    return to_session_row(run, title, int(count))


_ATTENDEES = (select(Attendance, Person, Unit.name).join(Person, Person.id == Attendance.person_id)
              .join(Unit, Unit.id == Person.unit_id))


def _attendance_rows(s: Session, session_id: uuid.UUID, scope: UnitScope) -> list[AttendanceRow]:
    query = (_ATTENDEES.where(Attendance.session_id == session_id, scope.where_unit(Person.unit_id))
             .order_by(Person.name_pinyin, Person.id))
    return [_to_row(a, p, u) for a, p, u in s.execute(query)]


def _one_row(s: Session, attendance_id: uuid.UUID) -> AttendanceRow:
    a, p, u = s.execute(_ATTENDEES.where(Attendance.id == attendance_id)).one()
    return _to_row(a, p, u)


def _to_row(a: Attendance, p: Person, unit_name: str) -> AttendanceRow:
    t = trainee(p, unit_name)
    return AttendanceRow(a.id, a.session_id, a.person_id, t.name, t.id_number_masked, t.unit_name, a.hours_earned,
                         a.days_earned, a.leave_hours, AttendanceResult(a.result), a.certificate_no, a.note, a.version)

