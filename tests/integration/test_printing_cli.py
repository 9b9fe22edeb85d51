"""``integrity-files print …`` and ``print verify …``: command shapes, files, exit codes."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from desktop_app.cli import build_parser, print_commands
from desktop_app.errors import IntegrityFilesError
from tests.factories import PASSPHRASE, id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Like ``desktop_app.cli.main``, with the print commands registered if they are not yet."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "print" not in sub.choices:
        print_commands.register(sub)
        sub.choices["print"].add_argument("--user", default=argparse.SUPPRESS)
    try:
        args = parser.parse_args(list(argv))
        code = int(args.func(args))
    except IntegrityFilesError as exc:
        print(f"error: {exc}", file=__import__("sys").stderr)
        code = 1
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    path = str(tmp_path / "office.db")
    for argv in (["init", path, "--admin", "hr-admin", "--office", "天河区人社局"],
                 ["unit", "add", path, "--name", UNIT, "--code", organ_uscc(1), "--division", "440106"],
                 ["person", "add", path, "--name", "张三", "--id-number", id_number(1), "--unit", UNIT],
                 ["person", "add", path, "--name", "李四", "--id-number", id_number(2), "--unit", UNIT],
                 ["record", "add", path, "--id-number", id_number(1), "--kind", "行政处罚", "--severity", "一般",
                  "--decided-on", "2026-03-02", "--document-no", "穗天罚〔2026〕1号", "--authority", "天河区市监局",
                  "--facts", "违规"]):
        assert cli(capsys, *argv)[0] == 0
    return path


def test_print_one_person_then_verify(archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "zhang.pdf"
    code, out, _ = cli(capsys, "print", archive, "--id-number", id_number(1), "-o", str(out_file))
    assert code == 0 and "Printed 张三 (内部审查, 1 pages)" in out and out_file.is_file()
    code, out, _ = cli(capsys, "print", "verify", archive, str(out_file))
    assert code == 0 and out.startswith("valid: printed by hr-admin at ")
    short = out.split("code ")[1].rstrip(")\n")
    code, out, _ = cli(capsys, "print", "verify", archive, short)
    assert code == 0 and "张三" in out


def test_verify_fails_with_the_reason_for_an_edited_pdf(archive: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "zhang.pdf"
    assert cli(capsys, "print", archive, "--id-number", id_number(1), "-o", str(out_file))[0] == 0
    writer = PdfWriter(clone_from=PdfReader(out_file))
    contents = writer.pages[0].get_contents()
    assert contents is not None
    contents.set_data(contents.get_data().replace(b"(2026-03-02)", b"(2026-03-03)"))
    writer.pages[0].replace_contents(contents)
    edited = io.BytesIO()
    writer.write(edited)
    (tmp_path / "edited.pdf").write_bytes(edited.getvalue())
    code, out, _ = cli(capsys, "print", "verify", archive, str(tmp_path / "edited.pdf"))
    assert code == 1 and out.startswith("invalid: ") and "page 1" in out


def test_print_public_variant(archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "public.pdf"
    code, out, _ = cli(capsys, "print", archive, "--id-number", id_number(1), "--variant", "public",
                       "-o", str(out_file))
    assert code == 0 and "公示" in out
    text = "".join(p.extract_text() for p in PdfReader(out_file).pages)
    assert id_number(1) not in text and "（公示）" in text


def test_print_a_unit_to_a_folder_or_one_file(archive: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "print", archive, "--unit", UNIT, "-o", str(tmp_path / "folder"))
    assert code == 0 and "2 files" in out
    assert sorted(p.name for p in (tmp_path / "folder").iterdir()) == sorted(
        [f"{UNIT}-张三-{id_number(1)[-4:]}.pdf", f"{UNIT}-李四-{id_number(2)[-4:]}.pdf"])
    code, out, _ = cli(capsys, "print", archive, "--unit", UNIT, "-o", str(tmp_path / "unit.pdf"))
    assert code == 0 and len(PdfReader(tmp_path / "unit.pdf").pages) == 2
    code, out, _ = cli(capsys, "print", "verify", archive, str(tmp_path / "unit.pdf"))
    assert code == 0 and len(out.strip().splitlines()) == 2


def test_usage_errors_exit_2_and_missing_things_exit_1(archive: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "print", archive, "-o", str(tmp_path / "x.pdf"))[0] == 2
    assert cli(capsys, "print", archive, "--id-number", id_number(1))[0] == 2
    assert cli(capsys, "print", "verify", archive)[0] == 2
    assert cli(capsys, "print", "verify", archive, "a.pdf", "b.pdf")[0] == 2
    code, _, err = cli(capsys, "print", "verify", archive, str(tmp_path / "missing.pdf"))
    assert code == 1 and "no file" in err
    code, _, err = cli(capsys, "print", archive, "--unit", "没有的单位", "-o", str(tmp_path / "x"))
    assert code == 1 and "error:" in err
    code, out, _ = cli(capsys, "print", "verify", archive, "0123-4567-89AB-CDEF")
    assert code == 1 and out.startswith("invalid: ")
