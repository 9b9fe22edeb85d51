"""Unexpected exceptions: logged without secrets, shown in the crash dialog; the app keeps running."""

from __future__ import annotations

import logging
import re
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

log = logging.getLogger("desktop_app")

_ID_NUMBER = re.compile(r"(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])")
_SECRET_WORDS = re.compile(r"(?i)(passphrase|password|recovery_key|raw_key|口令)(\s*[=:]\s*)(\S+)")
_HEX_KEY = re.compile(r"x'[0-9a-fA-F]{16,}'")


def redact(text: str) -> str:
    """Mask full ID numbers (keep region and last 4), values of secret-named fields and raw keys."""
    text = _ID_NUMBER.sub(lambda m: f"{m.group(1)}********{m.group(2)[-4:]}", text)
    text = _SECRET_WORDS.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    return _HEX_KEY.sub("x'***'", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(log_dir: Path) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "integrity-files.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def crash_details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Traceback text without local variable values; secrets in messages are masked."""
    from desktop_app import __version__

    lines = traceback.format_exception(exc_type, exc, tb)
    return redact(f"Integrity Files {__version__}, Python {sys.version.split()[0]}\n" + "".join(lines))


def install_excepthook(show: Callable[[str], None]) -> Callable[..., None]:
    """Route uncaught exceptions to the log and ``show``; returns the previous hook."""
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        details = crash_details(exc_type, exc, tb)
        log.error("unexpected error\n%s", details)
        try:
            show(details)
        except Exception:
            log.exception("crash dialog failed")

    sys.excepthook = hook
    return previous
