"""This archive's device identity: id, Ed25519 signing key and X25519 box key, kept in ``meta``
inside the encrypted database (the private keys never leave it)."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy.orm import Session

from desktop_app.store.models import Meta
from desktop_app.sync.keys import PublicKeys

_SIGN, _BOX = "device_private_key", "device_box_private_key"


def _meta(session: Session, key: str) -> str | None:
    row = session.get(Meta, key)
    return row.value if row else None


def signing_key(session: Session) -> Ed25519PrivateKey:
    value = _meta(session, _SIGN)
    assert value is not None, "every archive gets a device key at creation"
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(value))


def box_key(session: Session) -> X25519PrivateKey:
    """Created on first use (archives made before bundles existed have none)."""
    value = _meta(session, _BOX)
    if value is None:
        key = X25519PrivateKey.generate()
        session.add(Meta(key=_BOX, value=base64.b64encode(key.private_bytes_raw()).decode()))
        session.flush()
        return key
    return X25519PrivateKey.from_private_bytes(base64.b64decode(value))


def public_keys(session: Session, device_id: str, office_name: str) -> PublicKeys:
    return PublicKeys("device", device_id, signing_key(session).public_key().public_bytes_raw(),
                      box_key(session).public_key().public_bytes_raw(), office_name)
