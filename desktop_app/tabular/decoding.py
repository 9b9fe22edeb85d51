"""Bytes of a text table → text: BOMs, UTF-8, then GBK, then GB18030; binary files refused.

Detection tries the strict decoders from the narrowest to the widest. A GBK file almost never
decodes as UTF-8 (its two-byte sequences break UTF-8's continuation rules), GBK is what Excel on
a Chinese Windows writes as "CSV", and GB18030 is GBK's superset for rare characters (人名生僻字
such as 𠮷 are four-byte sequences there). A file with NUL bytes or a known binary signature is not
a text table, whatever its name says.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from desktop_app.errors import ValidationError
from desktop_app.tabular.errors import BinaryFileError, EmptyFileError, EncodingError

AUTO_ENCODINGS = ("utf-8", "gbk", "gb18030")
SNIFF_BYTES = 8192

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "xlsx"),                   # a zip: .xlsx/.docx/.ods renamed
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"),  # OLE2: legacy .xls/.doc/.et
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"Rar!", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"\x1f\x8b", "archive"),
)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # the codec that decoded it: utf-8, utf-8-sig, gbk, gb18030, utf-16 or the one given


def binary_kind(head: bytes) -> str | None:
    """What a file that is not text looks like ("xlsx", "xls", "pdf", "image", "archive", "binary")."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return "binary" if b"\x00" in head[:SNIFF_BYTES] else None


def normalise_encoding(name: str) -> str:
    """A codec name Python knows (``GBK``, ``cp936``, ``utf8`` …) in its canonical spelling."""
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        raise ValidationError(f"unknown encoding {name!r}; use utf-8, gbk or gb18030", field="encoding") from None


def decode_table_bytes(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode a whole text table, detecting the encoding unless one is given."""
    if encoding is not None:
        return _decode_given(data, normalise_encoding(encoding))
    if data.startswith(codecs.BOM_UTF8):
        return _checked(_strict(data, "utf-8-sig"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(data, "utf-16"), "utf-16")
    _refuse_binary(data)
    last: UnicodeDecodeError | None = None
    for candidate in AUTO_ENCODINGS:
        try:
            return _checked(data.decode(candidate), candidate)
        except UnicodeDecodeError as exc:
            last = exc
    assert last is not None
    raise EncodingError(f"the file is not UTF-8, GBK or GB18030 text (undecodable bytes at line "
                        f"{_line_of(data, last.start)}); give its encoding", line=_line_of(data, last.start),
                        field="encoding")


def _decode_given(data: bytes, codec: str) -> DecodedText:
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        return _checked(_strict(data, codec), codec)
    _refuse_binary(data)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    return _checked(_strict(data, codec), codec)


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        raise EncodingError(f"the file does not decode as {codec} (line {line}); try another encoding",
                            line=line, field="encoding") from None


def _checked(text: str, codec: str) -> DecodedText:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EmptyFileError("the file is empty", field="file")
    return DecodedText(text, codec)


def _refuse_binary(data: bytes) -> None:
    if not data.strip():
        raise EmptyFileError("the file is empty", field="file")
    kind = binary_kind(data[:SNIFF_BYTES])
    if kind is not None:
        hint = {"xlsx": "it is a workbook (.xlsx) or another zip file: open it as .xlsx",
                "xls": "it is a legacy Excel (.xls) file: save it as .xlsx or CSV"}.get(kind, f"it looks like {kind}")
        raise BinaryFileError(f"the file is not a text table: {hint}", kind=kind)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
