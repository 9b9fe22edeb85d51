"""Plumbing shared by the CLI commands: secrets from the environment or a prompt, sign-in, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any
from uuid import UUID

from desktop_app.errors import AuthenticationError, ValidationError
from desktop_app.services import Services
from desktop_app.store.keyslots import KeyFile, key_path_for

PASSPHRASE_ENV = "INTEGRITY_FILES_PASSPHRASE"
NEW_PASSPHRASE_ENV = "INTEGRITY_FILES_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "INTEGRITY_FILES_RECOVERY_KEY"


def secret_from(env: str, prompt: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise AuthenticationError(f"no secret given: set {env} or run in a terminal", field=env)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise ValidationError("the two entries differ", field="passphrase")
    return first


def default_user(archive: Path) -> str:
    return KeyFile.load(key_path_for(archive)).default_user or "admin"


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[Services]:
    archive = Path(args.archive)
    user = args.user or default_user(archive)
    services = Services.sign_in(archive, user, secret_from(PASSPHRASE_ENV, f"Passphrase for {user}: "))
    try:
        services.housekeeping()
        yield services
    finally:
        services.close()


def plain_json(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain_json(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): plain_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        return [plain_json(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def print_json(value: Any) -> None:
    json.dump(plain_json(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max([_width(h), *(_width(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    for line in [headers, *rows]:
        print("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(line)).rstrip())


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
