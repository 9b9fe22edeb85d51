"""ruff and mypy are part of the test command: a lint or type error fails the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *argv], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff() -> None:
    result = _run("ruff", "check", "desktop_app", "db", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_core() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("layer", ["domain", "store", "services", "sync", "printing", "cli", "importing", "tabular"])
def test_core_layers_do_not_import_qt(layer: str) -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app" / layer).rglob("*.py")
                 if "PySide6" in p.read_text(encoding="utf-8")]
    assert offenders == []
