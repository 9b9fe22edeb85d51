"""``integrity-files objection|repair|policy`` as administrators script them: same rules and errors as the UI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.factories import PASSPHRASE, id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    path = str(tmp_path / "office.db")
    for argv in (["init", path, "--admin", "hr-admin", "--office", "天河区人社局"],
                 ["unit", "add", path, "--name", UNIT, "--code", organ_uscc(1), "--division", "440106"],
                 ["person", "add", path, "--name", "张三", "--id-number", id_number(1), "--unit", UNIT],
                 ["record", "add", path, "--id-number", id_number(1), "--kind", "行政处罚", "--severity", "一般",
                  "--decided-on", "2026-09-01", "--document-no", "穗罚〔2026〕9号", "--authority", "广州市市场监管局",
                  "--facts", "未按期报送材料"]):
        assert main(argv) == 0
    capsys.readouterr()
    return path


def _record_id(capsys: pytest.CaptureFixture[str], archive: str) -> str:
    code, out, _ = run(capsys, "person", "show", archive, "--id-number", id_number(1), "--format", "json")
    assert code == 0
    return str(json.loads(out)["records"][0]["id"])


def test_objection_from_filing_to_correction(archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = _record_id(capsys, archive)
    evidence = tmp_path / "退款凭证.pdf"
    evidence.write_bytes(b"%PDF evidence bytes")
    code, out, err = run(capsys, "objection", "file", archive, "--record", record, "--applicant", "张三",
                         "--grounds", "处罚对象有误", "--evidence", str(evidence))
    assert code == 0, err
    objection = UUID.findall(out)[0]
    _, out, _ = run(capsys, "person", "show", archive, "--id-number", id_number(1), "--format", "json")
    shown = json.loads(out)
    assert shown["records"][0]["display_state"] == "异议处理中" and shown["flags"] == ["under_objection"]
    assert run(capsys, "objection", "accept", archive, "--objection", objection)[0] == 0
    assert run(capsys, "objection", "verify", archive, "--objection", objection)[0] == 0
    code, out, err = run(capsys, "objection", "decide", archive, "--objection", objection, "--outcome", "更正",
                         "--reply", "经核查，严重程度更正为轻微", "--severity", "轻微")
    assert code == 0, err
    assert "已办结" in out and "更正" in out
    _, out, _ = run(capsys, "person", "show", archive, "--id-number", id_number(1), "--format", "json")
    assert json.loads(out)["records"][0]["severity"] == "minor"
    code, out, _ = run(capsys, "objection", "list", archive, "--format", "json")
    [listed] = json.loads(out)
    assert listed["state"] == "closed" and listed["outcome_label"] == "更正" and listed["actions"] == []
    code, out, err = run(capsys, "objection", "decide", archive, "--objection", objection, "--outcome", "维持",
                         "--reply", "维持", "--findings", "无误")
    assert code == 1 and "closed" in err and "field objection" in err
    exported = tmp_path / "导出.pdf"
    attachment = listed["attachments"][0]["id"]
    assert run(capsys, "objection", "export", archive, "--attachment", attachment, "-o", str(exported))[0] == 0
    assert exported.read_bytes() == b"%PDF evidence bytes"


def test_repair_refused_before_the_earliest_end_says_when(archive: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    record = _record_id(capsys, archive)
    proof, letter = tmp_path / "proof.pdf", tmp_path / "letter.pdf"
    proof.write_bytes(b"proof")
    letter.write_bytes(b"letter")
    code, out, _ = run(capsys, "repair", "check", archive, "--record", record)
    assert code == 1 and "2026-12-01" in out
    code, _, err = run(capsys, "repair", "apply", archive, "--record", record, "--applicant", "张三",
                       "--obligations-met", "--proof", str(proof), "--commitment", str(letter))
    assert code == 1 and "from 2026-12-01" in err and "field applied_on" in err
    code, _, err = run(capsys, "repair", "apply", archive, "--record", "not-an-id", "--applicant", "张三")
    assert code == 1 and "field record" in err


def test_policy_show_and_set(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "policy", "show", archive)
    assert code == 0 and "objection.accept_days = 2" in out
    code, out, err = run(capsys, "policy", "set", archive, "objection.accept_days=3",
                         "calendar.2027.holidays=2027-01-01", "--note", "省信用办通知")
    assert code == 0, err
    _, out, _ = run(capsys, "policy", "show", archive, "--history", "--format", "json")
    assert [(v["version"], v["settings"]["objection.accept_days"]) for v in json.loads(out)] == [(1, 2), (2, 3)]
    code, _, err = run(capsys, "policy", "set", archive, "objection.acceptdays=3", "--note", "x")
    assert code == 1 and "objection.acceptdays" in err


def test_a_reviewer_may_not_edit_the_policy(archive: str, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INTEGRITY_FILES_NEW_PASSPHRASE", "reviewer passphrase 1")
    assert run(capsys, "user", "add", archive, "rev1", "--role", "reviewer")[0] == 0
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", "reviewer passphrase 1")
    code, _, err = run(capsys, "--user", "rev1", "policy", "set", archive, "objection.accept_days=3", "--note", "x")
    assert code == 1 and "policy.edit" in err
    assert run(capsys, "--user", "rev1", "policy", "show", archive)[0] == 0
