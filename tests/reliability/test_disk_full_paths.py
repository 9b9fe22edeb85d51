"""Disk full on the remaining write paths (issue 9, item 2): CSV import, sync apply, bundle export.

Same pattern as ``test_disk_full.py``: the CLI runs in a child forked from the test process with
RLIMIT_FSIZE (SIGXFSZ ignored, so a write past the limit fails with EFBIG like a full disk), on fresh
copies of a template per limit. For every limit the command exits 0, or exits 1 with ``error: …``
and no traceback; afterwards, without the limit, the archive opens, ``verify`` passes, the operation
happened completely or not at all, no stray file is left, and the same operation then succeeds.

* import: ``import ARCHIVE persons FILE`` (40 new persons, 5 updates) — persons and updates all or none;
  every backup it left opens and verifies.
* sync apply: ``sync ARCHIVE --central FILE`` pulling ~250 changes in batches of 40 from a SQLite
  central store (also under the limit) — exactly the changes up to the saved cursor are applied, each
  once; a later sync without the limit applies the rest.
* bundle export: ``bundle export ARCHIVE --to KEY -o FILE`` — a bundle file exists if and only if the
  export succeeded, never a ``.part``; a failed export does not consume the bundle number (the next
  export is number 1 and headquarters imports it).

Fast tier: 4 KiB, a bisection for the smallest limit that succeeds (state checked at each), two steps
below it and one above; the operation is run again without the limit after the 4 KiB and the
two-steps-below failures. ``--slow``: every 4 KiB step up to the first success + 64 KiB, each
failure followed by the operation again.
"""

from __future__ import annotations

import errno
import functools
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, tuple_

from desktop_app.cli import main as cli_main
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.store.archive import Archive
from desktop_app.store.audit_chain import AuditChain
from desktop_app.store.models import Meta, Person
from desktop_app.store.models.sync import AppliedChange
from desktop_app.sync import central_schema as cs
from desktop_app.sync.bundles import export_office_bundle, import_office_bundle
from desktop_app.sync.central import CentralStore
from desktop_app.sync.engine import cursor_key, read_cursor, run_sync
from desktop_app.sync.keys import PublicKeys
from tests.conftest import FAST_KDF
from tests.factories import PASSPHRASE, TODAY, id_number, organ_uscc
from tests.reliability._forking import run_forked
from tests.sync_helpers import make_office

STEP = 4096
UNIT = "广州市天河区人力资源和社会保障局"
ENV = {"INTEGRITY_FILES_PASSPHRASE": PASSPHRASE, "PYTHONDONTWRITEBYTECODE": "1"}
PULL_BATCH = 40
ARCHIVE_FILES = ("", ".keys", ".head")


def _copy_archive(source: Path, dest: Path) -> Path:
    for suffix in ARCHIVE_FILES:
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{dest}{suffix}")
    return dest


def _open(db: Path) -> Services:
    archive, user = Archive.unlock(db, "admin", PASSPHRASE)
    return Services.for_user(archive, user, today=lambda: TODAY)


class Operation:
    """One write path: a template made once, a command per limit, the checks after it."""

    name = ""
    says: tuple[str, ...] = ("error: ",)  # how every failure's message starts

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.template = tmp_path / "template"
        self.template.mkdir()

    def prepare(self, folder: Path) -> list[str]:
        """Copy what the command needs into ``folder``; return its argv."""
        raise NotImplementedError

    def child(self, argv: list[str]) -> Callable[[], int]:
        return lambda: cli_main(argv)

    def check(self, folder: Path, succeeded: bool, again: bool = True) -> list[str]:
        """The archive's state afterwards (the limit lifted); with ``again``, after a failure, the
        same operation without the limit must then succeed."""
        raise NotImplementedError


