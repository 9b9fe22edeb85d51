"""Printing personnel files (DESIGN.md §6): one file, a batch, and checking a printout.

Every print and export is an audit entry whose detail carries the verification code, so a PDF or
a code read off paper can be traced to who printed what, and when (DESIGN.md §7). The core returns
bytes and paths; previewing and sending to a printer is the GUI's part.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, select, type_coerce

from desktop_app.domain.permissions import Permission
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.printing.compose import PdfComposer, render_file
from desktop_app.printing.content import PrintHeader, build_file
from desktop_app.printing.model import PrintedFile, Variant, normalize_code, short_code
from desktop_app.printing.names import FileNamer
from desktop_app.printing.verify import PdfPart, inspect_pdf
from desktop_app.services.context import ServiceContext, requires
from desktop_app.services.persons import PersonService
from desktop_app.services.scope import Target, scoped, unscoped
from desktop_app.store.audit_chain import entry_hash, hashed_fields
from desktop_app.store.models import AuditEntry, Person

PRINT_ACTIONS = ("print.file", "print.export")
FILES_PER_AUDIT = 25  # per-person batch files audited (and committed) together
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class PrintedPdf:
    data: bytes
    code: str  # the full verification hash (SHA-256 hex)
    pages: int
    person_id: uuid.UUID
    variant: Variant
    full_id: bool  # the full ID number is printed
    file_name: str  # suggested name: 单位-姓名-身份证后四位.pdf

    @property
    def short_code(self) -> str:
        return short_code(self.code)


@dataclass(frozen=True, slots=True)
class BatchResult:
    persons: int  # files printed
    requested: int
    pages: int
    files: tuple[Path, ...]
    cancelled: bool


@dataclass(frozen=True, slots=True)
class PrintRecord:
    """A print as the audit trail recorded it."""

    seq: int
    at: datetime
    printed_by: str
    printed_at: str
    action: str
    person_id: str
    person_name: str
    variant: Variant
    pages: int
    code: str
    full_id: bool


@dataclass(frozen=True, slots=True)
class VerifiedPart:
    person_name: str
    unit_name: str
    variant: Variant
    code: str
    first_page: int
    pages: int
    printed: PrintRecord | None
    problem: str | None


@dataclass(frozen=True, slots=True)
class Verification:
    valid: bool
    reason: str  # empty when valid
    parts: tuple[VerifiedPart, ...]

    def lines(self) -> list[str]:
        if not self.valid:
            return [f"invalid: {self.reason}"]
        return [f"valid: printed by {p.printed.printed_by} at {p.printed.printed_at}"
                f" — {p.person_name} ({p.variant.label}, {p.pages} pages, code {short_code(p.code)})"
                for p in self.parts if p.printed is not None]


class PrintService:
    def __init__(self, ctx: ServiceContext, now: Callable[[], datetime] | None = None) -> None:
        self.ctx = ctx
        self._now = now or (lambda: datetime.now().astimezone())
        self._persons = PersonService(ctx)

    @requires(Permission.PRINT)
    @scoped(person_id=Target.PERSON)
    def render(self, person_id: uuid.UUID, *, variant: Variant = Variant.INTERNAL,
               mask_id: bool = False) -> PrintedPdf:
        """One person's file as PDF bytes (for the preview and the printer); audited as a print."""
        self.ctx.require("print.render", Permission.RECORD_READ)
        file, full_id, name = self._content(person_id, variant, mask_id, self._stamp())
        pdf = render_file(file)
        with self.ctx.write() as w:
            _audit_print(w, "print.file", file, pdf.code, pdf.pages, full_id, output="preview")
        return PrintedPdf(pdf.data, pdf.code, pdf.pages, person_id, variant, full_id, name)

    @requires(Permission.PRINT)
    @scoped(person_id=Target.PERSON)
    def export(self, person_id: uuid.UUID, path: Path, *, variant: Variant = Variant.INTERNAL,
               mask_id: bool = False) -> PrintedPdf:
        """One person's file written to ``path`` (replaced atomically); audited as an export."""
        self.ctx.require("print.export", Permission.RECORD_READ)
        path = Path(path)
        file, full_id, name = self._content(person_id, variant, mask_id, self._stamp())
        pdf = render_file(file)
        _write_then(path, pdf.data, lambda: self._audit_one("print.export", file, pdf.code, pdf.pages,
                                                            full_id, "file"))
        return PrintedPdf(pdf.data, pdf.code, pdf.pages, person_id, variant, full_id, name)

    @requires(Permission.PRINT)
    @scoped(rows=True)
    def batch(self, person_ids: Sequence[uuid.UUID], target: Path, *, one_file: bool,
              variant: Variant = Variant.INTERNAL, mask_id: bool = False, progress: Progress | None = None,
              cancel: Cancel | None = None) -> BatchResult:
        """Print many files: into one PDF at ``target``, or one PDF per person into the folder
        ``target`` (named 单位-姓名-身份证后四位.pdf). Runs in a worker: ``progress(done, total)``
        after each person; ``cancel()`` returning True stops quietly (per-person files already
        written stay; a one-file batch writes nothing). Memory stays flat in the per-person form.
        Persons outside the user's units are left out (counted in the audit entry as ``out_of_scope``)."""
        self.ctx.require("print.batch", Permission.RECORD_READ)
        requested = list(dict.fromkeys(person_ids))
        ids = self._in_scope(requested)
        job = _Batch(self, ids, Path(target), variant, mask_id, progress, cancel)
        result = replace(job.run_one_file() if one_file else job.run_per_person(), requested=len(requested))
        with self.ctx.write() as w:
            w.audit("print.batch", detail={"batch": job.batch_id, "variant": variant.value,
                                           "mode": "one_file" if one_file else "per_person",
                                           "requested": len(requested), "persons": result.persons,
                                           "pages": result.pages, "cancelled": result.cancelled,
                                           **({"out_of_scope": len(requested) - len(ids)}
                                              if len(ids) < len(requested) else {})})
        return result

    @requires(Permission.PRINT)
    @unscoped("checks a printout the caller already holds against the audit trail")
    def verify(self, pdf: bytes) -> Verification:
        """Is this PDF an unaltered print of this archive? Content, visible text and audit trail."""
        inspection = inspect_pdf(pdf)
        parts = tuple(self._check_part(part) for part in inspection.parts)
        reason = inspection.problem or next(
            (f"{p.person_name} (pages {p.first_page}–{p.first_page + p.pages - 1}): {p.problem}"
             for p in parts if p.problem), "")
        valid = not reason and bool(parts)
        with self.ctx.write() as w:
            w.audit("print.verify", success=valid,
                    detail={"valid": valid, "parts": len(parts), "codes": [p.code for p in parts[:50]],
                            "reason": reason[:300]})
        return Verification(valid, reason, parts)

    @requires(Permission.PRINT)
    @scoped(rows=True)
    def lookup(self, code: str) -> list[PrintRecord]:
        """The prints whose verification code starts with ``code`` (as printed, typed or scanned)."""
        try:
            prefix = normalize_code(code)
        except ValueError as exc:
            raise ValidationError(str(exc), field="code") from None
        if len(prefix) < 8:
            raise ValidationError("give at least 8 digits of the verification code", field="code")
        with self.ctx.read() as s:
            scope = self.ctx.scope(s)
            if scope.whole:
                return self._prints(prefix)
            wanted = [p for p in self._prints(prefix) if _is_uuid(p.person_id)]
            mine = set(s.scalars(select(Person.id).where(Person.id.in_([uuid.UUID(p.person_id) for p in wanted]),
                                                        scope.where_unit(Person.unit_id))))
        return [p for p in wanted if uuid.UUID(p.person_id) in mine]

    # -- helpers ---------------------------------------------------------------------------

    def _in_scope(self, person_ids: list[uuid.UUID]) -> list[uuid.UUID]:
        """The ids of persons in the user's units, in the order given."""
        with self.ctx.read() as s:
            scope = self.ctx.scope(s)
            if scope.whole:
                return person_ids
            mine: set[uuid.UUID] = set()
            for start in range(0, len(person_ids), 500):
                chunk = [i for i in person_ids[start:start + 500] if isinstance(i, uuid.UUID)]
                mine.update(s.scalars(select(Person.id).where(Person.id.in_(chunk), scope.where_unit(Person.unit_id))))
        return [i for i in person_ids if i in mine]

    def _stamp(self) -> str:
        return self._now().strftime("%Y-%m-%d %H:%M:%S")

    def _content(self, person_id: uuid.UUID, variant: Variant, mask_id: bool,
                 printed_at: str) -> tuple[PrintedFile, bool, str]:
        """The printed content, whether it shows the full ID number, and a file name for it."""
        with self.ctx.read() as s:
            number = s.scalar(select(Person.id_number).where(Person.id == person_id))
        if number is None:
            raise NotFoundError("no such person", field="person")
        source = self._persons.show(number)
        full_id = (variant is Variant.INTERNAL and not mask_id and self.ctx.may(Permission.PERSON_REVEAL_ID))
        archive = self.ctx.archive
        header = PrintHeader(archive.archive_id, archive.office_name, variant, self.ctx.user.name, printed_at)
        file = build_file(source, header, id_number=number if full_id else None, today=self.ctx.today())
        return file, full_id, FileNamer.name_for(source.person.unit_name, source.person.name, number)

    def _audit_one(self, action: str, file: PrintedFile, code: str, pages: int, full_id: bool,
                   output: str, batch: str | None = None) -> None:
        with self.ctx.write() as w:
            _audit_print(w, action, file, code, pages, full_id, output=output, batch=batch)

    def _check_part(self, part: PdfPart) -> VerifiedPart:
        file = part.file
        printed = next(iter(self._prints(part.code)), None)
        problem = part.problem or _audit_problem(part, printed, self.ctx.archive.archive_id)
        return VerifiedPart(file.person_name, file.unit_name, file.variant, part.code, part.first_page, part.pages,
                            printed, problem)

    def _prints(self, prefix: str) -> list[PrintRecord]:
        with self.ctx.read() as s:
            entries = list(s.scalars(
                select(AuditEntry).where(AuditEntry.action.in_(PRINT_ACTIONS), AuditEntry.success.is_(True),
                                         type_coerce(AuditEntry.detail, String).contains(prefix))
                .order_by(AuditEntry.seq)))
            matches = [e for e in entries if str(e.detail.get("verification", "")).startswith(prefix)
                       and entry_hash(e.prev_hash, hashed_fields(e)) == e.hash]
            names = _person_names(s, {str(e.detail.get("person", "")) for e in matches})
        return [_print_record(e, names) for e in matches]


