"""Import (issue 8): persons, units, integrity records and training attendance from CSV or XLSX.

Every import runs the same way (``desktop_app.importing``):

1. read and check each line (no database): ID numbers, unit codes, dates, kinds, required fields,
   the same key twice in the file;
2. match the checked lines with the archive: new rows, updates (only fields whose values differ),
   unchanged lines, and problems such as an unknown unit or person;
3. ``check_*`` stops there and returns the report (a dry run); ``import_*`` refuses the whole file
   if any line has a problem (``ImportRejected``, nothing written) unless ``skip_invalid``, takes an
   encrypted backup, and writes every new row (bulk path) and every update (``Writer.update``: history,
   change log, audit) in one transaction. A failure or a cancel leaves the archive as it was.

Re-running a file changes nothing: its lines match what the first run stored.

The file is streamed through twice, steps 1–2 and then the write (``importing.pipeline``): memory does
not grow with its length, and a million-line roster imports in one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from desktop_app.domain.permissions import Permission
from desktop_app.errors import ArchiveError, StateError, ValidationError
from desktop_app.importing.attendance import AttendanceImporter
from desktop_app.importing.engine import KindImporter, Plan
from desktop_app.importing.fields import ImportKind
from desktop_app.importing.mapping import ColumnMapping, MappingError, check_mapping
from desktop_app.importing.persons import PersonImporter
from desktop_app.importing.pipeline import ImportChanged, ImportRun
from desktop_app.importing.records import RecordImporter
from desktop_app.importing.report import ImportRejected, ImportReport, ImportResult
from desktop_app.importing.source import ImportSource, open_source
from desktop_app.importing.units import UnitImporter
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.import_scope import check_plan
from desktop_app.services.scope import scoped, unscoped
from desktop_app.store.archive import Archive
from desktop_app.store.backups import BackupFailed
from desktop_app.store.writer import Actor, Writer

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
SAMPLE_ROWS = 5
LARGE_IMPORT = 5000       # rows from which the import enlarges the page cache
MAX_CACHE_KIB = 64_000      # its size: bench/import_bench.py keeps the whole import under 500 MB
PROGRESS_SCALE = 1000  # progress is reported as (done, 1000): reading is the first half, writing the second
KIND_PERMISSION = {ImportKind.PERSONS: Permission.PERSON_WRITE, ImportKind.UNITS: Permission.UNIT_WRITE,
                   ImportKind.RECORDS: Permission.RECORD_WRITE, ImportKind.ATTENDANCE: Permission.TRAINING_WRITE}


@dataclass(frozen=True, slots=True)
class ImportOptions:
    encoding: str | None = None          # CSV: None detects UTF-8 (with or without BOM), GBK, GB18030
    sheet: str | None = None             # XLSX: None reads the first sheet
    mapping: ColumnMapping | None = None  # None: recognised headers only
    skip_invalid: bool = False           # import the valid lines and leave out the others


@dataclass(frozen=True, slots=True)
class FileInspection:
    """What the wizard shows before a dry run: the file's columns and how they would be mapped."""

    kind: ImportKind
    source: str
    format: str
    encoding: str | None
    sheet: str | None
    sheets: tuple[str, ...]
    headers: tuple[str, ...]
    header_line: int
    mapping: ColumnMapping
    missing: tuple[str, ...]             # required fields no column fills yet
    samples: tuple[tuple[str, ...], ...]  # the first data rows, in header order


class ImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.PERSON_READ)
    @unscoped("reads the file's columns and first rows only; nothing from the archive")
    def inspect_file(self, kind: str, path: Path, *, encoding: str | None = None, sheet: str | None = None,
                     mapping: ColumnMapping | None = None) -> FileInspection:
        """Open a file and map its columns (recognised, or as ``mapping`` says); nothing is written."""
        parsed = ImportKind.parse(str(kind), field="kind")
        self.ctx.require(f"import.{parsed.value}", KIND_PERMISSION[parsed])
        with open_source(parsed, _path(path), encoding=encoding, sheet=sheet, mapping=mapping, check=False) as source:
            samples = []
            for _line, values in source.table:
                samples.append(tuple(values.get(h, "") for h in source.info.headers))
                if len(samples) >= SAMPLE_ROWS:
                    break
            info = source.info
            missing: tuple[str, ...] = ()
            try:
                check_mapping(source.mapping)
            except MappingError as exc:
                missing = exc.missing
        return FileInspection(parsed, info.path.name, info.format, info.encoding, info.sheet, info.sheets, info.headers,
                              info.header_line, source.mapping, missing, tuple(samples))

    # -- persons, units, records ---------------------------------------------------------------

    @requires(Permission.PERSON_WRITE)
    @scoped(written=True)  # every line's unit, checked on the plan (import_scope)
    def check_persons(self, path: Path, options: ImportOptions | None = None, *, progress: Progress | None = None,
                      cancel: Cancel | None = None) -> ImportReport:
        """Dry run of a persons file: every line checked and matched; nothing is written."""
        return self._check(PersonImporter(), path, options, progress, cancel)

    @requires(Permission.PERSON_WRITE)
    @scoped(written=True)  # every line's unit, checked on the plan (import_scope)
    def import_persons(self, path: Path, options: ImportOptions | None = None, *, progress: Progress | None = None,
                       cancel: Cancel | None = None) -> ImportResult:
        return self._import(PersonImporter(), path, options, progress, cancel)

    @requires(Permission.UNIT_WRITE)
    @scoped(written=True)  # every line's unit, checked on the plan (import_scope)
    def check_units(self, path: Path, options: ImportOptions | None = None, *, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> ImportReport:
        return self._check(UnitImporter(), path, options, progress, cancel)

    @requires(Permission.UNIT_WRITE)
    @scoped(written=True)  # every line's unit, checked on the plan (import_scope)
    def import_units(self, path: Path, options: ImportOptions | None = None, *, progress: Progress | None = None,
                     cancel: Cancel | None = None) -> ImportResult:
        return self._import(UnitImporter(), path, options, progress, cancel)

    @requires(Permission.RECORD_WRITE)
    @scoped(written=True)  # every line's unit, checked on the plan (import_scope)
    def check_records(self, path: Path, options: ImportOptions | None = None, *, progress: Progress | None = None,
                      cancel: Cancel | None = None) -> ImportReport:
        return self._check(RecordImporter(), path, options, progress, cancel)

    @requires(Permission.RECORD_WRITE)
    @scoped(written=True)  # every line's unit, checked on the plan (import_scope)
    def import_records(self, path: Path, options: ImportOptions | None = None, *, progress: Progress | None = None,
                       cancel: Cancel | None = None) -> ImportResult:
        return self._import(RecordImporter(), path, options, progress, cancel)

    # -- attendance (the training feature's roster matching and bulk write) ------------------------

    @requires(Permission.TRAINING_WRITE)
    @scoped(written=True)  # every line's unit, checked on the plan (import_scope)
    def check_attendance(self, session_id: uuid.UUID, path: Path, options: ImportOptions | None = None, *,
                         progress: Progress | None = None, cancel: Cancel | None = None) -> ImportReport:
        return self._check(AttendanceImporter(_session_id(session_id), self.ctx.archive), path, options, progress,
                           cancel)

    @requires(Permission.TRAINING_WRITE)
    @scoped(written=True)  # every line's unit, checked on the plan (import_scope)
    def import_attendance(self, session_id: uuid.UUID, path: Path, options: ImportOptions | None = None, *,
                          progress: Progress | None = None, cancel: Cancel | None = None) -> ImportResult:
        return self._import(AttendanceImporter(_session_id(session_id), self.ctx.archive), path, options, progress,
                            cancel)

    # -- the shared steps ------------------------------------------------------------------------

    def _run(self, importer: KindImporter[Any], path: Path, options: ImportOptions | None) -> ImportRun:
        """The file's import, streamed (``importing.pipeline``); each window's plan is checked against
        the user's unit scope."""
        opts = options or ImportOptions()
        if opts.mapping is not None and not isinstance(opts.mapping, ColumnMapping):
            raise ValidationError("mapping must be a ColumnMapping", field="mapping")
        file = _path(path)

        def open_file() -> ImportSource:
            return open_source(importer.kind, file, encoding=opts.encoding, sheet=opts.sheet, mapping=opts.mapping)

        def in_scope(session: Session, plan: Plan[Any]) -> None:
            check_plan(session, self.ctx.scope(session), importer.kind, plan)

        return ImportRun(importer, open_file, self.ctx.today(), on_plan=in_scope)

    def _check(self, importer: KindImporter[Any], path: Path, options: ImportOptions | None,
               progress: Progress | None, cancel: Cancel | None) -> ImportReport:
        with self._run(importer, path, options) as run:
            return run.survey(self.ctx.read, _half(progress or _ignore, 0), cancel or _never)

    def _import(self, importer: KindImporter[Any], path: Path, options: ImportOptions | None,
                progress: Progress | None, cancel: Cancel | None) -> ImportResult:
        opts = options or ImportOptions()
        progress, cancel = progress or _ignore, cancel or _never
        archive = self.ctx.archive
        with self._run(importer, path, opts) as run:
            report = run.survey(self.ctx.read, _half(progress, 0), cancel)
            if not report.ok and not opts.skip_invalid:
                self._audit(report, success=False)
                raise ImportRejected(report)
            if not report.has_work:
                self._audit(report, success=True)
                return ImportResult(report, 0, 0, report.invalid, None)
            try:
                with archive.session(write=True) as s:
                    # The committed state, which the lock we hold keeps as it is until we commit.
                    try:
                        backup = archive.backups.take("before-import")
                    except BackupFailed as exc:
                        raise ArchiveError(f"nothing was imported: the backup taken before every import could "
                                           f"not be written ({exc.reason}); free disk space and import again",
                                           field="file", code="import_backup_failed") from None
                    actor = Actor(self.ctx.user.name, archive.device_id)
                    with _large_page_cache(s, report.new):
                        # The file is read, checked and matched again as it is written; each window's
                        # writes are held to the scope (the plans were checked already).
                        run.write(s, actor, archive.clock, _half(progress, 1), cancel, skip_invalid=opts.skip_invalid,
                                  on_written=self.ctx.check_written)
                    _summary(s, actor, archive, report, backup)
            except (ImportChanged, sa_exc.IntegrityError):
                raise StateError("the archive changed while the file was imported; nothing was imported; "
                                 "run the import again", field="file", code="import_conflict") from None
        return ImportResult(report, report.new, report.updates, report.invalid, backup)

    def _audit(self, report: ImportReport, *, success: bool) -> None:
        """An import refused, or one that found nothing to write, is still an audit entry."""
        with self.ctx.write() as w:
            w.audit(f"import.{report.kind.value}", success=success, detail=_detail(report))


@contextmanager
def _large_page_cache(session: Session, rows: int) -> Iterator[None]:
    """A bulk insert of many rows touches index pages all over the file (ID numbers, UUIDs): with
    the archive's usual 16 MB cache, SQLCipher decrypts and re-encrypts the same pages again and
    again. A larger cache for the length of the import (bounded: ``MAX_CACHE_KIB``) keeps them."""
    if rows < LARGE_IMPORT:
        yield
        return
    connection = session.connection()
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{MAX_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -16000)}")


