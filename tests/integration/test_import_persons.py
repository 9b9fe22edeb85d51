"""Importing persons into a real archive: dry run, all or nothing, re-runs, updates, backups, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop_app.errors import IntegrityFilesError, PermissionDenied
from desktop_app.importing import ImportCancelled, ImportRejected
from desktop_app.importing import persons as person_kind
from desktop_app.services import Services
from desktop_app.services.importing import ImportOptions, ImportService
from desktop_app.store.backups import backup_dir
from desktop_app.store.models import AuditEntry, Change, Person, Revision
from desktop_app.tabular import BinaryFileError, EmptyFileError, HeaderOnlyError, SheetNotFoundError
from tests.conftest import sign_in
from tests.factories import id_number, organ_uscc

UNIT = "广州市天河区人力资源和社会保障局"
HEADER = "姓名,公民身份号码,单位,职务,职级\n"


def _csv(tmp_path: Path, body: str, encoding: str = "utf-8", name: str = "persons.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


def _lines(*rows: tuple[str, str, str, str]) -> str:
    return "".join(f"{name},{number},{UNIT},{post},{rank}\n" for name, number, post, rank in rows)


def _state(services: Services) -> tuple[int, int, int]:
    with services.ctx.read() as s:
        return (int(s.scalar(select(func.count()).select_from(Person)) or 0),
                int(s.scalar(select(func.count()).select_from(Change)) or 0),
                int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0))


def test_dry_run_reports_each_bad_line_and_writes_nothing(admin: Services, tmp_path: Path) -> None:
    bad = id_number(5)[:-1] + ("1" if id_number(5)[-1] != "1" else "2")
    path = _csv(tmp_path, _lines(("王五", id_number(3), "科员", "一级科员"), ("赵六", bad, "", ""),
                                 ("", id_number(4), "", "")) + f"孙七,{id_number(6)},不存在的单位,,\n")
    before = _state(admin)
    report = ImportService(admin.ctx).check_persons(path)
    assert (report.lines, report.new, report.updates, report.unchanged, report.invalid) == (4, 1, 0, 0, 3)
    assert [(p.line, p.letter, p.column) for p in report.problems] == [
        (3, "B", "公民身份号码"), (4, "A", "姓名"), (5, "C", "单位")]
    assert "check character" in report.problems[0].message and "no unit named" in report.problems[2].message
    assert report.encoding == "utf-8" and report.format == "csv"
    assert _state(admin) == before  # a dry run writes nothing, not even an audit entry


def test_a_bad_line_refuses_the_whole_file_unless_skip_invalid(admin: Services, tmp_path: Path) -> None:
    path = _csv(tmp_path, _lines(("王五", id_number(3), "科员", ""), ("赵六", "440106", "", "")))
    importer = ImportService(admin.ctx)
    before = _state(admin)
    with pytest.raises(ImportRejected) as caught:
        importer.import_persons(path)
    assert caught.value.report.invalid == 1 and caught.value.line == 3
    assert _state(admin)[0] == before[0]  # nobody was added; only the refusal is audited
    assert not backup_dir(admin.ctx.archive.path).exists()  # and no backup was needed
    result = importer.import_persons(path, ImportOptions(skip_invalid=True))
    assert (result.inserted, result.updated, result.skipped) == (1, 0, 1)
    assert [p.name for p in admin.persons.search("王五")] == ["王五"]
    assert admin.maintenance.verify().ok


def test_import_rerun_and_update(admin: Services, tmp_path: Path) -> None:
    rows = [("王五", id_number(3), "科员", "一级科员"), ("赵六", id_number(4, female=True), "副科长", "四级主任科员"),
            ("张三", id_number(1), "科长", "一级主任科员")]  # 张三 is stored already, unchanged
    path = _csv(tmp_path, _lines(*rows), encoding="gbk")
    importer = ImportService(admin.ctx)
    result = importer.import_persons(path)
    assert (result.inserted, result.updated, result.report.unchanged) == (2, 0, 1)
    assert result.backup is not None and result.backup.exists() and "before-import" in result.backup.name
    assert result.report.encoding == "gbk"
    after_first = _state(admin)
    again = importer.check_persons(path)
    assert (again.new, again.updates, again.unchanged, again.invalid) == (0, 0, 3, 0)
    rerun = importer.import_persons(path)
    assert (rerun.inserted, rerun.updated, rerun.backup) == (0, 0, None)
    assert _state(admin)[:2] == after_first[:2]  # re-running changed nothing (one audit entry says it ran)

    changed = _csv(tmp_path, _lines(("王五", id_number(3), "副科长", "一级科员")), name="changed.csv")
    dry = importer.check_persons(changed)
    assert (dry.updates, dry.unchanged) == (1, 0)
    assert [(u.line, u.key, u.fields) for u in dry.updated] == [(2, "440106********" + id_number(3)[-4:], ("post",))]
    importer.import_persons(changed)
    person = admin.persons.search("王五")[0]
    assert person.post == "副科长" and person.version == 2
    with admin.ctx.read() as s:
        revision = s.scalars(select(Revision).where(Revision.entity_id == person.id)).one()
        assert revision.values["post"] == "科员" and "changed.csv" in revision.reason
        update = s.scalars(select(AuditEntry).where(AuditEntry.object_id == person.id.hex,
                                                    AuditEntry.action == "person.update")).one()
        assert update.detail["fields"] == ["post"] and update.detail["line"] == 2
        summary = s.scalars(select(AuditEntry).where(AuditEntry.action == "import.persons")
                            .order_by(AuditEntry.seq.desc())).first()
        assert summary is not None and summary.detail["updated"] == 1 and summary.detail["backup"]
        assert s.scalar(select(func.count()).select_from(Change).where(Change.entity_id == person.id)) == 2
    assert admin.maintenance.verify().ok


def test_blank_cells_never_clear_stored_values(admin: Services, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"张三,{id_number(1)},{UNIT},,\n")
    report = ImportService(admin.ctx).check_persons(path)
    assert (report.unchanged, report.updates) == (1, 0)


@pytest.mark.parametrize(("encoding", "detected"), [("utf-8-sig", "utf-8-sig"), ("gbk", "gbk"),
                                                    ("gb18030", "gb18030")])
def test_encodings(admin: Services, tmp_path: Path, encoding: str, detected: str) -> None:
    name = "𠮷祥" if encoding == "gb18030" else "欧阳娜娜"  # a rare character needs GB18030
    path = _csv(tmp_path, _lines((name, id_number(7), "科员", "")), encoding=encoding)
    result = ImportService(admin.ctx).import_persons(path)
    assert result.inserted == 1 and result.report.encoding == detected
    assert admin.persons.search(name)[0].name == name
    with pytest.raises(IntegrityFilesError):  # a wrong manual encoding is refused, not imported garbled
        ImportService(admin.ctx).check_persons(path, ImportOptions(encoding="utf-8" if encoding != "utf-8-sig"
                                                                   else "utf-16"))


def test_duplicate_id_numbers_in_the_file(admin: Services, tmp_path: Path) -> None:
    path = _csv(tmp_path, _lines(("王五", id_number(3), "", ""), ("王五", id_number(3), "科员", "")))
    report = ImportService(admin.ctx).check_persons(path)
    assert [(p.line, p.code) for p in report.problems] == [(3, "duplicate")]
    assert "repeats line 2" in report.problems[0].message


def _workbook(tmp_path: Path, rows: list[list[object]], merge: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "花名册"
    for row in rows:
        sheet.append(row)
    for ref in merge:
        sheet.merge_cells(ref)
    path = tmp_path / "persons.xlsx"
    book.save(path)
    return path


def test_xlsx_with_merged_cells_and_formulas(admin: Services, tmp_path: Path) -> None:
    path = _workbook(tmp_path, [["2026年人员花名册", None, None], ["姓名", "身份证号", "单位"],
                                ["王五", id_number(3), UNIT], ["赵六", id_number(4), None],
                                ["孙七", id_number(5), "=C3"]], merge=("A1:C1", "C3:C4"))
    importer = ImportService(admin.ctx)
    report = importer.check_persons(path)
    assert report.sheet == "花名册" and (report.new, report.invalid) == (2, 1)  # 赵六 shares 王五's merged unit
    assert [(p.line, p.letter, p.code) for p in report.problems] == [(5, "C", "table_formula")]
    with pytest.raises(SheetNotFoundError) as caught:
        importer.check_persons(path, ImportOptions(sheet="Sheet1"))
    assert caught.value.sheets == ("花名册",)
    result = importer.import_persons(path, ImportOptions(skip_invalid=True))
    assert result.inserted == 2 and admin.persons.search("赵六")[0].unit_name == UNIT


@pytest.mark.parametrize(("content", "error"), [
    (b"", EmptyFileError), (HEADER.encode(), HeaderOnlyError), (b"PK\x03\x04" + b"\x00" * 64, BinaryFileError),
    (b"%PDF-1.7\n" + bytes(range(256)), BinaryFileError),
])
def test_bad_files_get_typed_errors(admin: Services, tmp_path: Path, content: bytes, error: type) -> None:
    path = tmp_path / "persons.csv"
    path.write_bytes(content)
    before = _state(admin)
    with pytest.raises(error):
        ImportService(admin.ctx).import_persons(path)
    assert _state(admin) == before


def test_a_failure_in_the_middle_leaves_the_archive_as_it_was(admin: Services, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = _csv(tmp_path, _lines(*[(f"人员{i}", id_number(10 + i), "", "") for i in range(5)],
                                 ("张三", id_number(1), "处长", "")))
    before = _state(admin)
    original = person_kind.Writer.update

    def failing_update(*args: object, **kwargs: object) -> object:
        raise OSError("disk full")  # after the new persons were inserted, during the update

    monkeypatch.setattr(person_kind.Writer, "update", failing_update)
    with pytest.raises(OSError):
        ImportService(admin.ctx).import_persons(path)
    assert _state(admin) == before
    monkeypatch.setattr(person_kind.Writer, "update", original)
    cancelled = ImportService(admin.ctx)
    with pytest.raises(ImportCancelled):
        cancelled.import_persons(path, cancel=lambda: True)
    assert _state(admin) == before
    assert admin.maintenance.verify().ok


def test_permissions(admin: Services, tmp_path: Path) -> None:
    admin.users.add("reviewer1", "reviewer", "role passphrase 1")
    reviewer = sign_in(admin, "reviewer1", "role passphrase 1")
    try:
        path = _csv(tmp_path, _lines(("王五", id_number(3), "", "")))
        with pytest.raises(PermissionDenied):
            ImportService(reviewer.ctx).import_persons(path)
        with pytest.raises(PermissionDenied):
            ImportService(reviewer.ctx).inspect_file("persons", path)
    finally:
        reviewer.close()


def test_inspect_file_for_the_wizard(admin: Services, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(f"人名,证件,所在单位,备注\n王五,{id_number(3)},{UNIT},新调入\n", encoding="gbk")
    found = ImportService(admin.ctx).inspect_file("persons", path)
    assert found.encoding == "gbk" and found.headers == ("人名", "证件", "所在单位", "备注")
    assert found.mapping.as_dict() == {"人名": None, "证件": None, "所在单位": "unit", "备注": None}
    assert found.missing == ("name", "id_number") and found.samples[0][0] == "王五"
    assert organ_uscc(1) != ""  # the fixture's unit code is computed, not typed


def test_a_file_longer_than_the_limit_is_refused_whole(admin: Services, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.importing import source

    monkeypatch.setattr(source, "MAX_ROWS", 3)
    path = _csv(tmp_path, _lines(*[(f"人员{i}", id_number(10 + i), "", "") for i in range(5)]))
    before = _state(admin)
    with pytest.raises(IntegrityFilesError, match="more than 3 lines") as caught:
        ImportService(admin.ctx).import_persons(path, ImportOptions(skip_invalid=True))
    assert caught.value.line == 5 and _state(admin) == before
