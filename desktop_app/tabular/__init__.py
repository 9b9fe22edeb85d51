"""Reading tables people bring: CSV (UTF-8, UTF-8 with BOM, GBK, GB18030; detected or given) and XLSX.

    with open_table(path, header_names={"姓名", "身份证号"}) as table:
        for line, values in table:          # values: {header: text}
            ...

Problems are typed errors (``desktop_app.tabular.errors``) carrying the line and column.
"""

from desktop_app.tabular.decoding import decode_table_bytes, normalise_encoding
from desktop_app.tabular.errors import (
    BinaryFileError,
    CellError,
    EmptyFileError,
    EncodingError,
    FormulaCellError,
    HeaderError,
    HeaderNotFoundError,
    HeaderOnlyError,
    SheetNotFoundError,
    TableError,
    UnsupportedFormatError,
)
from desktop_app.tabular.framing import Row
from desktop_app.tabular.reader import open_table, read_rows
from desktop_app.tabular.table import Table, TableInfo

__all__ = [
    "BinaryFileError", "CellError", "EmptyFileError", "EncodingError", "FormulaCellError", "HeaderError",
    "HeaderNotFoundError", "HeaderOnlyError", "Row", "SheetNotFoundError", "Table", "TableError", "TableInfo",
    "UnsupportedFormatError",
    "decode_table_bytes", "normalise_encoding", "open_table", "read_rows",
]
