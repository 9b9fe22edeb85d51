"""The offline bundle file (DESIGN.md §5): one file carried by USB between an office and headquarters.

    MAGIC | u32 header length | header JSON | chunk* | u32 signature length | Ed25519 signature

* The header (plaintext, authenticated) names sender, recipient key, bundle number and the hash of
  the sender's previous bundle, so a replayed, reordered or missing bundle is recognised.
* The body is JSON lines, encrypted in chunks with AES-256-GCM under a key agreed by ephemeral
  X25519 with the recipient; each chunk's nonce and associated data carry its index and whether it
  is the last, so a truncated or reordered file fails to decrypt.
* The signature covers the header and every chunk: a flipped bit anywhere is caught before
  anything is applied.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.errors import IntegrityFilesError
from desktop_app.store.types import canonical_json

MAGIC = b"INTEGRITY-FILES-BUNDLE/1\n"
CHUNK_LINES = 2000
MAX_HEADER = 64 * 1024
MAX_CHUNK = 64 * 1024 * 1024


class BundleError(IntegrityFilesError):
    """A bundle refused; the message says why. Nothing was applied."""

    code = "bundle"


@dataclass(frozen=True, slots=True)
class BundleHeader:
    kind: str            # "office" (office → headquarters) or "return" (headquarters → office)
    sender: str          # device id, or "hq"
    recipient: str       # fingerprint of the recipient's public keys
    number: int          # 1, 2, 3 … per sender and recipient
    previous: str        # SHA-256 of the sender's previous bundle file ("" for the first)
    created_at: str
    ephemeral: bytes     # X25519 public key of this bundle
    nonce_prefix: bytes
    count: int           # JSON lines in the body

    def to_bytes(self) -> bytes:
        return canonical_json({
            "format": 1, "kind": self.kind, "sender": self.sender, "recipient": self.recipient,
            "number": self.number, "previous": self.previous, "created_at": self.created_at,
            "ephemeral": base64.b64encode(self.ephemeral).decode(),
            "nonce_prefix": base64.b64encode(self.nonce_prefix).decode(), "count": self.count}).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> BundleHeader:
        try:
            data = json.loads(raw)
            if data.get("format") != 1:
                raise BundleError(f"bundle format {data.get('format')!r} is not supported")
            return cls(str(data["kind"]), str(data["sender"]), str(data["recipient"]), int(data["number"]),
                       str(data["previous"]), str(data["created_at"]), base64.b64decode(data["ephemeral"]),
                       base64.b64decode(data["nonce_prefix"]), int(data["count"]))
        except BundleError:
            raise
        except (ValueError, KeyError, TypeError):
            raise BundleError("the bundle header is damaged") from None


def write_bundle(path: Path, header: BundleHeader, lines: Iterable[dict[str, Any]], *,
                 sender_key: Ed25519PrivateKey, recipient_box: bytes, ephemeral: X25519PrivateKey) -> str:
    """Write atomically (``.part`` then rename); returns the SHA-256 of the file."""
    key = _chunk_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_box)), header)
    header_bytes = header.to_bytes()
    signer = hashlib.sha512()
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as out:
            prefix = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes
            out.write(prefix)
            signer.update(prefix)
            for record in _encrypted_chunks(key, header, lines):
                out.write(record)
                signer.update(record)
            signature = sender_key.sign(signer.digest())
            out.write(struct.pack(">I", len(signature)) + signature)
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(path)
    except OSError as exc:  # a full disk or a pulled USB stick: a message, not a traceback
        tmp.unlink(missing_ok=True)
        raise BundleError(f"cannot write the bundle {path.name}: {exc.strerror or exc}; free disk space "
                          "(or check the drive) and export again") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return file_hash(path)


def read_header(path: Path) -> BundleHeader:
    try:
        with open(path, "rb") as stream:
            return _read_prefix(stream)[0]
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise BundleError(f"cannot read the bundle {path.name}: {exc.strerror}") from None


def verify_signature(path: Path, sender_public: bytes) -> None:
    """One pass over the file: the signature must cover exactly what is there."""
    with open(path, "rb") as stream:
        header, prefix = _read_prefix(stream)
        signer = hashlib.sha512(prefix)
        for _ in range(_chunk_count(header)):
            signer.update(_read_record(stream))
        signature = _read_record(stream, limit=128)
        if stream.read(1):
            raise BundleError("the bundle has data after its signature")
    try:
        Ed25519PublicKey.from_public_bytes(sender_public).verify(signature, signer.digest())
    except (InvalidSignature, ValueError):
        raise BundleError("the bundle's signature does not match its sender: tampered or forged") from None


def read_lines(path: Path, recipient_box: X25519PrivateKey) -> Iterator[dict[str, Any]]:
    """Decrypt chunk by chunk (memory holds one chunk). Call after ``verify_signature``."""
    with open(path, "rb") as stream:
        header, _ = _read_prefix(stream)
        key = _chunk_key(recipient_box.exchange(X25519PublicKey.from_public_bytes(header.ephemeral)), header)
        total = _chunk_count(header)
        seen = 0
        for index in range(total):
            record = _read_record(stream)
            (stored_index,) = struct.unpack(">I", record[4:8])
            if stored_index != index:
                raise BundleError("the bundle's parts are out of order")
            try:
                plain = AESGCM(key).decrypt(_nonce(header, index), record[8:],
                                            _aad(header, index, index == total - 1))
            except InvalidTag:
                raise BundleError("the bundle cannot be decrypted: not addressed to this key, or damaged") from None
            # Split on "\n" only: JSON escapes it, but not U+2028 and friends that splitlines() would cut.
            for line in plain.decode("utf-8").split("\n"):
                if line:
                    seen += 1
                    yield json.loads(line)
        if seen != header.count:
            raise BundleError(f"the bundle holds {seen} entries but its header says {header.count}")


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _chunk_count(header: BundleHeader) -> int:
    return max(1, -(-header.count // CHUNK_LINES))


def _encrypted_chunks(key: bytes, header: BundleHeader, lines: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    total = _chunk_count(header)
    batch: list[str] = []
    index = written = 0

    def seal(items: list[str], i: int) -> bytes:
        body = ("\n".join(items)).encode("utf-8")
        ciphertext = AESGCM(key).encrypt(_nonce(header, i), body, _aad(header, i, i == total - 1))
        return struct.pack(">I", len(ciphertext) + 4) + struct.pack(">I", i) + ciphertext

    for line in lines:
        batch.append(canonical_json(line))
        written += 1
        if len(batch) == CHUNK_LINES and index < total - 1:
            yield seal(batch, index)
            batch, index = [], index + 1
    if written != header.count:
        raise ValueError(f"bundle header says {header.count} entries, {written} were written")
    yield seal(batch, index)


def _read_prefix(stream: BinaryIO) -> tuple[BundleHeader, bytes]:
    magic = stream.read(len(MAGIC))
    if magic != MAGIC:
        raise BundleError("not a bundle of Integrity Files (or its beginning is damaged)")
    raw_len = stream.read(4)
    if len(raw_len) < 4:
        raise BundleError("the bundle is truncated")
    (length,) = struct.unpack(">I", raw_len)
    if length > MAX_HEADER:
        raise BundleError("the bundle header is damaged")
    raw = stream.read(length)
    if len(raw) < length:
        raise BundleError("the bundle is truncated")
    return BundleHeader.from_bytes(raw), magic + raw_len + raw


def _read_record(stream: BinaryIO, limit: int = MAX_CHUNK) -> bytes:
    raw_len = stream.read(4)
    if len(raw_len) < 4:
        raise BundleError("the bundle is truncated")
    (length,) = struct.unpack(">I", raw_len)
    if length > limit:
        raise BundleError("the bundle is damaged (impossible chunk length)")
    record = stream.read(length)
    if len(record) < length:
        raise BundleError("the bundle is truncated")
    return raw_len + record if limit == MAX_CHUNK else record


def _chunk_key(shared: bytes, header: BundleHeader) -> bytes:
    info = b"integrity-files/bundle/v1" + hashlib.sha256(header.to_bytes()).digest()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def _nonce(header: BundleHeader, index: int) -> bytes:
    return header.nonce_prefix + struct.pack(">I", index)


def _aad(header: BundleHeader, index: int, final: bool) -> bytes:
    return hashlib.sha256(header.to_bytes()).digest() + struct.pack(">I?", index, final)
