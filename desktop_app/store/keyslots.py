"""Key slots: how each user's passphrase (or the recovery key) reaches the archive's data key.

Layout of one slot (DESIGN.md §3, with one refinement explained in docs/ARCHITECTURE.md):

* The slot owns an X25519 key pair. Its private key is wrapped with AES-256-GCM under a key
  derived from the passphrase with Argon2id; the KDF parameters are stored in the slot and bound
  into the GCM associated data, so editing them breaks the slot instead of weakening it.
* The 256-bit data key is wrapped *to the slot's public key* (ephemeral X25519 + HKDF-SHA256 +
  AES-256-GCM). Rotating the data key (rekey) can therefore re-wrap it for every user without
  knowing anyone's passphrase, and a removed user's old slot never learns the new key.

The key file holds only wrapped keys, public keys, salts and the failed-attempt counters; no
user names (slot ids are hashes of them) and nothing that opens the archive without a secret.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.errors import ArchiveError, AuthenticationError, LockedOutError

KEYFILE_FORMAT = 1
RECOVERY_SLOT_ID = "recovery"
MAX_FAILED_BEFORE_DELAY = 5
_WRAP_INFO = b"integrity-files/data-key-wrap/v1"


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters; ``version`` names the parameter set so it can be raised later."""

    salt: bytes
    iterations: int = 3
    lanes: int = 2
    memory_kib: int = 131_072
    version: int = 1
    algorithm: str = "argon2id"

    @classmethod
    def fresh(cls, template: KdfParams | None = None) -> KdfParams:
        base = template or DEFAULT_KDF
        return replace(base, salt=os.urandom(16))

    def derive(self, passphrase: str) -> bytes:
        if self.algorithm != "argon2id":
            raise ArchiveError(f"unsupported key derivation {self.algorithm!r}")
        kdf = Argon2id(salt=self.salt, length=32, iterations=self.iterations, lanes=self.lanes,
                       memory_cost=self.memory_kib)
        return kdf.derive(passphrase.encode("utf-8"))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["salt"] = _b64(self.salt)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        return cls(salt=_unb64(data["salt"]), iterations=int(data["iterations"]),
                   lanes=int(data["lanes"]), memory_kib=int(data["memory_kib"]),
                   version=int(data["version"]), algorithm=str(data["algorithm"]))


# Tuned in bench/ to about 0.3–0.5 s on the reference 2-core machine (docs/PERFORMANCE.md).
DEFAULT_KDF = KdfParams(salt=b"", iterations=4, lanes=2, memory_kib=131_072)


@dataclass(slots=True)
class Slot:
    slot_id: str
    kind: str                              # "user" or "recovery"
    kdf: KdfParams
    public_key: bytes
    wrapped_private_key: bytes             # nonce || AES-GCM(ciphertext)
    wrapped_data_key: bytes                # ephemeral public || nonce || AES-GCM(ciphertext)
    pending_data_key: bytes | None = None  # set only while a rekey is in flight
    failed_attempts: int = 0
    locked_until: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "slot_id": self.slot_id, "kind": self.kind, "kdf": self.kdf.to_json(),
            "public_key": _b64(self.public_key),
            "wrapped_private_key": _b64(self.wrapped_private_key),
            "wrapped_data_key": _b64(self.wrapped_data_key),
            "pending_data_key": _b64(self.pending_data_key) if self.pending_data_key else None,
            "failed_attempts": self.failed_attempts, "locked_until": self.locked_until,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        pending = data.get("pending_data_key")
        return cls(slot_id=data["slot_id"], kind=data["kind"], kdf=KdfParams.from_json(data["kdf"]),
                   public_key=_unb64(data["public_key"]),
                   wrapped_private_key=_unb64(data["wrapped_private_key"]),
                   wrapped_data_key=_unb64(data["wrapped_data_key"]),
                   pending_data_key=_unb64(pending) if pending else None,
                   failed_attempts=int(data.get("failed_attempts", 0)),
                   locked_until=float(data.get("locked_until", 0.0)))


