"""Batch signatures: one Ed25519 signature over a Merkle tree of a batch of changes, and with every
change a self-contained proof, so each change still verifies on its own (headquarters relays single
changes; quarantine stays per change) while a verifier checks one signature per batch.

Tree: RFC 9162 §2.1 (no duplicated nodes, so no second-preimage trick with odd sizes), SHA-256 with
domain-separated hashes: leaf = H(0x00 ‖ context ‖ payload), node = H(0x01 ‖ left ‖ right). The
signature covers ``context ‖ "merkle-root\\n" ‖ leaf count ‖ root``; a canonical JSON payload starts
with ``{``, so a root message can never pass for a single change's message, nor the reverse.

Per-change blob (``signature`` column, bundle ``sig``)::

    "IFBS" | version 1 | root signature (64) | leaf index (u32 BE) | leaf count (u32 BE) | proof (32 × depth)

The proof's length follows from index and count; a blob one byte shorter or longer is refused. A
legacy signature (exactly 64 bytes, signing ``context ‖ payload``) still verifies: archives and
central stores already hold them.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

MAGIC = b"IFBS"
VERSION = 1
HEADER = struct.Struct(">4sB64sII")       # magic, version, root signature, leaf index, leaf count
LEGACY_LENGTH = 64
MAX_LEAVES = 1 << 16                      # bounds the proof a verifier walks
TREE_LEAVES = 256                         # a push batch is cut into trees of this size: proofs of 8 hashes
_LEAF, _NODE = b"\x00", b"\x01"
_ROOT_LABEL = b"merkle-root\n"
_CACHE_LIMIT = 4096

# (public key, context, root, count, root signature) that verified. Ed25519 verification is
# deterministic, so a hit is as good as verifying again; the key holds the whole signed message and
# the public key, so a root signed by one device never serves another.
_verified: dict[tuple[bytes, bytes, bytes, int, bytes], None] = {}


def leaf_hash(context: bytes, payload: bytes) -> bytes:
    return hashlib.sha256(_LEAF + context + payload).digest()


def _node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(_NODE + left + right).digest()


def root_message(context: bytes, root: bytes, count: int) -> bytes:
    return context + _ROOT_LABEL + struct.pack(">I", count) + root


def _tree(leaves: Sequence[bytes], lo: int, hi: int, paths: list[list[bytes]]) -> bytes:
    """The root of leaves[lo:hi]; appends each leaf's sibling hashes, bottom-up, to ``paths``."""
    if hi - lo == 1:
        return leaves[lo]
    split = lo + (1 << ((hi - lo - 1).bit_length() - 1))   # largest power of two below the size
    left, right = _tree(leaves, lo, split, paths), _tree(leaves, split, hi, paths)
    for i in range(lo, split):
        paths[i].append(right)
    for i in range(split, hi):
        paths[i].append(left)
    return _node(left, right)


def sign_tree(private: Ed25519PrivateKey, context: bytes, payloads: Sequence[bytes]) -> list[bytes]:
    """One blob per payload, in order; all share one root signature."""
    count = len(payloads)
    if not 0 < count <= MAX_LEAVES:
        raise ValueError(f"a signed batch holds 1 to {MAX_LEAVES} changes, not {count}")
    leaves = [leaf_hash(context, p) for p in payloads]
    paths: list[list[bytes]] = [[] for _ in range(count)]
    root = _tree(leaves, 0, count, paths)
    root_signature = private.sign(root_message(context, root, count))
    return [HEADER.pack(MAGIC, VERSION, root_signature, index, count) + b"".join(path)
            for index, path in enumerate(paths)]


def root_from_proof(leaf: bytes, index: int, count: int, proof: bytes) -> bytes | None:
    """RFC 9162 §2.1.3.2: the root the proof leads to, or None when the proof does not fit the shape."""
    if index >= count or len(proof) % 32:
        return None
    sha256, node_prefix = hashlib.sha256, _NODE       # locals: this runs for every change received
    fn, sn, node = index, count - 1, leaf
    for start in range(0, len(proof), 32):
        if sn == 0:
            return None                       # proof longer than the tree is deep
        sibling = proof[start:start + 32]
        if fn & 1 or fn == sn:
            node = sha256(node_prefix + sibling + node).digest()
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            node = sha256(node_prefix + node + sibling).digest()
        fn, sn = fn >> 1, sn >> 1
    return node if sn == 0 else None          # a short proof leaves sn above 0


def verify(public: bytes, context: bytes, payload: bytes, blob: bytes) -> bool:
    """True when ``blob`` (batch or legacy) is a valid signature of ``payload`` by ``public``."""
    if len(blob) == LEGACY_LENGTH:
        return _ed25519_ok(public, blob, context + payload)
    if len(blob) < HEADER.size:
        return False
    magic, version, root_signature, index, count = HEADER.unpack_from(blob)
    if magic != MAGIC or version != VERSION or not 0 < count <= MAX_LEAVES:
        return False
    root = root_from_proof(leaf_hash(context, payload), index, count, blob[HEADER.size:])
    if root is None:
        return False
    key = (public, context, root, count, root_signature)
    if key in _verified:
        return True
    if not _ed25519_ok(public, root_signature, root_message(context, root, count)):
        return False
    if len(_verified) >= _CACHE_LIMIT:
        _verified.clear()                     # cheap and rare: a batch re-verifies once
    _verified[key] = None
    return True


def forget_verified() -> None:
    """Empty the cache (tests use it to make every verification pay its Ed25519 check)."""
    _verified.clear()


def _ed25519_ok(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
