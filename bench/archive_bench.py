"""The encrypted archive against plain SQLite: unlock, reads, writes, services, search, size.

Runs in a child process of its own (``python -m bench.archive_bench DATASET.json``) so its peak RSS
is its own; ``--core`` measures only the figures of the scaling table."""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from bench.child import report
from bench.data import Dataset
from bench.harness import Row, interleaved, memory_row, peak_rss_mb, percentile, spread, timed
from desktop_app.services import Services
from desktop_app.services.records import RecordDraft
from desktop_app.store.archive import Archive

POINT_QUERY = "SELECT name, unit_id, post FROM persons WHERE id_number = ?"
PREFIX_QUERY = ("SELECT id, name FROM persons WHERE name_pinyin BETWEEN ? AND ? || char(1114111) "
                "ORDER BY name_pinyin LIMIT 50")
SCAN_QUERY = "SELECT state, count(*) FROM records GROUP BY state"
READ_SEED = 7
UNLOCK_LOW, UNLOCK_HIGH = 0.25, 0.6  # "about 0.3–0.5 s" (issue 2)

Core = dict[str, float]  # the scaling table's figures, by metric name (bench/scaling.py)


def run(data: Dataset, runs: int = 3) -> tuple[list[Row], Core]:
    core: Core = {}
    rows = [_unlock(data, runs, core), *_reads(data, runs, core, full=True), *_writes(data, runs),
            _service_inserts(data, core), *_search(data, runs, core), _size(data, core)]
    core["peak_mb"] = peak_rss_mb()
    rows.append(memory_row("archive benchmarks (one process: every unlock, read, write and search above)",
                           core["peak_mb"], note="includes Argon2id's 128 MiB"))
    return rows, core


def run_core(data: Dataset, runs: int = 3) -> Core:
    core: Core = {}
    _unlock(data, runs, core)
    _reads(data, runs, core, full=False)
    _service_inserts(data, core)
    _search(data, runs, core)
    _size(data, core)
    core["peak_mb"] = peak_rss_mb()
    return core


def _unlock(data: Dataset, runs: int, core: Core) -> Row:
    def unlock(path: Path) -> None:
        archive, _ = Archive.unlock(path, "admin", data.passphrase)
        archive.close()

    big, small = interleaved(lambda: unlock(data.archive), lambda: unlock(data.empty_archive), runs)
    med, base = statistics.median(big), statistics.median(small)
    core["unlock_s"] = med
    return Row(f"unlock (Argon2id) of the {data.persons:,}-person archive", spread(big),
               f"empty archive {spread(small)}", med / base,
               f"about 0.3–0.5 s ({UNLOCK_LOW}–{UNLOCK_HIGH}), ≤ 1.3× empty",
               UNLOCK_LOW <= med <= UNLOCK_HIGH and med / base <= 1.3)


def _connections(data: Dataset) -> tuple[sqlcipher.Connection, sqlite3.Connection]:
    enc = sqlcipher.connect(str(data.archive))
    enc.execute(f"PRAGMA key = \"x'{data.key.hex()}'\"")
    plain = sqlite3.connect(str(data.plain))
    for conn in (enc, plain):
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -2000")
    return enc, plain


def _reads(data: Dataset, runs: int, core: Core, *, full: bool) -> list[Row]:
    enc, plain = _connections(data)
    rng = random.Random(READ_SEED)
    numbers = [r[0] for r in plain.execute("SELECT id_number FROM persons")]
    sample = rng.sample(numbers, min(2000, len(numbers)))
    prefixes = [p for p in ("zh", "li", "wa", "ch", "hu", "zha", "ou", "x", "lin", "z") for _ in range(10)]
    work = [(f"point reads by ID number ({len(sample):,})",
             lambda c: [c.execute(POINT_QUERY, (n,)).fetchone() for n in sample])]
    if full:
        work += [("pinyin prefix pages (100)",
                  lambda c: [c.execute(PREFIX_QUERY, (p, p)).fetchall() for p in prefixes]),
                 ("full scan: records by state", lambda c: c.execute(SCAN_QUERY).fetchall())]
    out = []
    for label, fn in work:
        ours, base = interleaved(lambda fn=fn: fn(enc), lambda fn=fn: fn(plain), runs + 2)
        ratio = statistics.median(ours) / statistics.median(base)
        core.setdefault("point_read_ratio", ratio)  # the first of the list
        out.append(Row(f"SQLCipher read: {label}", spread(ours, "ms", 1000, 1), f"SQLite {spread(base, 'ms', 1000, 1)}",
                       ratio, "≤ 1.3×", ratio <= 1.3))
    enc.close()
    plain.close()
    return out


