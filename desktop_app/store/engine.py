"""The SQLCipher engine: one encrypted SQLite file opened with a raw 256-bit key.

Raw key: the key slots already spent one Argon2id derivation, so SQLCipher's own PBKDF2 would
only add unlock time. ``temp_store=MEMORY`` keeps sorts and temporary tables off disk (a file
temp store would spill plaintext into an unlinked file). Opening uses ``mode=rw`` so a wrong path
or a failed open never creates an empty database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop_app.errors import ArchiveError

PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 10000",
    "PRAGMA synchronous = FULL",
    "PRAGMA cache_size = -16000",  # 16 MB of decrypted pages: random row reads of a big archive
)


def sqlcipher_version() -> str:
    conn = sqlcipher.connect(":memory:")
    try:
        return str(conn.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        conn.close()


def connect_raw(path: Path, key: bytes, *, create: bool = False) -> sqlcipher.Connection:
    """Open one DB-API connection and prove the key by reading the schema."""
    mode = "rwc" if create else "rw"
    uri = f"file:{quote(str(path))}?mode={mode}"
    try:
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlcipher.OperationalError:
        raise ArchiveError(f"cannot open archive {path.name}: file missing or not readable") from None
    try:
        # SQLCipher prints "hmac check failed" to stderr on a wrong key; keep it quiet.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        reason = str(exc).lower()
        if "disk" in reason or "i/o" in reason or "full" in reason:
            raise ArchiveError(f"cannot open {path.name}: the disk is full or failing ({exc}); free space and "
                               "try again") from None
        raise ArchiveError(
            f"{path.name} is not an archive of this key file, or its first page is damaged") from None
    for pragma in PRAGMAS:
        conn.execute(pragma)
    if create:
        conn.execute("PRAGMA journal_mode = WAL")
    return conn


def make_engine(path: Path, key: bytes) -> Engine:
    """An engine whose connections all carry the key; the key lives only in this closure."""

    def creator() -> sqlcipher.Connection:
        return connect_raw(path, key)

    # hide_parameters: a failed statement's exception must not carry personal data into logs.
    # LIFO: sequential work reuses one connection, so one 16 MB page cache stays warm instead of four.
    engine = create_engine("sqlite://", module=sqlcipher, creator=creator, poolclass=QueuePool,
                           pool_size=4, max_overflow=4, pool_use_lifo=True, hide_parameters=True)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(conn: Any) -> None:
    # pysqlite's implicit transactions are off (isolation_level=None); we emit BEGIN ourselves.
    # Writers take the write lock up front so two writers never deadlock on a lock upgrade.
    if conn.get_execution_options().get("write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def describe_db_error(exc: BaseException) -> str:
    """The driver's message without the SQL and parameters SQLAlchemy appends (they may hold data)."""
    original = getattr(exc, "orig", exc)
    return f"{type(original).__name__}: {str(original).splitlines()[0] if str(original) else ''}"