def _summary(session: Session, actor: Actor, archive: Archive, report: ImportReport, backup: Path) -> None:
    """One audit entry for the whole import, in its transaction."""
    writer = Writer(session, actor, archive.clock)
    writer.audit(f"import.{report.kind.value}", detail={**_detail(report), "backup": backup.name})
    writer.finish()


def _detail(report: ImportReport) -> dict[str, Any]:
    detail: dict[str, Any] = {"file": report.source[:200], "format": report.format, "lines": report.lines,
                              "new": report.new, "updated": report.updates, "unchanged": report.unchanged,
                              "invalid": report.invalid}
    if report.encoding:
        detail["encoding"] = report.encoding
    if report.sheet:
        detail["sheet"] = report.sheet
    return detail


def _path(path: Path) -> Path:
    if not isinstance(path, str | Path):
        raise ValidationError("no file given", field="file")
    return Path(path)


def _session_id(value: uuid.UUID) -> uuid.UUID:
    if not isinstance(value, uuid.UUID):
        raise ValidationError("no training session given", field="session")
    return value


def _half(progress: Progress, half: int) -> Progress:
    """Map a step's (done, total) onto its half of one bar: reading first, then writing."""
    base = half * PROGRESS_SCALE // 2

    def report(done: int, total: int) -> None:
        share = (done * (PROGRESS_SCALE // 2)) // total if total > 0 else 0
        progress(base + min(share, PROGRESS_SCALE // 2), PROGRESS_SCALE)

    return report


def _ignore(_done: int, _total: int) -> None:
    return None


def _never() -> bool:
    return False
