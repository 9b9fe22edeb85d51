"""Import and export benchmark (not a test): rows per second and peak memory of importing persons
from CSV and XLSX, against the bare reading speed of the same files measured in the same run
(Python's csv module over the decoded text; openpyxl's read-only reader). Prints a Markdown table.

    .venv/bin/python bench/import_bench.py [--rows 100000] [--encoding gbk]

The files are realistic rosters from the demo generator (names, valid ID numbers, units, posts,
ranks). Each measurement runs in a child process so its peak RSS is its own (``--inline``, for the
smoke run, measures in one process); ``python -m bench`` runs the whole of it with ``--json`` in a child.
Archives use a light KDF: key derivation is not what is measured. "import" is ``ImportService.import_persons`` end to
end: read, check every line, match against the archive, encrypted backup, bulk insert with change
log and audit entries, one transaction.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.child import report  # noqa: E402
from bench.harness import Row, peak_rss_mb, table  # noqa: E402
from desktop_app.store import keyslots  # noqa: E402

PASSPHRASE = "benchmark passphrase 2026"
LIGHT_KDF = keyslots.KdfParams(salt=b"", iterations=1, lanes=1, memory_kib=8192)
HEADERS = ("序号", "姓名", "公民身份号码", "单位", "职务", "职级", "类别", "状态", "建档日期")
CSV_TARGET = 10_000       # rows per second
MEMORY_TARGET = 500       # MB
INLINE = False            # --inline: measure in this process instead of one child each (smoke runs)


# -- data ------------------------------------------------------------------------------------------

def build_files(folder: Path, rows: int, encoding: str) -> dict[str, Path]:
    from openpyxl import Workbook

    from desktop_app.demo.generator import DemoGenerator

    generator = DemoGenerator(seed=2017)
    units = generator.units()
    unit_names = {u.key: u.name for u in units}
    with (folder / "units.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["单位名称", "统一社会信用代码", "行政区划代码", "级别"])
        for unit in units:
            out.writerow([unit.name, unit.uscc, unit.division_code, unit.level.label])
    lines = [[str(i), p.name, p.id_number, unit_names[p.unit_key], p.post, p.rank, "公务员", p.status.label,
              p.file_opened_on.isoformat()] for i, p in enumerate(generator.persons(rows, units), start=1)]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(lines)
    (folder / "persons.csv").write_bytes(text.getvalue().encode(encoding))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("人员花名册")
    sheet.append(list(HEADERS))
    for line in lines:
        sheet.append(line)
    book.save(folder / "persons.xlsx")
    return {"units": folder / "units.csv", "csv": folder / "persons.csv", "xlsx": folder / "persons.xlsx"}


def new_archive(path: Path, units: Path) -> None:
    from desktop_app.services import Services
    from desktop_app.services.importing import ImportService
    from desktop_app.store.archive import Archive

    archive, user, _ = Archive.create(path, admin_name="admin", admin_passphrase=PASSPHRASE, kdf=LIGHT_KDF)
    services = Services.for_user(archive, user)
    ImportService(services.ctx).import_units(units)
    services.close()


# -- children (one measurement each, so peak RSS is its own) --------------------------------------

def child(task: str, args: list[str]) -> dict[str, Any]:
    started = time.perf_counter()
    result: dict[str, Any] = {}
    if task == "csv-read":
        from desktop_app.tabular import decode_table_bytes

        text = decode_table_bytes(Path(args[0]).read_bytes()).text
        result["rows"] = sum(1 for _ in csv.reader(io.StringIO(text, newline=""))) - 1
    elif task == "xlsx-read":
        from openpyxl import load_workbook

        book = load_workbook(args[0], read_only=True, data_only=False)
        sheet = book.worksheets[0]
        result["rows"] = sum(1 for _ in sheet.iter_rows(values_only=True)) - 1
        book.close()
    elif task in ("import", "check"):
        from desktop_app.services import Services
        from desktop_app.services.importing import ImportService

        services = Services.sign_in(Path(args[0]), "admin", PASSPHRASE)
        started = time.perf_counter()  # after the sign-in
        importer = ImportService(services.ctx)
        if task == "import":
            done = importer.import_persons(Path(args[1]))
            result.update(rows=done.inserted + done.updated + done.report.unchanged, inserted=done.inserted,
                          unchanged=done.report.unchanged)
        else:
            report = importer.check_persons(Path(args[1]))
            result.update(rows=report.lines, new=report.new, unchanged=report.unchanged)
        result["seconds"] = time.perf_counter() - started
        services.close()
    elif task == "export":
        from desktop_app.services import Services
        from desktop_app.services.exporting import ExportService

        services = Services.sign_in(Path(args[0]), "admin", PASSPHRASE)
        started = time.perf_counter()
        result["rows"] = ExportService(services.ctx).persons(Path(args[1])).rows
        result["seconds"] = time.perf_counter() - started
        services.close()
    result.setdefault("seconds", time.perf_counter() - started)
    result["peak_mb"] = peak_rss_mb()
    return result


def run_child(task: str, *args: Path | str) -> dict[str, Any]:
    if INLINE:  # --inline (the smoke run): the same code in this process, figures not comparable
        return child(task, [str(a) for a in args])
    out = subprocess.run([sys.executable, __file__, "--child", task, *map(str, args)], capture_output=True,
                         text=True, check=False, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(f"{task} failed:\n{out.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return data


# -- the table -------------------------------------------------------------------------------------

def measure(folder: Path, rows: int, encoding: str) -> list[Row]:
    started = time.perf_counter()
    files = build_files(folder, rows, encoding)
    print(f"files: {rows:,} rows in {time.perf_counter() - started:.1f} s "
          f"(csv {files['csv'].stat().st_size >> 20} MB, xlsx {files['xlsx'].stat().st_size >> 20} MB)",
          file=sys.stderr)
    out: list[Row] = []
    csv_read = run_child("csv-read", files["csv"])
    xlsx_read = run_child("xlsx-read", files["xlsx"])
    for fmt, bare in (("csv", csv_read), ("xlsx", xlsx_read)):
        archive = folder / f"{fmt}.db"
        new_archive(archive, files["units"])
        dry = run_child("check", archive, files[fmt])
        first = run_child("import", archive, files[fmt])
        again = run_child("import", archive, files[fmt])
        bare_rate = bare["rows"] / bare["seconds"]
        rate = first["rows"] / first["seconds"]
        target = f"≥ {CSV_TARGET:,} rows/s" if fmt == "csv" else "limited by openpyxl's reading"
        holds = rate >= CSV_TARGET if fmt == "csv" else None
        reader = "csv module" if fmt == "csv" else "openpyxl read-only"
        out.append(Row(f"import {rows:,} persons from {fmt.upper()} ({first['inserted']:,} new)",
                       f"{rate:,.0f} rows/s ({first['seconds']:.1f} s)",
                       f"{reader} alone {bare_rate:,.0f} rows/s ({bare['seconds']:.1f} s)",
                       first["seconds"] / bare["seconds"], target, holds))
        out.append(Row(f"  dry run of the same file ({fmt.upper()})",
                       f"{dry['rows'] / dry['seconds']:,.0f} rows/s ({dry['seconds']:.1f} s)"))
        out.append(Row(f"  re-run: every line unchanged ({fmt.upper()})",
                       f"{again['rows'] / again['seconds']:,.0f} rows/s ({again['seconds']:.1f} s)",
                       target="writes nothing", holds=again["inserted"] == 0 and again["unchanged"] == rows))
        peak = max(first["peak_mb"], dry["peak_mb"], again["peak_mb"])
        out.append(Row(f"peak memory (RSS): import of {rows:,} persons from {fmt.upper()}", f"{peak:,.0f} MB",
                       f"reader alone {bare['peak_mb']:,.0f} MB", target=f"< {MEMORY_TARGET} MB",
                       holds=peak < MEMORY_TARGET))
    archive = folder / "csv.db"
    for fmt in ("csv", "xlsx"):
        exported = run_child("export", archive, folder / f"export.{fmt}")
        out.append(Row(f"export {exported['rows']:,} persons to {fmt.upper()} (masked IDs, audited)",
                       f"{exported['rows'] / exported['seconds']:,.0f} rows/s ({exported['seconds']:.1f} s)",
                       target=f"peak {exported['peak_mb']:,.0f} MB"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--encoding", default="gbk", help="of the CSV file (default gbk, what Excel writes)")
    parser.add_argument("--json", action="store_true", help="report rows for python -m bench")
    parser.add_argument("--inline", action="store_true", help="no child per measurement (smoke run)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1:])))
        return 0
    global INLINE
    INLINE = args.inline
    with tempfile.TemporaryDirectory(prefix="if-import-bench-") as folder:
        rows = measure(Path(folder), args.rows, args.encoding)
    if args.json:
        report(rows)
    else:
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
