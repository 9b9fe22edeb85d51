"""What an attacker with the files sees or can do: no plaintext, tampering detected, rollback caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.errors import ArchiveError
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.archive import Archive
from desktop_app.store.keyslots import key_path_for
from desktop_app.store.models import IntegrityRecord
from tests.conftest import sign_in
from tests.factories import PASSPHRASE, TODAY, id_number

PAGE = 4096
CANARY_NAME = "欧阳娜娜"
CANARY_ID = id_number(77, division="440304", female=True)
CANARY_FACTS = "收受礼金人民币叁万元整"


def _encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be", "gbk")]


def _scan(folder: Path) -> list[str]:
    needles = [*_encodings(CANARY_NAME), *_encodings(CANARY_ID), *_encodings(CANARY_FACTS),
               *_encodings(CANARY_ID[-8:]), PASSPHRASE.encode()]
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path.name}: {n!r}" for n in needles if n in data]
    return hits


def _write_canaries(services: Services) -> None:
    person = services.persons.add(PersonDraft(name=CANARY_NAME, id_number=CANARY_ID,
                                              unit_name="广州市天河区人力资源和社会保障局"))
    services.records.add(person.id, RecordDraft(kind="纪律处分", severity="一般", sanction="记过",
                                                decided_on="2026-03-02", document_no="天纪发〔2026〕3号",
                                                authority="天河区纪委监委", facts=CANARY_FACTS))


def test_no_plaintext_in_any_file_while_open_and_after_close(admin: Services, tmp_path: Path) -> None:
    _write_canaries(admin)
    folder = admin.ctx.archive.path.parent
    assert any(p.name.endswith("-wal") for p in folder.iterdir())  # the WAL is there while open
    assert _scan(folder) == []
    admin.maintenance.backup(tmp_path / "backup.db")
    admin.ctx.archive.backups.take("daily")
    assert _scan(folder) == []
    admin.close()
    assert _scan(folder) == []


def test_the_scanner_finds_plaintext_when_there_is_some(tmp_path: Path) -> None:
    """Proves the scan above can fail: an unencrypted copy is found."""
    import sqlite3

    conn = sqlite3.connect(tmp_path / "plain.db")
    conn.execute("create table t(name, id)")
    conn.execute("insert into t values (?, ?)", (CANARY_NAME, CANARY_ID))
    conn.commit()
    conn.close()
    assert len(_scan(tmp_path)) >= 2


def test_backup_opens_on_its_own_with_the_same_passphrase(admin: Services, tmp_path: Path) -> None:
    _write_canaries(admin)
    dest = admin.maintenance.backup(tmp_path / "copy.db")
    assert key_path_for(dest).exists()
    archive, _ = Archive.unlock(dest, "admin", PASSPHRASE)
    copy = Services.for_user(archive, _, today=lambda: TODAY)
    assert copy.persons.count() == 3
    assert copy.maintenance.verify().ok
    copy.close()
    with pytest.raises(ArchiveError, match="already exists"):
        admin.maintenance.backup(dest)


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_flipped_bytes_are_detected_never_silently_accepted(admin: Services, tmp_path: Path) -> None:
    _write_canaries(admin)
    admin.close()
    original = admin.ctx.archive.path
    pages = original.stat().st_size // PAGE
    for page in range(pages):
        copy = tmp_path / f"flip{page}.db"
        shutil.copyfile(original, copy)
        shutil.copyfile(key_path_for(original), key_path_for(copy))
        _flip(copy, page * PAGE + 100)
        try:
            archive, user = Archive.unlock(copy, "admin", PASSPHRASE)
        except ArchiveError:
            continue  # refused at open with a clear message: fine
        services = Services.for_user(archive, user, today=lambda: TODAY)
        report = services.maintenance.verify()
        services.close()
        assert not report.ok, f"a flipped byte in page {page + 1} went unnoticed"


def _tracked_snapshot(services: Services) -> list[tuple[str, str, str]]:
    with services.ctx.read() as s:
        return sorted((r.id.hex, r.state, r.facts) for r in s.scalars(select(IntegrityRecord)))


def test_page_copied_back_from_an_older_copy_is_caught_by_verify(admin: Services, tmp_path: Path) -> None:
    """DESIGN.md §3: SQLCipher authenticates pages but cannot tell an old page from the current one."""
    _write_canaries(admin)
    record = admin.records.for_person(admin.persons.search(CANARY_NAME)[0].id)[0]
    path = admin.ctx.archive.path
    admin.close()
    old = (tmp_path / "old.db")
    shutil.copyfile(path, old)  # the attacker's older copy, with the sanction in effect
    services = sign_in(admin, "admin")
    services.records.revoke(record.id, reason="复查认定事实不清")
    truth = _tracked_snapshot(services)
    services.close()
    new_bytes, old_bytes = path.read_bytes(), old.read_bytes()
    rolled_back_and_caught = 0
    for page in range(min(len(new_bytes), len(old_bytes)) // PAGE):
        span = slice(page * PAGE, (page + 1) * PAGE)
        if new_bytes[span] == old_bytes[span]:
            continue
        forged = tmp_path / f"forged{page}.db"
        forged.write_bytes(new_bytes[:span.start] + old_bytes[span] + new_bytes[span.stop:])
        shutil.copyfile(key_path_for(path), key_path_for(forged))
        try:
            archive, user = Archive.unlock(forged, "admin", PASSPHRASE)
        except ArchiveError:
            continue
        forged_services = Services.for_user(archive, user, today=lambda: TODAY)
        try:
            changed = _tracked_snapshot(forged_services) != truth
        except Exception:
            changed = True
        report = forged_services.maintenance.verify()
        forged_services.close()
        if changed:
            assert not report.ok, f"page {page + 1} rolled back the records and verify passed"
            rolled_back_and_caught += 1
    assert rolled_back_and_caught >= 1  # the attack really reverted the revoke at least once
