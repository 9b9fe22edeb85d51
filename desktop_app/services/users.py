"""Users and their key slots. The slot (key file) and the user row (database) change together.

A user may be limited to units (``services.scope``): ``add(units=…)``, ``set_scope`` and
``clear_scope``. An administrator who is limited too manages only users within their own units,
gives only units within them, and cannot give the whole archive (so no one widens their own reach
by creating or re-keying a user).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.enums import Role
from desktop_app.domain.permissions import Permission
from desktop_app.domain.users import check_passphrase, check_user_name
from desktop_app.errors import DuplicateError, NotFoundError, StateError, ValidationError
from desktop_app.services.context import ServiceContext, requires, signed_in_only
from desktop_app.services.rows import UnitRow, UserRow
from desktop_app.services.scope import OutOfScope, Target, UnitScope, scoped, unscoped
from desktop_app.services.units import to_unit_row, unit_by_name
from desktop_app.store import keyslots
from desktop_app.store.models import Unit, User
from desktop_app.store.models.core import UserScope
from desktop_app.store.writer import Writer

UnitRef = str | uuid.UUID  # a unit's id, name or 统一社会信用代码


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.USER_MANAGE)
    @scoped(written=True, units=Target.UNITS)  # a limited administrator's new user inherits their units
    def add(self, name: str, role: str, passphrase: str, *, units: Sequence[UnitRef] | None = None) -> UserRow:
        """A new user; ``units`` limits them to those units (default: the whole archive, or the
        caller's own units when the caller is limited)."""
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
            mine = self.ctx.scope(w.session)
            roots = _given(w.session, mine, units) if units else set(mine.roots)
            user = User(name=name, role=parsed.value, slot_id=slot_id, slot_public_key=slot.public_key,
                        active=True)
            w.insert(user, "user.create")
            if roots:
                _write_scope(w, user.id, roots)
            # The key file is written inside the transaction: if it fails, the row is rolled back.
            key_file.slots[slot_id] = slot
            archive.save_key_file(key_file)
            return UserRow(user.id, user.name, parsed, True, _names(w.session, roots))

    @requires(Permission.USER_MANAGE)
    @scoped(name=Target.USER)
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
    @scoped(name=Target.USER)
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
    @unscoped("the caller's own key slot")
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
    @unscoped("users belong to the whole archive; each row names the units its user is limited to")
    def list(self) -> list[UserRow]:
        with self.ctx.read() as s:
            return [UserRow(u.id, u.name, Role(u.role), u.active, _names(s, UnitScope.load(s, u.id).roots))
                    for u in s.scalars(select(User).order_by(User.name))]

    # -- unit scope ----------------------------------------------------------------------------

    @requires(Permission.USER_MANAGE)
    @scoped(written=True, name=Target.USER, units=Target.UNITS)
    def set_scope(self, name: str, units: Sequence[UnitRef]) -> tuple[UnitRow, ...]:
        """Limit ``name`` to exactly these units (each with the units below it); audited."""
        if not units:
            raise ValidationError("give at least one unit, or clear the scope for the whole archive", field="units")
        with self.ctx.write() as w:
            user = _active_user(w.session, name)
            roots = _given(w.session, self.ctx.scope(w.session), units)
            _write_scope(w, user.id, roots)
            return _rows(w.session, roots)

    @requires(Permission.USER_MANAGE)
    @scoped(name=Target.USER)
    def clear_scope(self, name: str) -> None:
        """Give ``name`` the whole archive again; only a user who has it may give it."""
        with self.ctx.write() as w:
            user = _active_user(w.session, name)
            if not self.ctx.scope(w.session).whole:
                raise OutOfScope("only a user who works on the whole archive may give it", "user", user.id)
            _write_scope(w, user.id, set())

    @requires(Permission.USER_MANAGE)
    @unscoped("which units a user is limited to is administration of the whole archive")
    def scope(self, name: str) -> tuple[UnitRow, ...]:
        """The units ``name`` is limited to (each covers the units below it); () = the whole archive."""
        with self.ctx.read() as s:
            return _rows(s, UnitScope.load(s, _active_user(s, name).id).roots)

    @signed_in_only
    @unscoped("the caller's own units")
    def own_scope(self) -> tuple[UnitRow, ...]:
        """The signed-in user's units; () = the whole archive."""
        with self.ctx.read() as s:
            return _rows(s, self.ctx.scope(s).roots)


def _given(session: Session, mine: UnitScope, refs: Sequence[UnitRef]) -> set[uuid.UUID]:
    """The units named by id, name or code; each must lie within the caller's own units."""
    roots: set[uuid.UUID] = set()
    for ref in refs:
        unit = _unit(session, ref)
        if not mine.covers(unit.id):
            raise OutOfScope(f"unit {unit.name} is outside your units", "unit", unit.id)
        roots.add(unit.id)
    return roots


def _unit(session: Session, ref: UnitRef) -> Unit:
    if not isinstance(ref, uuid.UUID):
        try:
            ref = uuid.UUID(str(ref).strip())
        except ValueError:
            return unit_by_name(session, str(ref), field="units")
    unit = session.get(Unit, ref)
    if unit is None:
        raise NotFoundError(f"no unit with id {ref}", field="units")
    return unit


def _write_scope(w: Writer, user_id: uuid.UUID, roots: set[uuid.UUID]) -> None:
    """Rows follow ``roots`` (never deleted: a unit leaves by ``active = False``); one summary entry."""
    existing = {r.unit_id: r for r in w.session.scalars(select(UserScope).where(UserScope.user_id == user_id))}
    for unit_id, row in sorted(existing.items()):
        if row.active != (unit_id in roots):
            w.update(row, {"active": unit_id in roots}, "user.scope_unit")
    for unit_id in sorted(roots - existing.keys()):
        w.insert(UserScope(user_id=user_id, unit_id=unit_id, active=True), "user.scope_unit")
    codes = sorted(u for u in w.session.scalars(select(Unit.uscc).where(Unit.id.in_(roots))))
    w.audit("user.scope", "user", user_id, detail={"units": codes} if codes else {"whole_archive": True})


def _rows(session: Session, roots: frozenset[uuid.UUID] | set[uuid.UUID]) -> tuple[UnitRow, ...]:
    units = session.scalars(select(Unit).where(Unit.id.in_(roots)).order_by(Unit.division_code, Unit.name))
    return tuple(to_unit_row(u) for u in units)


def _names(session: Session, roots: frozenset[uuid.UUID] | set[uuid.UUID]) -> tuple[str, ...]:
    return tuple(r.name for r in _rows(session, roots)) if roots else ()


def _active_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name, User.active.is_(True)))
    if user is None:
        raise NotFoundError(f"no active user {name}", field="user")
    return user


def _kdf_template(key_file: keyslots.KeyFile) -> keyslots.KdfParams:
    """New slots use the archive's current KDF parameters (those of its recovery slot)."""
    recovery = key_file.slots.get(keyslots.RECOVERY_SLOT_ID)
    return recovery.kdf if recovery else keyslots.DEFAULT_KDF
