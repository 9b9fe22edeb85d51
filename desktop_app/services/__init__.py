"""Use cases the GUI and the CLI call; each public method checks a permission and is one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop_app.domain.permissions import Permission
from desktop_app.services.consequence_reports import HeadcountService  # also registers the consequence reports
from desktop_app.services.context import ServiceContext
from desktop_app.services.demo import DemoService
from desktop_app.services.exporting import ExportService
from desktop_app.services.importing import ImportService
from desktop_app.services.maintenance import MaintenanceService
from desktop_app.services.objections import ObjectionService
from desktop_app.services.persons import PersonService
from desktop_app.services.policy import PolicyService
from desktop_app.services.printing import PrintService
from desktop_app.services.records import RecordService
from desktop_app.services.repair import RepairService
from desktop_app.services.sync import SyncService
from desktop_app.services.training import TrainingService
from desktop_app.services.units import UnitService
from desktop_app.services.users import UserService
from desktop_app.store.archive import Archive, SignedInUser


@dataclass(slots=True)
class Services:
    """Every service for one signed-in user of one open archive."""

    ctx: ServiceContext
    units: UnitService
    persons: PersonService
    records: RecordService
    users: UserService
    maintenance: MaintenanceService
    demo: DemoService
    sync: SyncService
    printing: PrintService
    training: TrainingService
    objections: ObjectionService
    repair: RepairService
    policy: PolicyService
    headcounts: HeadcountService
    importing: ImportService
    exporting: ExportService

    @classmethod
    def for_user(cls, archive: Archive, user: SignedInUser,
                 today: Callable[[], date] = date.today) -> Services:
        ctx = ServiceContext(archive, user, today)
        return cls(ctx, UnitService(ctx), PersonService(ctx), RecordService(ctx), UserService(ctx),
                   MaintenanceService(ctx), DemoService(ctx), SyncService(ctx), PrintService(ctx),
                   TrainingService(ctx), ObjectionService(ctx), RepairService(ctx), PolicyService(ctx),
                   HeadcountService(ctx), ImportService(ctx), ExportService(ctx))

    @classmethod
    def sign_in(cls, path: Path, user_name: str, passphrase: str) -> Services:
        archive, user = Archive.unlock(Path(path), user_name, passphrase)
        return cls.for_user(archive, user)

    def housekeeping(self) -> None:
        """What runs on open (and daily in the app): records whose latest publication end passed
        become 公示期满."""
        if self.ctx.may(Permission.RECORD_READ):
            self.repair.expire_due()

    @property
    def user(self) -> SignedInUser:
        return self.ctx.user

    def close(self) -> None:
        self.ctx.archive.close()
