"""Training courses, sessions and attendance (issue 7).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tracked() -> list[sa.Column]:
    return [sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("created_at", sa.String(length=32), nullable=False),
            sa.Column("updated_at", sa.String(length=32), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "courses",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("topic", sa.String(length=24), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("organizer", sa.String(length=200), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("days", sa.Float(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
    )
    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_courses_title"), ["title"], unique=False)

    op.create_table(
        "training_sessions",
        sa.Column("course_id", sa.Uuid(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("trainer", sa.String(length=64), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["course_id"], ["courses.id"], name=op.f("fk_training_sessions_course_id_courses")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_sessions")),
    )
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_sessions_course_id"), ["course_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_sessions_ends_on"), ["ends_on"], unique=False)

    op.create_table(
        "attendances",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("hours_earned", sa.Float(), nullable=False),
        sa.Column("days_earned", sa.Float(), nullable=False),
        sa.Column("leave_hours", sa.Float(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("certificate_no", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_attendances_person_id_persons")),
        sa.ForeignKeyConstraint(["session_id"], ["training_sessions.id"],
                                name=op.f("fk_attendances_session_id_training_sessions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendances")),
        sa.UniqueConstraint("session_id", "person_id", name=op.f("uq_attendances_session_id_person_id")),
    )
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.create_index("ix_attendances_person_result", ["person_id", "result"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.drop_index("ix_attendances_person_result")
    op.drop_table("attendances")
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_sessions_ends_on"))
        batch_op.drop_index(batch_op.f("ix_training_sessions_course_id"))
    op.drop_table("training_sessions")
    with op.batch_alter_table("courses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_courses_title"))
    op.drop_table("courses")
