"""``integrity-files import`` and ``export`` on a real archive (the command is built here with
``import_commands.register`` so the test does not depend on the wiring in ``cli/__init__``)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.cli import build_parser, import_commands, main
from desktop_app.services import Services
from desktop_app.store.archive import Archive
from tests.conftest import FAST_KDF
from tests.factories import PASSPHRASE, id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "office.db"
    created, user, _ = Archive.create(path, admin_name="admin", admin_passphrase=PASSPHRASE, office_name="天河",
                                      kdf=FAST_KDF)
    services = Services.for_user(created, user)
    services.units.add(name=UNIT, uscc=organ_uscc(1), division_code="440106")
    services.close()
    yield str(path)


def _with_import_commands() -> argparse.ArgumentParser:
    """The CLI's parser, with ``import`` and ``export`` registered if it is not wired yet."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "import" not in sub.choices:
        import_commands.register(sub)
    return parser


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr("desktop_app.cli.build_parser", _with_import_commands)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_dry_run_bad_lines_skip_invalid_and_rerun(archive: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "persons.csv"
    path.write_text(f"姓名,身份证号,单位,职务\n张三,{id_number(1)},{UNIT},科长\n李四,440106,{UNIT},\n"
                    f"王五,{id_number(3)},{UNIT},科员\n", encoding="gbk")
    code, out, err = run(capsys, monkeypatch, "import", archive, "persons", str(path), "--dry-run")
    assert code == 1 and "3 line(s): 2 new, 0 to update, 0 unchanged, 1 invalid" in out
    assert "3     B 身份证号" in out and "18 characters" in out and "dry run" in err
    code, out, err = run(capsys, monkeypatch, "import", archive, "persons", str(path))
    assert code == 1 and "nothing was imported" in err
    code, out, err = run(capsys, monkeypatch, "import", archive, "persons", str(path), "--skip-invalid")
    assert code == 0 and "Imported: 2 new, 0 updated, 1 invalid line(s) left out" in out and "before-import" in out
    code, out, _ = run(capsys, monkeypatch, "import", archive, "persons", str(path), "--skip-invalid")
    assert code == 0 and "0 new, 0 to update, 2 unchanged" in out


def test_import_with_a_mapping_template_and_encoding(archive: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    template = tmp_path / "mapping.json"
    template.write_text(json.dumps({"format": "integrity-files-mapping", "version": 1, "kind": "persons",
                                    "columns": {"人名": "name", "证件": "id_number"}}, ensure_ascii=False), "utf-8")
    path = tmp_path / "odd.csv"
    path.write_text(f"人名,证件,单位\n𠮷祥,{id_number(4)},{UNIT}\n", encoding="gb18030")
    code, out, err = run(capsys, monkeypatch, "import", archive, "persons", str(path), "--dry-run")
    assert code == 1 and "no column for 姓名、公民身份号码" in err
    code, out, _ = run(capsys, monkeypatch, "import", archive, "persons", str(path), "--mapping", str(template),
                       "--encoding", "GB18030")
    assert code == 0 and "Imported: 1 new" in out
    code, _, err = run(capsys, monkeypatch, "import", archive, "units", str(path), "--mapping", str(template))
    assert code == 1 and "not units" in err
    code, _, err = run(capsys, monkeypatch, "import", archive, "attendance", str(path))
    assert code == 1 and "--session" in err
    code, _, err = run(capsys, monkeypatch, "import", archive, "persons", str(tmp_path / "missing.csv"))
    assert code == 1 and "cannot be read" in err


def test_export_lists_and_reports(archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, monkeypatch, "export", archive, "units", "-o", str(tmp_path / "units.xlsx"))
    assert code == 0 and "1 row(s) written" in out
    assert load_workbook(tmp_path / "units.xlsx").active["A2"].value == UNIT  # type: ignore[index]
    code, out, _ = run(capsys, monkeypatch, "export", archive, "persons", "-o", str(tmp_path / "p.csv"), "--full-ids")
    assert code == 0 and "with full ID numbers" in out
    code, out, _ = run(capsys, monkeypatch, "export", archive, "coverage", "-o", str(tmp_path / "c.csv"))
    assert code == 0
    code, _, err = run(capsys, monkeypatch, "export", archive, "salaries", "-o", str(tmp_path / "s.csv"))
    assert code == 1 and "unknown export" in err
    code, _, err = run(capsys, monkeypatch, "export", archive, "persons", "-o", str(tmp_path / "p.txt"))
    assert code == 1 and ".xlsx or .csv" in err
