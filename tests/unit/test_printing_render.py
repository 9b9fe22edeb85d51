"""The PDF itself, read back with pypdf: text in order, fonts, page furniture, long files, and the
verifier's text check (which must reject any edit of the visible text)."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date, timedelta

import pytest
from pypdf import PdfReader, PdfWriter

from desktop_app.domain.enums import RecordKind, RecordState
from desktop_app.printing.compose import PdfComposer, render_file
from desktop_app.printing.model import PrintedFile, Variant, short_code
from desktop_app.printing.page import Furniture
from desktop_app.printing.story import build_story, note_chunks
from desktop_app.printing.text import squeeze, text_problem
from desktop_app.printing.verify import inspect_pdf
from desktop_app.services.rows import RecordRow
from tests.unit.test_printing_samples import FULL_ID, MASKED_ID, printed, record


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def many_records(n: int) -> list[RecordRow]:
    return [record(i, RecordKind.PENALTY if i % 3 else RecordKind.COMMENDATION,
                   decided_on=date(2020, 1, 1) + timedelta(days=7 * i), facts="违反规定" * (1 + i % 5))
            for i in range(1, n + 1)]


def test_text_reads_back_in_order_with_states_and_masked_id() -> None:
    file = printed()
    pdf = render_file(file)
    text = squeeze("".join(pages_text(pdf.data)))
    atoms = [squeeze(a) for a in build_story(file).atoms if a.strip()]
    position = 0
    for atom in atoms:  # every printed string, in the order of the content
        found = text.find(atom, position)
        assert found >= 0, atom
        position = found + len(atom)
    assert MASKED_ID in text and FULL_ID not in text
    for state in ("异议处理中", "已修复", "公示期满", "已撤销", "草稿"):
        assert state in text
    assert text_problem(file, file.code, pages_text(pdf.data)) is None


def test_every_page_has_furniture_and_page_x_of_y() -> None:
    file = printed(many_records(60))
    pdf = render_file(file)
    texts = pages_text(pdf.data)
    assert pdf.pages == len(texts) > 1
    for number, text in enumerate(texts, 1):
        flat = squeeze(text)
        assert flat.startswith(squeeze("".join(Furniture.of(file, pdf.code).texts())))
        assert flat.endswith(f"第{number}/{pdf.pages}页")
        assert "内部审查" in flat and "打印人：reviewer-li" in flat and short_code(pdf.code) in flat
        assert flat.count("reviewer-li2026-11-2710:32:05") >= 3  # the watermark


def test_the_cjk_font_is_embedded_as_a_subset() -> None:
    reader = PdfReader(io.BytesIO(render_file(printed()).data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    cjk = [f for name, f in fonts.items() if "WenQuanYiMicroHei" in name]
    assert cjk, fonts.keys()
    for font in cjk:
        assert font["/BaseFont"][7] == "+"  # a subset tag such as /ABCDEF+
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
        assert "/ToUnicode" in font


def test_a_file_of_200_records_spans_pages_with_repeated_headers() -> None:
    file = printed(many_records(200))
    pdf = render_file(file)
    texts = pages_text(pdf.data)
    assert pdf.pages > 5
    furniture = squeeze("".join(Furniture.of(file, pdf.code).texts()))
    header = "序号类别程度文号决定机关决定日期状态公示期"
    continued = [squeeze(t)[len(furniture):] for t in texts[1:]]
    assert sum(body.startswith(header) for body in continued) >= 3
    assert text_problem(file, pdf.code, texts) is None
    assert len(pdf.data) < 400_000


def test_very_long_facts_are_split_not_cut() -> None:
    facts = "很长的事实描述，包含大量细节。" * 400  # several pages of text in one record
    file = printed([record(1, facts=facts), record(2)])
    pdf = render_file(file)
    assert pdf.pages >= 3
    assert "".join(note_chunks("事实：" + facts, 480)) == "事实：" + facts
    assert text_problem(file, pdf.code, pages_text(pdf.data)) is None


def test_public_variant_pdf_has_no_id_digits_and_names_the_variant_on_every_page() -> None:
    file = printed(many_records(40), variant=Variant.PUBLIC, id_number=FULL_ID)
    texts = pages_text(render_file(file).data)
    flat = squeeze("".join(texts))
    assert FULL_ID not in flat and MASKED_ID not in flat and FULL_ID[:6] not in flat
    assert all("（公示）" in squeeze(t) for t in texts)


def test_the_text_check_rejects_an_edited_state() -> None:
    file = printed()
    texts = pages_text(render_file(file).data)
    edited = [texts[0].replace("异议处理中", "已生效", 1), *texts[1:]]
    problem = text_problem(file, file.code, edited)
    assert problem is not None and problem.startswith("page 1") and "已生效" in problem
    swapped = [texts[0].replace("已修复", "@@").replace("公示期满", "已修复").replace("@@", "公示期满"), *texts[1:]]
    assert text_problem(file, file.code, swapped) is not None
    assert text_problem(file, file.code, texts[:-1]) is not None or len(texts) == 1
    assert text_problem(file, file.code, [texts[0] + "追加"]) is not None


def test_a_forged_page_with_the_original_verification_data_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The visible state changed, everything else (code, QR, embedded content) kept."""
    original = printed([record(1), record(2)])
    good = render_file(original)
    rows = original.sections[0].rows
    forged_row = dataclasses.replace(rows[0], cells=(*rows[0].cells[:6], RecordState.REPAIRED.label, rows[0].cells[7]))
    forged = dataclasses.replace(original, sections=(dataclasses.replace(original.sections[0],
                                                                         rows=(forged_row, rows[1])),
                                                     *original.sections[1:]))
    code = original.code
    monkeypatch.setattr(PrintedFile, "code", property(lambda _self: code))
    fake = render_file(forged).data
    monkeypatch.undo()
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(fake)).pages:
        writer.add_page(page)
    for name, blobs in PdfReader(io.BytesIO(good.data)).attachments.items():
        writer.add_attachment(name, blobs[0])
    out = io.BytesIO()
    writer.write(out)
    inspection = inspect_pdf(out.getvalue())
    assert inspection.problem is None and inspection.parts[0].code == original.code
    assert inspection.parts[0].problem is not None and "已修复" in inspection.parts[0].problem
    assert inspect_pdf(good.data).ok


