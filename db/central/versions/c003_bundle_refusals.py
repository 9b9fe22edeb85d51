"""headquarters records each office bundle it refuses

Revision ID: c003
Revises: c002
Create Date: 2026-11-27
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'c003'
down_revision: str | None = 'c002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # No office role is granted this table: it is headquarters' own record.
    op.create_table('sync_bundle_refusals',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('file', sa.String(length=255), nullable=False),
    sa.Column('sender', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('received_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_bundle_refusals'))
    )


def downgrade() -> None:
    op.drop_table('sync_bundle_refusals')
