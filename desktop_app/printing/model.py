"""What a printed personnel file says, as plain strings: the single source of the PDF, its
verification code and the text a verifier expects to find in it.

Everything the renderer draws from the data is in a :class:`PrintedFile`; the layout adds only
fixed furniture (page numbers, the code) derived from it. The verification code is SHA-256 over the
canonical JSON of the file, so it names *what was printed*, not the PDF bytes (DESIGN.md §6).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from desktop_app.domain.enums import LabelledEnum

FORMAT = "IF1"
LAYOUT_VERSION = 1
TITLE = "公务员诚信档案表"


class Variant(LabelledEnum):
    INTERNAL = "internal", "内部审查"
    PUBLIC = "public", "公示"


@dataclass(frozen=True, slots=True)
class Row:
    """One table row; ``note`` is a full-width line printed under it (facts, revocation reason)."""

    cells: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered part of the file: a table, or ``empty`` when it has no rows."""

    key: str  # layout key (column widths), e.g. "dishonest"
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    empty: str = "无"
    remarks: tuple[str, ...] = ()  # lines printed under the table


@dataclass(frozen=True, slots=True)
class PrintedFile:
    archive_id: str
    office: str
    variant: Variant
    person_id: str
    person_name: str
    unit_name: str
    printed_by: str
    printed_at: str  # as printed, local time "YYYY-MM-DD HH:MM:SS"
    identity: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    title: str = TITLE

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "layout": LAYOUT_VERSION, "archive": self.archive_id, "office": self.office,
            "title": self.title, "variant": self.variant.value, "person": self.person_id,
            "person_name": self.person_name, "unit": self.unit_name, "printed_by": self.printed_by,
            "printed_at": self.printed_at, "identity": [list(pair) for pair in self.identity],
            "sections": [{"key": s.key, "title": s.title, "columns": list(s.columns),
                          "rows": [{"cells": list(r.cells), "note": r.note} for r in s.rows],
                          "empty": s.empty, "remarks": list(s.remarks)} for s in self.sections],
        }

    @classmethod
    def from_json(cls, data: Any) -> PrintedFile:
        """Parse what :meth:`to_json` wrote; ``ValueError`` on anything else."""
        try:
            if data["format"] != FORMAT:
                raise ValueError(f"unknown format {data['format']!r}")
            return cls(
                archive_id=_text(data["archive"]), office=_text(data["office"]),
                variant=Variant(data["variant"]), person_id=_text(data["person"]),
                person_name=_text(data["person_name"]), unit_name=_text(data["unit"]),
                printed_by=_text(data["printed_by"]), printed_at=_text(data["printed_at"]),
                identity=tuple((_text(k), _text(v)) for k, v in data["identity"]),
                sections=tuple(_section(s) for s in data["sections"]), title=_text(data["title"]))
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"malformed printed file: {exc!r}") from None

    def mapped(self, fn: Callable[[str], str]) -> PrintedFile:
        """The same file with ``fn`` applied to every printed string (not to ids)."""
        return replace(
            self, office=fn(self.office), person_name=fn(self.person_name), unit_name=fn(self.unit_name),
            printed_by=fn(self.printed_by), title=fn(self.title),
            identity=tuple((fn(k), fn(v)) for k, v in self.identity),
            sections=tuple(replace(s, title=fn(s.title), columns=tuple(map(fn, s.columns)), empty=fn(s.empty),
                                   remarks=tuple(map(fn, s.remarks)),
                                   rows=tuple(Row(tuple(map(fn, r.cells)), fn(r.note)) for r in s.rows))
                           for s in self.sections))

    @property
    def code(self) -> str:
        """The verification hash: SHA-256 hex of the canonical JSON."""
        return content_hash(self.to_json())


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def short_code(full_hash: str) -> str:
    """The form printed for people: 16 hex digits in groups of four, e.g. ``3F2A-9C1B-0D4E-77A1``."""
    head = full_hash[:16].upper()
    return "-".join(head[i:i + 4] for i in range(0, 16, 4))


def qr_payload(archive_id: str, full_hash: str) -> str:
    """Upper case so the QR code uses alphanumeric mode (a smaller symbol)."""
    return f"{FORMAT}:{archive_id.upper()}:{full_hash.upper()}"


def normalize_code(text: str) -> str:
    """A code as typed, scanned (``IF1:…:…``) or printed → lower-case hex (a prefix or the full hash)."""
    cleaned = text.strip()
    if cleaned.upper().startswith(FORMAT + ":"):
        cleaned = cleaned.rsplit(":", 1)[-1]
    cleaned = cleaned.replace("-", "").replace(" ", "").lower()
    if not cleaned or any(ch not in "0123456789abcdef" for ch in cleaned):
        raise ValueError("a verification code has hexadecimal digits only")
    return cleaned


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _section(data: Any) -> Section:
    return Section(key=_text(data["key"]), title=_text(data["title"]),
                   columns=tuple(_text(c) for c in data["columns"]),
                   rows=tuple(Row(tuple(_text(c) for c in r["cells"]), _text(r["note"])) for r in data["rows"]),
                   empty=_text(data["empty"]), remarks=tuple(_text(r) for r in data["remarks"]))
