"""Secrets and plaintext, end to end (issue 9, item 10): an office works through the command line —
init, units, a person and a record carrying canary values, a second user, verify, backup, rekey,
sync with headquarters, a bundle, a print and an export — with HOME, the XDG folders and TMPDIR
all inside one folder. Then every file under that folder is scanned for the canaries (a Chinese
name, an ID number and its last eight digits, the facts of a record, both passphrases) in UTF-8,
UTF-16-LE/BE and GBK: zero hits.

What is deliberately *not* scanned, because it is the plaintext a person asked for: the PDF and the
export file (in ``outputs/``) and headquarters' central store (``hq/``, a server in production).
The control at the end proves the scanner sees those canaries where they are meant to be.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from desktop_app.cli import main as cli
from tests.factories import PASSPHRASE, id_number, organ_uscc

CANARY_NAME = "欧阳娜娜"
CANARY_ID = id_number(78, division="440304", female=True)
CANARY_FACTS = "收受礼金人民币肆万元整"
SECOND_PASSPHRASE = "第二位录入员的口令 canary-7781"
UNIT = "广州市天河区人力资源和社会保障局"


def _needles() -> dict[str, list[bytes]]:
    texts = {"name": CANARY_NAME, "id": CANARY_ID, "id tail": CANARY_ID[-8:], "facts": CANARY_FACTS,
             "passphrase": PASSPHRASE, "second passphrase": SECOND_PASSPHRASE}
    encodings = ("utf-8", "utf-16-le", "utf-16-be", "gbk")
    return {label: [text.encode(e) for e in encodings] for label, text in texts.items()}


def _scan(root: Path, skip: tuple[Path, ...] = ()) -> tuple[list[str], int]:
    hits, files = [], 0
    needles = _needles()
    for path in root.rglob("*"):
        if not path.is_file() or any(path.is_relative_to(s) for s in skip):
            continue
        files += 1
        data = path.read_bytes()
        hits += [f"{path.relative_to(root)}: {label}" for label, forms in needles.items()
                 if any(form in data for form in forms)]
    return hits, files


def _run(*argv: str) -> None:
    assert cli(list(argv)) == 0, argv


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "root"
    for sub in ("home", "config", "data", "cache", "state", "tmp", "office", "outputs", "hq"):
        (root / sub).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(root / "home"))
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_STATE_HOME", "state"), ("TMPDIR", "tmp"), ("SQLITE_TMPDIR", "tmp")):
        monkeypatch.setenv(var, str(root / sub))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    monkeypatch.setenv("INTEGRITY_FILES_PASSPHRASE", PASSPHRASE)
    monkeypatch.chdir(root / "office")
    return root


def test_no_canary_in_any_file_the_app_wrote(sandbox: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    office, outputs, hq = sandbox / "office", sandbox / "outputs", sandbox / "hq"
    _run("central", "init", str(hq / "central.db"))
    _run("init", "office.db", "--admin", "admin", "--office", "天河区人社局")
    _run("device", "key", "office.db", "-o", "office.key")
    _run("central", "enroll", str(hq / "central.db"), "--device-key", "office.key", "--scope", "44")
    _run("unit", "add", "office.db", "--name", UNIT, "--code", organ_uscc(1), "--division", "440106")
    _run("person", "add", "office.db", "--name", CANARY_NAME, "--id-number", CANARY_ID, "--unit", UNIT)
    _run("record", "add", "office.db", "--id-number", CANARY_ID, "--kind", "纪律处分", "--severity", "一般",
         "--sanction", "记过", "--decided-on", "2026-03-02", "--document-no", "天纪发〔2026〕3号",
         "--authority", "天河区纪委监委", "--facts", CANARY_FACTS)
    with monkeypatch.context() as m:
        m.setenv("INTEGRITY_FILES_NEW_PASSPHRASE", SECOND_PASSPHRASE)
        _run("user", "add", "office.db", "clerk7", "--role", "录入员")
    _run("person", "list", "office.db", "--search", CANARY_NAME[:2])
    _run("verify", "office.db")
    _run("backup", "office.db", str(office / "office-backup.db"))
    _run("rekey", "office.db")
    _run("sync", "office.db", "--central", str(hq / "central.db"))
    _run("central", "key", str(hq / "central.db"), "-o", "hq.key")
    _run("bundle", "export", "office.db", "--to", "hq.key", "-o", "office-1.ifb")
    _run("print", "office.db", "--id-number", CANARY_ID, "-o", str(outputs / "file.pdf"))
    _run("export", "office.db", "persons", "-o", str(outputs / "persons.csv"))
    capsys.readouterr()

    hits, files = _scan(sandbox, skip=(outputs, hq))
    assert files >= 8, files  # archive, keys, head, backup and its keys and head, bundle, device key …
    assert hits == []

    # Control: the scanner finds the canaries where a person asked for plaintext.
    # (The PDF's text is glyph ids of the embedded font subset; the default export masks ID numbers.)
    control, _ = _scan(outputs)
    assert control == ["persons.csv: name"]
    central, _ = _scan(hq)
    assert any(h.endswith(": name") for h in central)
