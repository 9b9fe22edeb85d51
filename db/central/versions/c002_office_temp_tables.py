"""offices may create temporary tables (push stages each batch with COPY)

Revision ID: c002
Revises: c001
Create Date: 2026-11-27
"""
from collections.abc import Sequence

from alembic import op

revision: str = 'c002'
down_revision: str | None = 'c001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# desktop_app/sync/central_copy.py streams a pushed batch into a session temp table. PostgreSQL grants
# TEMPORARY to PUBLIC by default, but a hardened server may have revoked it; the office role gets it
# explicitly so a push never depends on that default.
_GRANT = ("DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO if_office', current_database()); "
          "END $$")
_REVOKE = ("DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM if_office', current_database()); "
           "END $$")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_GRANT)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_REVOKE)
