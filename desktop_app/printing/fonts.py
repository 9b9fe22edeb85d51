"""The print fonts: WenQuanYi Micro Hei, shipped in ``resources/fonts/`` with its licence, and
fallback faces for the rare characters it lacks, found on the machine.

reportlab embeds a TrueType font as subsets of the glyphs a document uses, so a file carries only
the characters it prints. The main font has one weight; headings differ by size and colour.

The main font covers the Basic Multilingual Plane. Names may hold CJK Extension B–H characters
(4 bytes in UTF-8); those print in the first fallback face that has them. The faces are large
(20–50 MB), are part of every Chinese Windows or one ``apt install`` away, and are loaded only when
a document needs one. A character no face on the machine has prints as its code point, e.g.
〔U+20BB7〕: exact and visible, never an empty box.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop_app.errors import IntegrityFilesError
from desktop_app.printing import tounicode

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILE = FONT_DIR / "wqy-microhei.ttc"
FONT_NAME = "WenQuanYiMicroHei"

# Fallback faces, best first (file names compared without case), looked for in the folders of
# _font_folders().
FALLBACK_FILES = (
    "HanaMinB.ttf",        # Hanazono Mincho B: Extension B–F nearly whole (Debian fonts-hanazono)
    "simsunb.ttf",         # SimSun-ExtB: Extension B (Chinese Windows)
    "SimSunExtG.ttf",      # SimSun-ExtG: Extensions G and H (Windows 11)
    "Jigmo2.ttf",          # Jigmo: Extensions B–H (an office may install it)
    "Jigmo3.ttf",
    "BabelStoneHan.ttf",   # BabelStone Han: part of Extensions B–H (Debian fonts-babelstone-han)
)
FONT_DIRS_VARIABLE = "INTEGRITY_FILES_FONT_DIRS"
CODE_POINT = re.compile(r"〔U\+([0-9A-F]{4,6})〕")

_lock = threading.RLock()
_fallback_paths: list[Path] | None = None  # found on first need
_fallback_names: list[str] = []             # registered so far, in FALLBACK_FILES order
_font_of: dict[str, str | None] = {}        # character -> the face that draws it (None: none)
_registered = False                         # the main font is registered (then no lock is taken)


class FontMissingError(IntegrityFilesError):
    code = "font_missing"


def font_name() -> str:
    """Register the main font once per process and return its reportlab name."""
    global _registered
    if _registered:  # every measured string asks: no lock, no list of every registered font
        return FONT_NAME
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            if not FONT_FILE.is_file():
                raise FontMissingError(f"the print font {FONT_FILE.name} is missing from {FONT_DIR}",
                                       field="font")
            tounicode.install()
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_FILE), subfontIndex=0))
        _registered = True
    return FONT_NAME


def _glyphs(name: str) -> dict[int, int]:
    return pdfmetrics.getFont(name).face.charToGlyph  # type: ignore[attr-defined, no-any-return]


def font_for(char: str) -> str | None:
    """The registered name of the first face that draws ``char``: the main font, else a fallback
    (registering fallbacks one by one until one has it); None when no face on this machine does."""
    main = font_name()
    if ord(char) in _glyphs(main):
        return main
    with _lock:
        if char in _font_of:
            return _font_of[char]
        found = next((name for name in _fallbacks() if ord(char) in _glyphs(name)), None)
        _font_of[char] = found
        return found


def _fallbacks() -> Iterator[str]:
    """The registered fallback faces, registering the next one only when the earlier ones lack a
    character (caller holds the lock)."""
    yield from [name for name in _fallback_names if name]
    for path in fallback_paths()[len(_fallback_names):]:
        name = f"IFFallback{len(_fallback_names)}-{path.stem}"
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError, ValueError):
            name = ""  # unreadable or not embeddable: keep its place, so the count stays in step
        _fallback_names.append(name)
        if name:
            yield name


def fallback_paths() -> list[Path]:
    """The fallback face files present on this machine, in FALLBACK_FILES order."""
    global _fallback_paths
    with _lock:
        if _fallback_paths is None:
            by_name: dict[str, Path] = {}
            for folder in _font_folders():
                for path in _font_files(folder):
                    by_name.setdefault(path.name.lower(), path)
            _fallback_paths = [by_name[f.lower()] for f in FALLBACK_FILES if f.lower() in by_name]
        return _fallback_paths


def _font_folders() -> list[Path]:
    """FONT_DIR, then the system's font folders; or, when INTEGRITY_FILES_FONT_DIRS is set, FONT_DIR
    and the folders it names only (an office that wants every print made with the same faces)."""
    chosen = os.environ.get(FONT_DIRS_VARIABLE)
    if chosen is not None:
        return [FONT_DIR, *(Path(p) for p in chosen.split(os.pathsep) if p)]
    folders = [FONT_DIR]
    home = Path.home()
    if sys.platform == "win32":
        folders += [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
                    Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        folders += [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    else:
        folders += [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/local/share/fonts"),
                    Path("/usr/share/fonts")]
    return folders


def _font_files(folder: Path) -> Iterator[Path]:
    wanted = {f.lower() for f in FALLBACK_FILES}
    for root, _dirs, files in os.walk(folder):
        for file in files:
            if file.lower() in wanted:
                yield Path(root) / file


def covered(char: str) -> bool:
    """Whether a print face on this machine draws ``char`` (whitespace always prints)."""
    return char.isspace() or font_for(char) is not None


def printable(text: str) -> str:
    """``text`` with every character no face can draw shown as its code point, e.g. 〔U+20BB7〕, so
    it never prints as an empty box and extracts as U+0000: a wrong name with no sign of it. The
    code point is visible, exact, and what a verifier reads back (:func:`canonical`)."""
    if text.isascii() or not _beyond_main_font().search(text):  # nearly every string: one C scan
        return text
    return "".join(c if covered(c) else f"〔U+{ord(c):04X}〕" for c in text)


def canonical(text: str) -> str:
    """``text`` with each 〔U+…〕 written back as its character: a print made where a face had the
    character and one made where none had it say the same thing."""
    return CODE_POINT.sub(lambda m: chr(int(m[1], 16)) if int(m[1], 16) <= sys.maxunicode else m[0], text)


@lru_cache(maxsize=1)
def _beyond_main_font() -> re.Pattern[str]:
    """Matches a character the main font has no glyph for (whitespace aside): one C-speed scan
    instead of a dictionary look-up per character on every measured string."""
    codes = sorted(_glyphs(font_name()))
    spans: list[list[int]] = []
    for code in codes:
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    inside = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans)
    return re.compile(f"[^\\s{inside}]")


def runs(text: str, main: str | None = None) -> list[tuple[str, str]]:
    """``text`` cut into (face, piece) runs: the main font's runs and each fallback face's.
    Characters no face has stay in the main font's run (call :func:`printable` first)."""
    main = main or font_name()
    if text.isascii() or (main == FONT_NAME and not _beyond_main_font().search(text)):
        return [(main, text)] if text else []
    out: list[tuple[str, str]] = []
    for char in text:
        face = main if char.isspace() else (font_for(char) or main)
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + char)
        else:
            out.append((face, char))
    return out


def text_width(text: str, size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(piece, face, size) for face, piece in runs(text)))
