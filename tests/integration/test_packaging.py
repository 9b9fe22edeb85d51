"""Packaging (docs/PACKAGING.md): build.spec lists what the app needs, and --version and --self-test
work from the source tree. Building and self-testing the bundle itself is .ci/build-app (minutes)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app import __version__, resources
from desktop_app.about import about_info
from desktop_app.store.migrations import head_revision

ROOT = Path(__file__).resolve().parents[2]

# Runs build.spec with stand-ins for PyInstaller's build steps and prints what it would bundle.
HARNESS = r"""
import json, sys
from pathlib import Path

spec = Path(sys.argv[1])
seen = {}


class Analysis:
    def __init__(self, scripts, **kw):
        seen.update(scripts=scripts, hiddenimports=kw["hiddenimports"], excludes=kw["excludes"],
                    datas=[[src, dest] for src, dest in kw["datas"]])
        self.binaries, self.datas, self.pure, self.scripts = [], [], [], scripts


def EXE(*args, **kw):
    seen.setdefault("executables", []).append(kw["name"])


def COLLECT(*args, **kw):
    seen["collect"] = kw["name"]


ns = {"SPECPATH": str(spec.parent), "Analysis": Analysis, "PYZ": lambda *a, **k: None, "EXE": EXE,
      "COLLECT": COLLECT}
exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), ns)
seen["kept"] = {path: ns["_wanted"]((path, "", "BINARY")) for path in sys.argv[2:]}
print(json.dumps(seen))
"""

KEPT = ["PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm", "libpython3.11.so.1.0", "libsqlite3.so.0",
        "libfreetype-57f805ba.so.6.20.6", "libffi.so.8"]
DROPPED = ["PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/imageformats/libqpdf.so",
           "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/translations/qtbase_de.qm",
           "libX11.so.6", "libglib-2.0.so.0", "libfontconfig.so.1", "libstdc++.so.6", "libcairo.so.2"]


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "INTEGRITY_FILES_BUILD_ASSETS": str(tmp_path_factory.mktemp("assets"))}
    result = subprocess.run([sys.executable, "-c", HARNESS, str(ROOT / "build.spec"), *KEPT, *DROPPED],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    parsed: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


def _bundled(spec: dict[str, Any]) -> set[str]:
    return {f"{Path(dest).as_posix()}/{Path(src).name}" for src, dest in spec["datas"]}


def test_spec_bundles_migrations_resources_and_metadata(spec: dict[str, Any]) -> None:
    bundled = _bundled(spec)
    for folder in ("db/local", "db/central"):
        sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob("*")
                   if p.suffix in (".py", ".mako") and "__pycache__" not in p.parts}
        assert f"{folder}/env.py" in sources
        assert sources <= bundled
    assert {"resources/fonts/wqy-microhei.ttc", "resources/fonts/LICENSE-wqy-microhei.txt",
            "resources/data/gb2260-guangdong.csv", "resources/icons/app.svg",
            "resources/translations/integrity_files_en.qm"} <= bundled
    assert not [p for p in bundled if p.endswith(".ts")]  # compiled .qm only: the app never compiles
    assert any(Path(dest).name.startswith("integrity_files") for _, dest in spec["datas"])  # __version__


def test_spec_imports_the_dialect_and_excludes_unused_qt(spec: dict[str, Any]) -> None:
    assert {"sqlcipher3.dbapi2", "sqlalchemy.dialects.sqlite.pysqlite", "desktop_app.selftest",
            "desktop_app.cli", "alembic.op"} <= set(spec["hiddenimports"])
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick", "PySide6.QtQml",
            "PySide6.QtMultimedia"} <= set(spec["excludes"])
    assert spec["kept"] == {path: path in KEPT for path in KEPT + DROPPED}
    assert spec["collect"] == "integrity-files"
    assert spec["executables"][0] == "integrity-files"


def _run_app(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "TMPDIR": str(home)}
    env.pop("XDG_CONFIG_HOME", None)
    env.pop("XDG_DATA_HOME", None)
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_version_names_the_parts_an_archive_depends_on(tmp_path: Path) -> None:
    result = _run_app("--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"integrity-files {__version__}"
    text = result.stdout
    assert f"archive schema  {head_revision()}" in text
    assert "sqlcipher" in text and "community" in text
    assert "qt" in text and "pyside6" in text


def test_self_test_passes_from_source_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = _run_app("--self-test", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    for step in ("create archive", "write", "read", "print PDF", "migrate", "verify", "qt"):
        assert f"ok   {step}" in result.stdout
    assert list(tmp_path.iterdir()) == []  # temporary archive removed; no settings, no data dir


def test_resources_come_from_the_bundle_when_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resources.resource_path("data", "gb2260-guangdong.csv").is_file()
    assert (resources.migrations_path("local") / "env.py").is_file()
    assert not resources.is_frozen()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.is_frozen()
    assert resources.resource_path("fonts") == tmp_path / "resources" / "fonts"
    assert resources.migrations_path("central") == tmp_path / "db" / "central"


def test_about_info_for_the_about_dialog() -> None:
    info = about_info()
    assert info["version"] == __version__
    assert info["archive schema"] == head_revision()
    assert all(isinstance(v, str) and v for v in info.values())


def test_glibc_floor_reads_symbol_versions(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("glibc_floor", ROOT / "packaging" / "glibc_floor.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "a.so").write_bytes(b"\x7fELF\x00GLIBC_2.17\x00GLIBC_2.28\x00GLIBCXX_3.4.21\x00")
    (tmp_path / "b.so").write_bytes(b"\x7fELF\x00GLIBC_2.34\x00")
    (tmp_path / "notes.txt").write_bytes(b"\x00GLIBC_2.99\x00")  # not an ELF file
    found = module.requirements(tmp_path)
    assert found["GLIBC"] == ((2, 34), ["b.so"])
    assert found["GLIBCXX"] == ((3, 4, 21), ["a.so"])


def test_the_built_application_passes_its_self_test() -> None:
    """Issue 11: CI builds the app with build.spec and runs the built app's self-test (about a minute)."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(["bash", str(root / ".ci" / "build-app")], cwd=root, capture_output=True, text=True,
                            timeout=1200)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "self-test passed" in result.stdout
