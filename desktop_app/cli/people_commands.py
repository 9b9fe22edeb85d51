"""Commands on the archive's contents: users, units, persons, records, assessments."""

from __future__ import annotations

import argparse
import uuid

from desktop_app.cli.common import NEW_PASSPHRASE_ENV, print_json, print_table, secret_from, signed_in
from desktop_app.domain.enums import AssessmentGrade, RecordKind, Role, SanctionKind, Severity
from desktop_app.errors import ValidationError
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.services.rows import PersonFile


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_users(sub)
    _register_units(sub)
    _register_persons(sub)
    _register_records(sub)


def _register_users(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = sub.add_parser("user", help="manage users").add_subparsers(dest="action", required=True)
    p = users.add_parser("add", help="add a user (passphrase from INTEGRITY_FILES_NEW_PASSPHRASE or a prompt)")
    p.add_argument("archive")
    p.add_argument("name")
    p.add_argument("--role", required=True, help=f"one of {Role.help_text()}")
    p.add_argument("--units", metavar="UNIT,...", type=_unit_list,
                   help="limit the user to these units and the units below them (id, 统一社会信用代码 or name, "
                        "comma-separated; default: the whole archive, or your own units if you are limited)")
    p.set_defaults(func=cmd_user_add)
    p = users.add_parser("remove", help="remove a user and their key slot")
    p.add_argument("archive")
    p.add_argument("name")
    p.set_defaults(func=lambda a: _simple(a, lambda s: s.users.remove(a.name), f"Removed {a.name}."))
    p = users.add_parser("list", help="list users")
    p.add_argument("archive")
    p.set_defaults(func=cmd_user_list)
    p = users.add_parser("scope", help="show, set or clear the units a user is limited to")
    p.add_argument("archive")
    p.add_argument("name")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--units", metavar="UNIT,...", type=_unit_list,
                       help="limit the user to exactly these units and the units below them "
                            "(id, 统一社会信用代码 or name, comma-separated)")
    which.add_argument("--all", action="store_true", help="give the user the whole archive again")
    p.set_defaults(func=cmd_user_scope)
    p = users.add_parser("passwd", help="change your own passphrase (new one from INTEGRITY_FILES_NEW_PASSPHRASE)")
    p.add_argument("archive")
    p.set_defaults(func=cmd_user_passwd)


def _register_units(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    units = sub.add_parser("unit", help="manage units").add_subparsers(dest="action", required=True)
    p = units.add_parser("add", help="add a unit")
    p.add_argument("archive")
    p.add_argument("--name", required=True)
    p.add_argument("--code", required=True, help="统一社会信用代码 (18 characters)")
    p.add_argument("--division", required=True, help="行政区划代码, e.g. 440106")
    p.add_argument("--level", help="省/市/县/乡 (default: from the division)")
    p.add_argument("--parent", help="name of the parent unit")
    p.set_defaults(func=cmd_unit_add)
    p = units.add_parser("list", help="list units")
    p.add_argument("archive")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_unit_list)


def _register_persons(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    persons = sub.add_parser("person", help="manage persons").add_subparsers(dest="action", required=True)
    p = persons.add_parser("add", help="open a person's file")
    p.add_argument("archive")
    p.add_argument("--name", required=True)
    p.add_argument("--id-number", required=True, help="公民身份号码 (18 characters)")
    p.add_argument("--unit", required=True, help="unit name")
    p.add_argument("--post", default="")
    p.add_argument("--rank", default="")
    p.add_argument("--category", default="")
    p.set_defaults(func=cmd_person_add)
    p = persons.add_parser("edit", help="change a person's name, unit, post or rank")
    p.add_argument("archive")
    p.add_argument("--id-number", required=True)
    for option in ("--name", "--unit", "--post", "--rank", "--category", "--status", "--reason"):
        p.add_argument(option)
    p.set_defaults(func=cmd_person_edit)
    p = persons.add_parser("list", help="list or search persons")
    p.add_argument("archive")
    p.add_argument("--search", default="", help="name, pinyin, initials, ID number or its last digits, unit")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_person_list)
    p = persons.add_parser("show", help="show a person's file with records and flags")
    p.add_argument("archive")
    p.add_argument("--id-number", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_person_show)


def _register_records(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    records = sub.add_parser("record", help="integrity records").add_subparsers(dest="action", required=True)
    p = records.add_parser("add", help="enter an integrity record")
    p.add_argument("archive")
    p.add_argument("--id-number", required=True)
    p.add_argument("--kind", required=True, help=f"one of {RecordKind.help_text()}")
    p.add_argument("--severity", help=f"one of {Severity.help_text()} (required for 失信 kinds)")
    p.add_argument("--decided-on", required=True, help="decision date YYYY-MM-DD")
    p.add_argument("--document-no", required=True, help="文号")
    p.add_argument("--authority", required=True, help="deciding authority")
    p.add_argument("--facts", required=True)
    p.add_argument("--sanction", help=f"for 纪律处分: one of {SanctionKind.help_text()}")
    p.add_argument("--draft", action="store_true", help="save as 草稿 instead of 已生效")
    p.set_defaults(func=cmd_record_add)
    p = records.add_parser("revoke", help="revoke a record (it stays in the file as 已撤销)")
    p.add_argument("archive")
    p.add_argument("--record", required=True, help="record id (from person show)")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=lambda a: _simple(a, lambda s: s.records.revoke(_uuid(a.record), reason=a.reason),
                                          "Record revoked."))
    assessments = sub.add_parser("assessment", help="annual assessments").add_subparsers(dest="action",
                                                                                         required=True)
    p = assessments.add_parser("set", help="set a person's annual assessment grade")
    p.add_argument("archive")
    p.add_argument("--id-number", required=True)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--grade", required=True, help=f"one of {AssessmentGrade.help_text()}")
    p.set_defaults(func=cmd_assessment_set)


