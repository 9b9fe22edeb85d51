"""Encrypted drafts of open forms, kept across an auto-lock (DESIGN.md §3).

A form's state is JSON, sealed with AES-256-GCM under a key derived with HKDF from the archive's
data key, and written to one file in the user data directory (never plaintext on disk). Only the
same archive can open it: the archive id is bound into the associated data. The file is deleted
once read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_INFO = b"integrity-files/ui-drafts/v1"


def draft_key(raw_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(raw_key)


class DraftVault:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path_for(self, archive_id: str) -> Path:
        return self.directory / f"drafts-{archive_id}.bin"

    def seal(self, raw_key: bytes, archive_id: str, user_name: str, drafts: list[dict[str, Any]]) -> Path:
        payload = json.dumps({"user": user_name, "drafts": drafts}, ensure_ascii=False).encode()
        nonce = os.urandom(12)
        blob = nonce + AESGCM(draft_key(raw_key)).encrypt(nonce, payload, archive_id.encode())
        path = self.path_for(archive_id)
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, blob)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        return path

    def take(self, raw_key: bytes, archive_id: str, user_name: str) -> list[dict[str, Any]]:
        """The drafts this user left in this archive (then forgotten); [] if none or not theirs."""
        path = self.path_for(archive_id)
        if not path.exists():
            return []
        blob = path.read_bytes()
        try:
            payload = json.loads(AESGCM(draft_key(raw_key)).decrypt(blob[:12], blob[12:], archive_id.encode()))
        except (InvalidTag, ValueError):
            path.unlink(missing_ok=True)
            return []
        if payload.get("user") != user_name:
            return []  # another user unlocked: the drafts wait for their author
        path.unlink(missing_ok=True)
        return list(payload.get("drafts", []))
