"""Large persons rosters (CSV) for the huge-input and lock tests: valid, distinct ID numbers computed
line by line, written as they are made (a million lines never sit in memory)."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

from desktop_app.domain.id_number import id_check_character

UNIT = "广州市天河区人力资源和社会保障局"
HEADERS = ["姓名", "公民身份号码", "单位", "职务", "职级"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
FIRST_BIRTH = date(1950, 1, 1)
PER_DAY = 999  # sequence numbers 001-999 for each birth date


def roster_id_number(i: int) -> str:
    """The ``i``-th ID number (i from 0): 999 per birth date from 1950-01-01, in Tianhe (440106)."""
    born = FIRST_BIRTH + timedelta(days=i // PER_DAY)
    first17 = f"440106{born:%Y%m%d}{i % PER_DAY + 1:03d}"
    return first17 + id_check_character(first17)


def roster_name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)] + GIVEN[i % len(GIVEN)]


def write_roster(path: Path, rows: int, *, note_chars: int = 0, bad_every: int = 0) -> Path:
    """A UTF-8 persons CSV of ``rows`` lines. ``note_chars``: an unmapped 备注 column this wide (makes
    the file, and what loading it whole would cost, larger). ``bad_every``: every n-th line gets an
    ID number with a wrong check character (file lines ``1 + k·n``, k ≥ 1, counting the header)."""
    headers = HEADERS + (["备注"] if note_chars else [])
    note = ("备注说明" * (note_chars // 4 + 1))[:note_chars]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(headers)
        for i in range(rows):
            number = roster_id_number(i)
            if bad_every and (i + 1) % bad_every == 0:
                number = number[:-1] + ("0" if number[-1] != "0" else "1")
            out.writerow([roster_name(i), number, UNIT, "科员", "一级科员"] + ([note] if note_chars else []))
    return path


def bad_lines(rows: int, bad_every: int) -> list[int]:
    """The file lines ``write_roster(..., bad_every=n)`` made bad (the header is line 1)."""
    return [i + 2 for i in range(rows) if bad_every and (i + 1) % bad_every == 0]
