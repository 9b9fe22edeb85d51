"""Unlinked plaintext (issue 9): while a child process works on an open archive, every regular file it
holds open, deleted (unlinked) temp files included, is read through ``/proc/<pid>/fd`` and searched
for canary values in UTF-8, UTF-16-LE and GBK. The workload ends in a large ``ORDER BY random()`` over
unindexed data, paused after the first row so the sorter's state is still alive during the scan.

With the archive's own ``temp_store = MEMORY`` the scan finds nothing. The control run changes one
thing, ``PRAGMA temp_store = FILE`` on the same pooled connection: SQLite's sorter spills into an
unlinked temp file, which SQLCipher does not encrypt, and the scan finds the canaries there. That both
proves the scanner and shows why ``temp_store = MEMORY`` matters.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.services import Services
from tests.factories import PASSPHRASE, id_number

ROOT = Path(__file__).resolve().parents[2]
CANARY_NAME = "上官婉清"
CANARY_ID = id_number(88, division="440305", female=True)
CANARY_FACTS = "违规收受购物卡贰万元"

CHILD = """
import sys
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
db, mode, name, number, facts = sys.argv[1:6]
services = Services.sign_in(db, "admin", sys.argv[6])
person = services.persons.add(PersonDraft(name=name, id_number=number, unit_name="广州市天河区人力资源和社会保障局"))
services.records.add(person.id, RecordDraft(kind="纪律处分", severity="一般", sanction="记过",
                     decided_on="2026-03-02", document_no="天纪发〔2026〕9号", authority="天河区纪委监委",
                     facts=facts))
services.persons.search(name)
services.persons.show(number)
services.records.for_person(person.id)
with services.ctx.archive.engine.connect() as conn:
    raw = conn.connection.dbapi_connection
    if mode == "control":
        raw.execute("PRAGMA temp_store = FILE")
    cursor = raw.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
        "SELECT p.name, p.id_number, r.facts, n.i, hex(randomblob(100)) FROM persons p "
        "JOIN records r ON r.person_id = p.id, n WHERE p.name = ? ORDER BY random()", (name,))
    cursor.fetchone()
    print("ready", flush=True)
    sys.stdin.readline()
    cursor.fetchall()
print("done", flush=True)
"""


def _needles() -> list[bytes]:
    return [text.encode(enc) for text in (CANARY_NAME, CANARY_ID, CANARY_FACTS)
            for enc in ("utf-8", "utf-16-le", "gbk")]


def _scan_open_files(pid: int) -> tuple[list[str], list[str]]:
    """(hits, files read) over every regular file open in ``pid``, deleted ones included."""
    hits, files = [], []
    needles = _needles()
    fd_dir = Path(f"/proc/{pid}/fd")
    for entry in fd_dir.iterdir():
        try:
            target = os.readlink(entry)
            if not stat.S_ISREG(os.stat(entry).st_mode):
                continue
            data = entry.read_bytes()  # opens the inode through the fd link, unlinked or not
        except (FileNotFoundError, PermissionError):
            continue
        files.append(target)
        hits += [f"{target}: {n!r}" for n in needles if n in data]
    return hits, files


def _run(admin: Services, mode: str) -> tuple[list[str], list[str]]:
    db = admin.ctx.archive.path
    admin.close()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), mode, CANARY_NAME, CANARY_ID, CANARY_FACTS,
                              PASSPHRASE], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"})
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready"
        result = _scan_open_files(child.pid)
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "done"
    finally:
        child.stdin.close()
        child.wait(timeout=60)
    assert child.returncode == 0
    return result


def test_no_plaintext_in_any_file_the_process_holds_open(admin: Services) -> None:
    hits, files = _run(admin, "normal")
    assert any(f.endswith("office.db") for f in files) and any(f.endswith("office.db-wal") for f in files)
    # One unlinked O_TMPFILE (/tmp/#<inode>) is open in every run: libffi's trampoline page, not SQLite's;
    # it is scanned like the rest. No SQLite temp file (etilqs_*) exists with temp_store=MEMORY.
    assert not any("etilqs" in f for f in files), files
    assert hits == []


def test_control_a_file_temp_store_spills_plaintext_and_the_scan_finds_it(admin: Services) -> None:
    hits, files = _run(admin, "control")
    deleted = [f for f in files if "(deleted)" in f]
    assert deleted, f"the sort did not spill into a temp file: {files}"
    print("control run hits:", hits)
    spilled = [h for h in hits if "(deleted)" in h]
    assert any(repr(CANARY_NAME.encode()) in h for h in spilled), hits
    assert any(repr(CANARY_ID.encode()) in h for h in spilled), hits


pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")
