"""The body of a printed file as reportlab flowables, and the same text as a list of atoms.

The atoms are every string the flowables draw, in drawing order (tables draw row by row, cell by
cell). The verifier rebuilds them from the embedded content and compares them with the text it
extracts from the PDF, so the body drawn and the body expected cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from desktop_app.printing import layout
from desktop_app.printing.fonts import font_name, printable, runs, text_width
from desktop_app.printing.model import PrintedFile, Row, Section

StyleCommand = tuple[Any, ...]  # a reportlab TableStyle command
IDENTITY_TITLE = "一、基本信息"
KEEP_WITH_TITLE = 72  # points: a section title never ends a page without room for a row under it
NOTE_LINES = 30  # the longest piece of a note printed in one table row


@dataclass(slots=True)
class Story:
    flowables: list[Flowable] = field(default_factory=list)
    atoms: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)  # table header rows that repeat on later pages

    def text(self, text: str, style: ParagraphStyle) -> None:
        self.flowables.append(paragraph(text, style))
        self.atoms.append(text)


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    font = font_name()
    body = ParagraphStyle("body", fontName=font, fontSize=layout.BODY_SIZE, leading=layout.BODY_LEADING,
                          textColor=layout.INK, wordWrap="CJK")
    return {
        "body": body,
        "body_space": ParagraphStyle("body_space", parent=body, wordWrap=None),
        "note": ParagraphStyle("note", parent=body, fontSize=layout.NOTE_SIZE, leading=10.5,
                               textColor=layout.NOTE_INK),
        "title": ParagraphStyle("title", parent=body, fontSize=18, leading=24, alignment=TA_CENTER,
                                spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11, leading=15, alignment=TA_CENTER,
                                   textColor=layout.MUTED, spaceAfter=8),
        "section": ParagraphStyle("section", parent=body, fontSize=11, leading=15, spaceBefore=9,
                                  spaceAfter=4, textColor=layout.SECTION_INK),
        "empty": ParagraphStyle("empty", parent=body, leftIndent=8, textColor=layout.MUTED),
    }


def build_story(file: PrintedFile) -> Story:
    file = file.mapped(printable)  # what the font cannot draw prints as its code point
    s = styles()
    story = Story()
    story.text(file.title, s["title"])
    story.text(f"（{file.variant.label}）", s["subtitle"])
    story.text(IDENTITY_TITLE, s["section"])
    story.flowables.append(_identity_table(file, story))
    for section in file.sections:
        story.flowables.append(CondPageBreak(KEEP_WITH_TITLE))
        story.text(section.title, s["section"])
        if section.rows:
            story.flowables.append(_section_table(section, story))
        else:
            story.text(section.empty, s["empty"])
        for remark in section.remarks:
            story.text(remark, s["note"])
    story.flowables.append(Spacer(1, 2))
    return story


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text, style.fontName).replace("\n", "<br/>"), style)


def markup(text: str, main: str) -> str:
    """``text`` as paragraph markup: escaped, and each run of rare characters in its own face."""
    return "".join(escape(piece) if face == main else f'<font face="{face}">{escape(piece)}</font>'
                   for face, piece in runs(text, main))


def cell(text: str, width: float, style: ParagraphStyle) -> str | Paragraph:
    """A plain string when it fits on one line in the main font (fast), else a wrapping paragraph
    (nothing cut off, rare characters in their own face)."""
    if ("\n" not in text and all(face == style.fontName for face, _ in runs(text, style.fontName))
            and text_width(text, style.fontSize) <= width - 2 * layout.CELL_PAD - 0.5):
        return text
    return paragraph(text, style)


def _identity_table(file: PrintedFile, story: Story) -> Table:
    widths = layout.column_widths("identity", 4)
    s = styles()
    pairs = list(file.identity)
    data: list[list[str | Paragraph]] = []
    for i in range(0, len(pairs), 2):
        row = [*pairs[i], *(pairs[i + 1] if i + 1 < len(pairs) else ("", ""))]
        story.atoms.extend(row)
        data.append([cell(text, widths[c], s["body"]) for c, text in enumerate(row)])
    alone = len(pairs) % 2 == 1  # a last pair alone: its value takes the whole row
    commands = [*_base_style(), ("BACKGROUND", (0, 0), (0, -1), layout.HEADER_FILL),
                ("BACKGROUND", (2, 0), (2, -2 if alone else -1), layout.HEADER_FILL)]
    if alone:
        commands.append(("SPAN", (1, -1), (3, -1)))
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _section_table(section: Section, story: Story) -> Table:
    s = styles()
    widths = layout.column_widths(section.key, len(section.columns))
    space_wrap = layout.SPACE_WRAP_COLUMNS.get(section.key, frozenset())
    story.atoms.extend(section.columns)
    story.headers.append("".join(section.columns))
    data: list[list[str | Paragraph]] = [[cell(c, widths[i], s["body"]) for i, c in enumerate(section.columns)]]
    commands: list[StyleCommand] = [*_base_style(), ("BACKGROUND", (0, 0), (-1, 0), layout.HEADER_FILL)]
    blank = [""] * (len(section.columns) - 1)
    for row in section.rows:
        r = len(data)
        story.atoms.extend(row.cells)
        data.append([cell(text, widths[i], s["body_space"] if i in space_wrap else s["body"])
                     for i, text in enumerate(row.cells)])
        commands += _state_ink(row, r)
        for n, chunk in enumerate(note_chunks(row.note, layout.FRAME_WIDTH - 13)):
            story.atoms.append(chunk)
            data.append([paragraph(chunk, s["note"]), *blank])
            at = len(data) - 1
            commands += [("SPAN", (0, at), (-1, at)), ("LEFTPADDING", (0, at), (-1, at), 10)]
            if n == 0:  # a record and the start of its note stay on one page
                commands.append(("NOSPLIT", (0, r), (-1, at)))
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def note_chunks(note: str, width: float) -> list[str]:
    """A note cut into pieces of at most ``NOTE_LINES`` lines: a table row never splits, so a row
    taller than a page could not be laid out at all. Joined, the pieces are the note."""
    if not note:
        return []
    room = width * NOTE_LINES * 0.9
    if "\n" not in note and text_width(note, layout.NOTE_SIZE) <= room:
        return [note]
    chunks, start, used = [], 0, 0.0
    for i, ch in enumerate(note):
        used += width if ch == "\n" else text_width(ch, layout.NOTE_SIZE)
        if used > room:
            chunks.append(note[start:i])
            start, used = i, 0.0
    chunks.append(note[start:])
    return chunks


def _state_ink(row: Row, r: int) -> list[StyleCommand]:
    return [("TEXTCOLOR", (c, r), (c, r), layout.STATE_INK[text])
            for c, text in enumerate(row.cells) if text in layout.STATE_INK]


def _base_style() -> list[StyleCommand]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
        ("FONTSIZE", (0, 0), (-1, -1), layout.BODY_SIZE),
        ("LEADING", (0, 0), (-1, -1), layout.BODY_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), layout.INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), layout.CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), layout.CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("GRID", (0, 0), (-1, -1), 0.4, layout.RULE),
    ]
