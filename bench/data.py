"""The benchmark data set: a demo archive with the real KDF, an empty archive, and a plain SQLite
copy of the same tables for the baselines (plaintext demo data in the temporary folder only)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from desktop_app.services import Services
from desktop_app.store.archive import Archive
from desktop_app.store.engine import connect_raw

PASSPHRASE = "benchmark passphrase 2026"


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


def build(folder: Path, persons: int) -> Dataset:
    archive, user, _ = Archive.create(folder / "office.db", admin_name="admin", admin_passphrase=PASSPHRASE,
                                      office_name="基准测试办公室")
    services = Services.for_user(archive, user)
    started = time.perf_counter()
    services.demo.load(persons=persons, seed=2017)
    seconds = time.perf_counter() - started
    key = archive.raw_key()
    services.close()
    empty, _, _ = Archive.create(folder / "empty.db", admin_name="admin", admin_passphrase=PASSPHRASE)
    empty.close()
    plain = folder / "plain.db"
    conn = connect_raw(folder / "office.db", key)
    conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    return Dataset(folder, persons, folder / "office.db", folder / "empty.db", plain, key, demo_seconds=seconds)
