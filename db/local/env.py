"""Alembic environment for the local archive.

The archive is encrypted, so Alembic never opens it by URL: the application passes an open,
keyed connection in ``config.attributes["connection"]``.
"""

from alembic import context

from desktop_app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations of an archive run through desktop_app.store.migrations")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
