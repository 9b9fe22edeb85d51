"""Permissions and the default role table (DESIGN.md §3).

The table is copied into each archive at creation; services check the signed-in user's
permissions on every call. Admin and auditor are separate duties: the admin manages users,
units and sync but cannot read the audit trail; the auditor reads and verifies it and nothing
else. No permission anywhere allows rewriting audit entries.
"""

from __future__ import annotations

from enum import StrEnum

from desktop_app.domain.enums import Role


class Permission(StrEnum):
    UNIT_READ = "unit.read"
    UNIT_WRITE = "unit.write"
    PERSON_READ = "person.read"
    PERSON_WRITE = "person.write"
    PERSON_REVEAL_ID = "person.reveal_id"
    RECORD_READ = "record.read"
    RECORD_WRITE = "record.write"
    ASSESSMENT_WRITE = "assessment.write"
    TRAINING_READ = "training.read"
    TRAINING_WRITE = "training.write"
    PRINT = "print"
    EXPORT = "export"
    USER_MANAGE = "user.manage"
    ARCHIVE_BACKUP = "archive.backup"
    ARCHIVE_REKEY = "archive.rekey"
    ARCHIVE_VERIFY = "archive.verify"
    AUDIT_READ = "audit.read"
    SYNC_RUN = "sync.run"
    # Objections and credit repair: clerks register and keep the file, reviewers decide (issue 6).
    OBJECTION_WRITE = "objection.write"
    OBJECTION_DECIDE = "objection.decide"
    REPAIR_WRITE = "repair.write"
    REPAIR_DECIDE = "repair.decide"
    POLICY_EDIT = "policy.edit"


P = Permission
_CLERK = {P.UNIT_READ, P.PERSON_READ, P.PERSON_WRITE, P.PERSON_REVEAL_ID, P.RECORD_READ, P.RECORD_WRITE,
          P.ASSESSMENT_WRITE, P.TRAINING_READ, P.PRINT, P.EXPORT, P.OBJECTION_WRITE, P.REPAIR_WRITE}

DEFAULT_ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # The admin created by `init` is also who scripts use by default, so it can maintain files.
    Role.ADMIN: frozenset(set(Permission) - {P.AUDIT_READ}),
    Role.CLERK: frozenset(_CLERK),
    Role.REVIEWER: frozenset({P.UNIT_READ, P.PERSON_READ, P.RECORD_READ, P.TRAINING_READ, P.PRINT,
                              P.EXPORT, P.OBJECTION_DECIDE, P.REPAIR_DECIDE}),
    Role.TRAINER: frozenset({P.UNIT_READ, P.PERSON_READ, P.TRAINING_READ, P.TRAINING_WRITE}),
    Role.AUDITOR: frozenset({P.AUDIT_READ, P.ARCHIVE_VERIFY}),
}
