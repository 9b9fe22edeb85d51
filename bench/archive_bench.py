"""The encrypted archive against plain SQLite: unlock, reads, writes, services, search, size."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from bench.data import Dataset
from bench.harness import Row, percentile, spread, timed
from desktop_app.services import Services
from desktop_app.services.records import RecordDraft
from desktop_app.store.archive import Archive

POINT_QUERY = "SELECT name, unit_id, post FROM persons WHERE id_number = ?"
PREFIX_QUERY = ("SELECT id, name FROM persons WHERE name_pinyin BETWEEN ? AND ? || char(1114111) "
                "ORDER BY name_pinyin LIMIT 50")
SCAN_QUERY = "SELECT state, count(*) FROM records GROUP BY state"


def run(data: Dataset) -> list[Row]:
    rows = [_unlock(data), *_reads(data), *_writes(data), _service_inserts(data), *_search(data), _size(data)]
    if data.demo_seconds is not None:
        rows.insert(0, Row(f"demo data, {data.persons:,} persons (records, assessments, change log, audit)",
                           spread([data.demo_seconds]), target="< 120 s" if data.persons >= 100_000 else "",
                           holds=data.demo_seconds < 120 if data.persons >= 100_000 else None))
    return rows


def _unlock(data: Dataset) -> Row:
    def unlock(path: Path) -> None:
        archive, _ = Archive.unlock(path, "admin", data.passphrase)
        archive.close()

    big = timed(lambda: unlock(data.archive), runs=3)
    small = timed(lambda: unlock(data.empty_archive), runs=3)
    med = sorted(big)[1]
    return Row(f"unlock (Argon2id) of the {data.persons:,}-person archive", spread(big),
               f"empty archive {spread(small)}", med / sorted(small)[1], "0.3–0.5 s, independent of size",
               0.25 <= med <= 0.6 and med / sorted(small)[1] < 1.3)


def _connections(data: Dataset) -> tuple[sqlcipher.Connection, sqlite3.Connection]:
    enc = sqlcipher.connect(str(data.archive))
    enc.execute(f"PRAGMA key = \"x'{data.key.hex()}'\"")
    plain = sqlite3.connect(str(data.plain))
    for conn in (enc, plain):
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -2000")
    return enc, plain


def _reads(data: Dataset) -> list[Row]:
    enc, plain = _connections(data)
    rng = random.Random(7)
    numbers = [r[0] for r in plain.execute("SELECT id_number FROM persons")]
    sample = rng.sample(numbers, min(2000, len(numbers)))
    prefixes = [p for p in ("zh", "li", "wa", "ch", "hu", "zha", "ou", "x", "lin", "z") for _ in range(10)]
    out = []
    for label, work in (
        ("point reads by ID number (2,000)", lambda c: [c.execute(POINT_QUERY, (n,)).fetchone() for n in sample]),
        ("pinyin prefix pages (100)", lambda c: [c.execute(PREFIX_QUERY, (p, p)).fetchall() for p in prefixes]),
        ("full scan: records by state", lambda c: c.execute(SCAN_QUERY).fetchall()),
    ):
        ours = timed(lambda work=work: work(enc), runs=5)
        base = timed(lambda work=work: work(plain), runs=5)
        ratio = sorted(ours)[2] / sorted(base)[2]
        out.append(Row(f"SQLCipher read: {label}", spread(ours, "ms", 1000, 1), f"SQLite {spread(base, 'ms', 1000, 1)}",
                       ratio, "≤ 1.3×", ratio <= 1.3))
    enc.close()
    plain.close()
    return out


def _writes(data: Dataset) -> list[Row]:
    enc, plain = _connections(data)
    rows = [(i, f"事实{i}" * 8, "2026-01-01") for i in range(50_000)]

    def bulk(conn: object) -> None:
        c = conn  # type: ignore[assignment]
        c.execute("DROP TABLE IF EXISTS bench_w")  # type: ignore[attr-defined]
        c.execute("CREATE TABLE bench_w (id INTEGER PRIMARY KEY, facts TEXT, day TEXT)")  # type: ignore[attr-defined]
        c.executemany("INSERT INTO bench_w VALUES (?, ?, ?)", rows)  # type: ignore[attr-defined]
        c.commit()  # type: ignore[attr-defined]

    ours = timed(lambda: bulk(enc), runs=3)
    base = timed(lambda: bulk(plain), runs=3)
    for conn in (enc, plain):
        conn.execute("DROP TABLE bench_w")
        conn.commit()
    enc.close()
    plain.close()
    ratio = sorted(ours)[1] / sorted(base)[1]
    return [Row("SQLCipher write: 50,000 rows in one transaction", spread(ours), f"SQLite {spread(base)}", ratio,
                "≤ 1.5×", ratio <= 1.5)]


def _service_inserts(data: Dataset) -> Row:
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
    return Row("record entry through the services (validation, row, change log, revision, audit; "
               "one transaction each)",
               f"{count / ours:.0f} records/s", f"plain SQLite one-row transactions {count / base:.0f} rows/s",
               ours / base, "informational", None)


def _search(data: Dataset) -> list[Row]:
    archive, user = Archive.unlock(data.archive, "admin", data.passphrase)
    services = Services.for_user(archive, user)
    sample = services.persons.search("", limit=200, offset=data.persons // 3)
    queries = {
        "name": [p.name[:2] for p in sample[:60]],
        "pinyin initials": [_initials(services, p.id) for p in sample[60:120]],
        "ID suffix": [services.persons.reveal_id_number(p.id)[-6:] for p in sample[120:180]],
    }
    rows = []
    for kind, texts in queries.items():
        times = []
        for text in texts:
            started = time.perf_counter()
            services.persons.search(text, limit=50)
            times.append(time.perf_counter() - started)
        p95 = percentile(times, 95)
        rows.append(Row(f"person search by {kind}, first page of 50 (over {data.persons:,})",
                        f"p50 {percentile(times, 50) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms", "", None,
                        "p95 < 50 ms", p95 < 0.050))
    numbers = [services.persons.reveal_id_number(p.id) for p in sample[:20]]
    loads = timed(lambda: [services.persons.show(n) for n in numbers], 3)
    rows.append(Row("person file load (person, records, assessments, flags)", spread(loads, "ms", 1000 / 20, 1)))
    services.close()
    return rows


def _initials(services: Services, person_id: object) -> str:
    from desktop_app.domain.pinyin import pinyin_keys

    file = services.persons.rows_by_ids([person_id])[0]  # type: ignore[list-item]
    return pinyin_keys(file.name)[1]


def _size(data: Dataset) -> Row:
    ours = data.archive.stat().st_size / 1e6
    base = data.plain.stat().st_size / 1e6
    return Row(f"archive size for {data.persons:,} persons", f"{ours:.0f} MB", f"plain SQLite {base:.0f} MB",
               ours / base, "informational", None)
