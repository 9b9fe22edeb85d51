"""Training from a terminal: courses, sessions, attendance and roster imports.

    integrity-files course add ARCHIVE --title T --topic 诚信教育 --mode 脱产 --hours 16 [--days 2]
    integrity-files session add ARCHIVE --course ID --starts-on D --ends-on D [--place P] [--trainer T]
    integrity-files attendance add ARCHIVE --session ID --id-number N [--leave-hours H] [--result 合格]
    integrity-files attendance import ARCHIVE --session ID FILE [--dry-run] [--encoding E] [--sheet NAME]

Course and session ids may be shortened to a unique prefix (at least 6 characters), as printed.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TypeAlias

import desktop_app.services.training_reports  # noqa: F401  (registers the training report kinds)
from desktop_app.cli.common import print_json, print_table, signed_in
from desktop_app.domain.training import AttendanceResult, CourseMode, CourseTopic
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.services.training import TrainingService
from desktop_app.services.training_roster import RosterEntry, RosterPreview
from desktop_app.services.training_rows import AttendanceEntry, CourseDraft, SessionDraft

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(sub: Sub) -> None:
    _register_courses(sub)
    _register_sessions(sub)
    _register_attendance(sub)


def _register_courses(sub: Sub) -> None:
    courses = sub.add_parser("course", help="training courses").add_subparsers(dest="action", required=True)
    p = courses.add_parser("add", help="add a course")
    p.add_argument("archive")
    p.add_argument("--title", required=True)
    p.add_argument("--topic", required=True, help=f"one of {CourseTopic.help_text()}")
    p.add_argument("--mode", required=True, help=f"one of {CourseMode.help_text()}")
    p.add_argument("--hours", required=True, help="学时, in steps of 0.5")
    p.add_argument("--days", default="0", help="days, in steps of 0.5")
    p.add_argument("--organizer", default="")
    p.set_defaults(func=cmd_course_add)
    p = courses.add_parser("list", help="list courses")
    p.add_argument("archive")
    p.add_argument("--search", default="", help="part of the title")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_course_list)


def _register_sessions(sub: Sub) -> None:
    sessions = sub.add_parser("session", help="sessions (期次) of courses").add_subparsers(dest="action",
                                                                                          required=True)
    p = sessions.add_parser("add", help="add a session of a course")
    p.add_argument("archive")
    p.add_argument("--course", required=True, help="course id (or a unique prefix)")
    p.add_argument("--starts-on", required=True, help="YYYY-MM-DD")
    p.add_argument("--ends-on", required=True, help="YYYY-MM-DD (its year is the year the hours count for)")
    p.add_argument("--place", default="")
    p.add_argument("--trainer", default="")
    p.set_defaults(func=cmd_session_add)
    p = sessions.add_parser("list", help="list sessions")
    p.add_argument("archive")
    p.add_argument("--course", help="course id (or a unique prefix)")
    p.add_argument("--year", type=int)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_session_list)


def _register_attendance(sub: Sub) -> None:
    attendance = sub.add_parser("attendance", help="attendance of sessions").add_subparsers(dest="action",
                                                                                            required=True)
    p = attendance.add_parser("add", help="put a person on a session, or change their marks")
    p.add_argument("archive")
    p.add_argument("--session", required=True, help="session id (or a unique prefix)")
    p.add_argument("--id-number", required=True)
    p.add_argument("--leave-hours", help="请假学时")
    p.add_argument("--hours", help="学时 earned (default: the course's, less the leave)")
    p.add_argument("--days", help="days earned")
    p.add_argument("--result", help=f"one of {AttendanceResult.help_text()}")
    p.add_argument("--certificate", help="certificate number")
    p.set_defaults(func=cmd_attendance_add)
    p = attendance.add_parser("list", help="the attendance sheet of a session")
    p.add_argument("archive")
    p.add_argument("--session", required=True)
    p.add_argument("--format", choices=("table", "json", "xlsx"), default="table")
    p.add_argument("-o", "--output", help="output file (xlsx)")
    p.set_defaults(func=cmd_attendance_list)
    p = attendance.add_parser("import", help="import a roster (CSV in UTF-8/GBK/GB18030, or XLSX); all lines or none")
    p.add_argument("archive")
    p.add_argument("file")
    p.add_argument("--session", required=True)
    p.add_argument("--dry-run", action="store_true", help="match the lines and show the result; write nothing")
    p.add_argument("--encoding", help="CSV encoding (default: detected among UTF-8, GBK, GB18030)")
    p.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    p.set_defaults(func=cmd_attendance_import)


def cmd_course_add(args: argparse.Namespace) -> int:
    draft = CourseDraft(title=args.title, topic=args.topic, mode=args.mode, hours=args.hours, days=args.days,
                        organizer=args.organizer)
    with signed_in(args) as services:
        row = TrainingService(services.ctx).add_course(draft)
    print(f"Course {row.id} added: {row.title} ({row.topic.label}, {row.mode.label}, {row.hours:g} 学时).")
    return 0


def cmd_course_list(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        rows = TrainingService(services.ctx).courses(args.search)
    if args.format == "json":
        print_json(rows)
        return 0
    print_table(["id", "title", "topic", "mode", "hours", "days", "organizer"],
                [[str(r.id)[:8], r.title, r.topic.label, r.mode.label, f"{r.hours:g}", f"{r.days:g}", r.organizer]
                 for r in rows])
    return 0


def cmd_session_add(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        training = TrainingService(services.ctx)
        course_id = resolve_id(args.course, [c.id for c in training.courses()], "course")
        row = training.add_session(course_id, SessionDraft(args.starts_on, args.ends_on, args.place, args.trainer))
    print(f"Session {row.id} added: {row.course_title} {row.starts_on}–{row.ends_on}.")
    return 0


def cmd_session_list(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        training = TrainingService(services.ctx)
        course_id = resolve_id(args.course, [c.id for c in training.courses()], "course") if args.course else None
        rows = training.sessions(course_id, args.year)
    if args.format == "json":
        print_json(rows)
        return 0
    print_table(["id", "course", "starts", "ends", "place", "trainer", "attendees"],
                [[str(r.id)[:8], r.course_title, str(r.starts_on), str(r.ends_on), r.place, r.trainer,
                  str(r.attendees)] for r in rows])
    return 0


def cmd_attendance_add(args: argparse.Namespace) -> int:
    entry = AttendanceEntry(leave_hours=args.leave_hours, hours_earned=args.hours, days_earned=args.days,
                            result=args.result, certificate_no=args.certificate)
    with signed_in(args) as services:
        training = TrainingService(services.ctx)
        session_id = resolve_id(args.session, [s.id for s in training.sessions()], "session")
        person = training.person_by_id_number(args.id_number)
        row = training.record_attendance(session_id, person.id, entry)
    note = f" ({row.note})" if row.note else ""
    print(f"{row.name}: {row.hours_earned:g} 学时, leave {row.leave_hours:g}, {row.result.label}{note}.")
    return 0


def cmd_attendance_list(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and not args.output:
        raise ValidationError("--format xlsx needs -o FILE.xlsx", field="output")
    with signed_in(args) as services:
        training = TrainingService(services.ctx)
        session_id = resolve_id(args.session, [s.id for s in training.sessions()], "session")
        table = training.sheet(session_id)
        if args.format == "xlsx":
            training.export_xlsx(table, Path(args.output))
            print(f"{table.title}: {len(table.rows)} rows written to {args.output}")
            return 0
    if args.format == "json":
        print_json({"title": table.title, "notes": list(table.notes),
                    "rows": [dict(zip(table.headers, row, strict=True)) for row in table.rows]})
        return 0
    print(table.title)
    for note in table.notes:
        print(note)
    print_table(list(table.headers), [["" if c is None else str(c) for c in row] for row in table.rows])
    return 0


def cmd_attendance_import(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        training = TrainingService(services.ctx)
        session_id = resolve_id(args.session, [s.id for s in training.sessions()], "session")
        preview = training.preview_roster_file(session_id, Path(args.file), encoding=args.encoding,
                                               sheet=args.sheet)
        _print_preview(preview)
        if preview.problems:
            print(f"error: {len(preview.problems)} line(s) match no person, several persons, or hold a bad "
                  "value; correct the file (or add the persons in the 培训 page) and import again. "
                  "Nothing was imported.", file=sys.stderr)
            return 1
        ready = [RosterEntry(line.line, line.person.id, line.entry) for line in preview.ready if line.person]
        if args.dry_run:
            print(f"Dry run: {len(ready)} line(s) would be imported; nothing was written.")
            return 0
        if not ready:
            print("Nothing to import: every line is already on the session.")
            return 0
        result = training.import_roster(session_id, ready, source=preview.source)
    print(f"Imported {result.added} attendee(s) from {preview.source}.")
    return 0


def _print_preview(preview: RosterPreview) -> None:
    where = f"encoding {preview.encoding}" if preview.encoding else f"sheet {preview.sheet}"
    print(f"{preview.source} ({where}): {len(preview.lines)} line(s), {len(preview.ready)} ready, "
          f"{len(preview.problems)} to resolve")
    if preview.unknown_columns:
        print(f"columns not used: {', '.join(preview.unknown_columns)}")
    shown = [line for line in preview.lines if line.status.value != "ready"]
    if shown:
        print_table(["line", "name", "ID number", "status", "candidates"],
                    [[str(line.line), line.name, _mask(line.id_text), line.status.label,
                      "; ".join(f"{c.name} {c.id_number_masked} {c.unit_name}" for c in line.candidates)]
                     for line in shown])


def _mask(text: str) -> str:
    return f"{text[:6]}********{text[-4:]}" if len(text) >= 15 else text


def resolve_id(text: str, known: Sequence[uuid.UUID], field: str) -> uuid.UUID:
    """A full id, or a unique prefix of at least 6 hex digits."""
    cleaned = text.strip().lower().replace("-", "")
    try:
        return uuid.UUID(cleaned)
    except ValueError:
        pass
    if len(cleaned) < 6 or any(ch not in "0123456789abcdef" for ch in cleaned):
        raise ValidationError(f"{text!r} is not a {field} id (give at least 6 characters)", field=field)
    found = [k for k in known if k.hex.startswith(cleaned)]
    if not found:
        raise NotFoundError(f"no {field} with an id starting {text!r}", field=field)
    if len(found) > 1:
        raise ValidationError(f"{len(found)} {field}s have ids starting {text!r}; give more characters",
                              field=field)
    return found[0]
