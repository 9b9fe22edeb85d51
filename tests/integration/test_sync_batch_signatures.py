"""Batch signatures (sync/batch_signature.py): one Ed25519 signature per tree of changes, each change
still verifiable on its own; every damaged, swapped or foreign proof is refused and quarantined, and
the legacy 64-byte signatures that archives and central stores already hold still verify."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, update

from desktop_app.services.persons import PersonDraft
from desktop_app.store.models import Change
from desktop_app.store.models.sync import QuarantinedChange
from desktop_app.sync import batch_signature as bs
from desktop_app.sync import central_schema as cs
from desktop_app.sync.central import CentralStore
from desktop_app.sync.device import signing_key
from desktop_app.sync.scope import ScopeResolver
from desktop_app.sync.wire import _CONTEXT, SignedChange, WireChange, sign, sign_batch, signature_ok
from tests.factories import id_number, organ_uscc
from tests.sync_helpers import UNIT_A, Office, make_office

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))        # fixed keys: a failure replays
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(32, 64)))
PUBLIC = KEY.public_key().public_bytes_raw()


def _payloads(n: int, tag: str = "a") -> list[bytes]:
    return [f'{{"change_id":"{tag}{i:031x}","values":{{"name":"员工{i}"}}}}'.encode() for i in range(n)]


def _depth(index: int, count: int) -> int:
    """Proof length per RFC 9162: the levels above the leaf in its subtree."""
    if count == 1:
        return 0
    split = 1 << ((count - 1).bit_length() - 1)
    return 1 + (_depth(index, split) if index < split else _depth(index - split, count - split))


@pytest.mark.parametrize("count", [1, 2, 3, 5, 8, 13, 64, 255, 256])
def test_every_change_of_a_tree_verifies_on_its_own(count: int) -> None:
    payloads = _payloads(count)
    blobs = bs.sign_tree(KEY, _CONTEXT, payloads)
    signatures = {blob[5:69] for blob in blobs}
    assert len(signatures) == 1                                     # one Ed25519 signature for the tree
    for index, (payload, blob) in enumerate(zip(payloads, blobs, strict=True)):
        assert len(blob) == bs.HEADER.size + 32 * _depth(index, count)
        assert bs.verify(PUBLIC, _CONTEXT, payload, blob)
        assert not bs.verify(PUBLIC, _CONTEXT, payload + b" ", blob)


def test_legacy_single_signatures_still_verify() -> None:
    change = WireChange("ab" * 16, "device-1", "unit", "cd" * 16, "insert", {"name": "天河区审计局"}, {},
                        "0001.0.device-1", "admin", "2026-11-27T00:00:00+00:00")
    legacy = sign(KEY, change)
    assert len(legacy.signature) == 64
    assert signature_ok(PUBLIC, legacy.payload, legacy.signature)
    assert not signature_ok(PUBLIC, legacy.payload.replace("天河", "越秀"), legacy.signature)
    assert not signature_ok(OTHER.public_key().public_bytes_raw(), legacy.payload, legacy.signature)
    batch = sign_batch(KEY, [change])[0]
    assert batch.payload == legacy.payload and len(batch.signature) == bs.HEADER.size
    assert signature_ok(PUBLIC, batch.payload, batch.signature)


def test_one_ed25519_check_serves_a_whole_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bytes] = []
    real = bs._ed25519_ok

    def counted(public: bytes, signature: bytes, message: bytes) -> bool:
        calls.append(message)
        return real(public, signature, message)

    monkeypatch.setattr(bs, "_ed25519_ok", counted)
    bs.forget_verified()
    payloads = _payloads(256)
    blobs = bs.sign_tree(KEY, _CONTEXT, payloads)
    assert all(bs.verify(PUBLIC, _CONTEXT, p, b) for p, b in zip(payloads, blobs, strict=True))
    assert len(calls) == 1
    # The cache is keyed by the public key too: another device's key pays its own check and fails.
    assert not bs.verify(OTHER.public_key().public_bytes_raw(), _CONTEXT, payloads[0], blobs[0])
    assert len(calls) == 2


def test_swapped_moved_truncated_and_extended_proofs_are_refused() -> None:
    first, second = _payloads(7, "a"), _payloads(7, "b")
    blobs_1, blobs_2 = bs.sign_tree(KEY, _CONTEXT, first), bs.sign_tree(KEY, _CONTEXT, second)
    for i in range(7):
        assert not bs.verify(PUBLIC, _CONTEXT, first[i], blobs_2[i])   # moved into another batch
        for j in range(7):
            if i != j:
                assert not bs.verify(PUBLIC, _CONTEXT, first[i], blobs_1[j])  # another leaf's proof
    blob = blobs_1[2]
    for length in range(len(blob)):
        assert not bs.verify(PUBLIC, _CONTEXT, first[2], blob[:length]), length
    for extra in (b"\x00", bytes(31), bytes(32), blob[-32:]):
        assert not bs.verify(PUBLIC, _CONTEXT, first[2], blob + extra)
    # The proof's shape is checked before any signature: one level short or long leads nowhere.
    leaf, proof = bs.leaf_hash(_CONTEXT, first[2]), blob[bs.HEADER.size:]
    assert bs.root_from_proof(leaf, 2, 7, proof) is not None
    assert bs.root_from_proof(leaf, 2, 7, proof[:-32]) is None
    assert bs.root_from_proof(leaf, 2, 7, proof + proof[-32:]) is None
    assert bs.root_from_proof(leaf, 7, 7, proof) is None
    # A shorter tree with the same leaves: the count is signed, so a changed count never passes.
    header = bs.HEADER.unpack_from(blob)
    recounted = bs.HEADER.pack(header[0], header[1], header[2], header[3], 4) + blob[bs.HEADER.size:]
    assert not bs.verify(PUBLIC, _CONTEXT, first[2], recounted)


def test_a_flipped_bit_anywhere_in_a_proof_is_refused() -> None:
    payloads = _payloads(11)
    blobs = bs.sign_tree(KEY, _CONTEXT, payloads)
    for index in (0, 7, 10):           # leftmost, an inner leaf, the rightmost of an uneven tree
        blob = blobs[index]
        for bit in range(len(blob) * 8):
            flipped = bytearray(blob)
            flipped[bit // 8] ^= 1 << (bit % 8)
            assert not bs.verify(PUBLIC, _CONTEXT, payloads[index], bytes(flipped)), (index, bit)
        assert bs.verify(PUBLIC, _CONTEXT, payloads[index], blob)


def test_a_root_signed_by_another_device_is_refused() -> None:
    payloads = _payloads(9)
    forged = bs.sign_tree(OTHER, _CONTEXT, payloads)
    assert not any(bs.verify(PUBLIC, _CONTEXT, p, b) for p, b in zip(payloads, forged, strict=True))
    # Another context (e.g. a future message kind) never verifies as a change either.
    assert not bs.verify(PUBLIC, _CONTEXT, payloads[0], bs.sign_tree(KEY, b"other/v1\n", payloads)[0])


def test_a_legacy_signature_of_the_root_message_is_no_change_signature() -> None:
    payloads = _payloads(4)
    blob = bs.sign_tree(KEY, _CONTEXT, payloads)[0]
    root_signature = blob[5:69]
    assert not bs.verify(PUBLIC, _CONTEXT, payloads[0], root_signature)  # a 64-byte blob is a legacy one


# -- end to end: central store and receiving archive ------------------------------------------------


@pytest.fixture
def hq(central_url: str) -> Iterator[CentralStore]:
    store = CentralStore.initialize(central_url)
    yield store
    store.close()


@pytest.fixture
def pair(hq: CentralStore, tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    a, b = make_office(tmp_path, "a", hq, ["44"]), make_office(tmp_path, "b", hq, ["44"])
    a.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    for n in range(1, 6):
        a.services.persons.add(PersonDraft(name=f"员工{n}", id_number=id_number(n), unit_name=UNIT_A))
    yield a, b
    a.close()
    b.close()


def _outbox(office: Office) -> tuple[list[WireChange], list[str]]:
    with office.archive.session() as s:
        changes = s.scalars(select(Change).where(Change.entity != "user").order_by(Change.seq)).all()
        wires = [WireChange.from_local(c) for c in changes]
        resolver = ScopeResolver(s)
        return wires, [resolver.scope_of(w) for w in wires]


def test_legacy_and_batch_signed_changes_in_one_central_store_apply(pair: tuple[Office, Office],
                                                                    hq: CentralStore) -> None:
    a, b = pair
    wires, scopes = _outbox(a)
    with a.archive.session() as s:
        key = signing_key(s)
    half = len(wires) // 2
    legacy = [sign(key, w) for w in wires[:half]]            # what central stores hold from before
    result = hq.push(a.archive.device_id, [*legacy, *sign_batch(key, wires[half:])], scopes)
    assert (result.stored, result.quarantined) == (len(wires), 0)
    with hq.engine.connect() as conn:
        lengths = sorted({len(bytes(sig)) for sig in conn.scalars(select(cs.changes.c.signature))})
    assert lengths[0] == 64 and lengths[-1] > bs.HEADER.size
    report = b.sync(batch=2)         # the trees are cut across pull batches: each change stands alone
    assert (report.applied, report.quarantined) == (len(wires), 0)
    assert b.services.persons.count() == 5
    assert b.services.maintenance.verify().ok


def test_a_damaged_proof_at_the_central_store_is_quarantined_by_the_receiver_alone(
        pair: tuple[Office, Office], hq: CentralStore) -> None:
    a, b = pair
    a.sync()
    with hq.engine.begin() as conn:      # someone with access to the central database flips one bit
        seq, signature = conn.execute(select(cs.changes.c.seq, cs.changes.c.signature)
                                      .where(cs.changes.c.entity == "person").order_by(cs.changes.c.seq)
                                      .limit(1)).one()
        damaged = bytearray(signature)
        damaged[-1] ^= 0x40
        conn.execute(update(cs.changes).where(cs.changes.c.seq == seq).values(signature=bytes(damaged)))
    report = b.sync()
    assert (report.quarantined, report.applied) == (1, 5)     # only that change; its batch-mates apply
    assert b.services.persons.count() == 4
    with b.services.ctx.read() as s:
        assert list(s.scalars(select(QuarantinedChange.reason))) == ["bad signature"]
    assert b.services.maintenance.verify().ok


def test_the_central_store_quarantines_swapped_and_foreign_proofs(pair: tuple[Office, Office],
                                                                  hq: CentralStore) -> None:
    a, _ = pair
    wires, scopes = _outbox(a)
    with a.archive.session() as s:
        key = signing_key(s)
    signed = sign_batch(key, wires)
    forged = sign_batch(OTHER, wires)
    batch = list(signed)
    batch[1] = SignedChange(signed[1].change, signed[1].payload, signed[2].signature)   # another leaf's proof
    batch[3] = SignedChange(signed[3].change, signed[3].payload, forged[3].signature)   # another device's root
    batch[4] = SignedChange(signed[4].change, signed[4].payload, signed[4].signature[:-1])  # truncated
    result = hq.push(a.archive.device_id, batch, scopes)
    assert (result.stored, result.quarantined) == (len(wires) - 3, 3)
    with hq.engine.connect() as conn:
        reasons = set(conn.scalars(select(cs.quarantine.c.reason)))
        quarantined = set(conn.scalars(select(cs.quarantine.c.change_id)))
    assert reasons == {"bad signature"}
    assert quarantined == {wires[i].change_id for i in (1, 3, 4)}


def test_root_message_layout_is_what_the_docs_say() -> None:
    root = bytes(32)
    assert bs.root_message(_CONTEXT, root, 3) == _CONTEXT + b"merkle-root\n" + struct.pack(">I", 3) + root
