"""Alembic migrations: they build exactly the models, and an older archive upgrades after a backup."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from desktop_app.services import Services
from desktop_app.store import migrations
from desktop_app.store.archive import Archive
from desktop_app.store.backups import backup_dir
from desktop_app.store.engine import make_engine
from desktop_app.store.models import Base
from tests.conftest import sign_in
from tests.factories import PASSPHRASE, organ_uscc


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'plain-schema.db'}")
    with engine.begin() as conn:
        migrations.upgrade(conn)
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_older_archive_is_upgraded_after_an_encrypted_backup(admin: Services) -> None:
    archive = admin.ctx.archive
    path, key = archive.path, archive.raw_key()
    admin.close()
    engine = make_engine(path, key)
    migrations.migrate(engine, "0001", down=True)
    engine.dispose()
    reopened, _ = Archive.unlock(path, "admin", PASSPHRASE)
    try:
        with reopened.engine.connect() as conn:
            assert migrations.current_revision(conn) == migrations.head_revision()
            assert "ix_changes_entity" in {i["name"] for i in inspect(conn).get_indexes("changes")}
        backups = list(backup_dir(path).glob("*before-migration-0001.db"))
        assert len(backups) == 1
        old, _ = Archive.unlock(backups[0], "admin", PASSPHRASE)  # the backup opens (and upgrades itself)
        old.close()
    finally:
        reopened.close()


def test_archive_from_a_newer_version_is_refused(admin: Services) -> None:
    import pytest

    from desktop_app.errors import ArchiveError

    archive = admin.ctx.archive
    path, key = archive.path, archive.raw_key()
    admin.close()
    engine = make_engine(path, key)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match="newer version"):
        Archive.unlock(path, "admin", PASSPHRASE)
    assert path.read_bytes() == before


def test_an_archive_of_0005_upgrades_with_every_user_on_the_whole_archive(admin: Services) -> None:
    """0005 → 0006 adds the unit scope: existing users (the first admin included) keep the whole
    archive, the upgraded archive verifies, and a scope can be set afterwards."""
    admin.users.add("clerk1", "clerk", "clerk passphrase 1")
    archive = admin.ctx.archive
    path, key = archive.path, archive.raw_key()
    admin.close()
    engine = make_engine(path, key)
    migrations.migrate(engine, "0005", down=True)
    with engine.connect() as conn:
        assert "user_scopes" not in inspect(conn).get_table_names()
    engine.dispose()
    upgraded = Services.sign_in(path, "admin", PASSPHRASE)
    clerk = sign_in(upgraded, "clerk1", "clerk passphrase 1")
    try:
        with upgraded.ctx.read() as s:
            assert s.scalar(text("SELECT version_num FROM alembic_version")) == migrations.head_revision()
            assert s.scalar(text("SELECT count(*) FROM user_scopes")) == 0
        assert len(list(backup_dir(path).glob("*before-migration-0005.db"))) == 1
        assert upgraded.users.own_scope() == () and clerk.users.own_scope() == ()
        assert [p.name for p in clerk.persons.search()] == ["李四", "张三"]
        assert upgraded.maintenance.verify().ok
        upgraded.units.add(name="越秀区人社局", uscc=organ_uscc(3, "440104"), division_code="440104")
        upgraded.users.set_scope("clerk1", ["越秀区人社局"])
        assert clerk.persons.search() == []  # the next call already sees the new scope
        assert upgraded.maintenance.verify().ok
    finally:
        clerk.close()
        upgraded.close()
