"""The file-wide keys of an import (ID numbers, unit codes, record keys), to find a key that repeats
and the line it first stood on, without keeping the lines.

A dict of a million keys and line numbers costs over 100 MB of Python objects. Here each key is a
16-byte BLAKE2b digest (a collision of two different keys among a million has a chance of about
2⁻⁸⁹) with its first line: the first ``IN_DICT`` in a dict (fast; about 13 MB), the rest in an
in-memory SQLite table (about 30 bytes a key). Both live in this process's memory only (SQLite
``:memory:``), like the lines themselves, and go with ``close``.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Hashable, Sequence

LOOKUP = 500       # digests per IN (...)
IN_DICT = 100_000  # keys held in a dict before the table takes the rest


def key_digest(key: Hashable) -> bytes:
    return hashlib.blake2b(repr(key).encode("utf-8"), digest_size=16).digest()


class KeyIndex:
    def __init__(self) -> None:
        self.first: dict[bytes, int] = {}
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE TABLE keys (digest BLOB PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID")
        self.in_table = 0

    def record(self, keyed: Sequence[tuple[bytes, int]]) -> dict[bytes, int]:
        """Each digest's first line, these lines (in file order) included; new digests are kept."""
        first = self.lookup([digest for digest, _line in keyed])
        new = []
        for digest, line in keyed:
            if digest not in first:
                first[digest] = line
                new.append((digest, line))
        room = max(IN_DICT - len(self.first), 0)
        self.first.update(new[:room])
        if new[room:]:
            self.db.executemany("INSERT INTO keys VALUES (?, ?)", new[room:])
            self.in_table += len(new) - room
        return first

    def lookup(self, digests: Sequence[bytes]) -> dict[bytes, int]:
        """The first line of each digest already recorded."""
        found = {digest: self.first[digest] for digest in digests if digest in self.first}
        if not self.in_table:
            return found
        rest = [digest for digest in dict.fromkeys(digests) if digest not in found]
        for start in range(0, len(rest), LOOKUP):
            part = rest[start:start + LOOKUP]
            marks = ", ".join("?" * len(part))
            found.update(self.db.execute(f"SELECT digest, line FROM keys WHERE digest IN ({marks})", part))
        return found

    def close(self) -> None:
        self.first = {}
        self.db.close()
