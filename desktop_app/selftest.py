"""``integrity-files --self-test``: prove that this installation works, without a screen.

Creates a temporary archive (with a cheap KDF: the production Argon2id cost is for real
passphrases, not for a smoke test), writes a unit, a person and a record through the services,
reads them back, prints a PDF, migrates an archive one revision old, initialises a central store,
verifies the archive, and checks the Qt parts (offscreen platform, SVG icons, translations).
Prints one line per step and exits 0 only when every step passed. Writes only in a temporary
folder, which is removed.
"""

from __future__ import annotations

import importlib.util
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.about import about_text
from desktop_app.domain.id_number import id_check_character
from desktop_app.domain.uscc import uscc_check_character
from desktop_app.resources import migrations_path, resource_path
from desktop_app.store import keyslots

if TYPE_CHECKING:
    from desktop_app.services import Services

SELF_TEST_KDF = keyslots.KdfParams(salt=b"", iterations=1, lanes=1, memory_kib=8192)
PASSPHRASE = "self-test passphrase"
UNIT = "广州市天河区人力资源和社会保障局"
UNIT_CODE = "1144010600000001A" + uscc_check_character("1144010600000001A")  # a 机关 in 440106
ID_NUMBER = "44010619850301003" + id_check_character("44010619850301003")


class SelfTest:
    """The steps share one temporary folder and the open services of one archive."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "self-test.db"
        self.services: Services | None = None
        self.person_id: uuid.UUID | None = None

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [("resources", self.resources), ("create archive", self.create), ("write", self.write),
                ("read", self.read), ("print PDF", self.print_pdf), ("migrate", self.migrate),
                ("central store", self.central), ("verify", self.verify), ("qt", self.qt)]

    def resources(self) -> str:
        from desktop_app.printing.fonts import FONT_FILE

        needed = [FONT_FILE, resource_path("data", "gb2260-guangdong.csv"), resource_path("icons", "app.svg"),
                  migrations_path("local") / "env.py", migrations_path("central") / "env.py"]
        missing = [str(p) for p in needed if not p.is_file()]
        if not any(FONT_FILE.parent.glob("LICENSE*")):
            missing.append(f"the font's licence in {FONT_FILE.parent}")
        if missing:
            raise FileNotFoundError(f"missing: {', '.join(missing)}")
        from desktop_app.printing.fonts import fallback_paths

        faces = ", ".join(p.name for p in fallback_paths()) or "none (rare characters print as code points)"
        return (f"font and licence, divisions, icons, migrations under {resource_path().parent}; "
                f"faces for rare characters: {faces}")

    def create(self) -> str:
        from desktop_app.services import Services
        from desktop_app.store.archive import Archive

        archive, user, _ = Archive.create(self.path, admin_name="admin", admin_passphrase=PASSPHRASE,
                                          office_name="自检", kdf=SELF_TEST_KDF)
        self.services = Services.for_user(archive, user)
        return self.path.name

    def write(self) -> str:
        from desktop_app.services.persons import PersonDraft
        from desktop_app.services.records import RecordDraft

        s = self._services()
        s.units.add(name=UNIT, uscc=UNIT_CODE, division_code="440106")
        person = s.persons.add(PersonDraft(name="张三", id_number=ID_NUMBER, unit_name=UNIT, post="科长"))
        s.records.add(person.id, RecordDraft(kind="纪律处分", severity="一般", sanction="记过",
                                             decided_on="2026-03-02", document_no="天纪发〔2026〕3号",
                                             authority="天河区纪委监委", facts="自检记录"))
        self.person_id = person.id
        return "unit, person, record"

    def read(self) -> str:
        s = self._services()
        found = s.persons.search("zs")  # pinyin initials
        file = s.persons.show(ID_NUMBER)
        if [p.name for p in found] != ["张三"] or len(file.records) != 1:
            raise AssertionError(f"read back {[p.name for p in found]} with {len(file.records)} records")
        return "found by pinyin initials, 1 record"

    def print_pdf(self) -> str:
        if importlib.util.find_spec("desktop_app.services.printing") is None:
            return "skipped: this build has no desktop_app.services.printing"
        from desktop_app.services.printing import PrintService

        assert self.person_id is not None
        printing = PrintService(self._services().ctx)
        pdf = printing.export(self.person_id, self.folder / "file.pdf")
        data = (self.folder / "file.pdf").read_bytes()
        if not data.startswith(b"%PDF") or not printing.verify(data).valid:
            raise AssertionError("the printed PDF does not verify")
        return f"{pdf.pages} page(s), {len(data) // 1024} KiB, code {pdf.short_code}, verified"

    def migrate(self) -> str:
        from desktop_app.services import Services
        from desktop_app.store import migrations
        from desktop_app.store.engine import make_engine

        archive = self._services().ctx.archive
        key = archive.raw_key()
        archive.close()
        engine = make_engine(self.path, key)
        try:
            migrations.migrate(engine, "-1", down=True)
            with engine.connect() as conn:
                old = migrations.current_revision(conn)
        finally:
            engine.dispose()
        self.services = Services.sign_in(self.path, "admin", PASSPHRASE)
        with self.services.ctx.archive.engine.connect() as conn:
            now = migrations.current_revision(conn)
        if now != migrations.head_revision():
            raise AssertionError(f"archive at {now}, expected {migrations.head_revision()}")
        return f"{old} → {now} on unlock"

    def central(self) -> str:
        from desktop_app.sync.central import CentralStore

        store = CentralStore.initialize(str(self.folder / "central.db"))
        try:
            keys = store.hq_public()
        finally:
            store.close()
        import psycopg  # PostgreSQL at headquarters: only its client library can be checked offline

        libpq = psycopg.pq.version()
        return (f"SQLite central store initialised, headquarters key {keys.fingerprint[:8]}; "
                f"libpq {libpq // 10000}.{libpq % 100} ({psycopg.pq.__impl__})")

    def verify(self) -> str:
        report = self._services().maintenance.verify()
        if not report.ok:
            raise AssertionError("; ".join(report.lines()))
        return "cipher, database, audit chain, state"

    def qt(self) -> str:
        """The GUI's modules load, the platform plugin starts, SVG icons render, translations load."""
        from desktop_app.ui.selftest_qt import check_qt

        return check_qt(self.folder)

    def close(self) -> None:
        if self.services is not None:
            self.services.close()
            self.services = None

    def _services(self) -> Services:
        assert self.services is not None, "no archive open (an earlier step failed)"
        return self.services


def run(out: Callable[[str], None] = print) -> int:
    """Run every step; 0 when all passed, 1 at the first failure (with its traceback)."""
    out(about_text())
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="integrity-files-self-test-") as tmp:
        test = SelfTest(Path(tmp))
        try:
            for name, step in test.steps():
                began = time.perf_counter()
                try:
                    detail = step()
                except Exception:
                    out(f"FAIL {name}\n{traceback.format_exc()}")
                    return 1
                out(f"ok   {name:<15} {detail} ({time.perf_counter() - began:.2f} s)")
        finally:
            test.close()
    out(f"self-test passed in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(run())
