"""Canonical values and digests of rows: what the change log carries and the audit chain binds."""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect

from desktop_app.store.types import canonical_json

JsonValue = str | int | float | bool | None


def plain(value: Any) -> JsonValue:
    """A column value in the one JSON form used by changes, revisions and digests."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"no canonical form for {type(value).__name__}")


def row_values(obj: object) -> dict[str, JsonValue]:
    """All mapped column values of an ORM object, keyed by attribute name."""
    mapper = inspect(type(obj))
    return {attr.key: plain(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def mapping_values(row: Mapping[str, Any]) -> dict[str, JsonValue]:
    return {key: plain(value) for key, value in row.items()}


def digest(values: Mapping[str, JsonValue]) -> str:
    return hashlib.sha256(canonical_json(dict(values)).encode("utf-8")).hexdigest()
