"""Which column of a file fills which field: recognised automatically, chosen in the wizard, or
loaded from a mapping template (a small JSON file saved from an earlier import).

Template format (UTF-8 JSON)::

    {"format": "integrity-files-mapping", "version": 1, "kind": "persons",
     "columns": {"身份证": "id_number", "所在科室": null}}

A header mapped to ``null`` is deliberately left out. Headers a template does not name are
recognised as usual, so one template serves files that differ in their other columns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import ValidationError
from desktop_app.importing.fields import ONE_OF, ImportKind, field_spec, field_specs, recognise

TEMPLATE_FORMAT = "integrity-files-mapping"
TEMPLATE_VERSION = 1
MAX_TEMPLATE_BYTES = 256 * 1024


class MappingError(ValidationError):
    """A mapping that cannot work: a required field without a column, a field with two, a bad template."""

    code = "import_mapping"

    def __init__(self, message: str, *, field: str | None = None, missing: tuple[str, ...] = ()) -> None:
        super().__init__(message, field=field)
        self.missing = missing  # field keys without a column


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """header (as written in the file) → field key, or None for a column left out."""

    kind: ImportKind
    columns: tuple[tuple[str, str | None], ...]

    @classmethod
    def of(cls, kind: ImportKind, columns: Mapping[str, str | None]) -> ColumnMapping:
        return cls(kind, tuple(columns.items()))

    def as_dict(self) -> dict[str, str | None]:
        return dict(self.columns)

    def field_of(self, header: str) -> str | None:
        return self.as_dict().get(header)

    def header_of(self, field: str) -> str | None:
        for header, key in self.columns:
            if key == field:
                return header
        return None

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(key for _, key in self.columns if key)

    @property
    def unmapped(self) -> tuple[str, ...]:
        return tuple(header for header, key in self.columns if key is None)


def auto_mapping(kind: ImportKind, headers: Iterable[str], template: ColumnMapping | None = None) -> ColumnMapping:
    """Each header's field: the template's choice if it names the header, else the recognised one.
    A field recognised for two headers goes to the first; the second is left for the user."""
    chosen = template.as_dict() if template is not None else {}
    taken: set[str] = {key for key in chosen.values() if key}
    columns: dict[str, str | None] = {}
    for header in headers:
        if header in chosen:
            columns[header] = chosen[header]
            continue
        key = recognise(kind, header)
        if key is not None and key in taken:
            key = None
        if key is not None:
            taken.add(key)
        columns[header] = key
    return ColumnMapping.of(kind, columns)


def check_mapping(mapping: ColumnMapping) -> None:
    """Refuse a mapping that leaves a required field without a column or maps a field twice."""
    known = {spec.key for spec in field_specs(mapping.kind)}
    seen: dict[str, str] = {}
    for header, key in mapping.columns:
        if key is None:
            continue
        if key not in known:
            raise MappingError(f"column {header!r} is mapped to {key!r}, which {mapping.kind.value} do not have",
                               field=header)
        if key in seen:
            raise MappingError(f"columns {seen[key]!r} and {header!r} are both mapped to "
                               f"{field_spec(mapping.kind, key).label}", field=key)
        seen[key] = header
    missing = [spec.key for spec in field_specs(mapping.kind) if spec.required and spec.key not in seen]
    for group in ONE_OF.get(mapping.kind, ()):
        if not any(key in seen for key in group):
            missing.append(group[0])
    if missing:
        labels = "、".join(field_spec(mapping.kind, key).label for key in missing)
        raise MappingError(f"no column for {labels}; map a column to it", field=missing[0], missing=tuple(missing))


def save_template(mapping: ColumnMapping, path: Path) -> Path:
    """Write the mapping as a template file (JSON, UTF-8)."""
    data = {"format": TEMPLATE_FORMAT, "version": TEMPLATE_VERSION, "kind": mapping.kind.value,
            "columns": mapping.as_dict()}
    path = Path(path)
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise MappingError(f"the template {path.name} cannot be written ({exc.strerror})", field="file") from None
    return path


def load_template(path: Path, kind: ImportKind | None = None) -> ColumnMapping:
    """Read a template; ``kind`` refuses a template saved for another kind of import."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise MappingError(f"{path.name} is too large to be a mapping template", field="file")
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise MappingError(f"the template {path.name} cannot be read ({exc.strerror})", field="file") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise MappingError(f"{path.name} is not a mapping template (not JSON)", field="file") from None
    if not isinstance(data, dict) or data.get("format") != TEMPLATE_FORMAT:
        raise MappingError(f"{path.name} is not a mapping template", field="file")
    if data.get("version") != TEMPLATE_VERSION:
        raise MappingError(f"{path.name} has template version {data.get('version')!r}, which this version "
                           "does not read", field="file")
    saved = ImportKind.parse(str(data.get("kind", "")), field="kind")
    if kind is not None and saved is not kind:
        raise MappingError(f"{path.name} is a template for {saved.value}, not {kind.value}", field="kind")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not all(
            isinstance(h, str) and (v is None or isinstance(v, str)) for h, v in columns.items()):
        raise MappingError(f"{path.name}: 'columns' must map header texts to field names or null", field="file")
    known = {spec.key for spec in field_specs(saved)}
    unknown = sorted({v for v in columns.values() if v is not None and v not in known})
    if unknown:
        raise MappingError(f"{path.name} names unknown fields: {', '.join(unknown)}", field="file")
    return ColumnMapping.of(saved, columns)
