"""Units (单位): the organs whose civil servants an office keeps files for."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app.domain import identity
from desktop_app.domain.divisions import division_table
from desktop_app.domain.enums import UnitLevel
from desktop_app.domain.permissions import Permission
from desktop_app.domain.uscc import parse_uscc, uscc_division_code
from desktop_app.errors import DuplicateError, NotFoundError, ValidationError
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.rows import UnitRow
from desktop_app.services.scope import Target, scoped
from desktop_app.store.models import Unit

_LEVEL_OF_DIVISION = {"province": UnitLevel.PROVINCE, "city": UnitLevel.CITY, "county": UnitLevel.COUNTY}
MAX_UNIT_NAME = 200


class UnitService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.UNIT_WRITE)
    @scoped(written=True, parent_name=Target.UNIT_NAME)  # a new unit is in scope through its parent
    def add(self, *, name: str, uscc: str, division_code: str, level: str | None = None,
            parent_name: str | None = None) -> UnitRow:
        name = _check_name(name)
        code = parse_uscc(uscc)
        division = division_table().require((division_code or "").strip())
        unit_level = (UnitLevel.parse(level, field="level") if level
                      else _LEVEL_OF_DIVISION[division.level])
        if uscc_division_code(code)[:2] != "44":
            raise ValidationError("unit code (统一社会信用代码) is not registered in Guangdong (44…)",
                                  field="uscc")
        with self.ctx.write() as w:
            s = w.session
            if s.scalar(select(Unit.id).where(Unit.name == name)):
                raise DuplicateError(f"a unit named {name} already exists", field="name")
            if s.scalar(select(Unit.id).where(Unit.uscc == code)):
                raise DuplicateError(f"unit code {code} is already used by another unit", field="uscc")
            parent_id = None
            if parent_name:
                parent_id = s.scalar(select(Unit.id).where(Unit.name == parent_name.strip()))
                if parent_id is None:
                    raise NotFoundError(f"no parent unit named {parent_name}", field="parent")
            unit = Unit(id=identity.unit_id(code), name=name, uscc=code, division_code=division.code,
                        level=unit_level.value,
                        parent_id=parent_id)
            w.insert(unit, "unit.create")
            return to_unit_row(unit)

    @requires(Permission.UNIT_READ)
    @scoped(rows=True)
    def list(self) -> list[UnitRow]:
        with self.ctx.read() as s:
            query = select(Unit).where(self.ctx.scope(s).where_unit(Unit.id))
            return [to_unit_row(u) for u in s.scalars(query.order_by(Unit.division_code, Unit.name))]

    @requires(Permission.UNIT_READ)
    @scoped(name=Target.UNIT_NAME)
    def by_name(self, name: str) -> UnitRow:
        with self.ctx.read() as s:
            return to_unit_row(unit_by_name(s, name))


def unit_by_name(session: Session, name: str, *, field: str = "unit") -> Unit:
    wanted = (name or "").strip()
    units = session.scalars(select(Unit).where(or_(Unit.name == wanted, Unit.uscc == wanted.upper())).limit(2)).all()
    if not units:
        raise NotFoundError(f"no unit named {name!r}", field=field)
    if len(units) > 1:
        raise ValidationError(f"two units are named {name!r}; give the unit code (统一社会信用代码) instead",
                              field=field)
    return units[0]


def to_unit_row(unit: Unit) -> UnitRow:
    return UnitRow(unit.id, unit.name, unit.uscc, unit.division_code,
                   division_table().full_name(unit.division_code), UnitLevel(unit.level), unit.parent_id)


def _check_name(name: str) -> str:
    cleaned = (name or "").strip()
    if not cleaned:
        raise ValidationError("unit name is required", field="name")
    if len(cleaned) > MAX_UNIT_NAME:
        raise ValidationError(f"unit name is longer than {MAX_UNIT_NAME} characters", field="name")
    return cleaned

