"""Import and export from a terminal (issue 8).

    integrity-files import ARCHIVE persons|units|records|attendance FILE [--dry-run] [--encoding E]
                    [--sheet NAME] [--mapping TEMPLATE.json] [--skip-invalid] [--session ID]
    integrity-files export ARCHIVE KIND -o FILE.xlsx|FILE.csv [--full-ids] [--search T] [--unit NAME]
                    [--year Y]

An import with a bad line prints every bad line (line, column, reason) and exits 1 having written
nothing, unless ``--skip-invalid`` imports the other lines. ``--dry-run`` checks and writes nothing.
Export KIND is persons, units, records or a report kind (``integrity-files report --help``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TypeAlias

from desktop_app.cli.common import print_table, signed_in
from desktop_app.cli.training_commands import resolve_id
from desktop_app.errors import ValidationError
from desktop_app.importing import ImportKind, ImportRejected, ImportReport, ImportResult, load_template
from desktop_app.importing.fields import field_spec
from desktop_app.services.exporting import ExportResult, ExportService
from desktop_app.services.importing import ImportOptions, ImportService
from desktop_app.services.reports import REPORTS
from desktop_app.services.training import TrainingService

Sub: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
LISTS = ("persons", "units", "records")
SHOWN_PROBLEMS = 200


def register(sub: Sub) -> None:
    p = sub.add_parser("import", help="import persons, units, records or attendance from CSV or XLSX")
    p.add_argument("archive")
    p.add_argument("kind", choices=[k.value for k in ImportKind])
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check every line and show the result; write nothing")
    p.add_argument("--encoding", help="CSV encoding (default: detected among UTF-8, UTF-8 with BOM, GBK, GB18030)")
    p.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    p.add_argument("--mapping", help="a mapping template (JSON) naming the file's columns")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid lines and leave out the others")
    p.add_argument("--session", help="attendance: the training session (id or a unique prefix)")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("export", help="export a list or a report to .xlsx or .csv")
    p.add_argument("archive")
    p.add_argument("kind", help="persons, units, records, or a report kind")
    p.add_argument("-o", "--output", required=True, help="the file to write (.xlsx or .csv)")
    p.add_argument("--full-ids", action="store_true", help="full ID numbers (needs person.reveal_id; audited)")
    p.add_argument("--search", default="", help="persons: the search text of the persons page")
    p.add_argument("--unit", help="persons and records: one unit (name or code); reports: the unit")
    p.add_argument("--year", type=int, help="reports: the year")
    p.set_defaults(func=cmd_export)


def cmd_import(args: argparse.Namespace) -> int:
    kind = ImportKind(args.kind)
    if kind is ImportKind.ATTENDANCE and not args.session:
        raise ValidationError("an attendance import needs --session ID", field="session")
    mapping = load_template(Path(args.mapping), kind) if args.mapping else None
    options = ImportOptions(encoding=args.encoding, sheet=args.sheet, mapping=mapping, skip_invalid=args.skip_invalid)
    path = Path(args.file)
    with signed_in(args) as services:
        importer = ImportService(services.ctx)
        arguments: tuple[object, ...] = (path, options)
        if kind is ImportKind.ATTENDANCE:
            training = TrainingService(services.ctx)
            arguments = (resolve_id(args.session, [s.id for s in training.sessions()], "session"), *arguments)
        check = getattr(importer, f"check_{kind.value}")
        run = getattr(importer, f"import_{kind.value}")
        if args.dry_run:
            report: ImportReport = check(*arguments)
            print_report(report)
            if not report.ok:
                print(f"error: {report.invalid} line(s) cannot be imported (dry run: nothing was written)",
                      file=sys.stderr)
                return 0 if args.skip_invalid else 1
            print("Dry run: nothing was written.")
            return 0
        try:
            result: ImportResult = run(*arguments)
        except ImportRejected as exc:
            print_report(exc.report)
            print(f"error: {exc.report.invalid} line(s) cannot be imported; nothing was imported. Correct them, "
                  "or use --skip-invalid to import the other lines.", file=sys.stderr)
            return 1
    print_report(result.report)
    skipped = f", {result.skipped} invalid line(s) left out" if result.skipped else ""
    backup = f" (backup before import: {result.backup.name})" if result.backup else ""
    print(f"Imported: {result.inserted} new, {result.updated} updated{skipped}{backup}.")
    return 0


def print_report(report: ImportReport) -> None:
    where = f"encoding {report.encoding}" if report.encoding else f"sheet {report.sheet}"
    print(f"{report.source} ({report.format}, {where}): {report.lines} line(s): {report.new} new, "
          f"{report.updates} to update, {report.unchanged} unchanged, {report.invalid} invalid")
    unused = [header for header, key in report.mapping if key is None]
    if unused:
        print(f"columns not used: {', '.join(unused)}")
    if report.updated:
        print("updates (fields that change):")
        print_table(["line", "key", "fields"], [[str(u.line), u.key, "、".join(_label(report, f) for f in u.fields)]
                                                for u in report.updated[:SHOWN_PROBLEMS]])
    if report.problems:
        print_table(["line", "column", "reason"],
                    [[str(p.line), f"{p.letter} {p.column}".strip(), p.message]
                     for p in report.problems[:SHOWN_PROBLEMS]])
        more = report.problem_count - min(len(report.problems), SHOWN_PROBLEMS)
        if more > 0:
            print(f"… and {more} more problem(s)")


def _label(report: ImportReport, key: str) -> str:
    try:
        return field_spec(report.kind, key).label
    except KeyError:
        return key


def cmd_export(args: argparse.Namespace) -> int:
    kind = args.kind.strip()
    if kind not in LISTS and kind not in REPORTS:
        raise ValidationError(f"unknown export {kind!r}; available: {', '.join([*LISTS, *sorted(REPORTS)])}",
                              field="kind")
    path = Path(args.output)
    with signed_in(args) as services:
        exporter = ExportService(services.ctx)
        unit_id = services.units.by_name(args.unit).id if args.unit and kind in LISTS else None
        result: ExportResult
        if kind == "persons":
            result = exporter.persons(path, text=args.search, unit_id=unit_id, full_ids=args.full_ids)
        elif kind == "units":
            result = exporter.units(path)
        elif kind == "records":
            result = exporter.records(path, unit_id=unit_id, full_ids=args.full_ids)
        else:
            result = exporter.report(kind, path, year=args.year, unit_name=args.unit)
    ids = " with full ID numbers" if result.full_ids else ""
    print(f"{result.rows} row(s) written to {result.path} ({result.format}{ids}).")
    return 0
