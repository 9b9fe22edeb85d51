"""The verification code and the content it hashes; batch file names."""

from __future__ import annotations

import dataclasses
import json

import pytest

from desktop_app.printing.model import PrintedFile, content_hash, normalize_code, qr_payload, short_code
from desktop_app.printing.names import FileNamer
from tests.unit.test_printing_samples import ARCHIVE_ID, printed


def test_content_round_trips_through_json_with_the_same_code() -> None:
    file = printed()
    again = PrintedFile.from_json(json.loads(json.dumps(file.to_json())))
    assert again == file and again.code == file.code
    assert file.code == content_hash(file.to_json()) and len(file.code) == 64


def test_code_changes_with_any_printed_string() -> None:
    file = printed()
    changed = dataclasses.replace(file, printed_at="2026-11-27 10:32:06")
    assert changed.code != file.code
    section = file.sections[0]
    row = dataclasses.replace(section.rows[0], cells=(*section.rows[0].cells[:6], "已修复", section.rows[0].cells[7]))
    edited = dataclasses.replace(file, sections=(dataclasses.replace(section, rows=(row, *section.rows[1:])),
                                                 *file.sections[1:]))
    assert edited.code != file.code


def test_short_code_qr_payload_and_normalisation() -> None:
    code = "3f2a9c1b0d4e77a1" + "0" * 48
    assert short_code(code) == "3F2A-9C1B-0D4E-77A1"
    assert qr_payload(ARCHIVE_ID, code) == f"IF1:{ARCHIVE_ID.upper()}:{code.upper()}"
    assert normalize_code("3F2A-9C1B-0D4E-77A1") == "3f2a9c1b0d4e77a1"
    assert normalize_code(qr_payload(ARCHIVE_ID, code)) == code
    with pytest.raises(ValueError):
        normalize_code("3F2A-XYZ")


@pytest.mark.parametrize("damage", [None, {}, {"format": "IF2"}, {"format": "IF1", "archive": 3}])
def test_from_json_refuses_anything_else(damage: object) -> None:
    with pytest.raises(ValueError):
        PrintedFile.from_json(damage)


def test_batch_file_names_are_safe_and_unique() -> None:
    namer = FileNamer()
    name = FileNamer.name_for("天河区/人社局", "张三", "440106198503010035")
    assert name == "天河区_人社局-张三-0035.pdf"
    assert namer.unique(name) == name
    assert namer.unique(name) == "天河区_人社局-张三-0035-2.pdf"
    assert FileNamer.name_for('a:*?"<>|', "..", "x1234") == "a_-_-1234.pdf"
