"""``python -m bench`` still runs: the smoke run goes through the data build, the archive, GUI, printing
and import benchmarks on a tiny data set and prints the one table. A benchmark is not a test: nothing
here looks at a time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.harness import HEADER, Row
from bench.scaling import METRICS, Point, table

ROOT = Path(__file__).resolve().parents[1]
# At least one row of each part: the data build (3), archive (13), GUI (7), printing (8), import (10).
MIN_ROWS = 35
EXPECTED = ("demo data, 300 persons", "unlock (Argon2id)", "SQLCipher read: point reads", "person search by name",
            "open-to-usable main window", "persons page search-as-you-type", "PDF one file, 24 records",
            "PDF batch of 5 persons", "import 300 persons from CSV", "import 300 persons from XLSX",
            "peak memory (RSS): PDF batch")


def test_smoke_run_prints_the_one_table() -> None:
    report = ROOT / "docs" / "PERFORMANCE.md"
    before = report.stat().st_mtime_ns if report.exists() else None
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--only", "smoke", "--no-write"], cwd=ROOT,
                          capture_output=True, text=True, timeout=900, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-4000:]
    lines = done.stdout.splitlines()
    assert "| " + " | ".join(HEADER) + " |" in lines
    rows = [line for line in lines if line.startswith("| ") and not line.startswith("| benchmark |")]
    assert len(rows) >= MIN_ROWS, done.stdout
    for name in EXPECTED:
        assert any(name in row for row in rows), f"no row for {name!r}:\n{done.stdout}"
    assert all(row.count(" | ") == len(HEADER) - 1 for row in rows)
    data = next(line for line in lines if line.startswith("- data: "))
    assert "300 persons" in data and "records" in data and "attendance" in data
    assert (report.stat().st_mtime_ns if report.exists() else None) == before  # a smoke run never writes it


def test_a_child_reports_its_own_peak_memory_not_its_parents() -> None:
    """ru_maxrss survives fork and exec on Linux; the harness reads VmHWM so a child starts from zero."""
    ballast = bytearray(300 * 1024 * 1024)
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    done = subprocess.run([sys.executable, "-c", "from bench.harness import peak_rss_mb; print(peak_rss_mb())"],
                          cwd=ROOT, capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert float(done.stdout) < 200, done.stdout
    del ballast


def test_rows_travel_from_a_child_unchanged() -> None:
    row = Row("person search by name", "p50 1.0 ms, p95 2.0 ms", "SQLite 1 ms", 1.25, "p95 < 50 ms", True)
    assert Row.from_dict(row.to_dict()) == row


def test_scaling_says_how_each_figure_grew_against_the_data() -> None:
    def point(persons: int, **figures: float) -> Point:
        return Point(persons, persons * 10, figures)

    points = [point(1_000, search_p95_ms=2.0, file_load_ms=1.0, size_mb=10, insert_rate=300),
              point(10_000, search_p95_ms=2.2, file_load_ms=4.0, size_mb=120, insert_rate=200),
              point(100_000, search_p95_ms=2.4, file_load_ms=50.0, size_mb=3000, insert_rate=100)]
    lines = {line.split(" | ")[0].lstrip("| "): line for line in table(points).splitlines()}
    labels = {m.key: m.label for m in METRICS}
    assert "flat" in lines[labels["search_p95_ms"]]
    assert "×50.00 for ×100 records: ≤ linear" in lines[labels["file_load_ms"]]
    assert "faster than linear" in lines[labels["size_mb"]]
    assert "×3.00 slower" in lines[labels["insert_rate"]]
    assert lines[labels["unlock_s"]].endswith("|  |  |  |  |")  # not measured: empty cells, no verdict
