"""Public key files exchanged between an office and headquarters.

A device key file (``device key ARCHIVE -o FILE``) carries the device id, its Ed25519 key (verifies
its changes and bundles) and its X25519 key (return bundles are encrypted to it). Headquarters' key
file (``central key URL -o FILE``) carries the same two kinds of key for headquarters.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import ValidationError


@dataclass(frozen=True, slots=True)
class PublicKeys:
    kind: str               # "device" or "headquarters"
    key_id: str             # device id, or "hq"
    sign_public: bytes
    box_public: bytes
    name: str = ""

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.sign_public + self.box_public).hexdigest()[:32]

    def to_json(self) -> str:
        return json.dumps({"format": "integrity-files-public-key/1", "kind": self.kind, "id": self.key_id,
                           "name": self.name, "sign_public": base64.b64encode(self.sign_public).decode(),
                           "box_public": base64.b64encode(self.box_public).decode(),
                           "fingerprint": self.fingerprint}, ensure_ascii=False, indent=1)

    def write(self, path: Path) -> None:
        path.write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path, *, kind: str) -> PublicKeys:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            keys = cls(str(data["kind"]), str(data["id"]), base64.b64decode(data["sign_public"]),
                       base64.b64decode(data["box_public"]), str(data.get("name", "")))
        except FileNotFoundError:
            raise ValidationError(f"key file {path} does not exist", field="key_file") from None
        except (ValueError, KeyError, TypeError):
            raise ValidationError(f"{path} is not a public key file of Integrity Files", field="key_file") from None
        if keys.kind != kind or len(keys.sign_public) != 32 or len(keys.box_public) != 32:
            raise ValidationError(f"{path} is not a {kind} public key file", field="key_file")
        return keys
