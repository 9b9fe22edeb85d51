"""The demo archive for ``python -m desktop_app --demo`` (no Qt here: a plain function with
progress and cancel callbacks, run by a Task).

Persons and records come from the bulk demo generator, then training, objection and repair
casework through the services (``demo.showcase``). Built under a temporary name and renamed when
complete, so a cancelled or killed build never leaves a half-filled archive that a later start
would take as ready.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.demo.showcase import add_showcase
from desktop_app.services import Services
from desktop_app.store.archive import Archive
from desktop_app.store.keyslots import key_path_for

DEMO_PASSPHRASE = "demo-passphrase-2026"
DEMO_OFFICE = "演示办公室（广东省）"
DEMO_USERS = (("clerk", "clerk"), ("reviewer", "reviewer"), ("trainer", "trainer"), ("auditor", "auditor"))
DEMO_PERSONS = 2000


def demo_archive_path(data_dir: Path) -> Path:
    return data_dir / "demo" / "demo-archive.db"


def ensure_demo_archive(path: Path, *, persons: int = DEMO_PERSONS,
                        progress: Callable[[int, int], None] | None = None,
                        cancel: Callable[[], bool] | None = None) -> Path:
    if path.exists() and key_path_for(path).exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name("building-" + path.name)
    for leftover in (building, key_path_for(building), *building.parent.glob(building.name + "-*")):
        leftover.unlink(missing_ok=True)
    archive, admin, _recovery = Archive.create(building, admin_name="admin", admin_passphrase=DEMO_PASSPHRASE,
                                               office_name=DEMO_OFFICE)
    services = Services.for_user(archive, admin)
    try:
        for name, role in DEMO_USERS:
            services.users.add(name, role, DEMO_PASSPHRASE)
        services.demo.load(persons=persons, progress=progress, cancel=cancel)
        if persons:
            add_showcase(services)  # courses, objections, repairs: every page has something to show
    except BaseException:
        services.close()
        for leftover in (building, key_path_for(building), *building.parent.glob(building.name + "-*")):
            leftover.unlink(missing_ok=True)
        raise
    services.close()
    key_path_for(building).replace(key_path_for(path))
    for suffix in ("-wal", "-shm"):  # normally gone after close; kept with the file if not
        side = building.with_name(building.name + suffix)
        if side.exists():
            side.replace(path.with_name(path.name + suffix))
    building.replace(path)
    return path
