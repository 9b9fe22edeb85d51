"""The CLI as administrators script it: exact command shapes, exit codes, messages on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.factories import PASSPHRASE, id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    path = str(tmp_path / "office.db")
    assert main(["init", path, "--admin", "hr-admin", "--office", "天河区人社局"]) == 0
    assert "RECOVERY KEY" in capsys.readouterr().out
    assert main(["unit", "add", path, "--name", UNIT, "--code", organ_uscc(1), "--division", "440106"]) == 0
    assert main(["person", "add", path, "--name", "张三", "--id-number", id_number(1), "--unit", UNIT,
                 "--post", "科长", "--rank", "一级主任科员"]) == 0
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_record_add_with_chinese_names_and_show_json(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "record", "add", archive, "--id-number", id_number(1), "--kind", "纪律处分",
                       "--severity", "一般", "--sanction", "记过", "--decided-on", "2026-03-02",
                       "--document-no", "天纪发〔2026〕3号", "--authority", "天河区纪委监委", "--facts", "违规发放津贴")
    assert code == 0 and "已生效" in out
    code, out, _ = run(capsys, "person", "show", archive, "--id-number", id_number(1), "--format", "json")
    data = json.loads(out)
    assert data["name"] == "张三" and data["id_number_masked"].endswith(id_number(1)[-4:])
    assert id_number(1) not in out  # masked
    assert data["records"][0]["kind"] == "discipline" and data["records"][0]["display_state"] == "已生效"
    assert data["records"][0]["sanction_end"] == "2027-03-02"
    assert data["flags"] == ["in_sanction", "restricted_awards"]


def test_person_list_search_and_edit(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "person", "edit", archive, "--id-number", id_number(1), "--post", "副处长")[0] == 0
    code, out, _ = run(capsys, "person", "list", archive, "--search", "zs", "--format", "json")
    assert code == 0 and [p["post"] for p in json.loads(out)] == ["副处长"]
    code, out, _ = run(capsys, "person", "list", archive)
    assert "张三" in out and "440106********" in out


@pytest.mark.parametrize(("argv", "field"), [
    (["person", "add", "{a}", "--name", "王五", "--id-number", "440106198503010011", "--unit", UNIT], "id_number"),
    (["person", "add", "{a}", "--name", "王五", "--id-number", id_number(5), "--unit", "无此单位"], "unit"),
    (["unit", "add", "{a}", "--name", "某局", "--code", "11440106000000001I", "--division", "440106"], "uscc"),
    (["unit", "add", "{a}", "--name", "某局", "--code", organ_uscc(2), "--division", "449999"], "division_code"),
    (["record", "add", "{a}", "--id-number", id_number(1), "--kind", "打架", "--severity", "一般",
      "--decided-on", "2026-01-01", "--document-no", "1", "--authority", "a", "--facts", "f"], "kind"),
    (["record", "add", "{a}", "--id-number", id_number(1), "--kind", "penalty", "--severity", "一般",
      "--decided-on", "2026-13-01", "--document-no", "1", "--authority", "a", "--facts", "f"], "decided_on"),
])
def test_bad_input_exits_1_naming_the_field(archive: str, capsys: pytest.CaptureFixture[str],
                                            argv: list[str], field: str) -> None:
    code, out, err = run(capsys, *[a.replace("{a}", archive) for a in argv])
    assert code == 1 and out == ""
    assert err.startswith("error: ") and f"field {field}" in err


def test_wrong_passphrase_and_unknown_user(archive: str, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", "wrong passphrase")
    code, _, err = run(capsys, "person", "list", archive)
    assert code == 1 and "wrong passphrase" in err and "Traceback" not in err
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "--user", "ghost", "person", "list", archive)[0] == 1
    assert run(capsys, "person", "list", archive, "--user", "hr-admin")[0] == 0


def test_usage_errors_exit_2(archive: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["record", "add", archive, "--kind", "纪律处分"])
    assert caught.value.code == 2


def test_users_roles_and_permission_refusal(archive: str, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTEGRITY_FILES_NEW_PASSPHRASE", "reviewer passphrase")
    assert run(capsys, "user", "add", archive, "rev1", "--role", "审核员")[0] == 0
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", "reviewer passphrase")
    code, _, err = run(capsys, "--user", "rev1", "person", "edit", archive, "--id-number", id_number(1),
                       "--post", "局长")
    assert code == 1 and "permission" in err


def test_user_unit_scope_commands(archive: str, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    other = "广州市越秀区人力资源和社会保障局"
    assert run(capsys, "unit", "add", archive, "--name", other, "--code", organ_uscc(3, "440104"),
               "--division", "440104")[0] == 0
    assert run(capsys, "person", "add", archive, "--name", "王五", "--id-number", id_number(5, division="440104"),
               "--unit", other)[0] == 0
    monkeypatch.setenv("INTEGRITY_FILES_NEW_PASSPHRASE", "clerk passphrase 1")
    code, out, _ = run(capsys, "user", "add", archive, "clerk1", "--role", "录入员", "--units", organ_uscc(1))
    assert code == 0 and f"units: {UNIT}" in out
    code, out, _ = run(capsys, "user", "list", archive)
    assert code == 0 and "whole archive" in out and UNIT in out
    assert run(capsys, "user", "scope", archive, "clerk1")[1] == f"clerk1: {UNIT}\n"
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", "clerk passphrase 1")
    code, out, _ = run(capsys, "--user", "clerk1", "person", "list", archive)
    assert code == 0 and "张三" in out and "王五" not in out
    code, out, err = run(capsys, "--user", "clerk1", "person", "show", archive, "--id-number",
                         id_number(5, division="440104"))
    assert code == 1 and out == "" and "outside your units" in err and "Traceback" not in err
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "user", "scope", archive, "clerk1", "--units", f"{UNIT}，{other}")[1] == \
        f"clerk1: {other}、{UNIT}\n"  # in the order of their division codes
    assert run(capsys, "user", "scope", archive, "clerk1", "--all")[1] == "clerk1: whole archive\n"
    with pytest.raises(SystemExit) as caught:  # one or the other
        main(["user", "scope", archive, "clerk1", "--all", "--units", UNIT])
    assert caught.value.code == 2
    code, _, err = run(capsys, "user", "scope", archive, "clerk1", "--units", "无此单位")
    assert code == 1 and "field units" in err


def test_verify_backup_rekey(archive: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "verify", archive)
    assert code == 0 and "audit chain: ok" in out
    assert run(capsys, "backup", archive, str(tmp_path / "b.db"))[0] == 0
    assert (tmp_path / "b.db").exists() and (tmp_path / "b.db.keys").exists()
    assert run(capsys, "rekey", archive)[0] == 0
    assert run(capsys, "verify", archive)[0] == 0
    assert run(capsys, "verify", str(tmp_path / "b.db"))[0] == 0


def test_verify_names_the_first_broken_audit_entry(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.store.archive import Archive

    opened, _ = Archive.unlock(Path(archive), "hr-admin", PASSPHRASE)
    with opened.session(write=True) as s:  # someone with the key edits entry 3 directly
        from sqlalchemy import text

        s.execute(text("UPDATE audit_entries SET action = 'person.view' WHERE seq = 3"))
    opened.close()
    code, out, err = run(capsys, "verify", archive)
    assert code == 1 and "BROKEN at audit entry 3" in out and "failed verification" in err


def test_demo_creates_a_valid_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    path = str(tmp_path / "demo.db")
    code, out, _ = run(capsys, "demo", path, "--persons", "300")
    assert code == 0 and "300 persons" in out
    code, out, _ = run(capsys, "person", "list", path, "--limit", "1000", "--format", "json")
    assert len(json.loads(out)) == 300
    assert run(capsys, "verify", path)[0] == 0
    code, _, err = run(capsys, "demo", path, "--persons", "10")
    assert code == 1 and "empty archive" in err


def test_help_lists_kinds_and_console_entry_point_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "desktop_app", "record", "add", "--help"],
                            capture_output=True, text=True, check=True)
    assert "纪律处分" in result.stdout and "记大过" in result.stdout and "轻微" in result.stdout
