"""PrintService on a real SQLCipher archive: permissions, audit, variants, batches, verification."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from desktop_app.domain.enums import Severity
from desktop_app.domain.policy import DEFAULT_POLICY
from desktop_app.errors import NotFoundError, PermissionDenied, ValidationError
from desktop_app.printing.compose import render_file
from desktop_app.printing.content import PrintHeader, build_file
from desktop_app.printing.model import Variant
from desktop_app.services import Services
from desktop_app.services.printing import PrintService
from desktop_app.services.records import RecordDraft
from desktop_app.store.models import AuditEntry, IntegrityRecord
from tests.conftest import sign_in
from tests.factories import id_number

UNIT = "广州市天河区人力资源和社会保障局"
ROLE_PASSPHRASE = "role passphrase 1"


def text_of(data: bytes) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def person_id(services: Services, seq: int = 1) -> uuid.UUID:
    return services.persons.show(id_number(seq)).person.id


def add_record(services: Services, seq: int, *, kind: str = "行政处罚", severity: str = "一般",
               decided_on: date = date(2026, 3, 2), sanction: str | None = None) -> uuid.UUID:
    draft = RecordDraft(kind=kind, severity=severity, decided_on=decided_on, document_no=f"穗天罚〔2026〕{seq}号",
                        authority="广州市天河区市场监督管理局", facts=f"第{seq}项违规事实", sanction=sanction)
    return services.records.add(person_id(services), draft).id


def force(services: Services, record_id: uuid.UUID, values: dict[str, object], action: str) -> None:
    """States no service sets yet (objections, repair): written through the audited write path."""
    with services.ctx.archive.writing("admin") as w:
        record = w.session.get(IntegrityRecord, record_id)
        assert record is not None
        w.update(record, values, action)


def print_entries(services: Services) -> list[AuditEntry]:
    with services.ctx.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action.like("print.%"))
                              .order_by(AuditEntry.seq)))


@pytest.fixture
def printing(admin: Services) -> PrintService:
    return PrintService(admin.ctx)


@pytest.fixture
def reviewer(admin: Services) -> Iterator[Services]:
    admin.users.add("reviewer-li", "reviewer", ROLE_PASSPHRASE)
    services = sign_in(admin, "reviewer-li", ROLE_PASSPHRASE)
    yield services
    services.close()


def test_a_print_is_audited_with_its_verification_code(admin: Services, printing: PrintService) -> None:
    add_record(admin, 1)
    pdf = printing.render(person_id(admin))
    entry = print_entries(admin)[-1]
    assert entry.action == "print.file" and entry.user_name == "admin" and entry.object_id == person_id(admin).hex
    assert entry.detail["verification"] == pdf.code and entry.detail["pages"] == pdf.pages == 1
    assert entry.detail["variant"] == "internal" and entry.detail["person"] == person_id(admin).hex
    assert pdf.file_name == f"{UNIT}-张三-{id_number(1)[-4:]}.pdf"
    assert "天河区人力资源和社会保障局" in text_of(pdf.data)  # the office from the archive
    assert [p.code for p in printing.lookup(pdf.short_code)] == [pdf.code]


def test_full_id_only_for_who_may_see_it_and_noted_in_the_audit(admin: Services, printing: PrintService,
                                                               reviewer: Services) -> None:
    full, masked = id_number(1), f"{id_number(1)[:6]}********{id_number(1)[-4:]}"
    admin_pdf = printing.render(person_id(admin))
    assert full in text_of(admin_pdf.data) and admin_pdf.full_id
    assert print_entries(admin)[-1].detail["full_id"] is True
    asked_masked = printing.render(person_id(admin), mask_id=True)
    assert masked in text_of(asked_masked.data) and full not in text_of(asked_masked.data)
    reviewer_pdf = PrintService(reviewer.ctx).render(person_id(admin))
    assert masked in text_of(reviewer_pdf.data) and full not in text_of(reviewer_pdf.data)
    assert print_entries(admin)[-1].detail["full_id"] is False


def test_under_objection_and_repaired_records_print_as_such(admin: Services, printing: PrintService) -> None:
    objected, repaired, active = add_record(admin, 1), add_record(admin, 2), add_record(admin, 3)
    force(admin, objected, {"under_objection": True}, "test.objection")
    force(admin, repaired, {"state": "repaired", "state_reason": "准予修复"}, "test.repair")
    text = text_of(printing.render(person_id(admin)).data)
    assert "穗天罚〔2026〕1号广州市天河区市场监督管理局2026-03-02异议处理中" in text
    assert "穗天罚〔2026〕2号广州市天河区市场监督管理局2026-03-02已修复" in text
    assert "穗天罚〔2026〕3号广州市天河区市场监督管理局2026-03-02已生效" in text
    assert text.count("已生效") == 1 + text.count("已生效原因")  # only record 3 is printed as in effect
    assert "穗天罚〔2026〕2号失信记录有效" not in text  # no flag from the repaired record
    assert admin.maintenance.verify().ok  # the forced states kept the audit chain valid
    assert active


def test_public_variant_leaves_out_what_may_not_be_published(admin: Services, printing: PrintService) -> None:
    add_record(admin, 1)
    add_record(admin, 2, severity="轻微")
    force(admin, add_record(admin, 3), {"state": "repaired"}, "test.repair")
    admin.records.revoke(add_record(admin, 4), reason="复核撤销")
    add_record(admin, 5, kind="嘉奖", severity="一般")
    pdf = printing.render(person_id(admin), variant=Variant.PUBLIC)
    text = text_of(pdf.data)
    body, notice = text.split("五、说明")
    assert "穗天罚〔2026〕1号" in body and "穗天罚〔2026〕5号" in body
    for left_out in ("穗天罚〔2026〕2号", "穗天罚〔2026〕3号", "穗天罚〔2026〕4号", "已修复", "已撤销", "公民身份号码"):
        assert left_out not in body
    assert "不列示公民身份号码" in notice
    assert id_number(1) not in text and id_number(1)[-4:] not in text and "1985-03-01" not in text
    assert print_entries(admin)[-1].detail["variant"] == "public"


def test_a_trainer_cannot_print_and_the_refusal_is_audited(admin: Services) -> None:
    admin.users.add("trainer-wang", "trainer", ROLE_PASSPHRASE)
    trainer = sign_in(admin, "trainer-wang", ROLE_PASSPHRASE)
    try:
        with pytest.raises(PermissionDenied):
            PrintService(trainer.ctx).render(person_id(admin))
        with pytest.raises(PermissionDenied):
            PrintService(trainer.ctx).batch([person_id(admin)], Path("x.pdf"), one_file=True)
    finally:
        trainer.close()
    refused = [e for e in print_entries(admin) if not e.success]
    assert [(e.action, e.user_name) for e in refused] == [("print.render", "trainer-wang"),
                                                         ("print.batch", "trainer-wang")]


def test_verify_accepts_an_unaltered_print(admin: Services, printing: PrintService, tmp_path: Path) -> None:
    add_record(admin, 1)
    path = tmp_path / "file.pdf"
    pdf = printing.export(person_id(admin), path)
    assert path.read_bytes() == pdf.data and print_entries(admin)[-1].action == "print.export"
    result = printing.verify(path.read_bytes())
    assert result.valid, result.reason
    assert result.parts[0].printed is not None and result.parts[0].printed.printed_by == "admin"
    assert result.lines()[0].startswith("valid: printed by admin at ")
    assert print_entries(admin)[-1].action == "print.verify" and print_entries(admin)[-1].success


def test_verify_rejects_an_edited_pdf(admin: Services, printing: PrintService) -> None:
    add_record(admin, 1)
    pdf = printing.render(person_id(admin))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf.data)))
    contents = writer.pages[0].get_contents()
    assert contents is not None
    data = contents.get_data()
    assert data.count(b"(2026-03-02)") >= 1  # the decision date, drawn as plain ASCII
    contents.set_data(data.replace(b"(2026-03-02)", b"(2026-03-09)", 1))
    writer.pages[0].replace_contents(contents)
    edited = io.BytesIO()
    writer.write(edited)
    result = printing.verify(edited.getvalue())
    assert not result.valid and "page 1" in result.reason and "2026-03-09" in result.reason
    assert print_entries(admin)[-1].action == "print.verify" and not print_entries(admin)[-1].success


def test_verify_rejects_changed_verification_data_and_foreign_archives(admin: Services, printing: PrintService,
                                                                       make_archive: object) -> None:
    pdf = printing.render(person_id(admin))
    reader = PdfReader(io.BytesIO(pdf.data))
    (name, blobs), = reader.attachments.items()
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.add_attachment(name, blobs[0].replace("张三".encode(), "张四".encode()))
    out = io.BytesIO()
    writer.write(out)
    assert not printing.verify(out.getvalue()).valid
    other = make_archive("other.db")  # type: ignore[operator]
    foreign = PrintService(other.ctx).verify(pdf.data)
    assert not foreign.valid and "another archive" in foreign.reason
    assert printing.verify(b"%PDF-1.4 nonsense").reason == "not a readable PDF file"


def test_verify_rejects_a_pdf_made_outside_the_service(admin: Services, printing: PrintService) -> None:
    """Consistent content, code and text, made with the printing library directly: never audited."""
    archive = admin.ctx.archive
    header = PrintHeader(archive.archive_id, archive.office_name, Variant.INTERNAL, "admin", "2026-11-27 09:00:00")
    file = build_file(admin.persons.show(id_number(1)), header, id_number=None, today=admin.ctx.today())
    result = printing.verify(render_file(file).data)
    assert not result.valid and "no print with this content is recorded" in result.reason


def test_batch_per_person_files_with_progress_and_audit(admin: Services, printing: PrintService,
                                                        tmp_path: Path) -> None:
    ids = admin.persons.search_ids(unit_id=admin.units.by_name(UNIT).id)
    seen: list[tuple[int, int]] = []
    result = printing.batch(ids, tmp_path / "out", one_file=False, progress=lambda d, t: seen.append((d, t)))
    assert not result.cancelled and result.persons == 2 and seen == [(1, 2), (2, 2)]
    assert sorted(p.name for p in result.files) == sorted([f"{UNIT}-张三-{id_number(1)[-4:]}.pdf",
                                                           f"{UNIT}-李四-{id_number(2, female=True)[-4:]}.pdf"])
    assert all(printing.verify(p.read_bytes()).valid for p in result.files)
    entries = print_entries(admin)
    exports = [e for e in entries if e.action == "print.export"]
    assert len(exports) == 2 and len({e.detail["batch"] for e in exports}) == 1
    summary = next(e for e in entries if e.action == "print.batch")
    assert summary.detail["persons"] == 2 and summary.detail["mode"] == "per_person"
    assert not list((tmp_path / "out").glob(".*part"))


def test_batch_into_one_pdf_verifies_part_by_part(admin: Services, printing: PrintService, tmp_path: Path) -> None:
    add_record(admin, 1)
    ids = admin.persons.search_ids()
    result = printing.batch(ids, tmp_path / "unit.pdf", one_file=True, variant=Variant.PUBLIC)
    assert result.files == (tmp_path / "unit.pdf",) and result.persons == 2
    verification = printing.verify((tmp_path / "unit.pdf").read_bytes())
    assert verification.valid and [p.person_name for p in verification.parts] == ["李四", "张三"]
    assert len(verification.lines()) == 2


def test_batch_cancel_ends_quietly(admin: Services, printing: PrintService, tmp_path: Path) -> None:
    ids = admin.persons.search_ids()
    calls = iter([False, True])
    result = printing.batch(ids, tmp_path / "out", one_file=False, cancel=lambda: next(calls))
    assert result.cancelled and result.persons == 1 and len(list((tmp_path / "out").iterdir())) == 1
    result = printing.batch(ids, tmp_path / "one.pdf", one_file=True, cancel=lambda: True)
    assert result.cancelled and not (tmp_path / "one.pdf").exists() and not list(tmp_path.glob(".*part"))
    summary = [e for e in print_entries(admin) if e.action == "print.batch"]
    assert [e.detail["cancelled"] for e in summary] == [True, True]


def test_unknown_person_and_bad_codes(printing: PrintService) -> None:
    with pytest.raises(NotFoundError):
        printing.render(uuid.uuid4())
    with pytest.raises(ValidationError):
        printing.lookup("12")
    assert printing.lookup("0123456789abcdef") == []


def test_a_person_with_200_records_prints_on_many_pages_and_verifies(admin: Services,
                                                                     printing: PrintService) -> None:
    owner = person_id(admin)
    with admin.ctx.archive.writing("admin") as w:  # one transaction: 200 service calls take seconds
        for seq in range(1, 201):
            decided = date(2020, 1, 1) + timedelta(days=5 * seq)
            window = DEFAULT_POLICY.publication_window(Severity.ORDINARY, decided)
            w.insert(IntegrityRecord(person_id=owner, polarity="dishonest", kind="penalty", severity="ordinary",
                                     document_no=f"穗天罚〔2026〕{seq}号", authority="广州市天河区市场监督管理局",
                                     decided_on=decided, facts=f"第{seq}项违规事实", state="active",
                                     under_objection=False, publication_start=window.start,
                                     publication_earliest_end=window.earliest_end,
                                     publication_latest_end=window.latest_end), "record.create")
    pdf = printing.render(person_id(admin))
    pages = [("".join(p.extract_text().split())) for p in PdfReader(io.BytesIO(pdf.data)).pages]
    assert pdf.pages == len(pages) > 5
    assert all(f"第{n}/{pdf.pages}页" in page for n, page in enumerate(pages, 1))
    assert sum("序号类别程度文号决定机关决定日期状态公示期" in page for page in pages[1:]) >= 4
    text = "".join(pages)
    positions = [text.find(f"穗天罚〔2026〕{seq}号") for seq in range(1, 201)]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)  # in decision order
    assert printing.verify(pdf.data).valid
