"""Offices and headquarters for sync tests: real archives, a real central store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.services import Services
from desktop_app.store.archive import Archive
from desktop_app.sync.central import CentralStore
from desktop_app.sync.device import public_keys
from desktop_app.sync.engine import SyncReport, run_sync
from tests.conftest import FAST_KDF
from tests.factories import PASSPHRASE, TODAY

UNIT_A = "广州市天河区人力资源和社会保障局"


@dataclass
class Office:
    name: str
    services: Services
    central: CentralStore   # connected with the office's own login on PostgreSQL

    def sync(self, **kwargs: object) -> SyncReport:
        return run_sync(self.services.ctx.archive, self.services.user.name, self.central, **kwargs)  # type: ignore[arg-type]

    @property
    def archive(self) -> Archive:
        return self.services.ctx.archive

    def close(self) -> None:
        self.services.close()
        self.central.close()


def make_office(folder: Path, name: str, hq: CentralStore, scopes: list[str]) -> Office:
    archive, user, _ = Archive.create(folder / f"{name}.db", admin_name="admin", admin_passphrase=PASSPHRASE,
                                      office_name=name, kdf=FAST_KDF)
    services = Services.for_user(archive, user, today=lambda: TODAY)
    with archive.session(write=True) as s:
        keys = public_keys(s, archive.device_id, name)
    office_url = hq.enroll(keys, scopes)
    return Office(name, services, CentralStore(office_url) if office_url else CentralStore(hq.url))