def test_composer_puts_several_files_in_one_pdf_with_their_own_numbering() -> None:
    files = [printed(many_records(n), printed_by=f"user{n}") for n in (3, 45, 0)]
    out = io.BytesIO()
    composer = PdfComposer(out)
    parts = [composer.add(f) for f in files]
    composer.finish(title="batch", author="x", subject="y")
    data = out.getvalue()
    assert [p.first_page for p in parts] == [1, 1 + parts[0].pages, 1 + parts[0].pages + parts[1].pages]
    texts = pages_text(data)
    assert len(texts) == sum(p.pages for p in parts)
    assert squeeze(texts[parts[1].first_page - 1]).endswith(f"第1/{parts[1].pages}页")
    inspection = inspect_pdf(data)
    assert inspection.ok and [p.code for p in inspection.parts] == [f.code for f in files]
    attachments = PdfReader(io.BytesIO(data)).attachments
    payload = json.loads(attachments["integrity-file-00002.json"][0])
    assert payload["first_page"] == parts[1].first_page and payload["content"] == files[1].to_json()


def test_inspection_reports_files_that_are_not_prints() -> None:
    assert inspect_pdf(b"not a pdf").problem == "not a readable PDF file"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    assert "no verification data" in (inspect_pdf(out.getvalue()).problem or "")
    reader = PdfReader(io.BytesIO(render_file(printed()).data))
    writer = PdfWriter(clone_from=reader)
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    assert "pages" in (inspect_pdf(out.getvalue()).problem or "")


def test_annotations_or_images_added_on_top_fail() -> None:
    from pypdf.annotations import FreeText

    reader = PdfReader(io.BytesIO(render_file(printed()).data))
    writer = PdfWriter(clone_from=reader)
    writer.add_annotation(0, FreeText(text="已修复", rect=(400, 600, 470, 620)))
    out = io.BytesIO()
    writer.write(out)
    assert "annotations" in (inspect_pdf(out.getvalue()).problem or "")


def test_the_same_content_twice_in_one_pdf_shares_its_qr_code() -> None:
    file = printed()
    out = io.BytesIO()
    composer = PdfComposer(out)
    composer.add(file)
    composer.add(file)
    composer.finish(title="twice", author="x", subject="y")
    inspection = inspect_pdf(out.getvalue())
    assert inspection.ok and len(inspection.parts) == 2
