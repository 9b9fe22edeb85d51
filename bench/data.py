"""The benchmark data set: a demo archive with the real KDF, topped up to the issue's shape (about ten
integrity records and five attendance rows per person, bench/fill.py), an empty archive, and a plain
SQLite copy of the same tables for the baselines (plaintext demo data in the temporary folder only).

At full size that is 100,000 persons, ~1,000,000 records and ~500,000 attendance rows. ``python -m bench``
builds it in a child (``python -m bench.data FOLDER PERSONS``): the bench process stays small, and the
children it starts later do not begin with its memory."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench import fill
from bench.child import report
from bench.harness import peak_rss_mb
from desktop_app.services import Services
from desktop_app.store import keyslots
from desktop_app.store.archive import Archive
from desktop_app.store.engine import connect_raw

PASSPHRASE = "benchmark passphrase 2026"
DEMO_SEED = 2017
RECORDS_PER_PERSON = 10
ATTENDANCE_PER_PERSON = 5
LIGHT_KDF = keyslots.KdfParams(salt=b"", iterations=1, lanes=1, memory_kib=8192)
COUNTED = {"persons": "persons", "records": "records", "assessments": "assessments", "attendance": "attendances",
           "changes": "changes", "audit entries": "audit_entries"}


@dataclass
class Dataset:
    folder: Path
    persons: int
    archive: Path
    empty_archive: Path
    plain: Path
    key: bytes
    passphrase: str = PASSPHRASE
    demo_seconds: float | None = None
    fill_seconds: float | None = None
    build_peak_mb: float | None = None
    counts: dict[str, int] = field(default_factory=dict)
    light_kdf: bool = False  # smoke runs: a cheap Argon2id, so unlock figures mean nothing

    @property
    def records(self) -> int:
        return self.counts.get("records", 0)

    def describe(self) -> str:
        counted = ", ".join(f"{n:,} {name}" for name, n in self.counts.items())
        built = (self.demo_seconds or 0) + (self.fill_seconds or 0)
        kdf = "; light KDF" if self.light_kdf else ""
        return f"data: {counted} (demo seed {DEMO_SEED}, fill seeds {fill.RECORD_SEED}/{fill.ATTENDANCE_SEED}; " \
               f"built in {built:.0f} s{kdf})"

    def save(self) -> Path:
        """As JSON beside the archive, for the child processes that measure it."""
        path = self.folder / f"{self.archive.stem}.json"
        values = asdict(self)
        values["key"] = self.key.hex()
        path.write_text(json.dumps(values, default=str), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> Dataset:
        values: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        for name in ("folder", "archive", "empty_archive", "plain"):
            values[name] = Path(values[name])
        values["key"] = bytes.fromhex(values["key"])
        return cls(**values)


def build(folder: Path, persons: int, *, records_per_person: int = RECORDS_PER_PERSON,
          attendance_per_person: int = ATTENDANCE_PER_PERSON, name: str = "office", light_kdf: bool = False) -> Dataset:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.db"
    kdf = LIGHT_KDF if light_kdf else None
    archive, user, _ = Archive.create(path, admin_name="admin", admin_passphrase=PASSPHRASE,
                                      office_name="基准测试办公室", kdf=kdf)
    services = Services.for_user(archive, user)
    started = time.perf_counter()
    demo = services.demo.load(persons=persons, seed=DEMO_SEED)
    demo_seconds = time.perf_counter() - started
    started = time.perf_counter()
    ids = fill.person_ids(services)
    fill.add_records(services, ids, records_per_person * persons - demo.records)
    fill.add_attendance(services, ids, attendance_per_person * persons)
    fill_seconds = time.perf_counter() - started
    key = archive.raw_key()
    services.close()
    empty, _, _ = Archive.create(folder / f"{name}-empty.db", admin_name="admin", admin_passphrase=PASSPHRASE,
                                 kdf=kdf)
    empty.close()
    plain = folder / f"{name}-plain.db"
    conn = connect_raw(path, key)
    counts = {label: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
              for label, table in COUNTED.items()}
    conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    return Dataset(folder, persons, path, folder / f"{name}-empty.db", plain, key, demo_seconds=demo_seconds,
                   fill_seconds=fill_seconds, counts=counts, light_kdf=light_kdf)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build a benchmark data set and save it as JSON")
    parser.add_argument("folder", type=Path)
    parser.add_argument("persons", type=int)
    parser.add_argument("--light-kdf", action="store_true", help="a cheap Argon2id (smoke runs)")
    args = parser.parse_args(argv)
    dataset = build(args.folder, args.persons, light_kdf=args.light_kdf)
    dataset.build_peak_mb = peak_rss_mb()
    report(dataset=str(dataset.save()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
