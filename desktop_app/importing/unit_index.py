"""Every unit of the archive in memory (an office has hundreds, not millions): looked up by name or
by 统一社会信用代码 while lines are matched."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.store.models import Unit


@dataclass(frozen=True, slots=True)
class StoredUnit:
    id: uuid.UUID
    name: str
    uscc: str
    division_code: str
    level: str
    parent_id: uuid.UUID | None


class UnitIndex:
    def __init__(self, units: list[StoredUnit]) -> None:
        self.by_uscc = {u.uscc: u for u in units}
        self.by_name: dict[str, list[StoredUnit]] = {}
        for unit in units:
            self.by_name.setdefault(unit.name, []).append(unit)

    @classmethod
    def load(cls, session: Session) -> UnitIndex:
        rows = session.execute(select(Unit.id, Unit.name, Unit.uscc, Unit.division_code, Unit.level, Unit.parent_id))
        return cls([StoredUnit(*row) for row in rows])

    def resolve(self, name: str | None, uscc: str | None) -> tuple[uuid.UUID | None, tuple[str, str]]:
        """The unit a line names, or None with (field to blame, English reason)."""
        by_code = self.by_uscc.get(uscc) if uscc else None
        if uscc and by_code is None:
            return None, ("unit_uscc", "no unit with this unit code (统一社会信用代码) in the archive; "
                                       "import the units first")
        if not name:
            assert by_code is not None
            return by_code.id, ("", "")
        named = self.by_name.get(name, [])
        if not named and name.upper() in self.by_uscc:
            named = [self.by_uscc[name.upper()]]  # the unit column holds a code
        if by_code is not None:
            if named and by_code not in named:
                return None, ("unit", f"the unit code names {by_code.name}, not {name}")
            return by_code.id, ("", "")
        if not named:
            return None, ("unit", f"no unit named {name} in the archive; import the units first")
        if len(named) > 1:
            return None, ("unit", f"{len(named)} units are named {name}; give the unit code "
                                  "(统一社会信用代码) instead")
        return named[0].id, ("", "")
