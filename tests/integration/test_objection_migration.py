"""Migration 0003 gives archives made before it the new permissions, and removes them going down."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.domain.enums import Role
from desktop_app.domain.permissions import DEFAULT_ROLE_PERMISSIONS, Permission
from desktop_app.services import Services
from desktop_app.store import migrations
from desktop_app.store.archive import Archive
from desktop_app.store.engine import make_engine
from desktop_app.store.models import RolePermission
from tests.factories import PASSPHRASE

NEW = {Permission.OBJECTION_WRITE, Permission.OBJECTION_DECIDE, Permission.REPAIR_WRITE, Permission.REPAIR_DECIDE,
       Permission.POLICY_EDIT}


def _table(archive: Archive) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    with archive.session() as s:
        for role, permission in s.execute(select(RolePermission.role, RolePermission.permission)):
            table.setdefault(role, set()).add(permission)
    return table


def test_an_archive_from_before_0003_gets_the_new_permissions(admin: Services) -> None:
    archive = admin.ctx.archive
    path, key = archive.path, archive.raw_key()
    admin.close()
    engine = make_engine(path, key)
    migrations.migrate(engine, "0002", down=True)
    engine.dispose()
    engine = make_engine(path, key)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT permission FROM role_permissions").all()
    engine.dispose()
    assert not {r[0] for r in rows} & {p.value for p in NEW}
    reopened, user = Archive.unlock(path, "admin", PASSPHRASE)
    try:
        assert {p.value for p in NEW} <= user.permissions
        table = _table(reopened)
        for role in Role:
            assert table.get(role.value, set()) == {p.value for p in DEFAULT_ROLE_PERMISSIONS[role]}, role
    finally:
        reopened.close()


def test_the_division_of_work() -> None:
    roles = DEFAULT_ROLE_PERMISSIONS
    assert {Permission.OBJECTION_WRITE, Permission.REPAIR_WRITE} <= roles[Role.CLERK]
    assert not {Permission.OBJECTION_DECIDE, Permission.REPAIR_DECIDE, Permission.POLICY_EDIT} & roles[Role.CLERK]
    assert {Permission.OBJECTION_DECIDE, Permission.REPAIR_DECIDE} <= roles[Role.REVIEWER]
    assert not {Permission.OBJECTION_WRITE, Permission.REPAIR_WRITE, Permission.POLICY_EDIT} & roles[Role.REVIEWER]
    assert [r for r in Role if Permission.POLICY_EDIT in roles[r]] == [Role.ADMIN]
    assert not NEW & (roles[Role.TRAINER] | roles[Role.AUDITOR])
