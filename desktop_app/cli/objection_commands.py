"""``integrity-files objection|repair|policy|headcount ...``: the same services and rules as the GUI.

Records are named by their id (``person show --format json`` lists them); objections and repair
applications by the id ``file``/``apply`` print. Dates are YYYY-MM-DD and default to today.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import Any, TypeAlias

from desktop_app.cli.common import print_json, print_table, signed_in
from desktop_app.domain.enums import RecordKind, SanctionKind, Severity
from desktop_app.domain.objections import ObjectionOutcome
from desktop_app.domain.policy import CALENDAR_KEY_HELP, SETTINGS
from desktop_app.errors import ValidationError
from desktop_app.services import consequence_reports  # noqa: F401  (registers the reports)
from desktop_app.services.consequence_reports import HeadcountService
from desktop_app.services.evidence import EvidenceFile
from desktop_app.services.objections import (
    ObjectionDecision,
    ObjectionDraft,
    ObjectionRow,
    ObjectionService,
    RecordCorrection,
)
from desktop_app.services.policy import PolicyService, PolicyView
from desktop_app.services.repair import RepairDraft, RepairRow, RepairService

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(sub: Sub) -> None:
    _register_objections(sub)
    _register_repairs(sub)
    _register_policy(sub)
    _register_headcount(sub)


def _command(group: Sub, name: str, help_text: str, func: Any, *, archive: bool = True) -> argparse.ArgumentParser:
    p = group.add_parser(name, help=help_text)
    if archive:
        p.add_argument("archive")
    p.set_defaults(func=func)
    return p


def _register_objections(sub: Sub) -> None:
    group = sub.add_parser("objection", help="objections (异议) to records").add_subparsers(dest="action",
                                                                                          required=True)
    p = _command(group, "file", "register an objection against a record", cmd_objection_file)
    p.add_argument("--record", required=True, help="record id (from person show --format json)")
    p.add_argument("--applicant", required=True)
    p.add_argument("--grounds", required=True)
    p.add_argument("--received-on", help="date received (default today)")
    p.add_argument("--evidence", action="append", default=[], metavar="FILE", help="evidence file (repeatable)")
    for name, help_text in (("accept", "受理 an objection"), ("verify", "forward to the data provider (核查中)")):
        p = _command(group, name, help_text, cmd_objection_step)
        p.add_argument("--objection", required=True)
        p.add_argument("--on", help="date (default today)")
    p = _command(group, "refuse", "不予受理, with the written reply", cmd_objection_step)
    p.add_argument("--objection", required=True)
    p.add_argument("--reply", required=True)
    p.add_argument("--on")
    p = _command(group, "decide", "办结: 更正/撤销/维持/无法确认", cmd_objection_decide)
    p.add_argument("--objection", required=True)
    p.add_argument("--outcome", required=True, help=f"one of {ObjectionOutcome.help_text()}")
    p.add_argument("--reply", required=True, help="the written reply to the applicant")
    p.add_argument("--findings", default="", help="what verification found (required for 维持 and 无法确认)")
    p.add_argument("--on")
    p.add_argument("--kind", help=f"更正: {RecordKind.help_text()}")
    p.add_argument("--severity", help=f"更正: {Severity.help_text()}")
    p.add_argument("--sanction", help=f"更正: {SanctionKind.help_text()}")
    p.add_argument("--no-sanction", action="store_true", help="更正: remove the sanction grade")
    p.add_argument("--decided-on", help="更正: decision date")
    p.add_argument("--document-no", help="更正: 文号")
    p.add_argument("--authority", help="更正: deciding authority")
    p.add_argument("--facts", help="更正: facts")
    p = _command(group, "override", "let the record restrict awards while the objection is open (or lift it)",
                 cmd_objection_override)
    p.add_argument("--objection", required=True)
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--restrict", action="store_true")
    choice.add_argument("--lift", action="store_true")
    p.add_argument("--reason", required=True)
    p = _command(group, "evidence", "add evidence files to an open objection", cmd_objection_evidence)
    p.add_argument("--objection", required=True)
    p.add_argument("files", nargs="+", metavar="FILE")
    p = _command(group, "export", "write one attached file to disk (audited)", cmd_export)
    p.add_argument("--attachment", required=True)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(owner="objection")
    p = _command(group, "list", "list objections", cmd_objection_list)
    p.add_argument("--open", action="store_true", help="only open ones")
    p.add_argument("--overdue", action="store_true", help="only those past their deadline")
    p.add_argument("--record", help="only those against this record")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p = _command(group, "show", "show one objection", cmd_objection_show)
    p.add_argument("--objection", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")


def _register_repairs(sub: Sub) -> None:
    group = sub.add_parser("repair", help="credit repair (信用修复)").add_subparsers(dest="action", required=True)
    p = _command(group, "check", "may a record be repaired now, and if not, from when", cmd_repair_check)
    p.add_argument("--record", required=True)
    p.add_argument("--on")
    p = _command(group, "apply", "register a repair application", cmd_repair_apply)
    p.add_argument("--record", required=True, help="record id (from person show --format json)")
    p.add_argument("--applicant", required=True)
    p.add_argument("--obligations-met", action="store_true", help="the obligations of the decision are fulfilled")
    p.add_argument("--proof", action="append", default=[], metavar="FILE", help="proof of fulfilment (repeatable)")
    p.add_argument("--commitment", action="append", default=[], metavar="FILE",
                   help="the signed commitment letter 信用修复承诺书 (repeatable for pages)")
    p.add_argument("--statement", default="")
    p.add_argument("--applied-on", help="date of the application (default today)")
    p = _command(group, "accept", "受理 an application", cmd_repair_step)
    p.add_argument("--application", required=True)
    p.add_argument("--on")
    p = _command(group, "refuse", "不予受理, with the reason", cmd_repair_step)
    p.add_argument("--application", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--on")
    p = _command(group, "decide", "准予 or 不予, with the reason", cmd_repair_step)
    p.add_argument("--application", required=True)
    p.add_argument("--outcome", required=True, help="准予/granted or 不予/denied")
    p.add_argument("--reason", required=True)
    p.add_argument("--on")
    p = _command(group, "evidence", "add files to an open application", cmd_repair_evidence)
    p.add_argument("--application", required=True)
    p.add_argument("--purpose", default="proof", help="proof or commitment")
    p.add_argument("files", nargs="+", metavar="FILE")
    p = _command(group, "export", "write one attached file to disk (audited)", cmd_export)
    p.add_argument("--attachment", required=True)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(owner="repair")
    p = _command(group, "list", "list repair applications", cmd_repair_list)
    p.add_argument("--open", action="store_true")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--record")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p = _command(group, "show", "show one application", cmd_repair_show)
    p.add_argument("--application", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    _command(group, "expire", "mark records whose publication has ended as 公示期满", cmd_repair_expire)


def _register_policy(sub: Sub) -> None:
    group = sub.add_parser("policy", help="the policy profile (periods, deadlines, norms)").add_subparsers(
        dest="action", required=True)
    p = _command(group, "show", "show the current profile, one version, or the history", cmd_policy_show)
    p.add_argument("--version", type=int)
    p.add_argument("--history", action="store_true")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p = _command(group, "set", "store a new profile version (administrator only)", cmd_policy_set)
    p.add_argument("settings", nargs="+", metavar="KEY=VALUE",
                   help="keys: " + ", ".join(s.key for s in SETTINGS) + "; " + CALENDAR_KEY_HELP)
    p.add_argument("--note", required=True, help="why the profile changes (e.g. the new regulation)")


def _register_headcount(sub: Sub) -> None:
    group = sub.add_parser("headcount", help="persons on each unit's roster (for 建档率)").add_subparsers(
        dest="action", required=True)
    p = _command(group, "set", "set a unit's roster headcount for a year", cmd_headcount_set)
    p.add_argument("--unit", required=True)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--headcount", type=int, required=True)


# -- objections ----------------------------------------------------------------------------------

def cmd_objection_file(args: argparse.Namespace) -> int:
    draft = ObjectionDraft(applicant=args.applicant, grounds=args.grounds, received_on=args.received_on,
                           evidence=tuple(EvidenceFile.from_path(f) for f in args.evidence))
    with signed_in(args) as services:
        row = ObjectionService(services.ctx).file(_id(args.record, "record"), draft)
    print(f"Objection {row.id} registered ({row.state.label}); the record shows 异议处理中. {_due_text(row)}")
    return 0


def cmd_objection_step(args: argparse.Namespace) -> int:
    objection = _id(args.objection, "objection")
    with signed_in(args) as services:
        service = ObjectionService(services.ctx)
        if args.action == "accept":
            row = service.accept(objection, on=args.on)
        elif args.action == "verify":
            row = service.start_verification(objection, on=args.on)
        else:
            row = service.refuse(objection, reply=args.reply, on=args.on)
    print(f"Objection {row.id}: {row.state.label}. {_due_text(row)}")
    return 0


def cmd_objection_decide(args: argparse.Namespace) -> int:
    fields = {k: getattr(args, k) for k in ("kind", "severity", "sanction", "decided_on", "document_no",
                                            "authority", "facts")}
    correction = None
    if any(fields.values()) or args.no_sanction:
        correction = RecordCorrection(**fields, clear_sanction=args.no_sanction)
    decision = ObjectionDecision(outcome=args.outcome, reply=args.reply, findings=args.findings, on=args.on,
                                 correction=correction)
    with signed_in(args) as services:
        row = ObjectionService(services.ctx).decide(_id(args.objection, "objection"), decision)
    print(f"Objection {row.id}: {row.state.label}, {row.outcome.label if row.outcome else ''}.")
    return 0


def cmd_objection_override(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        row = ObjectionService(services.ctx).override_restriction(_id(args.objection, "objection"),
                                                                  restrict=args.restrict, reason=args.reason)
    print(f"Objection {row.id}: the record {'restricts' if row.restricts_awards else 'does not restrict'} "
          "awards while it is open.")
    return 0


def cmd_objection_evidence(args: argparse.Namespace) -> int:
    files = [EvidenceFile.from_path(f) for f in args.files]
    with signed_in(args) as services:
        row = ObjectionService(services.ctx).add_evidence(_id(args.objection, "objection"), files)
    print(f"Objection {row.id}: {len(row.attachments)} files.")
    return 0


def cmd_objection_list(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        service = ObjectionService(services.ctx)
        if args.overdue:
            rows = service.overdue()
        else:
            record = _id(args.record, "record") if args.record else None
            rows = service.search(open_only=args.open, record_id=record, limit=args.limit)
    if args.format == "json":
        print_json([objection_json(r) for r in rows])
    else:
        print_table(["id", "name", "document", "received", "state", "due", "late", "outcome"],
                    [[str(r.id), r.person_name, r.document_no, r.received_on.isoformat(), r.state.label,
                      _day(r.deadline.due_on) + ("*" if r.deadline.estimated else ""),
                      str(r.deadline.days_overdue) if r.deadline.overdue else "",
                      r.outcome.label if r.outcome else ""] for r in rows])
        if any(r.deadline.estimated for r in rows):
            print("* estimated: the holiday arrangement of that year is not known yet")
    return 0


def cmd_objection_show(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        row = ObjectionService(services.ctx).get(_id(args.objection, "objection"))
    if args.format == "json":
        print_json(objection_json(row))
        return 0
    print(f"{row.id}  {row.person_name}  {row.document_no}  {row.state.label}  {_due_text(row)}")
    print(f"  applicant: {row.applicant}  received: {row.received_on}  grounds: {row.grounds}")
    if row.outcome:
        print(f"  outcome: {row.outcome.label}  closed: {row.closed_on}  findings: {row.findings}")
    if row.reply:
        print(f"  reply: {row.reply}")
    for a in row.attachments:
        print(f"  file {a.id}  {a.purpose.label}  {a.file_name}  {a.size} bytes  sha256 {a.sha256}")
    return 0


def objection_json(row: ObjectionRow) -> dict[str, Any]:
    from desktop_app.cli.common import plain_json

    data: dict[str, Any] = plain_json(row)
    data.update(state_label=row.state.label, outcome_label=row.outcome.label if row.outcome else None,
                is_open=row.is_open, actions=sorted(a.value for a in row.actions))
    return data


# -- repairs -------------------------------------------------------------------------------------

def cmd_repair_check(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        result = RepairService(services.ctx).eligibility(_id(args.record, "record"), on=args.on)
    if result.possible:
        print("A repair may be applied for.")
        return 0
    print(f"Not possible: {result.problem}")
    return 1


def cmd_repair_apply(args: argparse.Namespace) -> int:
    draft = RepairDraft(applicant=args.applicant, obligations_met=args.obligations_met,
                        proof=tuple(EvidenceFile.from_path(f) for f in args.proof),
                        commitment=tuple(EvidenceFile.from_path(f) for f in args.commitment),
                        statement=args.statement, applied_on=args.applied_on)
    with signed_in(args) as services:
        row = RepairService(services.ctx).apply(_id(args.record, "record"), draft)
    print(f"Repair application {row.id} registered ({row.state.label}). {_due_text(row)}")
    return 0


def cmd_repair_step(args: argparse.Namespace) -> int:
    application = _id(args.application, "application")
    with signed_in(args) as services:
        service = RepairService(services.ctx)
        if args.action == "accept":
            row = service.accept(application, on=args.on)
        elif args.action == "refuse":
            row = service.refuse(application, reason=args.reason, on=args.on)
        else:
            row = service.decide(application, outcome=args.outcome, reason=args.reason, on=args.on)
    effects = f" Effects: {', '.join(row.effects)}." if row.effects else ""
    print(f"Repair application {row.id}: {row.state.label}.{effects} {_due_text(row)}".rstrip())
    return 0


def cmd_repair_evidence(args: argparse.Namespace) -> int:
    files = [EvidenceFile.from_path(f) for f in args.files]
    with signed_in(args) as services:
        row = RepairService(services.ctx).add_evidence(_id(args.application, "application"), files,
                                                       purpose=args.purpose)
    print(f"Repair application {row.id}: {len(row.attachments)} files.")
    return 0


def cmd_repair_list(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        service = RepairService(services.ctx)
        if args.overdue:
            rows = service.overdue()
        else:
            record = _id(args.record, "record") if args.record else None
            rows = service.search(open_only=args.open, record_id=record, limit=args.limit)
    if args.format == "json":
        print_json([repair_json(r) for r in rows])
    else:
        print_table(["id", "name", "document", "applied", "state", "due", "late"],
                    [[str(r.id), r.person_name, r.document_no, r.applied_on.isoformat(), r.state.label,
                      _day(r.deadline.due_on) + ("*" if r.deadline.estimated else ""),
                      str(r.deadline.days_overdue) if r.deadline.overdue else ""] for r in rows])
    return 0


def cmd_repair_show(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        row = RepairService(services.ctx).get(_id(args.application, "application"))
    if args.format == "json":
        print_json(repair_json(row))
        return 0
    print(f"{row.id}  {row.person_name}  {row.document_no}  {row.state.label}  {_due_text(row)}")
    print(f"  applicant: {row.applicant}  applied: {row.applied_on}  reason: {row.reason}")
    for a in row.attachments:
        print(f"  file {a.id}  {a.purpose.label}  {a.file_name}  {a.size} bytes  sha256 {a.sha256}")
    return 0


def cmd_repair_expire(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        result = RepairService(services.ctx).expire_due()
    print(f"{len(result.expired)} records marked 公示期满.")
    return 0


def repair_json(row: RepairRow) -> dict[str, Any]:
    from desktop_app.cli.common import plain_json

    data: dict[str, Any] = plain_json(row)
    data.update(state_label=row.state.label, is_open=row.is_open, effects=list(row.effects),
                actions=sorted(a.value for a in row.actions))
    return data


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists():
        raise ValidationError(f"{out} exists; choose another file name", field="output")
    with signed_in(args) as services:
        service = ObjectionService(services.ctx) if args.owner == "objection" else RepairService(services.ctx)
        row, data = service.evidence_content(_id(args.attachment, "attachment"))
    out.write_bytes(data)
    print(f"{row.file_name}: {len(data)} bytes written to {out} (sha256 {row.sha256}).")
    return 0


# -- policy and headcount ------------------------------------------------------------------------

def cmd_policy_show(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        service = PolicyService(services.ctx)
        if args.history:
            views = service.history()
        else:
            views = [service.version(args.version) if args.version else service.current()]
    if args.format == "json":
        print_json([{"version": v.version, "note": v.note, "created_by": v.created_by,
                     "created_at": v.created_at, "settings": v.settings} for v in views])
        return 0
    for view in views:
        _print_policy(view)
    return 0


def _print_policy(view: PolicyView) -> None:
    when = view.created_at.date().isoformat() if view.created_at else "built in"
    print(f"policy version {view.version} ({when}{', ' + view.created_by if view.created_by else ''}): {view.note}")
    labels = {s.key: f"{s.group} {s.label}" for s in SETTINGS}
    for key, value in view.settings.items():
        print(f"  {key} = {value}    {labels.get(key, '')}".rstrip())


def cmd_policy_set(args: argparse.Namespace) -> int:
    changes: dict[str, str] = {}
    for item in args.settings:
        key, sep, value = item.partition("=")
        if not sep:
            raise ValidationError(f"{item!r} is not KEY=VALUE", field="settings")
        changes[key.strip()] = value.strip()
    with signed_in(args) as services:
        view = PolicyService(services.ctx).update(changes, note=args.note)
    print(f"Policy version {view.version} stored; decisions already taken keep their version.")
    return 0


def cmd_headcount_set(args: argparse.Namespace) -> int:
    with signed_in(args) as services:
        row = HeadcountService(services.ctx).set_headcount(args.unit, args.year, args.headcount)
    print(f"{row.unit_name} {row.year}: {row.headcount} on the roster.")
    return 0


# -- helpers -------------------------------------------------------------------------------------

def _id(text: str, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError(f"{text!r} is not a {field} id", field=field) from None


def _day(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


def _due_text(row: ObjectionRow | RepairRow) -> str:
    d = row.deadline
    if d.due_on is None:
        return ""
    text = f"Due {d.due_on.isoformat()}" + (f", {d.days_overdue} working days late" if d.overdue else "") + "."
    if d.warning:
        text += f" Warning: {d.warning}."
    return text
