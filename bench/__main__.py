"""``python -m bench [--quick] [--only NAME]``: build the data with the demo generator in a temporary
folder, run every benchmark, print one Markdown table and write it to docs/PERFORMANCE.md.

Full size is 100,000 persons (the design's office scale); ``--quick`` uses a tenth. The detailed
printing and desktop-client benchmarks are ``bench/print_bench.py`` and ``bench/gui_bench.py``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import archive_bench, data, sync_bench
from bench.harness import Row, machine, table, write_report

BENCHMARKS = {"archive": archive_bench.run, "sync": sync_bench.run}
ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the data (10,000 persons)")
    parser.add_argument("--only", choices=[*BENCHMARKS, "smoke"], help="run one benchmark ('smoke': tiny data)")
    parser.add_argument("--persons", type=int, help="override the number of persons")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/PERFORMANCE.md alone")
    args = parser.parse_args(argv)
    persons = args.persons or (300 if args.only == "smoke" else 10_000 if args.quick else 100_000)
    chosen = ["archive"] if args.only == "smoke" else ([args.only] if args.only else list(BENCHMARKS))
    folder = Path(tempfile.mkdtemp(prefix="if-bench-"))
    rows: list[Row] = []
    try:
        started = time.perf_counter()
        dataset = data.build(folder, persons)
        print(f"data: {persons:,} persons in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for name in chosen:
            print(f"running {name} …", file=sys.stderr)
            rows += BENCHMARKS[name](dataset)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(table(rows))
    if not args.no_write and args.only != "smoke":
        write_report(rows, machine(), [], ROOT / "docs" / "PERFORMANCE.md", "quick" if args.quick else "full")
    return 0


if __name__ == "__main__":
    sys.exit(main())
