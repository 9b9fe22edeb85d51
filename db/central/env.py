"""Alembic environment of the central store (PostgreSQL or a SQLite file), reached by URL or by a
connection handed in through ``config.attributes["connection"]``."""

from alembic import context
from sqlalchemy import create_engine

from desktop_app.sync.central_schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
