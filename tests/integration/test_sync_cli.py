"""The sync commands in the shapes administrators script, end to end on a SQLite central file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.factories import PASSPHRASE, id_number, organ_uscc


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_enroll_sync_bundle_and_conflicts(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "central", "init", "central.db")[0] == 0
    for office in ("a.db", "b.db"):
        assert run(capsys, "init", office, "--admin", "admin")[0] == 0
        assert run(capsys, "device", "key", office, "-o", f"{office}.key")[0] == 0
        code, _, _ = run(capsys, "central", "enroll", "central.db", "--device-key", f"{office}.key",
                         "--scope", "440106")
        assert code == 0
    unit = "广州市天河区人力资源和社会保障局"
    run(capsys, "unit", "add", "a.db", "--name", unit, "--code", organ_uscc(1), "--division", "440106")
    run(capsys, "person", "add", "a.db", "--name", "张三", "--id-number", id_number(1), "--unit", unit)
    code, out, _ = run(capsys, "sync", "a.db", "--central", "central.db")
    assert code == 0 and "Pushed 2" in out
    assert run(capsys, "sync", "b.db", "--central", "central.db")[0] == 0
    run(capsys, "person", "edit", "a.db", "--id-number", id_number(1), "--post", "科长")
    run(capsys, "person", "edit", "b.db", "--id-number", id_number(1), "--post", "副科长")
    for office in ("a.db", "b.db", "a.db"):
        assert run(capsys, "sync", office, "--central", "central.db")[0] == 0
    code, out, _ = run(capsys, "conflicts", "list", "a.db", "--format", "json")
    conflicts = json.loads(out)
    assert len(conflicts) == 1 and conflicts[0]["field"] == "post" and "张三" in conflicts[0]["subject"]
    assert run(capsys, "conflicts", "resolve", "a.db", conflicts[0]["id"], "--keep", "lost")[0] == 0
    for office in ("a.db", "b.db"):
        run(capsys, "sync", office, "--central", "central.db")
    posts = {json.loads(run(capsys, "person", "show", o, "--id-number", id_number(1), "--format", "json")[1])["post"]
             for o in ("a.db", "b.db")}
    assert posts == {conflicts[0]["lost_value"]}
    assert json.loads(run(capsys, "conflicts", "list", "b.db", "--format", "json")[1]) == []  # closed everywhere
    code, out, _ = run(capsys, "central", "status", "central.db", "--format", "json")
    assert code == 0 and all(d["chain_seq"] > 0 and d["last_pull_at"] for d in json.loads(out))
    # The air-gapped path, and a replay refused with a reason.
    assert run(capsys, "central", "key", "central.db", "-o", "hq.key")[0] == 0
    assert run(capsys, "bundle", "export", "a.db", "--to", "hq.key", "-o", "a1.ifb")[0] == 0
    code, out, _ = run(capsys, "bundle", "import", "central.db", "a1.ifb", "--reply", "a1-reply.ifb")
    assert code == 0 and Path("a1-reply.ifb").exists()
    code, _, err = run(capsys, "bundle", "import", "central.db", "a1.ifb")
    assert code == 1 and "already imported" in err
    assert run(capsys, "bundle", "import", "a.db", "a1-reply.ifb")[0] == 0
    assert run(capsys, "verify", "a.db")[0] == 0