@dataclass(frozen=True, slots=True)
class _Pending:
    """A rendered per-person file waiting for its group's audit transaction."""

    path: Path
    data: bytes
    file: PrintedFile
    code: str
    pages: int
    full_id: bool


class _Batch:
    """One batch run: the same content builder, the audit per person, progress and cancel."""

    def __init__(self, service: PrintService, ids: list[uuid.UUID], target: Path, variant: Variant,
                 mask_id: bool, progress: Progress | None, cancel: Cancel | None) -> None:
        self.service, self.ids, self.target, self.variant, self.mask_id = service, ids, target, variant, mask_id
        self.progress, self.cancel = progress, cancel
        self.batch_id = uuid.uuid4().hex
        self.printed_at = service._stamp()

    def _stopped(self) -> bool:
        return bool(self.cancel and self.cancel())

    def _tick(self, done: int) -> None:
        if self.progress:
            self.progress(done, len(self.ids))

    def _content(self, person_id: uuid.UUID) -> tuple[PrintedFile, bool, str]:
        return self.service._content(person_id, self.variant, self.mask_id, self.printed_at)

    def run_per_person(self) -> BatchResult:
        """Files are audited and moved into place in groups: one transaction (one fsync) per group."""
        self.target.mkdir(parents=True, exist_ok=True)
        namer, group, written, pages = FileNamer(), list[_Pending](), list[Path](), 0
        cancelled = False
        for done, person_id in enumerate(self.ids, 1):
            if self._stopped():
                cancelled = True
                break
            file, full_id, name = self._content(person_id)
            pdf = render_file(file)
            group.append(_Pending(self.target / namer.unique(name), pdf.data, file, pdf.code, pdf.pages, full_id))
            if len(group) == FILES_PER_AUDIT or done == len(self.ids):
                written += self._publish(group)
                pages += sum(p.pages for p in group)
                group = []
            self._tick(done)
        written += self._publish(group)  # what was rendered before a cancel
        pages += sum(p.pages for p in group)
        return BatchResult(len(written), len(self.ids), pages, tuple(written), cancelled)

    def _publish(self, group: list[_Pending]) -> list[Path]:
        """Write beside, audit all in one transaction, then move into place: no file unaudited."""
        if not group:
            return []
        temporaries = [p.path.with_name(f".{p.path.name}.{self.batch_id[:8]}.part") for p in group]
        try:
            for pending, temporary in zip(group, temporaries, strict=True):
                temporary.write_bytes(pending.data)
            with self.service.ctx.write() as w:
                for p in group:
                    _audit_print(w, "print.export", p.file, p.code, p.pages, p.full_id, output="batch_file",
                                 batch=self.batch_id)
            for pending, temporary in zip(group, temporaries, strict=True):
                os.replace(temporary, pending.path)
        finally:
            for temporary in temporaries:
                temporary.unlink(missing_ok=True)
        return [p.path for p in group]

    def run_one_file(self) -> BatchResult:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.target.with_name(f".{self.target.name}.{self.batch_id[:8]}.part")
        printed: list[tuple[PrintedFile, str, int, bool]] = []
        try:
            with temporary.open("wb") as out:
                composer = PdfComposer(out)
                for done, person_id in enumerate(self.ids, 1):
                    if self._stopped():
                        return BatchResult(0, len(self.ids), 0, (), True)
                    file, full_id, _ = self._content(person_id)
                    part = composer.add(file)
                    printed.append((file, part.code, part.pages, full_id))
                    self._tick(done)
                with self.service.ctx.write() as w:  # every part audited before the file exists
                    for file, code, pages, full_id in printed:
                        _audit_print(w, "print.export", file, code, pages, full_id, output="batch_pdf",
                                     batch=self.batch_id)
                composer.finish(title=f"公务员诚信档案表（{self.variant.label}）— {len(printed)} 人",
                                author=self.service.ctx.user.name, subject=f"批次 {self.batch_id[:8]}")
            os.replace(temporary, self.target)
        finally:
            temporary.unlink(missing_ok=True)
        return BatchResult(len(printed), len(self.ids), sum(p[2] for p in printed), (self.target,), False)


