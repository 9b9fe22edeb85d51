"""Secrets and plaintext in the desktop client (issue 9, item 10): a clerk searches for a person,
opens the file, types the facts of a new record, and the app locks with the form open (an
encrypted draft). Every file under the test folder — archive, WAL, key and head files, settings,
drafts — is then scanned for the canaries in UTF-8, UTF-16-LE/BE and GBK: zero hits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.services.persons import PersonDraft
from desktop_app.ui.records.record_dialog import RecordDialog
from tests.factories import PASSPHRASE, id_number
from tests.gui.conftest import type_text
from tests.gui.test_lock import signed_in_shell

CANARY_NAME = "欧阳菲菲"
CANARY_ID = id_number(79, division="440304", female=True)
CANARY_FACTS = "私自收受购物卡伍仟元"


def _hits(root: Path) -> list[str]:
    texts = {"name": CANARY_NAME, "id": CANARY_ID, "id tail": CANARY_ID[-8:], "facts": CANARY_FACTS,
             "passphrase": PASSPHRASE}
    forms = {label: [t.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be", "gbk")] for label, t in texts.items()}
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path.relative_to(root)}: {label}" for label, f in forms.items() if any(x in data for x in f)]
    return hits


def test_no_canary_in_settings_logs_drafts_or_archive_after_a_lock(qtbot, shell, admin, clock,
                                                                 tmp_path: Path) -> None:
    page = signed_in_shell(qtbot, shell, admin)
    admin.persons.add(PersonDraft(name=CANARY_NAME, id_number=CANARY_ID, unit_name="广州市天河区人力资源和社会保障局"))
    type_text(page.search_edit, CANARY_NAME)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    person = admin.persons.search(CANARY_NAME)[0]
    page.open_person(person.id)
    page.file_view.records_tab.add_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible())
    type_text(dialog.facts_edit, CANARY_FACTS)
    clock.advance(24 * 60 * 60)
    with qtbot.waitSignal(shell.locked, timeout=5000):
        assert shell.idle.check()
    shell.settings.store.sync()

    drafts = [p for p in tmp_path.rglob("*") if p.is_file() and "drafts" in p.parts]
    assert drafts, "the open form was kept as a draft"
    assert (tmp_path / "settings.ini").exists() and (tmp_path / "office.db-wal").exists()
    assert _hits(tmp_path) == []
