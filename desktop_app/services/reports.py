"""Reports: a registry every feature adds its report kinds to (``integrity-files report ARCHIVE KIND``,
and the GUI's report pages). A report is a plain table; writers turn it into JSON, XLSX or text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.domain.permissions import Permission
from desktop_app.errors import ValidationError

if TYPE_CHECKING:
    from desktop_app.services import Services

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class ReportParams:
    year: int | None = None
    unit_name: str | None = None


@dataclass(frozen=True, slots=True)
class ReportTable:
    title: str                       # Chinese title, e.g. 年度培训学时统计
    headers: tuple[str, ...]         # Chinese column headers
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class ReportSpec:
    kind: str                        # CLI name, e.g. "training"
    title: str
    permission: Permission
    build: Callable[[Services, ReportParams], ReportTable]


REPORTS: dict[str, ReportSpec] = {}


def register_report(spec: ReportSpec) -> None:
    REPORTS[spec.kind] = spec


def build_report(services: Services, kind: str, params: ReportParams) -> ReportTable:
    spec = REPORTS.get(kind)
    if spec is None:
        raise ValidationError(f"unknown report {kind!r}; available: {', '.join(sorted(REPORTS))}", field="kind")
    services.ctx.require(f"report.{kind}", spec.permission)
    if params.unit_name:  # a report of one unit: that unit must be in the user's scope
        services.ctx.check_scope(f"report.{kind}", unit_name=params.unit_name)
    return spec.build(services, params)  # every builder reads within the user's units (ctx.scope)