def _writes(data: Dataset, runs: int) -> list[Row]:
    enc, plain = _connections(data)
    rows = [(i, f"事实{i}" * 8, "2026-01-01") for i in range(50_000)]

    def bulk(conn: Any) -> None:
        conn.execute("DROP TABLE IF EXISTS bench_w")
        conn.execute("CREATE TABLE bench_w (id INTEGER PRIMARY KEY, facts TEXT, day TEXT)")
        conn.executemany("INSERT INTO bench_w VALUES (?, ?, ?)", rows)
        conn.commit()

    ours, base = interleaved(lambda: bulk(enc), lambda: bulk(plain), runs)
    for conn in (enc, plain):
        conn.execute("DROP TABLE bench_w")
        conn.commit()
    enc.close()
    plain.close()
    ratio = statistics.median(ours) / statistics.median(base)
    return [Row("SQLCipher write: 50,000 rows in one transaction", spread(ours), f"SQLite {spread(base)}", ratio,
                "≤ 1.5×", ratio <= 1.5)]


def _service_inserts(data: Dataset, core: Core) -> Row:
    archive, user = Archive.unlock(data.archive, "admin", data.passphrase)
    services = Services.for_user(archive, user)
    person = services.persons.search("", limit=1)[0]
    count = 200
    started = time.perf_counter()
    for i in range(count):
        services.records.add(person.id, RecordDraft(kind="嘉奖", decided_on="2026-01-05",
                                                    document_no=f"基准〔2026〕{i}号", authority="广州市人民政府",
                                                    facts="年度考核优秀"))
    ours = time.perf_counter() - started
    services.close()
    plain = sqlite3.connect(str(data.plain))
    plain.execute("PRAGMA journal_mode = WAL")
    plain.execute("PRAGMA synchronous = FULL")
    plain.execute("CREATE TABLE IF NOT EXISTS bench_r (id INTEGER PRIMARY KEY, facts TEXT)")
    started = time.perf_counter()
    for i in range(count):
        plain.execute("INSERT INTO bench_r (facts) VALUES (?)", (f"年度考核优秀{i}",))
        plain.commit()
    base = time.perf_counter() - started
    plain.execute("DROP TABLE bench_r")
    plain.close()
    core["insert_rate"] = count / ours
    return Row("record entry through the services (validation, row, change log, revision, audit; "
               f"one transaction each, {count})",
               f"{count / ours:.0f} records/s", f"plain SQLite one-row transactions {count / base:.0f} rows/s",
               ours / base, "informational", None)


def _search(data: Dataset, runs: int, core: Core) -> list[Row]:
    archive, user = Archive.unlock(data.archive, "admin", data.passphrase)
    services = Services.for_user(archive, user)
    offset = max(0, min(data.persons // 3, data.persons - 180))
    sample = services.persons.search("", limit=180, offset=offset)
    third = max(1, len(sample) // 3)
    queries = {
        "name": [p.name[:2] for p in sample[:third]],
        "pinyin initials": [_initials(services, p.id) for p in sample[third:2 * third] or sample[:third]],
        "ID suffix": [services.persons.reveal_id_number(p.id)[-6:] for p in sample[2 * third:] or sample[:third]],
    }
    rows = []
    worst = 0.0
    for kind, texts in queries.items():
        times = []
        for text in texts:
            started = time.perf_counter()
            services.persons.search(text, limit=50)
            times.append(time.perf_counter() - started)
        p95 = percentile(times, 95)
        worst = max(worst, p95)
        rows.append(Row(f"person search by {kind}, first page of 50 ({len(texts)} queries over {data.persons:,})",
                        f"p50 {percentile(times, 50) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms", "", None,
                        "p95 < 50 ms", p95 < 0.050))
    core["search_p95_ms"] = worst * 1000
    numbers = [services.persons.reveal_id_number(p.id) for p in sample[:20]]
    loads = timed(lambda: [services.persons.show(n) for n in numbers], runs)
    core["file_load_ms"] = statistics.median(loads) * 1000 / len(numbers)
    rows.append(Row(f"person file load (person, records, assessments, flags; mean of {len(numbers)})",
                    spread(loads, "ms", 1000 / len(numbers), 1)))
    services.close()
    return rows


def _initials(services: Services, person_id: object) -> str:
    from desktop_app.domain.pinyin import pinyin_keys

    file = services.persons.rows_by_ids([person_id])[0]  # type: ignore[list-item]
    return pinyin_keys(file.name)[1]


def _size(data: Dataset, core: Core) -> Row:
    ours = data.archive.stat().st_size / 1e6
    base = data.plain.stat().st_size / 1e6
    core["size_mb"] = ours
    return Row(f"archive size for {data.persons:,} persons ({data.records:,} records)", f"{ours:.0f} MB",
               f"plain SQLite {base:.0f} MB", ours / base, "informational", None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path, help="the JSON bench/data.py saved")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--core", action="store_true", help="only the scaling table's figures")
    args = parser.parse_args(argv)
    data = Dataset.load(args.dataset)
    if args.core:
        report(core=run_core(data, args.runs))
    else:
        rows, core = run(data, args.runs)
        report(rows=rows, core=core)
    return 0


if __name__ == "__main__":
    sys.exit(main())
