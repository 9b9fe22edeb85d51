"""A CSV file opened as a stream (what ``tabular.open_table`` does for every file that is not a
workbook): header row, blank and ragged rows, refused cells, line numbers, without holding the file.

Decoding a CSV whole costs about three times the file in memory (its bytes and its text), so a
million-line roster would sit in memory before its first line is checked. Here the encoding is
settled first by decoding the file block by block and keeping nothing (UTF-8, then GBK, then
GB18030, as ``tabular.decoding`` detects them; a given encoding is checked the same way), then
``csv`` reads the lines from a text stream. Blocks end at a newline, which in these encodings never
occurs inside a character, so an undecodable byte is named with its exact line.
"""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import IO

from desktop_app.tabular.csv_source import guess_delimiter
from desktop_app.tabular.decoding import AUTO_ENCODINGS, SNIFF_BYTES, binary_kind, normalise_encoding
from desktop_app.tabular.errors import BinaryFileError, EmptyFileError, EncodingError, TableError
from desktop_app.tabular.framing import CellProblems, RawRow, clean_headers, data_rows, find_header, first_data_row
from desktop_app.tabular.table import Table, TableInfo

BLOCK_BYTES = 1 << 20      # decoded and dropped at a time while the encoding is checked
DELIMITER_SAMPLE = 1 << 16  # characters read to guess the delimiter
_WIDE = ("utf-16", "utf-32")  # encodings in which b"\n" may fall inside a character


def open_csv_stream(path: Path, *, encoding: str | None = None, header_names: Collection[str] | None = None,
                    delimiter: str | None = None, lenient_cells: bool = False) -> Table:
    """``tabular.open_table(path, …)`` for a CSV file, streaming its rows; close the table when done."""
    try:
        with path.open("rb") as handle:
            codec = _settle_encoding(handle, encoding)
        text = path.open("r", encoding=codec, errors="strict", newline="")
    except OSError as exc:
        raise TableError(f"{path.name} cannot be read ({exc.strerror})", field="file") from None
    try:
        delimiter = delimiter or guess_delimiter(text.read(DELIMITER_SAMPLE))
        text.seek(0)
        if text.read(1) != "\ufeff":  # a BOM the codec left (GB18030 has one) is not part of a header
            text.seek(0)
        problems: CellProblems | None = {} if lenient_cells else None
        header, rest = find_header(_csv_rows(text, delimiter), header_names)
        if header is None:
            raise EmptyFileError("the file has no rows", field="file")
        line, cells = header
        if problems and line in problems:
            raise problems[line][0]
        headers = clean_headers(line, cells)
        rows = data_rows(rest, headers, problems)
        first = first_data_row(rows, line)
    except BaseException:
        text.close()
        raise
    info = TableInfo(path, "csv", headers, line, encoding=codec, delimiter=delimiter)
    return Table(info, itertools.chain([first], rows), text, cell_problems=problems)


def _csv_rows(text: IO[str], delimiter: str) -> Iterator[RawRow]:
    """Raw rows with the line each record starts on."""
    reader = csv.reader(text, delimiter=delimiter, strict=False)
    previous_end = 0
    for cells in reader:
        start, previous_end = previous_end + 1, reader.line_num
        yield start, cells


def _settle_encoding(handle: IO[bytes], encoding: str | None) -> str:
    """The codec the whole file decodes with (given, or detected as ``tabular.decoding`` does)."""
    head = handle.read(SNIFF_BYTES)
    if encoding is not None:
        codec = normalise_encoding(encoding)
        if codec.startswith(_WIDE):
            return _checked(handle, codec)
        _refuse_binary(head)
        if codec == "utf-8" and head.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        return _checked(handle, codec)
    if head.startswith(codecs.BOM_UTF8):
        return _checked(handle, "utf-8-sig")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(handle, "utf-16")
    _refuse_binary(head)
    failure: EncodingError | None = None
    for candidate in AUTO_ENCODINGS:
        try:
            return _checked(handle, candidate)
        except EncodingError as exc:
            failure = exc
    assert failure is not None
    raise EncodingError(f"the file is not UTF-8, GBK or GB18030 text (undecodable bytes at line {failure.line}); "
                        "give its encoding", line=failure.line, field="encoding")


def _checked(handle: IO[bytes], codec: str) -> str:
    """``codec`` if every byte of the file decodes with it and it holds some text."""
    handle.seek(0)
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    line, text_seen = 1, False
    while block := handle.read(BLOCK_BYTES):
        if not codec.startswith(_WIDE):
            block += handle.readline()  # end at a newline: no character is cut in two
        try:
            text = decoder.decode(block)
        except UnicodeError as exc:  # UnicodeDecodeError, or UTF-16 without its byte order mark
            start = getattr(exc, "start", 0)
            at = line if codec.startswith(_WIDE) else line + block.count(b"\n", 0, max(start, 0))
            raise EncodingError(f"the file does not decode as {codec} (line {at}); try another encoding",
                                line=at, field="encoding") from None
        line += block.count(b"\n")
        text_seen = text_seen or bool(text.removeprefix("\ufeff").strip())
    try:
        decoder.decode(b"", final=True)
    except UnicodeError:
        raise EncodingError(f"the file does not decode as {codec} (line {line}); try another encoding",
                            line=line, field="encoding") from None
    if not text_seen:
        raise EmptyFileError("the file is empty", field="file")
    return codec


def _refuse_binary(head: bytes) -> None:
    kind = binary_kind(head)
    if kind is not None:
        hint = {"xlsx": "it is a workbook (.xlsx) or another zip file: open it as .xlsx",
                "xls": "it is a legacy Excel (.xls) file: save it as .xlsx or CSV"}.get(kind, f"it looks like {kind}")
        raise BinaryFileError(f"the file is not a text table: {hint}", kind=kind)
