"""``print``: personnel files as PDF (one person, or a unit), and checking a printed PDF.

    integrity-files print ARCHIVE --id-number ID [--variant internal|public] [--mask-id] -o FILE.pdf
    integrity-files print ARCHIVE --unit UNIT_NAME [--variant …] -o DIR_OR_FILE.pdf
    integrity-files print verify ARCHIVE FILE.pdf|CODE

``print`` takes the archive as its first positional; the word ``verify`` there selects the check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.cli.common import signed_in
from desktop_app.errors import NotFoundError
from desktop_app.printing.model import Variant, short_code
from desktop_app.services.printing import PrintService, Progress

VERIFY = "verify"
USAGE = ("%(prog)s ARCHIVE (--id-number ID | --unit UNIT) -o OUTPUT [--variant internal|public] [--mask-id]\n"
         "       %(prog)s verify ARCHIVE FILE.pdf|CODE")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "print", help="print personnel files as PDF, or verify a printed PDF", usage=USAGE,
        description="Print the integrity file (公务员诚信档案表) of one person or of every person of a unit, "
                    "or check that a PDF is an unaltered print of this archive. With --unit, an OUTPUT "
                    "ending in .pdf gets one file; otherwise OUTPUT is a folder of per-person files "
                    "named 单位-姓名-身份证后四位.pdf.")
    p.add_argument("archive", metavar="ARCHIVE", help=f"the archive (or '{VERIFY}' followed by ARCHIVE FILE)")
    p.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    who = p.add_mutually_exclusive_group()
    who.add_argument("--id-number", help="公民身份号码 of the person to print")
    who.add_argument("--unit", help="print every person of this unit")
    p.add_argument("-o", "--output", help="FILE.pdf, or a folder for per-person files")
    p.add_argument("--variant", choices=[v.value for v in Variant], default=Variant.INTERNAL.value,
                   help="internal (内部审查, the whole file) or public (公示, only what may be published)")
    p.add_argument("--mask-id", action="store_true",
                   help="print the ID number masked even if you may see it in full")
    p.set_defaults(func=lambda args: cmd_print(args, p))


def cmd_print(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.archive == VERIFY and args.rest:
        if len(args.rest) != 2 or args.id_number or args.unit or args.output:
            parser.error(f"{VERIFY} takes exactly ARCHIVE and FILE.pdf (or a verification code)")
        args.archive, target = args.rest
        return cmd_verify(args, target)
    if args.rest:
        parser.error(f"unexpected arguments: {' '.join(args.rest)}")
    if not (args.id_number or args.unit) or not args.output:
        parser.error("give --id-number or --unit, and -o OUTPUT")
    variant = Variant(args.variant)
    output = Path(args.output)
    if args.id_number:
        return _print_person(args, variant, output)
    return _print_unit(args, variant, output)


def _print_person(args: argparse.Namespace, variant: Variant, output: Path) -> int:
    with signed_in(args) as services:
        person = services.persons.show(args.id_number).person
        pdf = PrintService(services.ctx).export(person.id, output, variant=variant, mask_id=args.mask_id)
    print(f"Printed {person.name} ({variant.label}, {pdf.pages} pages) to {output}; "
          f"verification code {pdf.short_code}.")
    return 0


def _print_unit(args: argparse.Namespace, variant: Variant, output: Path) -> int:
    one_file = output.suffix.lower() == ".pdf"
    with signed_in(args) as services:
        unit = services.units.by_name(args.unit)
        ids = services.persons.search_ids(unit_id=unit.id)
        if not ids:
            raise NotFoundError(f"unit {unit.name} has no persons", field="unit")
        result = PrintService(services.ctx).batch(ids, output, one_file=one_file, variant=variant,
                                                  mask_id=args.mask_id, progress=_progress_line())
    where = str(output) if one_file else f"{len(result.files)} files in {output}"
    print(f"Printed {result.persons} persons of {unit.name} ({variant.label}, {result.pages} pages): {where}.")
    return 0


def cmd_verify(args: argparse.Namespace, target: str) -> int:
    path = Path(target)
    with signed_in(args) as services:
        printing = PrintService(services.ctx)
        if path.is_file():
            result = printing.verify(path.read_bytes())
            lines, ok = result.lines(), result.valid
        elif path.suffix.lower() == ".pdf" or path.parent != Path("."):
            raise NotFoundError(f"no file {path}", field="file")
        else:  # a code read off paper or from the QR code
            prints = printing.lookup(target)
            lines = [f"valid: printed by {p.printed_by} at {p.printed_at} — {p.person_name} "
                     f"({p.variant.label}, {p.pages} pages, code {short_code(p.code)})" for p in prints]
            ok = bool(prints)
            lines = lines or ["invalid: no print with this verification code in this archive"]
    for line in lines:
        print(line)
    return 0 if ok else 1


def _progress_line() -> Progress | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show
