"""Does the text of a part's pages say exactly what its content says?

Independent of where lines and pages break: whitespace is ignored, each page must start with its
furniture (watermark, header, footer, drawn before the body) and end with its page number (drawn
last), and the bodies of the pages, joined, must equal the story's atoms in order — except that a
table header may repeat at the top of a page (``repeatRows``). So any changed, added, removed or
reordered character of the visible text fails, wherever it is.

The check does not depend on the fonts of the machine that printed: see :func:`squeeze`.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.printing.fonts import canonical
from desktop_app.printing.model import PrintedFile
from desktop_app.printing.page import Furniture, page_number_text
from desktop_app.printing.story import build_story

SNIPPET = 12


def squeeze(text: str) -> str:
    """Without whitespace, and with code points written back as characters: a rare character
    prints as itself where a face has it and as 〔U+…〕 where none has, and both say the same."""
    return canonical("".join(text.split()))


def text_problem(file: PrintedFile, full_hash: str, page_texts: Sequence[str]) -> str | None:
    """None when the pages' text is the printed content; else what differs, for a person to read."""
    story = build_story(file)
    expected = squeeze("".join(story.atoms))
    headers = sorted({squeeze(h) for h in story.headers}, key=len, reverse=True)
    furniture = squeeze("".join(Furniture.of(file, full_hash).texts()))
    position = 0
    for number, raw in enumerate(page_texts, 1):
        text = squeeze(raw)
        if not text.startswith(furniture):
            return f"page {number}: the header, footer or watermark is not the one printed"
        ending = squeeze(page_number_text(number, len(page_texts)))
        if not text.endswith(ending) or len(text) < len(furniture) + len(ending):
            return f"page {number}: the page number is not {number}/{len(page_texts)}"
        body = text[len(furniture):len(text) - len(ending)]
        if number > 1 and not expected.startswith(body, position):
            body = _without_repeated_header(body, headers, expected, position)
        if not expected.startswith(body, position):
            return f"page {number}: the text differs from the printed content {_difference(body, expected, position)}"
        position += len(body)
    if position != len(expected):
        return f"text is missing at the end: {expected[position:position + SNIPPET]!r}…"
    return None


def _without_repeated_header(body: str, headers: list[str], expected: str, position: int) -> str:
    for header in headers:
        if body.startswith(header) and expected.startswith(body[len(header):], position):
            return body[len(header):]
    return body


def _difference(body: str, expected: str, position: int) -> str:
    i = 0
    limit = min(len(body), len(expected) - position)
    while i < limit and body[i] == expected[position + i]:
        i += 1
    before = min(i, SNIPPET)
    return (f"at {body[i - before:i + SNIPPET]!r}, printed as "
            f"{expected[position + i - before:position + i + SNIPPET]!r}")
