"""``python -m bench [--quick] [--only NAME]``: build the data with the demo generator in a temporary
folder, run every benchmark, print one Markdown table (and the scaling table) and write them to
docs/PERFORMANCE.md.

Full size is 100,000 persons with ~1,000,000 records and ~500,000 attendance rows; ``--quick`` uses a
tenth; ``--only smoke`` runs archive, GUI, printing and import on a tiny data set, only to prove the
code paths still run (its figures mean nothing). Every benchmark but sync runs in a child process of
its own (GUI under QT_QPA_PLATFORM=offscreen), so Qt never loads here and each peak RSS is its own.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from bench import child, data, machine, scaling, sync_bench
from bench.data import Dataset
from bench.harness import SCALING_INTRO, Row, memory_row, spread, table, write_report

ROOT = Path(__file__).resolve().parents[1]
ORDER = ("archive", "gui", "print", "import", "sync", "scaling")
NEEDS_DATA = {"archive", "gui", "sync", "scaling"}
DEMO_TARGET_S = 120  # issue 2: demo data for 100,000 persons in under 2 minutes


@dataclass(frozen=True, slots=True)
class Scale:
    persons: int          # the main data set
    runs: int             # repeated runs of each timing (archive, window openings)
    print_persons: int    # persons of the printing benchmark's own archive (its batch)
    print_repeat: int     # interleaved prints of one file
    print_rounds: int     # interleaved runs of each batch
    import_rows: int      # rows of the CSV and XLSX files
    long_records: int = 200  # records of the printing benchmark's long file
    inline: bool = False  # print and import measure in one process (smoke)
    light_kdf: bool = False  # a cheap Argon2id for the main data set (smoke)


SCALES = {
    "full": Scale(100_000, 3, 1000, 15, 2, 100_000),
    "quick": Scale(10_000, 3, 100, 15, 2, 10_000),
    "smoke": Scale(300, 1, 5, 1, 1, 300, long_records=40, inline=True, light_kdf=True),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the data (10,000 persons)")
    parser.add_argument("--only", choices=[*ORDER, "smoke"], help="one benchmark ('smoke': tiny data, no figures)")
    parser.add_argument("--persons", type=int, help="override the number of persons of the main data set")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/PERFORMANCE.md alone")
    args = parser.parse_args(argv)
    mode = "smoke" if args.only == "smoke" else "quick" if args.quick else "full"
    scale = SCALES[mode]
    if args.persons:
        scale = replace(scale, persons=args.persons)
    chosen = ["archive", "gui", "print", "import"] if mode == "smoke" else [args.only] if args.only else list(ORDER)
    started = time.perf_counter()
    rows, header, scaling_table = run(chosen, scale)
    header["time"] = f"whole run ({', '.join(chosen)}): {time.perf_counter() - started:.0f} s"
    print(header["time"], file=sys.stderr)
    described = machine.describe(header.pop("postgres", None))
    print("\n".join(f"- {line}" for line in [*described, *header.values()]) + "\n")
    print(table(rows))
    if scaling_table:
        print(f"\n## Scaling\n\n{SCALING_INTRO}\n\n{scaling_table}")
    if not args.no_write and args.only is None:  # the page holds a whole run, never one benchmark
        write_report(rows, described, list(header.values()), scaling_table, ROOT / "docs" / "PERFORMANCE.md", mode)
    return 0


def run(chosen: list[str], scale: Scale) -> tuple[list[Row], dict[str, str], str]:
    folder = Path(tempfile.mkdtemp(prefix="if-bench-"))
    rows: list[Row] = []
    header: dict[str, str] = {}
    scaling_table = ""
    dataset: Dataset | None = None
    core: dict[str, float] | None = None
    try:
        if NEEDS_DATA & set(chosen):
            dataset = _build(folder, scale, rows)
            header["data"] = dataset.describe()
        for name in chosen:
            started = time.perf_counter()
            print(f"running {name} …", file=sys.stderr)
            if name == "archive":
                assert dataset is not None
                payload = child.run("bench.archive_bench", dataset.save(), "--runs", scale.runs)
                rows += payload["rows"]
                core = payload["core"]
            elif name == "gui":
                assert dataset is not None
                rows += child.run("bench.gui_bench", dataset.archive, "--json", "--runs", scale.runs,
                                  env={"QT_QPA_PLATFORM": "offscreen",
                                       "INTEGRITY_FILES_PASSPHRASE": dataset.passphrase})["rows"]
            elif name == "print":
                rows += child.run("bench.print_bench", "--json", "--persons", scale.print_persons, "--repeat",
                                  scale.print_repeat, "--rounds", scale.print_rounds, "--long-records",
                                  scale.long_records, *(["--inline"] if scale.inline else []))["rows"]
                header["print"] = f"printing: an archive of its own, {scale.print_persons:,} demo persons " \
                                  f"(+ one with 24 and one with {scale.long_records} records)"
            elif name == "import":
                rows += child.run("bench.import_bench", "--json", "--rows", scale.import_rows,
                                  *(["--inline"] if scale.inline else []))["rows"]
                header["import"] = f"import: CSV (GBK) and XLSX rosters of {scale.import_rows:,} demo persons"
            elif name == "sync":
                assert dataset is not None
                rows += sync_bench.run(dataset)
                header["postgres"] = machine.postgres_version()
            elif name == "scaling":
                assert dataset is not None
                scaling_table = scaling.run(dataset, core, scale.runs)
            print(f"{name}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows, header, scaling_table


def _build(folder: Path, scale: Scale, rows: list[Row]) -> Dataset:
    started = time.perf_counter()
    persons = scale.persons
    light = ["--light-kdf"] if scale.light_kdf else []
    dataset = Dataset.load(child.run("bench.data", folder, persons, *light)["dataset"])
    print(f"{dataset.describe()}; {time.perf_counter() - started:.1f} s in all", file=sys.stderr)
    demo = dataset.demo_seconds or 0.0
    big = persons >= 100_000
    rows.append(Row(f"demo data, {persons:,} persons (records, assessments, change log, audit)", spread([demo]),
                    target=f"< {DEMO_TARGET_S} s" if big else "", holds=demo < DEMO_TARGET_S if big else None))
    counts = dataset.counts
    rows.append(Row(f"top-up to ~{data.RECORDS_PER_PERSON} records and {data.ATTENDANCE_PER_PERSON} attendance "
                    f"rows a person ({counts.get('records', 0):,} records, {counts.get('attendance', 0):,} "
                    "attendance in all; bulk path and roster import)", spread([dataset.fill_seconds or 0.0])))
    rows.append(memory_row("building the data (demo + top-up)", dataset.build_peak_mb or 0.0))
    return dataset


if __name__ == "__main__":
    sys.exit(main())
