"""Scaling (issue 10, item 4): the core archive figures at 1/100, 1/10 and all of the main data set's
persons (10,000 / 100,000 / 1,000,000 records at full size), so a cost that grows faster than the data
shows. The main data set is the largest point (its figures come from the archive benchmark when it
ran); the smaller ones are built here, measured in a child process each, and deleted. No-change sync
is not a column: each point would first need a full push and pull (minutes at 1/10), and the sync
benchmark measures it at the top point."""

from __future__ import annotations

import shutil
import sys
import time
from dataclasses import dataclass

from bench import child
from bench.data import Dataset

FRACTIONS = (100, 10)  # the smaller points: persons // 100, persons // 10


@dataclass(frozen=True, slots=True)
class Metric:
    key: str
    label: str
    unit: str
    digits: int
    rate: bool = False  # higher is better: growth is the slowdown, smallest ÷ largest


METRICS = (
    Metric("build_s", "data build (demo + top-up)", "s", 1),
    Metric("unlock_s", "unlock (Argon2id)", "s", 2),
    Metric("point_read_ratio", "SQLCipher ÷ SQLite, 2,000 point reads", "×", 2),
    Metric("search_p95_ms", "person search p95 (worst of name, initials, ID suffix)", "ms", 1),
    Metric("file_load_ms", "person file load", "ms", 1),
    Metric("insert_rate", "record entry through the services", "records/s", 0, rate=True),
    Metric("size_mb", "archive size", "MB", 0),
    Metric("peak_mb", "peak RSS of the measuring process", "MB", 0),
)


@dataclass(frozen=True, slots=True)
class Point:
    persons: int
    records: int
    figures: dict[str, float]


def run(main: Dataset, top: dict[str, float] | None, runs: int) -> str:
    points = []
    for fraction in FRACTIONS:
        persons = max(1, main.persons // fraction)
        folder = main.folder / f"scale-{persons}"
        started = time.perf_counter()
        small = Dataset.load(child.run("bench.data", folder, persons)["dataset"])
        print(f"scaling: {persons:,} persons built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        points.append(_point(small, None, runs))
        shutil.rmtree(folder, ignore_errors=True)
    points.append(_point(main, top, runs))
    return table(points)


def _point(dataset: Dataset, figures: dict[str, float] | None, runs: int) -> Point:
    if figures is None:
        figures = child.run("bench.archive_bench", dataset.save(), "--core", "--runs", runs)["core"]
    figures = {**figures, "build_s": (dataset.demo_seconds or 0) + (dataset.fill_seconds or 0)}
    return Point(dataset.persons, dataset.records, figures)


def growth(metric: Metric, first: float, last: float, data_factor: float) -> str:
    """How a figure grew from the smallest to the largest point, against how the data grew."""
    if first <= 0 or last <= 0:
        return "n/a"
    factor = first / last if metric.rate else last / first
    if factor <= 1.5:
        verdict = "flat"
    elif factor <= 1.1 * data_factor:
        verdict = "≤ linear"
    else:
        verdict = "**faster than linear**"
    slower = " slower" if metric.rate else ""
    return f"×{factor:,.2f}{slower} for ×{data_factor:,.0f} records: {verdict}"


def table(points: list[Point]) -> str:
    data_factor = points[-1].records / max(1, points[0].records)
    header = ["figure", *[f"{p.persons:,} persons / {p.records:,} records" for p in points],
              "growth, smallest → largest"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for metric in METRICS:
        values = [p.figures.get(metric.key) for p in points]
        space = "" if metric.unit == "×" else " "
        cells = ["" if v is None else f"{v:,.{metric.digits}f}{space}{metric.unit}" for v in values]
        first, last = values[0], values[-1]
        note = "" if first is None or last is None else growth(metric, first, last, data_factor)
        lines.append("| " + " | ".join([metric.label, *cells, note]) + " |")
    return "\n".join(lines)
