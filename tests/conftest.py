"""Fixtures shared by every test layer: real SQLCipher archives with a fast KDF."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.store import keyslots
from desktop_app.store.archive import Archive
from tests.factories import PASSPHRASE, TODAY, id_number, organ_uscc

# Argon2id at production cost (~0.4 s) would dominate the suite; tests use a cheap parameter set.
# bench/ measures the real one.
FAST_KDF = keyslots.KdfParams(salt=b"", iterations=1, lanes=1, memory_kib=8192)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run the long reliability tiers")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="long tier: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", FAST_KDF)


@pytest.fixture
def make_archive(tmp_path: Path) -> Iterator[Callable[..., Services]]:
    """Create an archive and return the admin's services; all are closed at the end."""
    opened: list[Services] = []

    def make(name: str = "office.db", admin: str = "admin") -> Services:
        archive, user, _ = Archive.create(tmp_path / name, admin_name=admin, admin_passphrase=PASSPHRASE,
                                          office_name="天河区人力资源和社会保障局", kdf=FAST_KDF)
        services = Services.for_user(archive, user, today=lambda: TODAY)
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()


@pytest.fixture
def admin(make_archive: Callable[..., Services]) -> Services:
    """An archive with one unit 天河区人社局 and two persons, 张三 and 李四."""
    services = make_archive()
    services.units.add(name="广州市天河区人力资源和社会保障局", uscc=organ_uscc(1), division_code="440106")
    services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name="广州市天河区人力资源和社会保障局",
                                     post="科长", rank="一级主任科员"))
    services.persons.add(PersonDraft(name="李四", id_number=id_number(2, female=True),
                                     unit_name="广州市天河区人力资源和社会保障局", post="科员", rank="一级科员"))
    return services


def sign_in(services: Services, user: str, passphrase: str = PASSPHRASE) -> Services:
    """Another user's services on the same archive file."""
    archive, signed = Archive.unlock(services.ctx.archive.path, user, passphrase)
    return Services.for_user(archive, signed, today=lambda: TODAY)
