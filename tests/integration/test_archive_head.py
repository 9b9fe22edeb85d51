"""The audit head kept outside the database (store/head_file.py): a database that holds less than
was committed — a damaged WAL, an older copy put back — is refused at unlock with the evidence
kept; an administrator can accept the loss explicitly, and that is audited."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.cli import main as cli
from desktop_app.errors import PermissionDenied
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.store.archive import Archive, LostChangesError
from desktop_app.store.head_file import head_path_for
from desktop_app.store.models import AuditEntry, Person
from tests.factories import PASSPHRASE, TODAY, id_number

UNIT = "广州市天河区人力资源和社会保障局"


def _add(services: Services, i: int) -> None:
    services.persons.add(PersonDraft(name=f"测试{i}号", id_number=id_number(i), unit_name=UNIT))


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name) and p.is_file()}


def _put_back(path: Path, files: dict[str, bytes]) -> None:
    for p in list(path.parent.iterdir()):
        if p.name.startswith(path.name) and p.is_file():
            p.unlink()
    for name, data in files.items():
        (path.parent / name).write_bytes(data)


def _unlock(path: Path, **kwargs: bool) -> Services:
    return Services.for_user(*Archive.unlock(path, "admin", PASSPHRASE, **kwargs), today=lambda: TODAY)


def _persons(services: Services) -> int:
    with services.ctx.read() as s:
        return len(s.scalars(select(Person.id)).all())


def test_every_commit_moves_the_head_file(admin: Services) -> None:
    path = admin.ctx.archive.path
    before = json.loads(head_path_for(path).read_text())
    _add(admin, 30)
    after = json.loads(head_path_for(path).read_text())
    with admin.ctx.read() as s:
        last = s.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert after["seq"] > before["seq"] and (after["seq"], after["hash"]) == tuple(last)
    assert set(after) == {"archive_id", "seq", "hash", "mac"}  # nothing personal


def test_a_damaged_wal_is_refused_and_its_bytes_kept(admin: Services, tmp_path: Path) -> None:
    path = admin.ctx.archive.path
    for i in range(30, 35):
        _add(admin, i)
    crashed = _files(path)  # the files as a crash with the app open leaves them
    admin.close()
    wal_name = path.name + "-wal"
    damaged = bytearray(crashed[wal_name])
    damaged[len(damaged) // 2] ^= 0x10
    crashed[wal_name] = bytes(damaged)
    _put_back(path, crashed)

    with pytest.raises(LostChangesError, match="lost committed changes") as caught:
        Archive.unlock(path, "admin", PASSPHRASE)
    evidence = caught.value.evidence
    assert evidence is not None and evidence.read_bytes() == bytes(damaged)
    assert str(evidence.name) in str(caught.value) and PASSPHRASE not in str(caught.value)
    # Refused again on the next try: the loss is not forgotten once the WAL is gone.
    with pytest.raises(LostChangesError):
        Archive.unlock(path, "admin", PASSPHRASE)


def test_an_older_copy_put_back_is_refused_and_an_admin_can_accept_the_loss(admin: Services) -> None:
    path = admin.ctx.archive.path
    admin.users.add("clerk1", "clerk", "另一个足够长的口令 2026")
    admin.close()
    old = {k: v for k, v in _files(path).items() if not k.endswith(".head")}
    services = _unlock(path)
    _add(services, 40)
    services.close()
    _put_back(path, {**old, path.name + ".head": head_path_for(path).read_bytes()})

    with pytest.raises(LostChangesError, match="ends at entry"):
        Archive.unlock(path, "admin", PASSPHRASE)
    with pytest.raises(PermissionDenied):
        Archive.unlock(path, "clerk1", "另一个足够长的口令 2026", accept_lost_changes=True)

    services = _unlock(path, accept_lost_changes=True)
    with services.ctx.read() as s:
        accepted = s.scalars(select(AuditEntry).where(AuditEntry.action == "archive.lost_changes_accepted")).one()
    assert accepted.detail["archive_head"] < accepted.detail["recorded_head"]
    assert _persons(services) == 2 and services.maintenance.verify().ok
    services.close()
    _unlock(path).close()  # accepted once: an ordinary unlock works again


def test_a_head_file_behind_the_database_is_fine(admin: Services) -> None:
    """A crash between the commit and the head-file write leaves the file behind: accepted."""
    path = admin.ctx.archive.path
    behind = head_path_for(path).read_bytes()
    _add(admin, 50)
    admin.close()
    head_path_for(path).write_bytes(behind)
    services = _unlock(path)
    assert _persons(services) == 3
    services.close()


@pytest.mark.parametrize("damage", ["missing", "garbage", "forged"])
def test_a_missing_or_untrustworthy_head_file_is_ignored_and_rewritten(admin: Services, damage: str) -> None:
    path = admin.ctx.archive.path
    admin.close()
    head = head_path_for(path)
    if damage == "missing":
        head.unlink()
    elif damage == "garbage":
        head.write_bytes(b"\xff\xfe not json")
    else:  # claims a longer chain without the key: must not lock the archive up
        data = json.loads(head.read_text())
        head.write_text(json.dumps({**data, "seq": data["seq"] + 100}))
    services = _unlock(path)
    assert json.loads(head.read_text())["seq"] > 0  # the sign-in commit wrote a fresh one
    services.close()
    _unlock(path).close()


def test_a_backup_carries_its_own_head_and_restores_whole(admin: Services, tmp_path: Path) -> None:
    path = admin.ctx.archive.path
    dest = admin.maintenance.backup(tmp_path / "backup.db")
    assert head_path_for(dest).exists()
    _add(admin, 60)
    admin.close()
    for suffix in ("", ".keys", ".head"):
        shutil.copyfile(dest.with_name(dest.name + suffix), path.with_name(path.name + suffix))
    services = _unlock(path)
    assert _persons(services) == 2
    services.close()


def test_cli_names_the_loss_and_accept_loss_reopens(admin: Services, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = admin.ctx.archive.path
    admin.close()
    old = {k: v for k, v in _files(path).items() if not k.endswith(".head")}
    services = _unlock(path)
    _add(services, 70)
    services.close()
    _put_back(path, {**old, path.name + ".head": head_path_for(path).read_bytes()})
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)

    assert cli(["verify", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "lost committed changes" in err and "accept-loss" in err
    assert cli(["accept-loss", str(path)]) == 0
    assert "sync with headquarters" in capsys.readouterr().out
    assert cli(["verify", str(path)]) == 0
