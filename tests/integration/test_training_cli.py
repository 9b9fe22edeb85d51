"""Training from the command line: courses, sessions, attendance, roster imports, reports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.store.archive import Archive
from tests.conftest import FAST_KDF
from tests.factories import PASSPHRASE, id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An archive with two persons whose files are older than last year (so last year's norm applies)."""
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "office.db"
    created, user, _ = Archive.create(path, admin_name="admin", admin_passphrase=PASSPHRASE, office_name="天河",
                                      kdf=FAST_KDF)
    services = Services.for_user(created, user)
    services.units.add(name=UNIT, uscc=organ_uscc(1), division_code="440106")
    for seq, (name, rank) in enumerate((("张三", "一级科员"), ("李四", "二级调研员")), start=1):
        services.persons.add(PersonDraft(name=name, id_number=id_number(seq), unit_name=UNIT, rank=rank,
                                         file_opened_on=date(2015, 1, 1)))
    services.close()
    yield str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _ids(capsys: pytest.CaptureFixture[str], archive: str) -> tuple[str, str]:
    last_year = date.today().year - 1
    code, out, _ = run(capsys, "course", "add", archive, "--title", "诚信教育专题班", "--topic", "诚信教育",
                       "--mode", "脱产", "--hours", "56", "--days", "7", "--organizer", "区委组织部")
    assert code == 0 and "诚信教育专题班" in out
    course = out.split()[1]
    code, out, _ = run(capsys, "session", "add", archive, "--course", course[:8], "--starts-on",
                       f"{last_year}-05-12", "--ends-on", f"{last_year}-05-18", "--place", "区委党校")
    assert code == 0
    return course, out.split()[1]


def test_course_session_and_attendance(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    course, session = _ids(capsys, archive)
    code, out, _ = run(capsys, "course", "list", archive, "--format", "json")
    assert code == 0 and json.loads(out)[0]["topic"] == "integrity"
    code, out, _ = run(capsys, "attendance", "add", archive, "--session", session[:6], "--id-number", id_number(1),
                       "--leave-hours", "9", "--result", "合格")
    assert code == 0 and "不合格" in out and "1/7" in out
    code, out, _ = run(capsys, "attendance", "add", archive, "--session", session, "--id-number", id_number(1),
                       "--leave-hours", "8", "--result", "合格", "--certificate", "CX-1")
    assert code == 0 and "48 学时" in out and "合格" in out
    code, out, _ = run(capsys, "attendance", "list", archive, "--session", session, "--format", "json")
    rows = json.loads(out)["rows"]
    assert [(r["姓名"], r["成绩"], r["证书编号"]) for r in rows] == [("张三", "合格", "CX-1")]
    assert id_number(1) not in out
    code, out, _ = run(capsys, "session", "list", archive, "--course", course)
    assert code == 0 and "区委党校" in out


def test_bad_input_exits_1_naming_the_field(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, session = _ids(capsys, archive)
    for argv, field in ((["course", "add", archive, "--title", "x", "--topic", "跳舞", "--mode", "脱产",
                          "--hours", "8"], "topic"),
                        (["attendance", "add", archive, "--session", session, "--id-number", id_number(9)],
                         "id_number"),
                        (["attendance", "add", archive, "--session", "zzzzzz", "--id-number", id_number(1)],
                         "session"),
                        (["attendance", "add", archive, "--session", session, "--id-number", id_number(1),
                          "--result", "优秀"], "result")):
        code, out, err = run(capsys, *argv)
        assert code == 1 and out == "" and f"field {field}" in err, err


def test_roster_import_all_or_nothing(tmp_path: Path, archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, session = _ids(capsys, archive)
    roster = tmp_path / "名单.csv"
    roster.write_bytes(f"姓名,身份证号,成绩\n张三,{id_number(1)},合格\n赵六,,\n".encode("gbk"))
    code, out, err = run(capsys, "attendance", "import", archive, str(roster), "--session", session)
    assert code == 1 and "查无此人" in out and "Nothing was imported" in err
    code, out, _ = run(capsys, "attendance", "list", archive, "--session", session, "--format", "json")
    assert json.loads(out)["rows"] == []
    roster.write_bytes(f"姓名,身份证号,成绩\n张三,{id_number(1)},合格\n李四,,合格\n".encode("gbk"))
    code, out, _ = run(capsys, "attendance", "import", archive, str(roster), "--session", session, "--dry-run")
    assert code == 0 and "encoding gbk" in out and "2 ready" in out and "nothing was written" in out
    code, out, _ = run(capsys, "attendance", "import", archive, str(roster), "--session", session,
                       "--encoding", "gb18030")
    assert code == 0 and "Imported 2 attendee(s)" in out
    code, out, _ = run(capsys, "attendance", "import", archive, str(roster), "--session", session)
    assert code == 0 and "already on the session" in out
    code, _, err = run(capsys, "attendance", "import", archive, str(roster), "--session", session, "--sheet", "x",
                       "--encoding", "utf-8")
    assert code == 1 and "field encoding" in err


def test_report_training_json_and_xlsx(tmp_path: Path, archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, session = _ids(capsys, archive)
    assert run(capsys, "attendance", "add", archive, "--session", session, "--id-number", id_number(1),
               "--result", "合格")[0] == 0
    year = str(date.today().year - 1)
    code, out, _ = run(capsys, "report", archive, "training", "--year", year, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["title"] == f"{year}年培训学时统计"
    by_name = {r["姓名"]: r for r in data["rows"]}
    assert by_name["张三"]["学时"] == 56 and by_name["张三"]["是否达标"] == "未达标"
    assert by_name["李四"]["层级"] == "县处级及以上" and by_name["李四"]["统计期间"].endswith(f"{year}年")
    out_file = tmp_path / "t.xlsx"
    code, out, _ = run(capsys, "report", archive, "training-shortfall", "--year", year, "--format", "xlsx",
                       "-o", str(out_file))
    assert code == 0 and load_workbook(out_file).active["B2"].value in ("张三", "李四")  # type: ignore[index]
    code, out, _ = run(capsys, "person", "show", archive, "--id-number", id_number(1), "--format", "json")
    data = json.loads(out)
    assert "training_shortfall" in data["flags"]
    assert any(r["label"] == "培训未达标" and "56学时" in r["reason"] for r in data["flag_reasons"])
