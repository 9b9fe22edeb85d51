"""Per-unit permission scope inside one archive (issue 9, item 8).

``user_scopes`` limits a user to units (each covering its descendants); a user without an active
row keeps the whole archive, so every user of an upgraded archive works as before. The index on
``units.parent_id`` serves the walk down the unit tree.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user_scopes",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_user_scopes_unit_id_units")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_user_scopes_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_scopes")),
        sa.UniqueConstraint("user_id", "unit_id", name=op.f("uq_user_scopes_user_id_unit_id")),
    )
    with op.batch_alter_table("units") as batch_op:
        batch_op.create_index(batch_op.f("ix_units_parent_id"), ["parent_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("units") as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_parent_id"))
    op.drop_table("user_scopes")
