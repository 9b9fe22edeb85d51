"""The shape every import follows: read and check each line (no database), match the checked lines
with the archive (a plan: new rows, updates, unchanged lines, problems), then write the plan in the
caller's transaction. Kind modules (``persons``, ``units``, ``records``) fill in the three steps.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from desktop_app.importing.fields import ImportKind
from desktop_app.importing.lines import LineCheck
from desktop_app.importing.report import MAX_LISTED, ImportCancelled, ImportReport, Problem, Update, listed
from desktop_app.importing.source import ImportSource
from desktop_app.store.writer import Actor, Changes
from desktop_app.sync.hlc import HybridClock

I = TypeVar("I", bound="Parsed")  # noqa: E741
Progress = Callable[[int, int], None]
Blame = Callable[[int, "str | None", str, str], Problem]  # (line, field, code, message) → a problem
Cancel = Callable[[], bool]
CHUNK = 500          # rows per IN (...) lookup
BATCH = 2000         # rows per bulk insert
PROGRESS_EVERY = 2000


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

    def parse(self, check: LineCheck, today: date) -> I | None: ...

    def key(self, item: I) -> tuple[Hashable, str, str]:
        """(the file-wide key that must not repeat, the field to blame, what to call it)."""
        ...

    def plan(self, session: Session, items: Sequence[I], today: date, blame: Blame) -> Plan[I]: ...

    def apply(self, ctx: WriteContext, plan: Plan[I]) -> Changes: ...


def check_lines(importer: KindImporter[I], source: ImportSource, today: date, progress: Progress,
                cancel: Cancel, total: int) -> Checked[I]:
    items: list[I] = []
    problems: list[Problem] = []
    invalid: set[int] = set()
    first_line: dict[Hashable, int] = {}
    lines = 0
    for row in source:
        lines += 1
        check = LineCheck(source, row)
        item = importer.parse(check, today)
        if item is not None and check.ok:
            key, blame, what = importer.key(item)
            if key in first_line:
                check.add(blame, "duplicate", f"{what} repeats line {first_line[key]} of the file")
            else:
                first_line[key] = row.line
        if check.problems:
            invalid.add(row.line)
            problems.extend(check.problems)
        elif item is not None:
            items.append(item)
        if lines % PROGRESS_EVERY == 0:
            progress(lines, max(total, lines))
            if cancel():
                raise ImportCancelled("import cancelled")
    return Checked(items, problems, lines, invalid)


def build_report(kind: ImportKind, source: ImportSource, checked: Checked[Any], plan: Plan[Any]) -> ImportReport:
    problems = checked.problems + plan.problems
    invalid = checked.invalid_lines | {p.line for p in plan.problems}
    info = source.info
    updates = tuple(Update(item.line, key, tuple(sorted(values)))
                    for item, _id, values, key in plan.updates[:MAX_LISTED])
    return ImportReport(
        kind=kind, source=info.path.name, format=info.format, encoding=info.encoding, sheet=info.sheet,
        sheets=info.sheets, headers=info.headers, mapping=source.mapping.columns, lines=checked.lines,
        new=len(plan.inserts), updates=len(plan.updates), unchanged=plan.unchanged, invalid=len(invalid),
        problems=listed(problems), updated=updates, problem_count=len(problems))


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
