"""Sync state — per-field clocks, applied remote changes, conflicts, quarantine (issue 4).

Also: change-log entries carry the clocks of the values they replaced, and unit names are no
longer unique (two offices may name different units alike; the service refuses local duplicates).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("changes") as batch_op:
        batch_op.add_column(sa.Column("base_clocks", sa.Text(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("acked_at", sa.String(length=32), nullable=True))
    with op.batch_alter_table("changes") as batch_op:
        batch_op.alter_column("base_clocks", server_default=None)
    with op.batch_alter_table("units") as batch_op:
        batch_op.drop_constraint("uq_units_name", type_="unique")
        batch_op.create_index("ix_units_name", ["name"], unique=False)
    op.create_table(
        "entity_clocks",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("clocks", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_entity_clocks")),
    )
    op.create_table(
        "applied_changes",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("applied_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_applied_changes")),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=48), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=False),
        sa.Column("kept_hlc", sa.String(length=64), nullable=False),
        sa.Column("lost_value", sa.Text(), nullable=False),
        sa.Column("lost_hlc", sa.String(length=64), nullable=False),
        sa.Column("lost_change_id", sa.Uuid(), nullable=False),
        sa.Column("lost_device", sa.String(length=36), nullable=False),
        sa.Column("lost_user", sa.String(length=64), nullable=False),
        sa.Column("detected_at", sa.String(length=32), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    op.create_index("ix_conflicts_open", "conflicts", ["resolved", "entity"], unique=False)
    op.create_table(
        "quarantine",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_quarantine")),
    )


def downgrade() -> None:
    op.drop_table("quarantine")
    op.drop_index("ix_conflicts_open", table_name="conflicts")
    op.drop_table("conflicts")
    op.drop_table("applied_changes")
    op.drop_table("entity_clocks")
    with op.batch_alter_table("units") as batch_op:
        batch_op.drop_index("ix_units_name")
        batch_op.create_unique_constraint("uq_units_name", ["name"])
    with op.batch_alter_table("changes") as batch_op:
        batch_op.drop_column("acked_at")
        batch_op.drop_column("base_clocks")