def _simple(args: argparse.Namespace, action: object, message: str) -> int:
    with signed_in(args) as services:
        action(services)  # type: ignore[operator]
    print(message)
    return 0


def _uuid(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ValidationError(f"{text!r} is not a record id", field="record") from None


def _unit_list(text: str) -> list[str]:
    units = [u.strip() for u in text.replace("，", ",").split(",") if u.strip()]
    if not units:
        raise argparse.ArgumentTypeError("give at least one unit")
    return units


def _scope_text(units: tuple[str, ...]) -> str:
    return "、".join(units) if units else "whole archive"


def cmd_user_add(args: argparse.Namespace) -> int:
    passphrase = secret_from(NEW_PASSPHRASE_ENV, f"Passphrase for new user {args.name}: ", confirm=True)
    with signed_in(args) as services:
        row = services.users.add(args.name, args.role, passphrase, units=args.units)
    print(f"Added user {row.name} ({row.role.label}); units: {_scope_text(row.units)}.")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        users = services.users.list()
    print_table(["name", "role", "active", "units"],
                [[u.name, u.role.label, "yes" if u.active else "no", _scope_text(u.units)] for u in users])
    return 0


def cmd_user_scope(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        if args.all:
            services.users.clear_scope(args.name)
            units: tuple[str, ...] = ()
        elif args.units:
            units = tuple(u.name for u in services.users.set_scope(args.name, args.units))
        else:
            units = tuple(u.name for u in services.users.scope(args.name))
    print(f"{args.name}: {_scope_text(units)}")
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from desktop_app.cli.common import PASSPHRASE_ENV

    with signed_in(args) as services:
        old = secret_from(PASSPHRASE_ENV, "Current passphrase: ")
        services.users.change_own_passphrase(old, secret_from(NEW_PASSPHRASE_ENV, "New passphrase: ",
                                                               confirm=True))
    print("Passphrase changed.")
    return 0


def cmd_unit_add(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        unit = services.units.add(name=args.name, uscc=args.code, division_code=args.division,
                                  level=args.level, parent_name=args.parent)
    print(f"Added unit {unit.name} ({unit.division_name}).")
    return 0


def cmd_unit_list(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        units = services.units.list()
    if args.format == "json":
        print_json(units)
    else:
        print_table(["name", "code", "division", "level"],
                    [[u.name, u.uscc, u.division_name, u.level.label] for u in units])
    return 0


def cmd_person_add(args: argparse.Namespace) -> int:
    draft = PersonDraft(name=args.name, id_number=args.id_number, unit_name=args.unit, post=args.post,
                        rank=args.rank, category=args.category)
    with signed_in(args) as services:
        row = services.persons.add(draft)
    print(f"Opened the file of {row.name} ({row.id_number_masked}).")
    return 0


def cmd_person_edit(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        row = services.persons.edit(args.id_number, name=args.name, unit_name=args.unit, post=args.post,
                                    rank=args.rank, category=args.category, status=args.status,
                                    reason=args.reason or "")
    print(f"Updated {row.name} ({row.id_number_masked}), version {row.version}.")
    return 0


def cmd_person_list(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        rows = services.persons.search(args.search, limit=args.limit)
    if args.format == "json":
        print_json(rows)
    else:
        print_table(["name", "ID number", "unit", "post", "rank"],
                    [[r.name, r.id_number_masked, r.unit_name, r.post, r.rank] for r in rows])
    return 0


def cmd_person_show(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        file = services.persons.show(args.id_number)
    if args.format == "json":
        print_json(person_file_json(file))
        return 0
    p = file.person
    print(f"{p.name}  {p.id_number_masked}  {p.gender.label}  {p.birth_date}  {p.unit_name}  {p.post}  {p.rank}")
    for flag in file.flags:
        print(f"  [{flag.flag.label}] {flag.reason}")
    for r in file.records:
        print(f"  {r.id}  {r.polarity.label} {r.kind.label} {r.severity.label} {r.document_no} "
              f"{r.decided_on} {r.display_state}")
    for a in file.assessments:
        print(f"  {a.year} 年度考核 {a.grade.label}")
    return 0


def person_file_json(file: PersonFile) -> dict[str, object]:
    from desktop_app.cli.common import plain_json

    data: dict[str, object] = plain_json(file.person)
    data["records"] = [{**plain_json(r), "display_state": r.display_state, "kind_label": r.kind.label,
                        "state_label": r.state.label} for r in file.records]
    data["assessments"] = plain_json(file.assessments)
    data["flags"] = sorted({f.flag.value for f in file.flags})
    data["flag_reasons"] = [{"flag": f.flag.value, "label": f.flag.label, "reason": f.reason} for f in file.flags]
    return data


def cmd_record_add(args: argparse.Namespace) -> int:
    draft = RecordDraft(kind=args.kind, severity=args.severity, decided_on=args.decided_on,
                        document_no=args.document_no, authority=args.authority, facts=args.facts,
                        sanction=args.sanction, draft=args.draft)
    with signed_in(args) as services:
        person = services.persons.show(args.id_number).person
        row = services.records.add(person.id, draft)
    print(f"Record {row.id} added: {row.kind.label} {row.document_no} ({row.display_state}).")
    return 0


def cmd_assessment_set(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        person = services.persons.show(args.id_number).person
        row = services.records.set_assessment(person.id, args.year, args.grade)
    print(f"{args.year} assessment: {row.grade.label}.")
    return 0
