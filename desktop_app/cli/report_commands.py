"""``integrity-files report ARCHIVE KIND [--year Y] [--unit NAME] [--format table|json|xlsx] [-o FILE]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import print_json, print_table, signed_in
from desktop_app.errors import ValidationError
from desktop_app.services.reports import REPORTS, ReportParams, ReportTable, build_report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="reports: " + ", ".join(sorted(REPORTS)) if REPORTS else "reports")
    p.add_argument("archive")
    p.add_argument("kind", help="report kind: " + ", ".join(f"{k} ({s.title})" for k, s in sorted(REPORTS.items())))
    p.add_argument("--year", type=int)
    p.add_argument("--unit", help="unit name")
    p.add_argument("--format", choices=("table", "json", "xlsx"), default="table")
    p.add_argument("-o", "--output", help="output file (required for xlsx)")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and not args.output:
        raise ValidationError("--format xlsx needs -o FILE.xlsx", field="output")
    with signed_in(args) as services:
        table = build_report(services, args.kind, ReportParams(year=args.year, unit_name=args.unit))
        if args.format == "xlsx":
            from desktop_app.services.spreadsheet import write_xlsx

            write_xlsx(Path(args.output), table)
            with services.ctx.write() as w:
                w.audit("report.export", detail={"kind": args.kind, "rows": len(table.rows), "format": "xlsx"})
            print(f"{table.title}: {len(table.rows)} rows written to {args.output}")
            return 0
    if args.format == "json":
        print_json({"title": table.title, "headers": list(table.headers),
                    "rows": [dict(zip(table.headers, row, strict=True)) for row in table.rows],
                    "notes": list(table.notes)})
    else:
        _print(table)
    return 0


def _print(table: ReportTable) -> None:
    print(table.title)
    print_table(list(table.headers), [["" if c is None else str(c) for c in row] for row in table.rows])
    for note in table.notes:
        print(note)
