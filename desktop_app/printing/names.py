"""File names of per-person prints: ``单位-姓名-身份证后四位.pdf``, safe on Windows and Linux."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
MAX_STEM = 120  # characters; keeps the full path well under Windows' 260


class FileNamer:
    """Hands out unique names within one batch: a second 单位-姓名-1234.pdf becomes …-1234-2.pdf."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    @staticmethod
    def name_for(unit: str, name: str, id_number: str) -> str:
        stem = "-".join(_safe(part) for part in (unit, name, id_number[-4:]))
        return f"{stem[:MAX_STEM]}.pdf"

    def unique(self, file_name: str) -> str:
        stem = file_name.removesuffix(".pdf")
        candidate, n = file_name, 1
        while candidate.casefold() in self._used:
            n += 1
            candidate = f"{stem}-{n}.pdf"
        self._used.add(candidate.casefold())
        return candidate


def _safe(text: str) -> str:
    cleaned = _UNSAFE.sub("_", text).strip().strip(".")
    return cleaned or "_"
