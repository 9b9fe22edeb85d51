"""Users and their key slots. The slot (key file) and the user row (database) change together."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.enums import Role
from desktop_app.domain.permissions import Permission
from desktop_app.domain.users import check_passphrase, check_user_name
from desktop_app.errors import DuplicateError, NotFoundError, StateError
from desktop_app.services.context import ServiceContext, requires, signed_in_only
from desktop_app.services.rows import UserRow
from desktop_app.store import keyslots
from desktop_app.store.models import User


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.USER_MANAGE)
    def add(self, name: str, role: str, passphrase: str) -> UserRow:
        check_user_name(name)
        parsed = Role.parse(role, field="role")
        check_passphrase(passphrase)
        archive = self.ctx.archive
        slot_id = keyslots.slot_id_for(archive.archive_id, name)
        key_file = archive.key_file()
        slot = keyslots.make_slot(archive.archive_id, slot_id, "user", passphrase, archive.raw_key(),
                                  _kdf_template(key_file))
        with self.ctx.write() as w:
            if w.session.scalar(select(User.id).where(User.name == name)):
                raise DuplicateError(f"user {name} already exists", field="user")
            user = User(name=name, role=parsed.value, slot_id=slot_id, slot_public_key=slot.public_key,
                        active=True)
            w.insert(user, "user.create")
            # The key file is written inside the transaction: if it fails, the row is rolled back.
            key_file.slots[slot_id] = slot
            archive.save_key_file(key_file)
            return UserRow(user.id, user.name, parsed, True)

    @requires(Permission.USER_MANAGE)
    def remove(self, name: str) -> None:
        """Deactivate the user and delete their slot; a later rekey shuts out old copies too."""
        if name == self.ctx.user.name:
            raise StateError("you cannot remove yourself", field="user")
        with self.ctx.write() as w:
            user = _active_user(w.session, name)
            w.update(user, {"active": False}, "user.remove")
            key_file = self.ctx.archive.key_file()
            key_file.slots.pop(user.slot_id, None)
            self.ctx.archive.save_key_file(key_file)

    @requires(Permission.USER_MANAGE)
    def reset_passphrase(self, name: str, new_passphrase: str) -> None:
        """For a user who forgot theirs: a fresh slot (new key pair) under the new passphrase."""
        check_passphrase(new_passphrase)
        archive = self.ctx.archive
        key_file = archive.key_file()
        with self.ctx.write() as w:
            user = _active_user(w.session, name)
            slot = keyslots.make_slot(archive.archive_id, user.slot_id, "user", new_passphrase,
                                      archive.raw_key(), _kdf_template(key_file))
            w.update(user, {"slot_public_key": slot.public_key}, "user.reset_passphrase")
            key_file.slots[user.slot_id] = slot
            archive.save_key_file(key_file)

    @signed_in_only
    def change_own_passphrase(self, old: str, new: str) -> None:
        """Rewrites this user's slot only; the data key and every other slot stay as they are."""
        check_passphrase(new)
        archive = self.ctx.archive
        key_file = archive.key_file()
        slot_id = keyslots.slot_id_for(archive.archive_id, self.ctx.user.name)
        slot = key_file.slots.get(slot_id)
        if slot is None:
            raise NotFoundError("your key slot is missing from the key file", field="user")
        key_file.slots[slot_id] = keyslots.rewrap_private(archive.archive_id, slot, old, new,
                                                          _kdf_template(key_file))
        with self.ctx.write() as w:
            w.audit("user.change_passphrase", "user", self.ctx.user.id)
            archive.save_key_file(key_file)

    @requires(Permission.USER_MANAGE)
    def list(self) -> list[UserRow]:
        with self.ctx.read() as s:
            return [UserRow(u.id, u.name, Role(u.role), u.active)
                    for u in s.scalars(select(User).order_by(User.name))]


def _active_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name, User.active.is_(True)))
    if user is None:
        raise NotFoundError(f"no active user {name}", field="user")
    return user


def _kdf_template(key_file: keyslots.KeyFile) -> keyslots.KdfParams:
    """New slots use the archive's current KDF parameters (those of its recovery slot)."""
    recovery = key_file.slots.get(keyslots.RECOVERY_SLOT_ID)
    return recovery.kdf if recovery else keyslots.DEFAULT_KDF
