"""Global ids of rows whose identity is a natural key.

Two offices that open a file for the same person (or add the same unit) offline must end up with
one row, merged field by field, not two rows that collide on the ID number when they sync. So the
UUID of a unit derives from its 统一社会信用代码, a person's from the 公民身份号码, an assessment's
from person and year. Records stay random: each is a separate decision.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("6f1d3c0e-2a47-5b8e-9c2d-440000201714")  # fixed forever: ids depend on it


def unit_id(uscc: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"unit:{uscc}")


def person_id(id_number: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"person:{id_number}")


def assessment_id(person: uuid.UUID, year: int) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"assessment:{person.hex}:{year}")
