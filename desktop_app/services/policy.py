"""The policy profile in the archive: read by every rule, edited by the administrator only.

Profiles are immutable rows (``policy_profiles``); an edit stores a new version. Version 1 is the
built-in ``DEFAULT_POLICY``; it is written to the archive with the first edit, so the history a
synced office sees is complete. Other services read the profile inside their own transaction with
``current_policy`` and ``policy_by_version``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.permissions import Permission
from desktop_app.domain.policy import DEFAULT_POLICY, PolicyProfile, SettingValue, profile_from_settings
from desktop_app.domain.text import clean_text
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.services.context import ServiceContext, requires, signed_in_only
from desktop_app.services.scope import unscoped, whole_archive
from desktop_app.store.models.objections import PolicyProfileRow
from desktop_app.store.types import canonical_json
from desktop_app.store.writer import Writer


@dataclass(frozen=True, slots=True)
class StoredPolicy:
    id: uuid.UUID | None          # None: the built-in version 1, not stored yet
    profile: PolicyProfile

    @property
    def version(self) -> int:
        return self.profile.version


@dataclass(frozen=True, slots=True)
class PolicyView:
    id: uuid.UUID | None
    version: int
    settings: dict[str, SettingValue]
    note: str
    created_by: str
    created_at: datetime | None
    profile: PolicyProfile


class PolicyService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # The rules are not personal data: every signed-in role may read which ones apply.
    @signed_in_only
    @unscoped("the policy profile is the whole archive's")
    def current(self) -> PolicyView:
        with self.ctx.read() as s:
            row = _latest_row(s)
            return _view(row) if row is not None else _builtin_view()

    @signed_in_only
    @unscoped("the policy profile is the whole archive's")
    def history(self) -> list[PolicyView]:
        """Every stored version, oldest first (version 1 first even before it is stored)."""
        with self.ctx.read() as s:
            rows = list(s.scalars(select(PolicyProfileRow).order_by(*_ORDER)))
        views = [_view(r) for r in rows]
        return views if any(v.version == 1 for v in views) else [_builtin_view(), *views]

    @signed_in_only
    @unscoped("the policy profile is the whole archive's")
    def version(self, number: int) -> PolicyView:
        with self.ctx.read() as s:
            row = _row_of_version(s, number)
            if row is None:
                if number == DEFAULT_POLICY.version:
                    return _builtin_view()
                raise NotFoundError(f"no policy profile version {number}", field="version")
            return _view(row)

    @requires(Permission.POLICY_EDIT)
    @whole_archive("change the policy profile, which applies to every unit")
    def update(self, changes: Mapping[str, SettingValue], *, note: str) -> PolicyView:
        """Store a new version with ``changes`` applied; decisions already taken keep their version."""
        why = clean_text(note, "reason")
        if not changes:
            raise ValidationError("no setting changed", field="settings")
        with self.ctx.write() as w:
            current = current_policy(w.session)
            profile = current.profile.with_settings(changes, version=_next_number(w.session))
            if profile.settings() == current.profile.settings():
                raise ValidationError("the new values equal the current profile; nothing to store",
                                      field="settings")
            if current.id is None:
                _store(w, current.profile, "内置默认值（DESIGN.md §4）")
            row = _store(w, profile, why)
            return _view(row)


_ORDER = (PolicyProfileRow.number, PolicyProfileRow.created_at, PolicyProfileRow.id)


def current_policy(session: Session) -> StoredPolicy:
    row = _latest_row(session)
    if row is None:
        return StoredPolicy(None, DEFAULT_POLICY)
    return StoredPolicy(row.id, _profile(row))


def policy_by_version(session: Session, number: int) -> PolicyProfile:
    """The profile a decision was taken under (version 1 is built in)."""
    row = _row_of_version(session, number)
    if row is not None:
        return _profile(row)
    if number == DEFAULT_POLICY.version:
        return DEFAULT_POLICY
    raise NotFoundError(f"no policy profile version {number} in this archive", field="policy_version")


def _latest_row(session: Session) -> PolicyProfileRow | None:
    return session.scalars(select(PolicyProfileRow).order_by(*(c.desc() for c in _ORDER)).limit(1)).first()


def _row_of_version(session: Session, number: int) -> PolicyProfileRow | None:
    """The row "version ``number``" means. Two offices that edit the profile offline each store a
    version with the same number; after a sync both rows are everywhere. The last created wins,
    as it does for the current profile (``_latest_row``), so every replica, and the current
    profile itself, read "version N" as the same row."""
    return session.scalars(select(PolicyProfileRow).where(PolicyProfileRow.number == number)
                           .order_by(*(c.desc() for c in _ORDER)).limit(1)).first()


def _next_number(session: Session) -> int:
    latest = _latest_row(session)
    return (latest.number if latest is not None else DEFAULT_POLICY.version) + 1


def _store(w: Writer, profile: PolicyProfile, note: str) -> PolicyProfileRow:
    row = PolicyProfileRow(number=profile.version, settings=canonical_json(profile.settings()), note=note,
                           created_by=w.actor.user_name)
    w.insert(row, "policy.create", detail={"version": profile.version})
    return row


def _profile(row: PolicyProfileRow) -> PolicyProfile:
    stored = json.loads(row.settings)
    settings = {str(k): v for k, v in stored.items() if isinstance(v, int | str)}
    return profile_from_settings(settings, version=row.number)


def _view(row: PolicyProfileRow) -> PolicyView:
    profile = _profile(row)
    return PolicyView(row.id, row.number, profile.settings(), row.note, row.created_by, row.created_at, profile)


def _builtin_view() -> PolicyView:
    return PolicyView(None, DEFAULT_POLICY.version, DEFAULT_POLICY.settings(), "内置默认值（DESIGN.md §4）", "", None,
                      DEFAULT_POLICY)
