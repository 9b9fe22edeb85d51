"""Key slots on real SQLCipher files: unlock, wrong secrets, lockout, recovery, passphrase change,
user removal and rekey (including a rekey interrupted at each step)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop_app.errors import ArchiveError, AuthenticationError, LockedOutError, PermissionDenied
from desktop_app.services import Services
from desktop_app.store import keyslots
from desktop_app.store.archive import Archive
from desktop_app.store.engine import connect_raw
from desktop_app.store.keyslots import KeyFile, key_path_for
from tests.conftest import FAST_KDF, sign_in
from tests.factories import PASSPHRASE


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def closed_archive(tmp_path: Path) -> Path:
    archive, _, _ = Archive.create(tmp_path / "office.db", admin_name="admin", admin_passphrase=PASSPHRASE,
                                   kdf=FAST_KDF)
    archive.close()
    return tmp_path / "office.db"


@pytest.mark.parametrize("wrong", ["", "test passphrase 2", "Test passphrase 1", "测试口令一二三四五六",
                                   "' OR 1=1 --\"", "x" * 10_000])
def test_wrong_passphrase_never_opens_and_changes_only_the_counter(closed_archive: Path, wrong: str) -> None:
    before = _snapshot(closed_archive.parent)
    with pytest.raises(AuthenticationError) as caught:
        Archive.unlock(closed_archive, "admin", wrong)
    assert wrong not in str(caught.value) or wrong == ""
    after = _snapshot(closed_archive.parent)
    assert after.keys() == before.keys()  # no new file, no WAL, no journal
    assert after[closed_archive.name] == before[closed_archive.name]  # database bytes and mtime unchanged
    slot = next(s for s in KeyFile.load(key_path_for(closed_archive)).slots.values() if s.kind == "user")
    assert slot.failed_attempts == 1
    archive, _ = Archive.unlock(closed_archive, "admin", PASSPHRASE)
    archive.close()


def test_unknown_user_gets_the_same_message_as_a_wrong_passphrase(closed_archive: Path) -> None:
    with pytest.raises(AuthenticationError) as unknown:
        Archive.unlock(closed_archive, "nobody", PASSPHRASE)
    with pytest.raises(AuthenticationError) as wrong:
        Archive.unlock(closed_archive, "admin", "not the passphrase")
    assert str(unknown.value) == str(wrong.value)


def test_five_failures_delay_the_next_try_and_success_audits_them(closed_archive: Path) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            Archive.unlock(closed_archive, "admin", "wrong passphrase!")
    with pytest.raises(LockedOutError) as locked:
        Archive.unlock(closed_archive, "admin", PASSPHRASE)  # even the right one waits
    assert 0 < locked.value.retry_after <= 30
    key_file = KeyFile.load(key_path_for(closed_archive))
    for slot in key_file.slots.values():
        slot.locked_until = 0.0  # the wait has passed
    key_file.save(key_path_for(closed_archive))
    archive, _ = Archive.unlock(closed_archive, "admin", PASSPHRASE)
    with archive.session() as s:
        from sqlalchemy import select

        from desktop_app.store.models import AuditEntry

        failed = s.scalars(select(AuditEntry).where(AuditEntry.action == "sign_in",
                                                    AuditEntry.success.is_(False))).all()
    assert [e.detail["failed_attempts"] for e in failed] == [5]
    archive.close()


def test_missing_archive_is_never_created(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError):
        Archive.unlock(tmp_path / "missing.db", "admin", PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_an_archive_is_refused(closed_archive: Path) -> None:
    import sqlite3

    plain = closed_archive.with_name("plain.db")
    sqlite3.connect(plain).execute("create table t(x)").connection.commit()
    shutil.copyfile(key_path_for(closed_archive), key_path_for(plain))
    before = plain.read_bytes()
    with pytest.raises(ArchiveError, match="not an archive"):
        Archive.unlock(plain, "admin", PASSPHRASE)
    assert plain.read_bytes() == before
    noise = closed_archive.with_name("noise.db")
    noise.write_bytes(os.urandom(8192))
    shutil.copyfile(key_path_for(closed_archive), key_path_for(noise))
    with pytest.raises(ArchiveError):
        Archive.unlock(noise, "admin", PASSPHRASE)
    closed_archive.with_name("nokeys.db").write_bytes(b"")
    with pytest.raises(ArchiveError, match="key file"):
        Archive.unlock(closed_archive.with_name("nokeys.db"), "admin", PASSPHRASE)


def test_tampered_key_file_slot_is_refused(closed_archive: Path) -> None:
    key_path = key_path_for(closed_archive)
    key_file = KeyFile.load(key_path)
    slot = next(s for s in key_file.slots.values() if s.kind == "user")
    slot.kdf = keyslots.KdfParams(salt=slot.kdf.salt, iterations=1, lanes=1, memory_kib=8)  # weaken it
    key_file.save(key_path)
    with pytest.raises(AuthenticationError):
        Archive.unlock(closed_archive, "admin", PASSPHRASE)
    key_path.write_text("{not json")
    with pytest.raises(ArchiveError, match="damaged"):
        Archive.unlock(closed_archive, "admin", PASSPHRASE)


def test_recovery_key_opens_and_resets_a_forgotten_passphrase(tmp_path: Path) -> None:
    from desktop_app.cli import main

    path = tmp_path / "office.db"
    archive, _, recovery = Archive.create(path, admin_name="admin", admin_passphrase=PASSPHRASE, kdf=FAST_KDF)
    archive.close()
    Archive.unlock_with_recovery(path, recovery.lower().replace("-", " ")).close()  # forgiving format
    with pytest.raises(AuthenticationError):
        Archive.unlock_with_recovery(path, "AAAA-" + recovery[5:])
    os.environ["INTEGRITY_FILES_RECOVERY_KEY"] = recovery
    os.environ["INTEGRITY_FILES_NEW_PASSPHRASE"] = "brand new passphrase"
    try:
        assert main(["recover", str(path), "admin"]) == 0
    finally:
        del os.environ["INTEGRITY_FILES_RECOVERY_KEY"], os.environ["INTEGRITY_FILES_NEW_PASSPHRASE"]
    with pytest.raises(AuthenticationError):
        Archive.unlock(path, "admin", PASSPHRASE)
    Archive.unlock(path, "admin", "brand new passphrase")[0].close()


def test_passphrase_change_rewrites_one_slot(admin: Services) -> None:
    admin.users.add("clerk1", "录入员", "clerk passphrase 1")
    key_path = admin.ctx.archive.key_path
    before = {s.slot_id: s for s in KeyFile.load(key_path).slots.values()}
    clerk = sign_in(admin, "clerk1", "clerk passphrase 1")
    clerk.users.change_own_passphrase("clerk passphrase 1", "clerk passphrase 2")
    clerk.close()
    after = {s.slot_id: s for s in KeyFile.load(key_path).slots.values()}
    changed = [sid for sid in after if after[sid].wrapped_private_key != before[sid].wrapped_private_key]
    assert len(changed) == 1
    assert all(after[sid].wrapped_data_key == before[sid].wrapped_data_key for sid in after)
    with pytest.raises(AuthenticationError):
        sign_in(admin, "clerk1", "clerk passphrase 1")
    sign_in(admin, "clerk1", "clerk passphrase 2").close()
    sign_in(admin, "admin").close()
    with pytest.raises(AuthenticationError):
        admin.users.change_own_passphrase("wrong old passphrase", "whatever passphrase")


def test_removed_user_cannot_sign_in_and_rekey_locks_out_old_key_files(admin: Services, tmp_path: Path) -> None:
    admin.users.add("clerk1", "clerk", "clerk passphrase 1")
    stolen_keys = tmp_path / "stolen.keys"
    shutil.copyfile(admin.ctx.archive.key_path, stolen_keys)  # the clerk keeps a copy
    admin.users.remove("clerk1")
    with pytest.raises(AuthenticationError):
        sign_in(admin, "clerk1", "clerk passphrase 1")
    old_key = admin.ctx.archive.raw_key()
    admin.maintenance.rekey()
    assert admin.ctx.archive.raw_key() != old_key
    with pytest.raises(ArchiveError):
        connect_raw(admin.ctx.archive.path, old_key)  # the old data key no longer opens the file
    # The stolen key file still unwraps the *old* data key, which is now useless.
    stolen = KeyFile.load(stolen_keys)
    slot = stolen.slots[keyslots.slot_id_for(stolen.archive_id, "clerk1")]
    old_from_stolen, _ = keyslots.unlock_slot(stolen.archive_id, slot, "clerk passphrase 1")
    with pytest.raises(ArchiveError):
        connect_raw(admin.ctx.archive.path, old_from_stolen)
    assert admin.persons.count() == 2  # the open archive goes on with the new key
    sign_in(admin, "admin").close()


def test_rekey_waits_until_the_archive_is_open_in_no_other_session(admin: Services) -> None:
    """A second session (the desktop client while the CLI rotates the key) keeps the old key: the
    rotation is refused while it is open, and nothing changes; once it is closed, the rotation
    works and verify is clean at once (before the session lock it reported HMAC failures until
    the last connection closed, and the other session could read nothing)."""
    admin.users.add("clerk1", "clerk", "clerk passphrase 1")
    other = sign_in(admin, "clerk1", "clerk passphrase 1")
    path = admin.ctx.archive.path
    key, keys_before, db_before = admin.ctx.archive.raw_key(), key_path_for(path).read_bytes(), path.read_bytes()
    with pytest.raises(ArchiveError, match="open in another session") as refused:
        admin.maintenance.rekey()
    assert refused.value.code == "archive_busy"
    assert admin.ctx.archive.raw_key() == key and key_path_for(path).read_bytes() == keys_before
    assert path.read_bytes() == db_before
    assert other.persons.count() == 2 and admin.persons.count() == 2  # both sessions go on
    other.close()
    admin.maintenance.rekey()
    assert admin.ctx.archive.raw_key() != key and admin.maintenance.verify().ok
    again = sign_in(admin, "clerk1", "clerk passphrase 1")  # a session opened after it works
    assert again.persons.count() == 2
    again.close()


def test_a_session_lock_is_released_when_the_archive_closes(admin: Services) -> None:
    """Closing (sign-out, idle lock) releases the lock, so a closed window never blocks a rotation."""
    other = sign_in(admin, "admin")
    other.close()
    other.close()  # closing twice is harmless
    admin.maintenance.rekey()
    assert admin.maintenance.verify().ok


def test_users_and_roles(admin: Services) -> None:
    for role in ("管理员", "clerk", "审核员", "trainer", "审计员"):
        admin.users.add(f"user-{role}", role, "some passphrase 1")
    assert {u.role.value for u in admin.users.list()} == {"admin", "clerk", "reviewer", "trainer", "auditor"}
    reviewer = sign_in(admin, "user-审核员", "some passphrase 1")
    with pytest.raises(PermissionDenied):
        reviewer.users.add("x1", "clerk", "some passphrase 1")
    reviewer.close()


@pytest.mark.parametrize("step", ["after_pending_saved", "after_sqlcipher_rekey"])
def test_rekey_interrupted_leaves_one_key_that_opens(admin: Services, step: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    archive = admin.ctx.archive
    path = archive.path
    saves = 0
    original_save = archive.save_key_file

    class Killed(Exception):
        pass

    def save_then_die(key_file: KeyFile) -> None:
        nonlocal saves
        saves += 1
        if step == "after_sqlcipher_rekey" and saves == 2:
            raise Killed  # the database has the new key, the key file still says "pending"
        original_save(key_file)

    def rekey_then_die(conn_path: Path, key: bytes, **_: object) -> object:
        raise Killed  # the key file says "pending" but the database still has the old key

    monkeypatch.setattr(archive, "save_key_file", save_then_die)
    if step == "after_pending_saved":
        monkeypatch.setattr("desktop_app.store.archive.connect_raw", rekey_then_die)
    with pytest.raises(Killed):
        admin.maintenance.rekey()
    monkeypatch.undo()
    archive.engine.dispose()
    reopened, _ = Archive.unlock(path, "admin", PASSPHRASE)
    try:
        assert not any(s.pending_data_key for s in KeyFile.load(key_path_for(path)).slots.values())
        with reopened.session() as s:
            from sqlalchemy import func, select

            from desktop_app.store.models import Person

            assert s.scalar(select(func.count()).select_from(Person)) == 2
    finally:
        reopened.close()