def _audit_print(w: Any, action: str, file: PrintedFile, code: str, pages: int, full_id: bool, *,
                 output: str, batch: str | None = None) -> None:
    detail: dict[str, Any] = {"verification": code, "variant": file.variant.value, "person": file.person_id,
                              "pages": pages, "printed_at": file.printed_at, "full_id": full_id,
                              "output": output}
    if batch:
        detail["batch"] = batch
    w.audit(action, "person", uuid.UUID(file.person_id), detail=detail)


def _write_then(path: Path, data: bytes, audit: Callable[[], None]) -> None:
    """Write beside ``path``, audit, then move into place: no file without its audit entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        temporary.write_bytes(data)
        audit()
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _audit_problem(part: PdfPart, printed: PrintRecord | None, archive_id: str) -> str | None:
    file = part.file
    if file.archive_id != archive_id:
        return "it was printed from another archive"
    if printed is None:
        return ("no print with this content is recorded in this archive: the content was changed after "
                "printing, or it was not printed here")
    if (printed.person_id, printed.variant, printed.printed_at, printed.printed_by) != (
            file.person_id, file.variant, file.printed_at, file.printed_by):
        return "it does not match the audited print (person, variant, printer or time differ)"
    if printed.pages != part.pages:
        return f"it has {part.pages} pages but {printed.pages} were printed"
    return None


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _person_names(session: Any, hex_ids: set[str]) -> dict[str, str]:
    ids = []
    for value in hex_ids:
        try:
            ids.append(uuid.UUID(value))
        except ValueError:
            continue
    rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))) if ids else []
    return {pid.hex: name for pid, name in rows}


def _print_record(entry: AuditEntry, names: dict[str, str]) -> PrintRecord:
    d = entry.detail
    person = str(d.get("person", ""))
    return PrintRecord(entry.seq, entry.at, entry.user_name, str(d.get("printed_at", "")), entry.action, person,
                       names.get(person, ""), Variant(str(d.get("variant", Variant.INTERNAL.value))),
                       int(str(d.get("pages", 0))), str(d.get("verification", "")), bool(d.get("full_id")))
