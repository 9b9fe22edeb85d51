"""Rules for user names and passphrases."""

from __future__ import annotations

import re

from desktop_app.errors import ValidationError

MIN_PASSPHRASE = 10
MAX_PASSPHRASE = 1024
_NAME = re.compile(r"^[\w.\-]{2,64}$")


def check_user_name(name: str) -> str:
    if not _NAME.fullmatch(name or ""):
        raise ValidationError("user name must be 2–64 letters, digits, '.', '-' or '_'", field="user")
    return name


def check_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(f"passphrase must have at least {MIN_PASSPHRASE} characters", field="passphrase")
    if len(passphrase) > MAX_PASSPHRASE:
        raise ValidationError(f"passphrase must have at most {MAX_PASSPHRASE} characters", field="passphrase")
    if len(set(passphrase)) < 4:
        raise ValidationError("passphrase is too simple (too few different characters)", field="passphrase")
    return passphrase
