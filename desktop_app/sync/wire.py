"""Changes as they travel: a canonical JSON payload, signed by the device that made it (Ed25519).

A push or bundle signs its changes in batches (``sign_batch``, see ``batch_signature``): one Ed25519
signature per batch, and each change carries a proof that makes its signature verifiable alone.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Boolean, Date, LargeBinary, Uuid
from sqlalchemy.orm import Mapper

from desktop_app.store.models import Change
from desktop_app.store.types import JsonText, UtcDateTime, canonical_json
from desktop_app.sync import batch_signature

_CONTEXT = b"integrity-files/change/v1\n"


@dataclass(frozen=True, slots=True)
class WireChange:
    change_id: str          # hex
    device_id: str
    entity: str
    entity_id: str          # hex
    op: str                 # insert / update / resolve
    values: dict[str, Any]
    base_clocks: dict[str, str]
    hlc: str
    user_name: str
    created_at: str

    @classmethod
    def from_local(cls, change: Change) -> WireChange:
        return cls(change.change_id.hex, change.device_id, change.entity, change.entity_id.hex, change.op,
                   dict(change.values), dict(change.base_clocks), change.hlc, change.user_name,
                   change.created_at.isoformat())

    def payload(self) -> str:
        return canonical_json({
            "change_id": self.change_id, "device_id": self.device_id, "entity": self.entity,
            "entity_id": self.entity_id, "op": self.op, "values": self.values, "base_clocks": self.base_clocks,
            "hlc": self.hlc, "user": self.user_name, "created_at": self.created_at})

    @classmethod
    def from_payload(cls, payload: str) -> WireChange:
        data = json.loads(payload)
        return cls(str(data["change_id"]), str(data["device_id"]), str(data["entity"]), str(data["entity_id"]),
                   str(data["op"]), dict(data["values"]), dict(data["base_clocks"]), str(data["hlc"]),
                   str(data["user"]), str(data["created_at"]))


@dataclass(frozen=True, slots=True)
class SignedChange:
    change: WireChange
    payload: str
    signature: bytes


def sign(private: Ed25519PrivateKey, change: WireChange) -> SignedChange:
    """One change, one 64-byte signature: the format before batch signatures (still verified)."""
    payload = change.payload()
    return SignedChange(change, payload, private.sign(_CONTEXT + payload.encode("utf-8")))


def sign_batch(private: Ed25519PrivateKey, changes: Sequence[WireChange],
               payloads: Sequence[str] | None = None) -> list[SignedChange]:
    """Sign in trees of ``TREE_LEAVES`` changes: one Ed25519 signature each, a short proof per change.
    ``payloads``, when given, are the changes' payloads already made (``outbox.wire_and_payload``)."""
    if payloads is None:
        payloads = [change.payload() for change in changes]
    signed: list[SignedChange] = []
    for start in range(0, len(changes), batch_signature.TREE_LEAVES):
        part = payloads[start:start + batch_signature.TREE_LEAVES]
        blobs = batch_signature.sign_tree(private, _CONTEXT, [p.encode("utf-8") for p in part])
        signed += [SignedChange(changes[start + i], payload, blob) for i, (payload, blob) in
                   enumerate(zip(part, blobs, strict=True))]
    return signed


def signature_ok(public: bytes, payload: str, signature: bytes) -> bool:
    """A batch blob or a legacy single signature; a verified batch root is cached (one Ed25519 check)."""
    return batch_signature.verify(public, _CONTEXT, payload.encode("utf-8"), signature)


def column_value(mapper: Mapper[Any], field: str, value: Any) -> Any:
    """The Python value of a column from its canonical JSON form (digest.plain in reverse)."""
    if value is None:
        return None
    column_type = mapper.columns[field].type
    if isinstance(column_type, Uuid):
        return uuid.UUID(hex=str(value))
    if isinstance(column_type, UtcDateTime):
        return datetime.fromisoformat(str(value))
    if isinstance(column_type, Date):
        return date.fromisoformat(str(value))
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(str(value))
    if isinstance(column_type, JsonText):
        return value
    return value
