"""One archive = one SQLCipher database file plus its key file (``<archive>.keys``) beside it.

``Archive.create`` makes both; ``Archive.unlock`` turns a user name and passphrase into an open,
migrated archive and the signed-in user. ``close`` drops the engine and the key.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import Engine, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from desktop_app.domain.enums import Role
from desktop_app.domain.permissions import DEFAULT_ROLE_PERMISSIONS
from desktop_app.errors import ArchiveError, AuthenticationError, PermissionDenied
from desktop_app.store import keyslots, migrations
from desktop_app.store.audit_chain import AUDIT_HEAD_KEY
from desktop_app.store.backups import BackupRotation, rotating_backup_path, snapshot, vacuum_into
from desktop_app.store.engine import connect_raw, describe_db_error, make_engine
from desktop_app.store.head_file import (
    Head,
    LostTail,
    head_file_from_meta,
    head_path_for,
    lost_tail,
    record_head_of,
)
from desktop_app.store.keyslots import KdfParams, KeyFile, Slot, key_path_for
from desktop_app.store.models import Change, Meta, RolePermission, User
from desktop_app.store.session_lock import SessionLock
from desktop_app.store.writer import Actor, Writer
from desktop_app.sync.hlc import HybridClock

SYSTEM_USER = "system"
HLC_SEEN_KEY = "hlc_seen"


@dataclass(frozen=True, slots=True)
class SignedInUser:
    id: uuid.UUID
    name: str
    role: Role
    permissions: frozenset[str]


class Archive:
    def __init__(self, path: Path, key_file: KeyFile, data_key: bytes) -> None:
        self.path = path
        self.key_path = key_path_for(path)
        self.archive_id = key_file.archive_id
        self._sessions = SessionLock(path)  # held until close(): a key rotation waits for us
        self._key = bytearray(data_key)
        self.engine: Engine = make_engine(path, bytes(self._key))
        try:
            with self.session() as s:
                meta = {m.key: m.value for m in s.scalars(select(Meta))}
                # The newest local stamp and the newest seen in a sync: both O(1), unlike max() over the log.
                stamps = [s.scalar(select(Change.hlc).order_by(Change.seq.desc()).limit(1)), meta.get(HLC_SEEN_KEY)]
                last_hlc = max((x for x in stamps if x), default=None)
        except BaseException:
            self.engine.dispose()
            self._sessions.release()
            raise
        self.device_id = meta.get("device_id", "")
        self.office_name = meta.get("office_name", "")
        self.clock = HybridClock(self.device_id, last_hlc)
        self.backups = BackupRotation(self)
        self.lost_tail: LostTail | None = None
        self._head_file = head_file_from_meta(path, meta)

    # -- creation and unlock -------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, *, admin_name: str, admin_passphrase: str, office_name: str = "",
               kdf: KdfParams | None = None) -> tuple[Archive, SignedInUser, str]:
        """Create an archive; returns it, the admin, and the recovery key (shown once)."""
        path = Path(path)
        key_path = key_path_for(path)
        if path.exists() or key_path.exists():
            raise ArchiveError(f"{path.name} already exists; choose another file name", field="archive")
        _check_new_user(admin_name, admin_passphrase)
        archive_id = uuid.uuid4().hex
        data_key = keyslots.new_data_key()
        recovery_key = keyslots.new_recovery_key()
        admin_slot = keyslots.make_slot(archive_id, keyslots.slot_id_for(archive_id, admin_name), "user",
                                        admin_passphrase, data_key, kdf)
        recovery_slot = keyslots.make_slot(archive_id, keyslots.RECOVERY_SLOT_ID, "recovery",
                                           keyslots.normalize_recovery_key(recovery_key), data_key, kdf)
        try:
            _create_database(path, data_key, archive_id, office_name, admin_name, admin_slot,
                             recovery_slot)
            KeyFile(archive_id, {s.slot_id: s for s in (admin_slot, recovery_slot)},
                    default_user=admin_name).save(key_path)
        except BaseException:
            for leftover in (path, key_path, head_path_for(path), *path.parent.glob(path.name + "-*")):
                leftover.unlink(missing_ok=True)
            raise
        archive = cls(path, KeyFile.load(key_path), data_key)
        archive.record_head()
        user = archive._signed_in(admin_slot.slot_id)
        return archive, user, recovery_key

    @classmethod
    def unlock(cls, path: Path, user_name: str, passphrase: str, *,
               accept_lost_changes: bool = False) -> tuple[Archive, SignedInUser]:
        """``accept_lost_changes``: an administrator opens an archive that lost committed changes
        (see ``LostChangesError``) to carry on from what is left; the loss is audited."""
        path = Path(path)
        key_file = _load_key_file(path)
        slot = key_file.slots.get(keyslots.slot_id_for(key_file.archive_id, user_name))
        if slot is None or slot.kind != "user":
            # Spend the same time as a real try so timing does not tell which names exist.
            KdfParams.fresh().derive(passphrase)
            raise AuthenticationError("unknown user or wrong passphrase", field="passphrase")
        data_key, failures = _open_slot(path, key_file, slot, passphrase)
        archive = cls._open_checked(path, key_file, data_key, accept_lost=accept_lost_changes)
        try:
            user = archive._signed_in(slot.slot_id)
            if archive.lost_tail is not None:
                archive._accept_lost_tail(user)
            archive._audit_sign_in(user.name, failures)
        except sa_exc.DatabaseError as exc:
            archive.close()
            raise ArchiveError(f"{path.name} is damaged ({describe_db_error(exc)}); run verify or restore "
                               "a backup") from None
        except BaseException:
            archive.close()
            raise
        return archive, user

    @classmethod
    def unlock_with_recovery(cls, path: Path, recovery_key: str) -> Archive:
        path = Path(path)
        key_file = _load_key_file(path)
        slot = key_file.slots.get(keyslots.RECOVERY_SLOT_ID)
        if slot is None:
            raise ArchiveError("this archive has no recovery slot")
        data_key, failures = _open_slot(path, key_file, slot, keyslots.normalize_recovery_key(recovery_key))
        archive = cls._open_checked(path, key_file, data_key)
        archive._audit_sign_in("recovery", failures)
        return archive

    @classmethod
    def _open_checked(cls, path: Path, key_file: KeyFile, keys: tuple[bytes, bytes | None], *,
                      accept_lost: bool = False) -> Archive:
        """Open with the slot's key, finishing or rolling back an interrupted rekey, check that no
        committed change was lost, then migrate."""
        current, pending = keys
        if not path.exists():
            raise ArchiveError(f"no archive at {path}", field="archive")
        # The first connection to close checkpoints and deletes the WAL, damaged frames and all:
        # keep its bytes (still encrypted) until we know nothing was lost.
        with _wal_evidence(path) as evidence:
            key = cls._settled_key(path, key_file, current, pending)
            lost = _lost_tail(path, key)
            if lost is not None and not accept_lost:
                kept = evidence.keep()
                raise LostChangesError(path, lost, kept)
        try:
            _migrate_if_needed(path, key)
            archive = cls(path, key_file, key)
        except sa_exc.DatabaseError as exc:
            raise ArchiveError(f"{path.name} is damaged ({describe_db_error(exc)}); run verify or restore "
                               "a backup") from None
        archive.lost_tail = lost
        return archive

    @staticmethod
    def _settled_key(path: Path, key_file: KeyFile, current: bytes, pending: bytes | None) -> bytes:
        try:
            connect_raw(path, current).close()
            key = current
            finished = False
        except ArchiveError:
            if pending is None:
                raise
            connect_raw(path, pending).close()  # the rekey committed: the new key opens it
            key, finished = pending, True
        if any(s.pending_data_key for s in key_file.slots.values()):
            _settle_rekey(key_file, finished)
            key_file.save(key_path_for(path))
        return key

    # -- sessions -----------------------------------------------------------------------

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        if self._key is None or not any(self._key):
            raise ArchiveError("the archive is locked")
        with Session(self.engine, expire_on_commit=False) as session:
            with session.begin():
                if write:
                    session.connection(execution_options={"write": True})  # BEGIN IMMEDIATE
                yield session
            head = session.info.pop(AUDIT_HEAD_KEY, None)
            if head is not None and self._head_file is not None:
                self._head_file.write(Head(*head))  # after the commit: the file is never ahead

    @contextmanager
    def writing(self, user_name: str) -> Iterator[Writer]:
        with self.session(write=True) as session:
            writer = Writer(session, Actor(user_name, self.device_id), self.clock)
            yield writer
            writer.finish()

    def record_head(self) -> None:
        """Write the head file from the database (normally each commit does it)."""
        conn = connect_raw(self.path, bytes(self._key))
        try:
            record_head_of(conn, self.path)
        finally:
            conn.close()

    def close(self) -> None:
        """Dispose every connection and forget the key (best effort in Python: see SECURITY.md)."""
        self.engine.dispose()
        for i in range(len(self._key)):
            self._key[i] = 0
        self._sessions.release()

    @property
    def is_open(self) -> bool:
        return any(self._key)

    def raw_key(self) -> bytes:
        return bytes(self._key)

    # -- key management --------------------------------------------------------------------

    def key_file(self) -> KeyFile:
        return KeyFile.load(self.key_path)

    def save_key_file(self, key_file: KeyFile) -> None:
        key_file.save(self.key_path)

    def rekey(self, trusted_public_keys: dict[str, bytes]) -> None:
        """Rotate the data key. A kill at any moment leaves either the old or the new key working.

        ``trusted_public_keys`` (slot id → public key) come from inside the encrypted database;
        a key-file slot whose public key differs from them was tampered with and is refused. Refused
        too while another session has the archive open (``store/session_lock.py``).
        """
        with self._sessions.alone("rotate the data key"):
            self._rekey(trusted_public_keys)

    def _rekey(self, trusted_public_keys: dict[str, bytes]) -> None:
        key_file = self.key_file()
        new_key = keyslots.new_data_key()
        for slot in list(key_file.slots.values()):
            trusted = trusted_public_keys.get(slot.slot_id)
            if trusted is None:
                del key_file.slots[slot.slot_id]  # a stale slot of a removed user gets nothing
                continue
            if trusted != slot.public_key:
                raise ArchiveError("key file slot does not match the archive's user list; refusing rekey")
            slot.pending_data_key = keyslots.wrap_data_key(self.archive_id, slot.slot_id, trusted, new_key)
        self.save_key_file(key_file)                         # step 1: both keys recorded
        self.engine.dispose()
        failure = ""
        try:
            conn = connect_raw(self.path, bytes(self._key))
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")  # step 2: atomic in SQLCipher
            finally:
                conn.close()
        except (sqlcipher.DatabaseError, ArchiveError) as exc:
            failure = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        # PRAGMA rekey can fail without raising (seen with a full disk): only a key that is proven
        # to open the file may replace the old one in the key file.
        if not failure and _opens(self.path, new_key):
            self._key[:] = new_key
            self.engine = make_engine(self.path, new_key)
            _settle_rekey(key_file, finished=True)            # step 3: only the new key remains
            try:
                self.save_key_file(key_file)
            except OSError as exc:  # the pending key still opens it; the next unlock completes this
                raise ArchiveError(f"the data key was rotated but the key file could not be updated "
                                   f"({exc.strerror}); unlocking again completes it") from None
            return
        _settle_rekey(key_file, finished=False)               # the old key stays the only key
        self.engine = make_engine(self.path, bytes(self._key))
        with contextlib.suppress(OSError):  # a pending key that does not open is dropped at the next unlock
            self.save_key_file(key_file)
        raise ArchiveError(f"rekey did not take ({failure or 'the new key does not open the file'}; "
                           "disk full?); the archive keeps its old key")

    def backup_to(self, dest: Path) -> Path:
        """An encrypted snapshot (same key) plus a copy of the key file beside it."""
        return vacuum_into(self, Path(dest))

    # -- helpers ------------------------------------------------------------------------

    def _signed_in(self, slot_id: str) -> SignedInUser:
        with self.session() as s:
            user = s.scalar(select(User).where(User.slot_id == slot_id))
            if user is None or not user.active:
                raise AuthenticationError("unknown user or wrong passphrase", field="passphrase")
            perms = s.scalars(select(RolePermission.permission).where(RolePermission.role == user.role))
            return SignedInUser(user.id, user.name, Role(user.role), frozenset(perms))

    def _audit_sign_in(self, user_name: str, failures: int) -> None:
        with self.writing(user_name) as w:
            if failures:
                w.audit("sign_in", success=False, detail={"failed_attempts": failures})
            w.audit("sign_in")

    def _accept_lost_tail(self, user: SignedInUser) -> None:
        lost = self.lost_tail
        assert lost is not None
        if user.role is not Role.ADMIN:
            raise PermissionDenied("only an administrator can accept lost changes", field="user")
        with self.writing(user.name) as w:
            w.audit("archive.lost_changes_accepted", success=False,
                    detail={"recorded_head": lost.recorded.seq, "archive_head": lost.found.seq})
        self.lost_tail = None

    def device_private_key(self) -> Ed25519PrivateKey:
        with self.session() as s:
            meta = s.get(Meta, "device_private_key")
            assert meta is not None
            return Ed25519PrivateKey.from_private_bytes(base64.b64decode(meta.value))


class LostChangesError(ArchiveError):
    """The database holds less than was committed: a damaged WAL (SQLite drops every frame from
    the first bad one) or an older copy of the database file put back."""

    def __init__(self, path: Path, lost: LostTail, evidence: Path | None) -> None:
        kept = f" The write-ahead log was kept as {evidence.name}." if evidence else ""
        super().__init__(
            f"{path.name} has lost committed changes: {lost.describe()} (damaged write-ahead log, or an "
            f"older copy of the file put back).{kept} Restore the latest backup, or have an administrator "
            "open it anyway with `accept-loss` and pull the lost changes from headquarters.",
            field="archive")
        self.lost = lost
        self.evidence = evidence


class _WalEvidence:
    def __init__(self, path: Path) -> None:
        self.wal = path.with_name(path.name + "-wal")
        self.copy: Path | None = None
        self.kept = False

    def take(self) -> None:
        if not self.wal.exists() or self.wal.stat().st_size == 0:
            return
        self.copy = self.wal.with_name(f"{self.wal.name}.pending-{uuid.uuid4().hex[:8]}")
        try:
            os.link(self.wal, self.copy)  # no copy of the bytes; SQLite unlinks, never rewrites, on close
        except OSError:
            try:
                shutil.copyfile(self.wal, self.copy)
            except OSError:
                self.copy.unlink(missing_ok=True)
                self.copy = None

    def keep(self) -> Path | None:
        if self.copy is None:
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        final = self.wal.with_name(f"{self.wal.name}.damaged-{stamp}")
        try:
            os.replace(self.copy, final)
        except OSError:
            return self.copy
        self.kept, self.copy = True, final
        return final

    def drop(self) -> None:
        if self.copy is not None and not self.kept:
            self.copy.unlink(missing_ok=True)


@contextmanager
def _wal_evidence(path: Path) -> Iterator[_WalEvidence]:
    evidence = _WalEvidence(path)
    evidence.take()
    try:
        yield evidence
    finally:
        evidence.drop()


def _lost_tail(path: Path, key: bytes) -> LostTail | None:
    conn = connect_raw(path, key)
    try:
        return lost_tail(conn, path)
    except sqlcipher.DatabaseError:
        return None  # a damaged database is refused or reported by verify on its own
    finally:
        conn.close()


def _opens(path: Path, key: bytes) -> bool:
    try:
        connect_raw(path, key).close()
    except ArchiveError:
        return False
    return True


def _check_new_user(name: str, passphrase: str) -> None:
    from desktop_app.domain.users import check_passphrase, check_user_name

    check_user_name(name)
    check_passphrase(passphrase)


def _load_key_file(path: Path) -> KeyFile:
    if not path.exists():
        raise ArchiveError(f"no archive at {path}", field="archive")
    return KeyFile.load(key_path_for(path))


def _open_slot(path: Path, key_file: KeyFile, slot: Slot, secret: str) -> tuple[tuple[bytes, bytes | None], int]:
    """Unwrap the data key; count failures in the key file (the database is still closed)."""
    keyslots.check_lockout(slot)
    try:
        keys = keyslots.unlock_slot(key_file.archive_id, slot, secret)
    except AuthenticationError:
        keyslots.register_failure(slot)
        key_file.save(key_path_for(path))
        raise
    failures = slot.failed_attempts
    if failures:
        slot.failed_attempts, slot.locked_until = 0, 0.0
        key_file.save(key_path_for(path))
    return keys, failures


def _settle_rekey(key_file: KeyFile, finished: bool) -> None:
    for slot in key_file.slots.values():
        if slot.pending_data_key is not None:
            if finished:
                slot.wrapped_data_key = slot.pending_data_key
            slot.pending_data_key = None


def _migrate_if_needed(path: Path, key: bytes) -> None:
    engine = make_engine(path, key)
    try:
        with engine.connect() as conn:
            current = migrations.current_revision(conn)
        if current == migrations.head_revision():
            return
        if current is None or current not in migrations.known_revisions():
            raise ArchiveError(f"{path.name} has schema {current!r}, which this version does not know "
                               "(made by a newer version?)")
        # An encrypted copy first, so a failed upgrade can be undone by hand.
        snapshot(path, key, rotating_backup_path(path, f"before-migration-{current}"))
        migrations.migrate(engine)
    finally:
        engine.dispose()


def _create_database(path: Path, data_key: bytes, archive_id: str, office_name: str, admin_name: str,
                     admin_slot: Slot, recovery_slot: Slot) -> None:
    connect_raw(path, data_key, create=True).close()
    engine = make_engine(path, data_key)
    try:
        migrations.migrate(engine)
        device_id = uuid.uuid4().hex
        device_key = Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw,
                                                                NoEncryption())
        with Session(engine) as s, s.begin():
            s.connection(execution_options={"write": True})
            for key, value in {
                "archive_id": archive_id, "device_id": device_id, "office_name": office_name,
                "device_private_key": base64.b64encode(device_key).decode(),
                "recovery_public_key": base64.b64encode(recovery_slot.public_key).decode(),
            }.items():
                s.add(Meta(key=key, value=value))
            for role, perms in DEFAULT_ROLE_PERMISSIONS.items():
                s.add_all(RolePermission(role=role.value, permission=p.value) for p in perms)
            writer = Writer(s, Actor(SYSTEM_USER, device_id), HybridClock(device_id))
            writer.audit("archive.create", detail={"office": office_name})
            writer.insert(User(name=admin_name, role=Role.ADMIN.value, slot_id=admin_slot.slot_id,
                               slot_public_key=admin_slot.public_key, active=True), "user.create")
            writer.finish()
    finally:
        engine.dispose()
