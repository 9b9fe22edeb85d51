"""The shape every import follows: read and check each line (no database), match the checked lines
with the archive (a plan: new rows, updates, unchanged lines, problems), then write the plan in the
caller's transaction. Kind modules (``persons``, ``units``, ``records``) fill in the three steps.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from desktop_app.importing.fields import ImportKind
from desktop_app.importing.keys import KeyIndex, key_digest
from desktop_app.importing.lines import LineCheck
from desktop_app.importing.report import ImportCancelled, Problem
from desktop_app.importing.source import ImportSource
from desktop_app.store.writer import Actor, Changes
from desktop_app.sync.hlc import HybridClock

I = TypeVar("I", bound="Parsed")  # noqa: E741
Progress = Callable[[int, int], None]
Blame = Callable[[int, "str | None", str, str], Problem]  # (line, field, code, message) → a problem
Cancel = Callable[[], bool]
CHUNK = 500          # rows per IN (...) lookup
BATCH = 2000         # rows per bulk insert
BLOCK = 2000         # lines checked between key look-ups, progress and cancel


class Parsed(Protocol):
    @property
    def line(self) -> int: ...


@dataclass(slots=True)
class Checked(Generic[I]):
    """The lines of a file after checking them one by one."""

    items: list[I]
    problems: list[Problem]
    lines: int
    invalid_lines: set[int]


@dataclass(slots=True)
class Plan(Generic[I]):
    """What writing the checked lines would do. ``inserts`` and ``updates`` carry what each kind
    resolved for the line (a unit id, a person id, …)."""

    inserts: list[tuple[I, dict[str, Any]]] = field(default_factory=list)
    updates: list[tuple[I, uuid.UUID, dict[str, Any], str]] = field(default_factory=list)  # item, id, values, key
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class WriteContext:
    session: Session
    actor: Actor
    clock: HybridClock
    source: str
    today: date
    progress: Progress
    cancel: Cancel


class KindImporter(Protocol[I]):
    kind: ImportKind
    # True when a line's plan depends only on the archive and the line (persons, records): the file is
    # then matched and written a window at a time. False (units, attendance): all lines at once.
    chunked: bool

    def parse(self, check: LineCheck, today: date) -> I | None: ...

    def key(self, item: I) -> tuple[Hashable, str, str]:
        """(the file-wide key that must not repeat, the field to blame, what to call it)."""
        ...

    def plan(self, session: Session, items: Sequence[I], today: date, blame: Blame) -> Plan[I]: ...

    def apply(self, ctx: WriteContext, plan: Plan[I]) -> Changes: ...


@dataclass(slots=True)
class CheckedBlock(Generic[I]):
    """Up to ``BLOCK`` lines of a file after checking them one by one."""

    items: list[I]            # the lines without a problem
    problems: list[Problem]
    lines: int
    invalid: int              # lines with at least one problem


def checked_blocks(importer: KindImporter[I], source: ImportSource, today: date, keys: KeyIndex, *, record: bool,
                   progress: Progress, cancel: Cancel, total: int) -> Iterator[CheckedBlock[I]]:
    """Check the file's lines a block at a time. A key seen on an earlier line makes the line a
    duplicate: ``record`` builds ``keys`` (first reading), otherwise it is only looked up (the same
    file read again)."""
    rows, lines = iter(source), 0
    while batch := list(itertools.islice(rows, BLOCK)):
        checks: list[tuple[LineCheck, I | None]] = []
        for row in batch:
            check = LineCheck(source, row)
            item = importer.parse(check, today)
            checks.append((check, item if item is not None and check.ok else None))
        keyed = [(key_digest(importer.key(item)[0]), check, item) for check, item in checks if item is not None]
        pairs = [(digest, check.line) for digest, check, _item in keyed]
        first = keys.record(pairs) if record else keys.lookup([digest for digest, _line in pairs])
        for digest, check, item in keyed:
            line = first.get(digest, check.line)
            if line != check.line:
                _key, blame, what = importer.key(item)
                check.add(blame, "duplicate", f"{what} repeats line {line} of the file")
        lines += len(batch)
        progress(lines, max(total, lines))
        if cancel():
            raise ImportCancelled("import cancelled")
        yield CheckedBlock([item for check, item in checks if item is not None and check.ok],
                           [p for check, _item in checks for p in check.problems], len(batch),
                           sum(1 for check, _item in checks if check.problems))


def check_lines(importer: KindImporter[I], source: ImportSource, today: date, progress: Progress,
                cancel: Cancel, total: int) -> Checked[I]:
    """Every line of a (small) file checked, kept in memory; the import itself streams (``pipeline``)."""
    checked: Checked[I] = Checked([], [], 0, set())
    keys = KeyIndex()
    try:
        for block in checked_blocks(importer, source, today, keys, record=True, progress=progress, cancel=cancel,
                                    total=total):
            checked.items.extend(block.items)
            checked.problems.extend(block.problems)
            checked.lines += block.lines
            checked.invalid_lines.update(p.line for p in block.problems)
    finally:
        keys.close()
    return checked


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def differing(current: dict[str, Any], wanted: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """The wanted values that differ from the current ones (None: not given, left as stored)."""
    return {k: v for k, v in wanted if v is not None and current.get(k) != v}


def blamer(source: ImportSource) -> Blame:
    def blame(line: int, field: str | None, code: str, message: str) -> Problem:
        header, letter = source.column(field) if field else ("", "")
        return Problem(line, header, letter, field, code, message)

    return blame


def tick(ctx: WriteContext, done: int, total: int) -> None:
    ctx.progress(done, total)
    if ctx.cancel():
        raise ImportCancelled("import cancelled")


def import_reason(source: str, line: int) -> str:
    """The reason kept with a revision, which a person reads in the history."""
    return f"批量导入：{source[:120]} 第 {line} 行"


def masked(number: str) -> str:
    return f"{number[:6]}********{number[-4:]}"


def merge_changes(*parts: Changes) -> Changes:
    merged = Changes()
    for part in parts:
        for entity, ids in part.entities.items():
            for entity_id in ids:
                merged.add(entity, entity_id)
    return merged
