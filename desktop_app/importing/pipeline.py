"""One import streamed through its file twice, holding a window of lines at a time (a million-line
roster is never in memory: only counts, the first ``MAX_LISTED`` problems and updates, and the
file's keys as digests, ``keys.KeyIndex``).

1. ``survey``: read every line, check it, and match the checked lines with the archive a window at a
   time (the kind's ``plan``, each window in a read transaction of its own). The report is the dry
   run, and what the import decides on.
2. ``write``, in the caller's write transaction (after its backup): read the file again, check and
   match each window again, and write it (the kind's ``apply``). The second reading must come to the
   survey's counts; if the archive or the file changed in between it does not, ``ImportChanged`` is
   raised and the caller's transaction rolls back: all or nothing.

Kinds whose lines depend on each other across the file (units name parents in the same file,
attendance is matched as one roster) have ``chunked = False``: their checked lines are kept from the
survey and matched as one window. Those files are small; persons and records files are not. A file
of up to ``KEEP`` checked lines is kept too, so the usual import reads and checks its file once.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.importing.engine import (
    Blame,
    Cancel,
    CheckedBlock,
    KindImporter,
    Plan,
    Progress,
    WriteContext,
    blamer,
    checked_blocks,
)
from desktop_app.importing.fields import ImportKind
from desktop_app.importing.keys import KeyIndex
from desktop_app.importing.report import MAX_LISTED, ImportReport, Problem, Update, listed
from desktop_app.importing.source import ImportSource, estimate_rows
from desktop_app.store.writer import Actor, Changes
from desktop_app.sync.hlc import HybridClock

WINDOW = 20_000  # checked lines matched, and written, together: ids sorted within it (index locality)
KEEP = 2 * WINDOW  # checked lines held from the survey for the write; a longer file is read again

Opener = Callable[[], ImportSource]
Reading = Callable[[], AbstractContextManager[Session]]
PlanHook = Callable[[Session, Plan[Any]], None]       # e.g. the unit-scope check of each window's plan
WrittenHook = Callable[[Session, Changes], None]      # what each window wrote, in the transaction


class ImportChanged(Exception):
    """The second reading of the file did not come to the survey's counts."""


class Tally:
    """What a reading found: counts, and the first ``MAX_LISTED`` problems and updates in file order."""

    def __init__(self) -> None:
        self.lines = self.new = self.updates = self.unchanged = self.invalid = self.problem_count = 0
        self.refused_by_check = 0  # of ``invalid``: lines whose own check failed (the rest failed to match)
        self.problems: list[Problem] = []
        self.updated: list[Update] = []

    def checked(self, block: CheckedBlock[Any]) -> None:
        self.lines += block.lines
        self.invalid += block.invalid
        self.refused_by_check += block.invalid
        self._keep(block.problems)

    def planned(self, plan: Plan[Any]) -> None:
        self.new += len(plan.inserts)
        self.updates += len(plan.updates)
        self.unchanged += plan.unchanged
        self.invalid += len({p.line for p in plan.problems})  # a line's plan problem: it passed its check
        self._keep(plan.problems)
        room = MAX_LISTED - len(self.updated)
        self.updated += [Update(item.line, key, tuple(sorted(values)))
                         for item, _id, values, key in plan.updates[:max(room, 0)]]

    def counts(self) -> tuple[int, ...]:
        return self.lines, self.new, self.updates, self.unchanged, self.invalid

    def report(self, kind: ImportKind, source: ImportSource) -> ImportReport:
        info = source.info
        return ImportReport(
            kind=kind, source=info.path.name, format=info.format, encoding=info.encoding, sheet=info.sheet,
            sheets=info.sheets, headers=info.headers, mapping=source.mapping.columns, lines=self.lines,
            new=self.new, updates=self.updates, unchanged=self.unchanged, invalid=self.invalid,
            problems=listed(self.problems), updated=tuple(self.updated), problem_count=self.problem_count)

    def _keep(self, problems: list[Problem]) -> None:
        self.problem_count += len(problems)
        self.problems += problems
        if len(self.problems) > 2 * MAX_LISTED:  # problems arrive nearly in file order: keep the first
            self.problems = list(listed(self.problems))