class Import(Operation):
    name = "import"
    # not only "backup failed" (a step of it): the user ran an import; or the archive did not open
    says = ("error: nothing was imported", "error: cannot open office.db: the disk is full")

    def __init__(self, tmp_path: Path) -> None:
        super().__init__(tmp_path)
        db = self.template / "office.db"
        archive, user, _ = Archive.create(db, admin_name="admin", admin_passphrase=PASSPHRASE, kdf=FAST_KDF)
        services = Services.for_user(archive, user, today=lambda: TODAY)
        services.units.add(name=UNIT, uscc=organ_uscc(1), division_code="440106")
        for i in range(20):
            services.persons.add(PersonDraft(name=f"在册{i}", id_number=id_number(i + 1), unit_name=UNIT, post="科员"))
        services.close()
        lines = ["姓名,身份证号,单位,职务"]
        lines += [f"在册{i},{id_number(i + 1)},{UNIT},科长" for i in range(5)]  # 5 updates
        lines += [f"新增{i},{id_number(i + 100)},{UNIT},科员" for i in range(40)]  # 40 new
        (self.template / "persons.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def prepare(self, folder: Path) -> list[str]:
        db = _copy_archive(self.template / "office.db", folder / "office.db")
        shutil.copyfile(self.template / "persons.csv", folder / "persons.csv")
        return ["import", str(db), "persons", str(folder / "persons.csv")]

    def check(self, folder: Path, succeeded: bool, again: bool = True) -> list[str]:
        problems = []
        services = _open(folder / "office.db")
        try:
            if not services.maintenance.verify().ok:
                problems.append("verify afterwards: " + "; ".join(services.maintenance.verify().lines()))
            with services.ctx.read() as s:
                persons = len(s.scalars(select(Person.id)).all())
                heads = sum(1 for p in s.scalars(select(Person.post)) if p == "科长")
            expected = (60, 5) if succeeded else (20, 0)
            if (persons, heads) != expected:
                problems.append(f"{persons} persons, {heads} updated; expected {expected} (succeeded={succeeded})")
        finally:
            services.close()
        problems += _backups_open(folder / "office.db")
        if not succeeded and again:
            rc = run_forked(self.child(self.prepare_again(folder)), folder / "out2", folder / "err2", env=ENV)
            if rc != 0:
                problems.append(f"import fails after the limit is lifted: {(folder / 'err2').read_text()[-300:]}")
            services = _open(folder / "office.db")
            try:
                if services.persons.count() != 60 or not services.maintenance.verify().ok:
                    problems.append("the import run again without the limit did not complete")
            finally:
                services.close()
        return problems

    def prepare_again(self, folder: Path) -> list[str]:
        return ["import", str(folder / "office.db"), "persons", str(folder / "persons.csv")]


def _backups_open(db: Path) -> list[str]:
    """Every backup the import left (before-import) is whole: it opens and verifies."""
    problems = []
    folder = db.with_name(db.name + ".backups")
    for backup in sorted(folder.glob("*.db")) if folder.is_dir() else []:
        try:
            services = _open(backup)
        except Exception as exc:
            problems.append(f"backup {backup.name} left behind does not open: {type(exc).__name__}: {exc}")
            continue
        try:
            if not services.maintenance.verify().ok:
                problems.append(f"backup {backup.name} does not verify")
        finally:
            services.close()
    return problems


class SyncApply(Operation):
    name = "sync"
    # the side that failed is named: this archive, or the central store (a SQLite file here, so the
    # child's file-size limit reaches its journal too: at 32 KiB it is the central store that fails)
    says = ("error: this archive could not be read or written during the sync", "error: the central store ",
            "error: cannot open ")

    def __init__(self, tmp_path: Path) -> None:
        super().__init__(tmp_path)
        hq = CentralStore.initialize(str(self.template / "central.db"))
        writer = make_office(self.template, "writer", hq, ["44"])
        reader = make_office(self.template, "reader", hq, ["44"])
        reader.sync()  # its own first sync: the run under the limit only pulls
        writer.services.demo.load(persons=20, seed=7)
        writer.sync()
        self.expected = hq.change_count()
        for office in (writer, reader):
            office.close()
        hq.close()

    def prepare(self, folder: Path) -> list[str]:
        shutil.copyfile(self.template / "central.db", folder / "central.db")
        db = _copy_archive(self.template / "reader.db", folder / "reader.db")
        return ["sync", str(db), "--central", str(folder / "central.db")]

    def child(self, argv: list[str]) -> Callable[[], int]:
        def run() -> int:
            # The service calls run_sync with its default batch; small batches make several
            # all-or-nothing steps for the limit to fall between (this runs in the forked child only).
            import desktop_app.services.sync as service

            service.run_sync = functools.partial(run_sync, batch=PULL_BATCH)  # type: ignore[attr-defined]
            return cli_main(argv)
        return run

    def check(self, folder: Path, succeeded: bool, again: bool = True) -> list[str]:
        problems = []
        central = CentralStore(str(folder / "central.db"))
        services = _open(folder / "reader.db")
        try:
            archive = services.ctx.archive
            key = cursor_key(central.hq_public().fingerprint)
            problems += _applied_up_to_cursor(services, central, read_cursor(archive, key))
            if not services.maintenance.verify().ok:
                problems.append("verify afterwards: " + "; ".join(services.maintenance.verify().lines()))
            if not succeeded and not again:
                return problems
            if not succeeded:  # the limit lifted: the rest arrives, each change once
                run_sync(archive, "admin", central)
                problems += _applied_up_to_cursor(services, central, read_cursor(archive, key))
                if not services.maintenance.verify().ok:
                    problems.append("verify after a sync without the limit failed")
            with services.ctx.read() as s:
                applied = len(s.scalars(select(AppliedChange.change_id)).all())
            if applied != self.expected:
                problems.append(f"{applied} changes applied in the end, expected {self.expected}")
        finally:
            services.close()
            central.close()
        return problems


def _applied_up_to_cursor(services: Services, central: CentralStore, cursor: tuple[int, int]) -> list[str]:
    """All or nothing per pulled batch: the applied changes are exactly the other device's changes
    at or before the cursor saved with them."""
    c = cs.changes.c
    with central.engine.connect() as conn:
        upto = set(conn.scalars(select(c.change_id).where(tuple_(c.tx, c.seq) <= tuple_(*cursor))
                                .where(c.device_id != services.ctx.archive.device_id)))
    with services.ctx.read() as s:
        applied = [r.hex for r in s.scalars(select(AppliedChange.change_id))]
    if len(applied) != len(set(applied)) or set(applied) != upto:
        return [f"applied {len(applied)} changes, {len(upto)} central changes up to cursor {cursor}: "
                f"{len(set(applied) - upto)} beyond it, {len(upto - set(applied))} missing"]
    return []


class BundleExport(Operation):
    name = "bundle"

    def __init__(self, tmp_path: Path) -> None:
        super().__init__(tmp_path)
        hq = CentralStore.initialize(str(self.template / "central.db"))
        office = make_office(self.template, "office", hq, ["44"])
        office.services.demo.load(persons=15, seed=3)
        hq.hq_public().write(self.template / "hq.key")
        office.close()
        hq.close()
        sample = tmp_path / "sample"  # how big the bundle is, measured on a copy
        sample.mkdir()
        self.prepare(sample)
        services = _open(sample / "office.db")
        try:
            export_office_bundle(services.ctx.archive, "admin", PublicKeys.read(sample / "hq.key", kind="headquarters"),
                                 sample / "out.ifb")
        finally:
            services.close()
        self.bundle_size = (sample / "out.ifb").stat().st_size // STEP * STEP

    def prepare(self, folder: Path) -> list[str]:
        db = _copy_archive(self.template / "office.db", folder / "office.db")
        shutil.copyfile(self.template / "hq.key", folder / "hq.key")
        return ["bundle", "export", str(db), "--to", str(folder / "hq.key"), "-o", str(folder / "out.ifb")]

    def check(self, folder: Path, succeeded: bool, again: bool = True) -> list[str]:
        problems = []
        out = folder / "out.ifb"
        if out.with_name("out.ifb.part").exists():
            problems.append("a partial bundle (out.ifb.part) was left")
        if out.exists() != succeeded:
            problems.append(f"bundle file exists={out.exists()} but the export succeeded={succeeded}")
        services = _open(folder / "office.db")
        try:
            if not services.maintenance.verify().ok:
                problems.append("verify afterwards: " + "; ".join(services.maintenance.verify().lines()))
            with services.ctx.read() as s:
                number = s.get(Meta, "bundle_out_number")
            consumed = int(number.value) if number else 0
            if consumed != (1 if succeeded else 0):
                problems.append(f"bundle number {consumed} consumed (succeeded={succeeded}, file={out.exists()})")
        finally:
            services.close()
        if not succeeded and not again:
            return problems
        if not succeeded:  # the limit lifted: export again, and headquarters takes it as bundle 1
            out.unlink(missing_ok=True)
            rc = run_forked(self.child(self.prepare_again(folder)), folder / "out2", folder / "err2", env=ENV)
            if rc != 0:
                problems.append(f"export fails after the limit is lifted: {(folder / 'err2').read_text()[-300:]}")
                return problems
        shutil.copyfile(self.template / "central.db", folder / "central.db")
        hq = CentralStore(str(folder / "central.db"))
        try:
            result = import_office_bundle(hq, out)
            if result.number != 1 or result.new == 0:
                problems.append(f"headquarters imported bundle {result.number} with {result.new} new changes")
        except Exception as exc:
            problems.append(f"headquarters refused the bundle: {type(exc).__name__}: {exc}")
        finally:
            hq.close()
        return problems

    def prepare_again(self, folder: Path) -> list[str]:
        return ["bundle", "export", str(folder / "office.db"), "--to", str(folder / "hq.key"), "-o",
                str(folder / "out.ifb")]


class Probe:
    """Runs an operation at many limits, each on fresh copies; collects every problem."""

    def __init__(self, operation: Operation) -> None:
        self.op = operation
        self.problems: list[str] = []
        self.unclear: list[str] = []  # a traceback or a crash instead of an 'error:' line
        self.outcome: dict[int, bool] = {}
        self.again: set[int] = set()  # limits after which the operation was run again without a limit

    def run(self, limit: int, *, again: bool = True) -> bool:
        if limit in self.outcome and (limit in self.again or not again):
            return self.outcome[limit]
        folder = self.op.tmp_path / f"{self.op.name}-{limit}{'-again' if again else ''}"
        folder.mkdir()
        argv = self.op.prepare(folder)
        before = set(folder.iterdir())
        rc = run_forked(self.op.child(argv), folder / "out", folder / "err", fsize=limit, env=ENV)
        err = (folder / "err").read_text(encoding="utf-8")
        self.outcome[limit] = rc == 0
        where = f"{self.op.name} at {limit // 1024} KiB"
        if rc not in (0, 1):
            self.unclear.append(f"{where}: exit code {rc}, stderr: {err[-600:]}")
        elif rc == 1 and (not err.startswith("error: ") or "Traceback" in err):
            self.unclear.append(f"{where}: unclear failure: {err[-600:]}")
        elif rc == 1 and not err.startswith(self.op.says):
            self.unclear.append(f"{where}: the message does not say {self.op.says!r}: {err[-600:]}")
        stray = sorted(p.name for p in set(folder.iterdir()) - before
                       if p.name not in ("out", "err", "out.ifb") and not p.name.startswith("office.db")
                       and not p.name.startswith("reader.db") and not p.name.startswith("central.db"))
        if stray:
            self.problems.append(f"{where}: stray files {stray}")
        self.problems += [f"{where}: {p}" for p in self.op.check(folder, rc == 0, again)]
        if again:
            self.again.add(limit)
        return rc == 0

    def first_success(self) -> int:
        """Bisect (in 4 KiB steps) for the smallest limit that succeeds."""
        size = max(p.stat().st_size for p in self.op.template.iterdir() if p.is_file())
        low, high = 1, (size + (128 << 10)) // STEP  # low fails (checked by the caller), high succeeds
        assert self.run(high * STEP, again=False), f"{self.op.name} fails even at {high * STEP} bytes: {self.problems}"
        while high - low > 1:
            mid = (low + high) // 2
            if self.run(mid * STEP, again=False):
                high = mid
            else:
                low = mid
        return high * STEP

    def report(self, first: int, *, plain_messages: bool = True) -> None:
        print(f"{self.op.name}: first success at {first // 1024} KiB, {len(self.outcome)} limits run, "
              f"{sum(not ok for ok in self.outcome.values())} failed ({len(self.unclear)} without a plain message)")
        assert not self.problems, "\n".join(self.problems[:20])
        if plain_messages:
            assert not self.unclear, "\n".join(self.unclear[:5])
        assert not self.outcome[STEP], f"{self.op.name} succeeded at 4 KiB: the limit had no effect"
        assert self.outcome[first] and not self.outcome[first - STEP]


OPERATIONS: dict[str, type[Operation]] = {"import": Import, "sync": SyncApply, "bundle": BundleExport}


# Every failure must be a plain `error:` line (the bundle export's traceback was a bug, now fixed).
PLAIN = {"import": True, "sync": True, "bundle": True}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_disk_full_near_the_threshold(name: str, tmp_path: Path) -> None:
    probe = Probe(OPERATIONS[name](tmp_path))
    probe.run(STEP)
    first = probe.first_success()  # checks the state after each limit; the next two also run it again
    for limit in (first - 2 * STEP, first + STEP):
        probe.run(limit)
    probe.report(first, plain_messages=PLAIN[name])


@pytest.mark.slow
@pytest.mark.parametrize("name", list(OPERATIONS))
def test_disk_full_every_4_kib_step(name: str, tmp_path: Path) -> None:
    probe = Probe(OPERATIONS[name](tmp_path))
    first = probe.first_success()
    for limit in range(STEP, first + 16 * STEP + 1, STEP):
        probe.run(limit)
    probe.report(first, plain_messages=PLAIN[name])


def test_bundle_export_on_a_full_disk_says_so_plainly(tmp_path: Path) -> None:
    operation = BundleExport(tmp_path)
    probe = Probe(operation)
    probe.run(operation.bundle_size - STEP)  # the archive's own writes fit; the bundle does not
    assert probe.outcome[operation.bundle_size - STEP] is False
    assert not probe.problems, probe.problems
    assert not probe.unclear, probe.unclear[0][-300:]


def test_bundle_export_whose_commit_fails_leaves_no_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An I/O error at the commit after the file is written (forced: a full disk rarely falls there
    under RLIMIT_FSIZE, whose limit is per file, but does with a shared free-space pool)."""
    operation = BundleExport(tmp_path)
    folder = tmp_path / "commit"
    folder.mkdir()
    argv = operation.prepare(folder)
    real_append = AuditChain.append

    def failing_append(self: AuditChain, **fields: object) -> object:
        if fields.get("action") == "bundle.export":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_append(self, **fields)

    monkeypatch.setattr(AuditChain, "append", failing_append)
    services = _open(folder / "office.db")
    try:
        with pytest.raises(OSError):
            export_office_bundle(services.ctx.archive, "admin", PublicKeys.read(Path(argv[4]), kind="headquarters"),
                                 folder / "out.ifb")
    finally:
        services.close()
    monkeypatch.undo()
    assert not (folder / "out.ifb.part").exists()
    assert not operation.check(folder, succeeded=False), operation.check(folder, succeeded=False)
