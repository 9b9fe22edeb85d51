"""Desktop client on a large archive: time to a usable window, search-as-you-type latency, memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_bench.py [ARCHIVE] [--persons 100000]

Without ARCHIVE it builds one with ``integrity-files demo`` (100,000 persons take a few minutes).
The passphrase comes from INTEGRITY_FILES_PASSPHRASE (default "bench passphrase 1"). Prints a
Markdown table; compares with a bare QTableView over a Python list (+ QSortFilterProxyModel).
Not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QTableView

from desktop_app.services import Services
from desktop_app.services.ui_queries import UiQueries
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import AppSettings
from desktop_app.ui.tasks import TaskRunner

QUERIES = [
    # pinyin typed letter by letter, initials, Chinese names and units, ID number digits
    "z", "zh", "zha", "zhan", "zhang", "zhangw", "zhangwe", "zhangwei", "l", "li", "lin", "ling",
    "w", "wa", "wan", "wang", "wangf", "wangfa", "wangfang", "c", "ch", "che", "chen", "zw", "lj", "cy", "hx",
    "张", "张伟", "李", "李娜", "王", "王芳", "陈", "陈静", "刘", "黄", "广州", "广州市", "深圳", "深圳市公安", "公安",
    "司法局", "1234", "0012", "567", "4401", "9999", "liu", "huang", "zhou", "xu", "sun", "ma", "hu", "guo", "he",
    "gao", "lin", "luo",
]


class ListModel(QAbstractTableModel):
    """The naive way: every row in a Python list, data() indexing into it."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def wait_until(predicate, timeout_s: float = 60.0) -> float:
    started = time.perf_counter()
    app = QApplication.instance()
    while not predicate():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError("condition not met")
        time.sleep(0.0005)
    return time.perf_counter() - started


def build(path: Path, persons: int, passphrase: str) -> None:
    print(f"building {path} with {persons} persons (integrity-files demo)…", file=sys.stderr)
    env = dict(os.environ, INTEGRITY_FILES_PASSPHRASE=passphrase)
    subprocess.run([sys.executable, "-m", "desktop_app", "demo", str(path), "--persons", str(persons)],
                   check=True, env=env)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_client(services: Services, rows: list[tuple[str, str, str]]) -> None:
    rss_before = rss_mb()
    started = time.perf_counter()
    window = MainWindow(AppSettings.at("/tmp/gui-bench-settings.ini"), TaskRunner())
    window.set_services(services)
    window.show()
    page = window.persons_page
    wait_until(lambda: page.model.rowCount() > 0 and page.table.isVisible())
    page.model.data(page.model.index(0, 0))
    QApplication.processEvents()
    usable = time.perf_counter() - started
    total = page.model.rowCount()
    rows.append(("Usable main window after unlock (persons listed)", f"{usable * 1000:.0f} ms", "< 2000 ms"))

    latencies = []
    for text in QUERIES:
        before = page.search.generation
        t0 = time.perf_counter()
        page.search.request(text=text)
        page.search.run_now()  # the 150 ms debounce is not part of the latency
        wait_until(lambda b=before: page.search.generation == b + 1 and page.search.last_elapsed_s > 0
                   and not page.search.timer.isActive() and page.count_label.text() != "正在查找…"
                   and page.search._current is not None and page.search._current not in window.runner._running)
        for r in range(min(30, page.model.rowCount())):
            page.model.data(page.model.index(r, 0))
        latencies.append(time.perf_counter() - t0)
    ms = [x * 1000 for x in latencies]
    rows.append((f"Search-as-you-type, {len(QUERIES)} queries: p50", f"{statistics.median(ms):.1f} ms", ""))
    rows.append(("Search-as-you-type: p95", f"{percentile(ms, 95):.1f} ms", "< 50 ms"))
    rows.append(("Search-as-you-type: max", f"{max(ms):.1f} ms", ""))

    page.search.request(text="")
    page.search.run_now()
    wait_until(lambda: page.model.rowCount() == total)
    jumps = []
    for target in (total // 2, total - 40, total // 3, 10):
        t0 = time.perf_counter()
        page.table.scrollTo(page.model.index(target, 0))
        for r in range(target, min(total, target + 30)):
            page.model.data(page.model.index(r, 0))
        jumps.append((time.perf_counter() - t0) * 1000)
    rows.append(("Scroll jump to an unseen screen (mean of 4)", f"{statistics.mean(jumps):.1f} ms", ""))

    for column, name in ((4, "unit"), (3, "birth date")):
        before = page.search.generation
        t0 = time.perf_counter()
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        page.search.run_now()
        wait_until(lambda b=before: page.search.generation > b and page.search._current not in window.runner._running)
        rows.append((f"Sort all persons by {name} (first time, off the GUI thread)",
                     f"{(time.perf_counter() - t0) * 1000:.0f} ms", "no freeze"))
    rows.append(("RSS of the persons page (process delta)", f"{rss_mb() - rss_before:.0f} MB", "< 300 MB"))
    rows.append(("RSS of the whole process", f"{rss_mb():.0f} MB", ""))
    window.runner.cancel_all()
    window.close()


def bench_baseline(services: Services, rows: list[tuple[str, str, str]]) -> None:
    """What the lazy model avoids: every row in Python, filtering through a proxy model."""
    queries = UiQueries(services.ctx)
    rss_before = rss_mb()
    t0 = time.perf_counter()
    order = queries.person_order("name")
    people = []
    for i in range(0, len(order), 1000):
        found = queries.person_rows(order[i:i + 1000])
        people.extend(found[r] for r in order[i:i + 1000] if r in found)
    model = ListModel([(p.name, p.id_number_masked, p.unit_name) for p in people])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.show()
    QApplication.processEvents()
    rows.append(("Baseline: bare QTableView over a full Python list, to first paint",
                 f"{(time.perf_counter() - t0) * 1000:.0f} ms", ""))
    rows.append(("Baseline: RSS delta", f"{rss_mb() - rss_before:.0f} MB", ""))
    t0 = time.perf_counter()
    proxy.setFilterKeyColumn(0)
    proxy.setFilterFixedString("张")
    QApplication.processEvents()
    rows.append(("Baseline: one QSortFilterProxyModel filter pass ('张')",
                 f"{(time.perf_counter() - t0) * 1000:.0f} ms", ""))
    view.close()


def report(rows: list[tuple[str, str, str]], persons: int, path: Path, title: str = "Desktop client") -> None:
    print(f"\n### {title} on {persons:,} persons ({path.name}, {os.cpu_count()} cores)\n")
    print("| measurement | value | target |")
    print("|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("archive", nargs="?", help="an existing archive (default: build one)")
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    passphrase = os.environ.get("INTEGRITY_FILES_PASSPHRASE", "bench passphrase 1")
    path = Path(args.archive) if args.archive else Path(f"/tmp/gui-bench-{args.persons}.db")
    if not path.exists():
        build(path, args.persons, passphrase)
    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, str, str]] = []
    t0 = time.perf_counter()
    services = Services.sign_in(path, args.user, passphrase)
    rows.append(("Unlock (Argon2id + open + sign-in audit; for reference)",
                 f"{(time.perf_counter() - t0) * 1000:.0f} ms", ""))
    persons = UiQueries(services.ctx).person_count()
    try:
        bench_client(services, rows)
        report(rows, persons, path)
        if not args.no_baseline:
            baseline: list[tuple[str, str, str]] = []
            bench_baseline(services, baseline)
            report(baseline, persons, path, title="Baseline")
    finally:
        services.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
