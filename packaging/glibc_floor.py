"""The oldest glibc (and libstdc++) a built Linux bundle needs: ``python packaging/glibc_floor.py DIR``.

Reads the symbol-version names (GLIBC_2.x, GLIBCXX_3.4.x) that every ELF file under DIR asks for and
prints the highest of each with the files that ask for it. A target whose ``ldd --version`` is older
cannot run the bundle: build on an older system instead (docs/PACKAGING.md).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

VERSION = re.compile(rb"\x00(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)+)\x00")


def requirements(folder: Path) -> dict[str, tuple[tuple[int, ...], list[str]]]:
    """{"GLIBC": ((2, 34), [files…]), …}: the highest version of each family and who needs it."""
    best: dict[str, tuple[tuple[int, ...], list[str]]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
            data = f.read()
        for family, text in {(m.group(1).decode(), m.group(2).decode()) for m in VERSION.finditer(data)}:
            version = tuple(int(p) for p in text.split("."))
            top, files = best.get(family, ((0,), []))
            if version > top:
                best[family] = (version, [str(path.relative_to(folder))])
            elif version == top:
                files.append(str(path.relative_to(folder)))
    return best


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "dist/integrity-files")
    found = requirements(folder)
    if "GLIBC" not in found:
        print(f"no ELF file under {folder} asks for a glibc version", file=sys.stderr)
        return 1
    for family, (version, files) in sorted(found.items()):
        shown = ", ".join(files[:4]) + (f" and {len(files) - 4} more" if len(files) > 4 else "")
        print(f"{family}_{'.'.join(map(str, version))}  needed by {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
