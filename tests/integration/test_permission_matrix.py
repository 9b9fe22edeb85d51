"""Every public service method × every role, against the permission table.

Methods are found by introspection: a new public method without ``@requires`` (or an explicit
``@signed_in_only``) fails ``test_every_public_method_declares_its_permission``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import desktop_app.services as services_pkg
from desktop_app.domain.enums import Role
from desktop_app.domain.permissions import DEFAULT_ROLE_PERMISSIONS, Permission
from desktop_app.errors import IntegrityFilesError, PermissionDenied
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.models import AuditEntry
from tests.conftest import sign_in
from tests.factories import id_number

ROLE_PASSPHRASE = "role passphrase 1"


def service_classes() -> list[type]:
    """Every class of ``desktop_app.services`` built on a ServiceContext (``__init__(self, ctx, …)``):
    the facade's services and the GUI's ``UiQueries`` alike, whatever their names."""
    found = []
    for info in pkgutil.iter_modules(services_pkg.__path__):
        module = importlib.import_module(f"desktop_app.services.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and _takes_context(cls):
                found.append(cls)
    return found


def _takes_context(cls: type) -> bool:
    init = cls.__dict__.get("__init__")
    return init is not None and list(inspect.signature(init).parameters)[1:2] == ["ctx"]


def public_methods() -> Iterator[tuple[type, str, Callable[..., Any]]]:
    for cls in service_classes():
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            if not name.startswith("_"):
                yield cls, name, fn


def test_every_public_method_declares_its_permission() -> None:
    undeclared = [f"{cls.__name__}.{name}" for cls, name, fn in public_methods()
                  if not hasattr(fn, "required_permission")]
    assert undeclared == []
    assert len(list(public_methods())) >= 110
    assert {"UiQueries", "PersonService", "SyncService"} <= {c.__name__ for c in service_classes()}


def _dummy(annotation: Any, tmp: Path) -> Any:
    text = str(annotation)
    if annotation is uuid.UUID:
        return uuid.uuid4()
    if annotation is str:
        return "x"
    if annotation is int:
        return 2025
    if annotation is bool:
        return False
    if annotation is Path or "Path" in text:
        return tmp / f"dummy-{uuid.uuid4().hex[:6]}.db"
    if annotation is PersonDraft:
        return PersonDraft(name="某某", id_number="x", unit_name="x")
    if annotation is RecordDraft:
        return RecordDraft(kind="x", decided_on="x", document_no="x", authority="x", facts="x")
    if "list" in text:
        return []
    return None


def _arguments(fn: Callable[..., Any], tmp: Path) -> tuple[list[Any], dict[str, Any]]:
    target = inspect.unwrap(fn)
    hints = typing.get_type_hints(target)
    args, kwargs = [], {}
    for name, param in list(inspect.signature(target).parameters.items())[1:]:
        if param.default is not inspect.Parameter.empty:
            continue
        value = _dummy(hints.get(name), tmp)
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    return args, kwargs


@pytest.fixture
def by_role(admin: Services) -> Iterator[dict[Role, Services]]:
    sessions = {Role.ADMIN: admin}
    for role in Role:
        if role is not Role.ADMIN:
            admin.users.add(f"u-{role.value}", role.value, ROLE_PASSPHRASE)
            sessions[role] = sign_in(admin, f"u-{role.value}", ROLE_PASSPHRASE)
    yield sessions
    for role, services in sessions.items():
        if role is not Role.ADMIN:
            services.close()


def _service_of(services: Services, cls: type) -> Any:
    return cls(services.ctx)


def _denials(services: Services) -> int:
    with services.ctx.read() as s:
        return len(s.scalars(select(AuditEntry.seq).where(AuditEntry.success.is_(False),
                                                          AuditEntry.user_name == services.user.name)).all())


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_exactly_its_permissions(by_role: dict[Role, Services], role: Role, tmp_path: Path) -> None:
    services = by_role[role]
    allowed = {p.value for p in DEFAULT_ROLE_PERMISSIONS[role]}
    assert services.user.permissions == allowed
    checked = 0
    for cls, name, fn in public_methods():
        permission: Permission | None = fn.required_permission  # type: ignore[attr-defined]
        if permission is None or name in ("rekey",):
            continue
        args, kwargs = _arguments(fn, tmp_path)
        method = getattr(_service_of(services, cls), name)
        denied_before = _denials(services)
        if permission.value in allowed:
            try:
                method(*args, **kwargs)
            except PermissionDenied as exc:  # pragma: no cover - this is the failure being tested
                pytest.fail(f"{role.value} was refused {cls.__name__}.{name}: {exc}")
            except (IntegrityFilesError, TypeError, ValueError, AttributeError):
                pass  # dummy arguments; only the permission decision matters here
        else:
            with pytest.raises(PermissionDenied):
                method(*args, **kwargs)
            assert _denials(services) == denied_before + 1, f"denial of {name} was not audited"
        checked += 1
    assert checked >= 15


def test_separation_of_duties() -> None:
    admin, auditor = DEFAULT_ROLE_PERMISSIONS[Role.ADMIN], DEFAULT_ROLE_PERMISSIONS[Role.AUDITOR]
    assert Permission.AUDIT_READ not in admin
    assert Permission.AUDIT_READ in auditor and not auditor & {Permission.PERSON_WRITE, Permission.USER_MANAGE}
    assert DEFAULT_ROLE_PERMISSIONS[Role.TRAINER] <= {Permission.UNIT_READ, Permission.PERSON_READ,
                                                      Permission.TRAINING_READ, Permission.TRAINING_WRITE}
    assert not DEFAULT_ROLE_PERMISSIONS[Role.REVIEWER] & {Permission.RECORD_WRITE, Permission.PERSON_WRITE}
    assert not any("audit.write" in str(p) for p in Permission)  # nobody may rewrite the audit trail


def test_reviewer_cannot_change_a_record_and_trainer_cannot_read_records(by_role: dict[Role, Services]) -> None:
    admin = by_role[Role.ADMIN]
    person = admin.persons.search("张三")[0]
    record = admin.records.add(person.id, RecordDraft(kind="行政处罚", severity="一般", decided_on=date(2026, 1, 5),
                                                      document_no="穗市监罚〔2026〕1号", authority="广州市市场监管局",
                                                      facts="违规"))
    with pytest.raises(PermissionDenied):
        by_role[Role.REVIEWER].records.revoke(record.id, reason="想撤销")
    assert by_role[Role.REVIEWER].persons.show(id_number(1)).records
    trainer_view = by_role[Role.TRAINER].persons.show(id_number(1))
    assert trainer_view.records == () and trainer_view.person.name == "张三"
    with pytest.raises(PermissionDenied):
        by_role[Role.TRAINER].records.for_person(person.id)
    with pytest.raises(PermissionDenied):
        by_role[Role.ADMIN].maintenance.audit_entries()
    assert by_role[Role.AUDITOR].maintenance.audit_entries(limit=5)
