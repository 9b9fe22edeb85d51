"""Runs the Alembic migrations of ``db/local`` on an open, keyed archive connection."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from desktop_app.resources import migrations_path

SCRIPT_LOCATION = migrations_path("local")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    command.upgrade(alembic_config(connection), target)


def migrate(engine: Engine, target: str = "head", *, down: bool = False) -> None:
    """Run migrations the way SQLite needs for table rebuilds: foreign keys off (which only takes
    effect outside a transaction), one transaction, then a foreign-key check before commit."""
    with engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                (command.downgrade if down else command.upgrade)(alembic_config(conn), target)
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise RuntimeError(f"migration to {target} left {len(problems)} broken references")
        finally:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