class ImportRun:
    """Use as a context manager (it holds the key index). ``open_file`` opens the file anew."""

    def __init__(self, importer: KindImporter[Any], open_file: Opener, today: date, *,
                 on_plan: PlanHook | None = None) -> None:
        self.importer = importer
        self.open_file = open_file
        self.today = today
        self.on_plan = on_plan or _nothing
        self.keys = KeyIndex()
        self.survey_tally: Tally | None = None
        self.kept: list[list[Any]] | None = None  # the survey's windows, when held (see KEEP)
        self._checked_counts = (0, 0)             # lines, and lines refused by their check, of the survey
        self._stamp: tuple[int, int] | None = None

    def survey(self, reading: Reading, progress: Progress, cancel: Cancel) -> ImportReport:
        """Check and match every line; nothing is written."""
        tally = Tally()
        kept: list[list[Any]] | None = []
        with _heap_set_aside(), self.open_file() as source:
            self._stamp = _stamp(source.info.path)
            blame = blamer(source)
            window: list[Any] = []
            planned = False
            for block in checked_blocks(self.importer, source, self.today, self.keys, record=True, progress=progress,
                                        cancel=cancel, total=estimate_rows(source.info)):
                tally.checked(block)
                window += block.items
                if self.importer.chunked and len(window) >= WINDOW:
                    self._match(reading, window, blame, tally)
                    kept = _keep(kept, window)
                    window, planned = [], True
            if window or not planned:
                self._match(reading, window, blame, tally)
                kept = _keep(kept, window) if self.importer.chunked else [window]
            report = tally.report(self.importer.kind, source)
        self.survey_tally, self.kept, self._checked_counts = tally, kept, (tally.lines, tally.refused_by_check)
        return report

    def write(self, session: Session, actor: Actor, clock: HybridClock, progress: Progress, cancel: Cancel, *,
              skip_invalid: bool, on_written: WrittenHook | None = None) -> None:
        """Write what the survey found, window by window, in ``session``'s transaction."""
        survey = self.survey_tally
        assert survey is not None, "survey first"
        total, written, tally = survey.new + survey.updates, 0, Tally()
        with _heap_set_aside(), self.open_file() as source:
            if _stamp(source.info.path) != self._stamp:
                raise ImportChanged("the file changed after it was checked")
            blame = blamer(source)
            for items in self._windows(source, tally, cancel):
                plan = self.importer.plan(session, items, self.today, blame)
                self.on_plan(session, plan)
                tally.planned(plan)
                if plan.problems and not skip_invalid:
                    raise ImportChanged(f"line {plan.problems[0].line} cannot be imported any more")
                ctx = WriteContext(session, actor, clock, source.info.path.name, self.today,
                                   _offset(progress, written, total), cancel)
                changes = self.importer.apply(ctx, plan)
                if on_written is not None:
                    on_written(session, changes)
                written += len(plan.inserts) + len(plan.updates)
        if tally.counts() != survey.counts():
            raise ImportChanged(f"the file or the archive changed: {tally.counts()} instead of {survey.counts()}")

    def _windows(self, source: ImportSource, tally: Tally, cancel: Cancel) -> Iterator[list[Any]]:
        if self.kept is not None:
            tally.lines, tally.invalid = self._checked_counts
            yield from self.kept
            return
        window: list[Any] = []
        for block in checked_blocks(self.importer, source, self.today, self.keys, record=False, progress=_nothing,
                                    cancel=cancel, total=0):
            tally.checked(block)
            window += block.items
            if len(window) >= WINDOW:
                yield window
                window = []
        if window:
            yield window

    def _match(self, reading: Reading, items: list[Any], blame: Blame, tally: Tally) -> None:
        with reading() as session:
            plan = self.importer.plan(session, items, self.today, blame)
            self.on_plan(session, plan)
        tally.planned(plan)

    def close(self) -> None:
        self.keys.close()

    def __enter__(self) -> ImportRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _heap_set_aside() -> Iterator[None]:
    """Keep the cyclic GC's full passes to the objects the import makes.

    An import allocates enough to set off a full collection every few thousand lines, and each one
    walks every object of the process (modules, caches, the GUI's): 14 % of a 10,000-person
    import. ``gc.freeze`` sets the objects that exist now aside until the reading ends; new objects
    are collected as always, and a cycle among the old ones that becomes garbage meanwhile is
    collected after it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _keep(kept: list[list[Any]] | None, window: list[Any]) -> list[list[Any]] | None:
    """The survey's windows so far plus this one, or None (stream) once they pass ``KEEP`` lines."""
    if kept is None or sum(map(len, kept)) + len(window) > KEEP:
        return None
    return [*kept, window]


def _stamp(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def _offset(progress: Progress, base: int, total: int) -> Progress:
    """A window's (done, of its plan) as (done, of the whole import)."""

    def report(done: int, _total: int) -> None:
        progress(base + done, total)

    return report


def _nothing(*_args: Any) -> None:
    return None
