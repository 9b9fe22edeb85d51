"""Blank files to fill in (空白模板): the recognised headers of a kind, required ones marked "*"
(the mark is ignored when the file is read back)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.importing.fields import ImportKind, field_specs
from desktop_app.importing.mapping import MappingError
from desktop_app.tabular.writer import write_table

TITLES = {ImportKind.PERSONS: "人员导入模板", ImportKind.UNITS: "单位导入模板", ImportKind.RECORDS: "诚信记录导入模板",
          ImportKind.ATTENDANCE: "培训名单导入模板"}
CHECK_ONLY = frozenset({"gender", "birth_date"})  # persons: checked against the ID number, not needed


def template_headers(kind: ImportKind) -> tuple[str, ...]:
    return tuple(spec.label + ("*" if spec.required else "") for spec in field_specs(kind)
                 if not (kind is ImportKind.PERSONS and spec.key in CHECK_ONLY))


def write_blank_template(kind: ImportKind, path: Path) -> Path:
    """An .xlsx (or .csv) with the headers of ``kind`` and no rows."""
    if not isinstance(kind, ImportKind):
        raise MappingError("unknown kind of import", field="kind")
    write_table(Path(path), TITLES[kind], template_headers(kind), [])
    return Path(path)
