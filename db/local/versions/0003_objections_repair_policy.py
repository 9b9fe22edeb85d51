"""Objections, credit repair and the versioned policy profile (issue 6).

Tables: policy_profiles, blobs (file contents, content-addressed), attachments, objections,
repair_applications, unit_headcounts. Data: the new permissions for the roles of archives created
before this version (new archives get them from DEFAULT_ROLE_PERMISSIONS). The role table is
written out here, not imported, so this migration means the same thing forever.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_PERMISSIONS = (
    ("admin", "objection.write"), ("admin", "objection.decide"), ("admin", "repair.write"),
    ("admin", "repair.decide"), ("admin", "policy.edit"),
    ("clerk", "objection.write"), ("clerk", "repair.write"),
    ("reviewer", "objection.decide"), ("reviewer", "repair.decide"),
)


def _tracked() -> list[sa.Column]:  # type: ignore[type-arg]
    return [sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("created_at", sa.String(length=32), nullable=False),
            sa.Column("updated_at", sa.String(length=32), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "policy_profiles",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_profiles")))
    with op.batch_alter_table("policy_profiles") as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_profiles_number"), ["number"], unique=False)

    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blobs")),
        sa.UniqueConstraint("sha256", name=op.f("uq_blobs_sha256")))

    op.create_table(
        "attachments",
        sa.Column("owner_type", sa.String(length=16), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")))
    with op.batch_alter_table("attachments") as batch_op:
        batch_op.create_index("ix_attachments_owner", ["owner_type", "owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "objections",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("applicant", sa.String(length=64), nullable=False),
        sa.Column("grounds", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("stage_started_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("due_estimated", sa.Boolean(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("verification_started_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("handler", sa.String(length=64), nullable=False),
        sa.Column("restricts_awards", sa.Boolean(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("policy_id", sa.Uuid(), nullable=True),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_objections_person_id_persons")),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"], name=op.f("fk_objections_record_id_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objections")))
    with op.batch_alter_table("objections") as batch_op:
        batch_op.create_index(batch_op.f("ix_objections_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_objections_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_objections_state"), ["state"], unique=False)

    op.create_table(
        "repair_applications",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("applicant", sa.String(length=64), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("obligations_met", sa.Boolean(), nullable=False),
        sa.Column("commitment_signed", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("stage_started_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("due_estimated", sa.Boolean(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("handler", sa.String(length=64), nullable=False),
        sa.Column("policy_id", sa.Uuid(), nullable=True),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"],
                                name=op.f("fk_repair_applications_person_id_persons")),
        sa.ForeignKeyConstraint(["record_id"], ["records.id"],
                                name=op.f("fk_repair_applications_record_id_records")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repair_applications")))
    with op.batch_alter_table("repair_applications") as batch_op:
        batch_op.create_index(batch_op.f("ix_repair_applications_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_repair_applications_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_repair_applications_state"), ["state"], unique=False)

    op.create_table(
        "unit_headcounts",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_unit_headcounts_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_headcounts")),
        sa.UniqueConstraint("unit_id", "year", name=op.f("uq_unit_headcounts_unit_id_year")))
    with op.batch_alter_table("unit_headcounts") as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_headcounts_unit_id"), ["unit_id"], unique=False)

    # Data: grant the new permissions in archives made before this version. Only roles that exist
    # in the archive get them, and a row already there is left alone.
    conn = op.get_bind()
    for role, permission in NEW_PERMISSIONS:
        conn.execute(sa.text(
            "INSERT INTO role_permissions (role, permission) SELECT :role, :permission "
            "WHERE EXISTS (SELECT 1 FROM role_permissions WHERE role = :role) "
            "AND NOT EXISTS (SELECT 1 FROM role_permissions WHERE role = :role AND permission = :permission)"),
            {"role": role, "permission": permission})


def downgrade() -> None:
    conn = op.get_bind()
    for role, permission in NEW_PERMISSIONS:
        conn.execute(sa.text("DELETE FROM role_permissions WHERE role = :role AND permission = :permission"),
                     {"role": role, "permission": permission})
    for table, indexes in (("unit_headcounts", ("ix_unit_headcounts_unit_id",)),
                           ("repair_applications", ("ix_repair_applications_state", "ix_repair_applications_record_id",
                                                    "ix_repair_applications_person_id")),
                           ("objections", ("ix_objections_state", "ix_objections_record_id",
                                           "ix_objections_person_id")),
                           ("attachments", ("ix_attachments_sha256", "ix_attachments_owner")),
                           ("blobs", ()),
                           ("policy_profiles", ("ix_policy_profiles_number",))):
        if indexes:
            with op.batch_alter_table(table) as batch_op:
                for index in indexes:
                    batch_op.drop_index(index)
        op.drop_table(table)