@dataclass(slots=True)
class KeyFile:
    archive_id: str
    slots: dict[str, Slot] = field(default_factory=dict)
    # The login name scripts use when they give no --user (a staff login, not a civil servant's data).
    default_user: str = ""
    format: int = KEYFILE_FORMAT

    def save(self, path: Path) -> None:
        payload = {"format": self.format, "archive_id": self.archive_id,
                   "default_user": self.default_user,
                   "slots": [s.to_json() for s in self.slots.values()]}
        _atomic_write(path, json.dumps(payload, indent=1).encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != KEYFILE_FORMAT:
                raise ArchiveError(f"key file {path.name} has unsupported format {data.get('format')!r}")
            slots = {s["slot_id"]: Slot.from_json(s) for s in data["slots"]}
            return cls(archive_id=str(data["archive_id"]), slots=slots,
                       default_user=str(data.get("default_user", "")))
        except FileNotFoundError:
            raise ArchiveError(f"key file {path.name} is missing beside the archive") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise ArchiveError(f"key file {path.name} is damaged ({type(exc).__name__})") from None


def key_path_for(archive_path: Path) -> Path:
    """The key file sits beside the database file."""
    return archive_path.with_name(archive_path.name + ".keys")


def slot_id_for(archive_id: str, user_name: str) -> str:
    """Slot ids hide the user name in the plaintext key file."""
    digest = hashlib.sha256(f"integrity-files/slot/{archive_id}/{user_name.casefold()}".encode())
    return digest.hexdigest()[:32]


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def new_recovery_key() -> str:
    """256 bits as 13 groups of 4 base32 characters, to print and lock away."""
    raw = base64.b32encode(secrets.token_bytes(32)).decode().rstrip("=")
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def normalize_recovery_key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def make_slot(archive_id: str, slot_id: str, kind: str, secret: str, data_key: bytes,
              kdf_template: KdfParams | None = None) -> Slot:
    kdf = KdfParams.fresh(kdf_template)
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes_raw()
    slot = Slot(slot_id=slot_id, kind=kind, kdf=kdf, public_key=public, wrapped_private_key=b"",
                wrapped_data_key=wrap_data_key(archive_id, slot_id, public, data_key))
    slot.wrapped_private_key = _seal_private(archive_id, slot, secret, private)
    return slot


def rewrap_private(archive_id: str, slot: Slot, old_secret: str, new_secret: str,
                   kdf_template: KdfParams | None = None) -> Slot:
    """Passphrase change: same key pair, new KDF salt and wrapping; nothing else changes."""
    private = _open_private(archive_id, slot, old_secret)
    new = replace(slot, kdf=KdfParams.fresh(kdf_template), failed_attempts=0, locked_until=0.0)
    new.wrapped_private_key = _seal_private(archive_id, new, new_secret, private)
    return new


def unlock_slot(archive_id: str, slot: Slot, secret: str) -> tuple[bytes, bytes | None]:
    """Return (data key, pending data key or None). Raises AuthenticationError on a wrong secret."""
    private = _open_private(archive_id, slot, secret)
    key = _unwrap(archive_id, slot.slot_id, private, slot.wrapped_data_key)
    pending = (_unwrap(archive_id, slot.slot_id, private, slot.pending_data_key)
               if slot.pending_data_key else None)
    return key, pending


def check_lockout(slot: Slot, now: float | None = None) -> None:
    now = time.time() if now is None else now
    if slot.locked_until > now:
        wait = slot.locked_until - now
        raise LockedOutError(f"too many failed attempts; try again in {wait:.0f} s", retry_after=wait)


def register_failure(slot: Slot, now: float | None = None) -> None:
    """After 5 failures in a row each further try waits: 30 s, doubling, at most 15 minutes."""
    now = time.time() if now is None else now
    slot.failed_attempts += 1
    over = slot.failed_attempts - MAX_FAILED_BEFORE_DELAY
    if over >= 0:
        slot.locked_until = now + min(30.0 * (2 ** over), 900.0)


def wrap_data_key(archive_id: str, slot_id: str, public_key: bytes, data_key: bytes) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    eph_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    wrap_key = _hkdf(shared, eph_public + public_key)
    nonce = os.urandom(12)
    aad = f"{archive_id}/{slot_id}".encode()
    return eph_public + nonce + AESGCM(wrap_key).encrypt(nonce, data_key, aad)


def _unwrap(archive_id: str, slot_id: str, private: X25519PrivateKey, blob: bytes) -> bytes:
    eph_public, nonce, ciphertext = blob[:32], blob[32:44], blob[44:]
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_public))
    own_public = private.public_key().public_bytes_raw()
    wrap_key = _hkdf(shared, eph_public + own_public)
    try:
        return AESGCM(wrap_key).decrypt(nonce, ciphertext, f"{archive_id}/{slot_id}".encode())
    except InvalidTag:
        raise ArchiveError("key file slot is damaged: the data key does not unwrap") from None


def _hkdf(shared: bytes, context: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_WRAP_INFO + context).derive(shared)


def _slot_aad(archive_id: str, slot: Slot) -> bytes:
    params = json.dumps(slot.kdf.to_json(), sort_keys=True)
    return f"{archive_id}/{slot.slot_id}/{slot.kind}/{params}/".encode() + slot.public_key


def _seal_private(archive_id: str, slot: Slot, secret: str, private: X25519PrivateKey) -> bytes:
    key = slot.kdf.derive(secret)
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, raw, _slot_aad(archive_id, slot))


def _open_private(archive_id: str, slot: Slot, secret: str) -> X25519PrivateKey:
    key = slot.kdf.derive(secret)
    nonce, ciphertext = slot.wrapped_private_key[:12], slot.wrapped_private_key[12:]
    try:
        raw = AESGCM(key).decrypt(nonce, ciphertext, _slot_aad(archive_id, slot))
    except InvalidTag:
        raise AuthenticationError("unknown user or wrong passphrase", field="passphrase") from None
    return X25519PrivateKey.from_private_bytes(raw)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
