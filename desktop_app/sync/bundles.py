"""Offline bundles for air-gapped offices: export at the office, import (and reply) at headquarters,
import the reply back at the office. Every import is all-or-nothing and refuses, with a reason, a
bundle that is replayed, out of order, truncated, tampered, unsigned or addressed to someone else.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, insert, select, update

from desktop_app.store.archive import Archive
from desktop_app.store.models import Change, Meta
from desktop_app.store.types import utcnow
from desktop_app.sync import bundle_format as bf
from desktop_app.sync import central_schema as cs
from desktop_app.sync.central import CentralStore, ChainHead
from desktop_app.sync.device import box_key, public_keys, signing_key
from desktop_app.sync.engine import cursor_key, local_head, read_cursor
from desktop_app.sync.keys import PublicKeys
from desktop_app.sync.merge import NOT_SYNCED, Applier, DeviceInfo, Incoming
from desktop_app.sync.scope import ScopeResolver
from desktop_app.sync.wire import SignedChange, WireChange, sign_batch

BundleError = bf.BundleError
_HQ_SIGN, _HQ_BOX = "hq_sign_public", "hq_box_public"
_OUT_NUMBER, _OUT_HASH, _IN_NUMBER, _IN_HASH = ("bundle_out_number", "bundle_out_hash", "bundle_in_number",
                                                 "bundle_in_hash")
PUSH_BATCH = 1000


@dataclass(frozen=True, slots=True)
class BundleResult:
    number: int
    changes: int          # entries carried (export) or found (import)
    new: int = 0          # applied / stored
    duplicates: int = 0
    refused: int = 0      # quarantined
    conflicts: int = 0
    dry_run: bool = False
    reply: Path | None = None


# -- office side ---------------------------------------------------------------------------------


def export_office_bundle(archive: Archive, user_name: str, hq: PublicKeys, out: Path) -> BundleResult:
    """Every change headquarters has not acknowledged yet, encrypted to headquarters, signed by this
    device, numbered after the previous bundle. All or nothing: when the number and audit entry do
    not commit, the written bundle is removed (a courier must never carry a number used twice)."""
    if out.exists():
        raise BundleError(f"{out.name} already exists; choose another file name")
    try:
        return _export_office_bundle(archive, user_name, hq, out)
    except BaseException:
        out.unlink(missing_ok=True)
        raise


def _export_office_bundle(archive: Archive, user_name: str, hq: PublicKeys, out: Path) -> BundleResult:
    with archive.session(write=True) as s:
        meta = _meta(s)
        _remember_hq(s, meta, hq)
        number, previous = int(meta.get(_OUT_NUMBER, "0")) + 1, meta.get(_OUT_HASH, "")
        pending = select(Change).where(Change.acked_at.is_(None), Change.entity.not_in(NOT_SYNCED))
        count = int(s.scalar(select(func.count()).select_from(pending.subquery())) or 0)
        max_seq = int(s.scalar(select(func.max(Change.seq)).where(Change.acked_at.is_(None))) or 0)
        key, resolver = signing_key(s), ScopeResolver(s)
        head = local_head(archive)
        cursor = read_cursor(archive, cursor_key(hq.fingerprint))

        def lines() -> Iterator[dict[str, Any]]:
            yield {"t": "head", "seq": head.seq, "hash": head.hash}
            yield {"t": "cursor", "tx": cursor[0], "seq": cursor[1]}
            rows = s.scalars(pending.order_by(Change.seq).execution_options(yield_per=PUSH_BATCH))
            for part in rows.partitions():  # signed a batch at a time: one Ed25519 signature per tree
                for signed in sign_batch(key, [WireChange.from_local(change) for change in part]):
                    yield {"t": "change", "scope": resolver.scope_of(signed.change), "payload": signed.payload,
                           "sig": base64.b64encode(signed.signature).decode()}

        header = bf.BundleHeader("office", archive.device_id, hq.fingerprint, number, previous,
                                 utcnow().isoformat(), b"", b"", count + 2)
        ephemeral = X25519PrivateKey.generate()
        header = _with_crypto(header, ephemeral)
        digest = bf.write_bundle(out, header, lines(), sender_key=key, recipient_box=hq.box_public,
                                 ephemeral=ephemeral)
        for key_name, value in ((_OUT_NUMBER, str(number)), (_OUT_HASH, digest), (f"bundle_max_seq:{number}",
                                                                                    str(max_seq))):
            s.merge(Meta(key=key_name, value=value))
        from desktop_app.store.audit_chain import AuditChain

        chain = AuditChain(s)
        chain.append(at=utcnow(), user_name=user_name, device_id=archive.device_id, action="bundle.export",
                     detail={"number": number, "changes": count})
        chain.record_head()
    return BundleResult(number, count)


def import_return_bundle(archive: Archive, user_name: str, path: Path, *, dry_run: bool = False) -> BundleResult:
    try:
        return _import_return(archive, user_name, path, dry_run)
    except BundleError as exc:
        with archive.writing(user_name) as w:
            w.audit("bundle.refused", success=False, detail={"file": path.name, "reason": exc.message})
        raise


def _import_return(archive: Archive, user_name: str, path: Path, dry_run: bool) -> BundleResult:
    header = bf.read_header(path)
    with archive.session(write=True) as s:
        meta = _meta(s)
        mine = public_keys(s, archive.device_id, archive.office_name)
        own_box = box_key(s)
    if header.kind != "return" or header.sender != "hq":
        raise BundleError("this is not a return bundle from headquarters")
    if header.recipient != mine.fingerprint:
        raise BundleError("the bundle is addressed to another office")
    if _HQ_SIGN not in meta:
        raise BundleError("this archive has never sent a bundle to headquarters, so it cannot check this one")
    bf.verify_signature(path, base64.b64decode(meta[_HQ_SIGN]))
    _check_sequence(header, int(meta.get(_IN_NUMBER, "0")), meta.get(_IN_HASH, ""))
    hq_fingerprint = PublicKeys("headquarters", "hq", base64.b64decode(meta[_HQ_SIGN]),
                                base64.b64decode(meta[_HQ_BOX])).fingerprint
    try:
        return _apply_return(archive, user_name, path, header, meta, own_box, hq_fingerprint, dry_run)
    except _DryRun as preview:
        return preview.result


def _apply_return(archive: Archive, user_name: str, path: Path, header: bf.BundleHeader, meta: dict[str, str],
                  own_box: X25519PrivateKey, hq_fingerprint: str, dry_run: bool) -> BundleResult:
    with archive.session(write=True) as s:
        registry: dict[str, DeviceInfo] = {}
        applier: Applier | None = None
        batch: list[Incoming] = []
        found = 0
        for line in bf.read_lines(path, own_box):
            kind = line.get("t")
            if kind == "registry":
                registry = {d["id"]: DeviceInfo(base64.b64decode(d["sign"]), bool(d["revoked"]))
                            for d in line["devices"]}
            elif kind == "ack":
                max_seq = meta.get(f"bundle_max_seq:{int(line['office_bundle'])}")
                if max_seq:
                    s.execute(update(Change).where(Change.seq <= int(max_seq), Change.acked_at.is_(None))
                              .values(acked_at=utcnow(), sent_at=func.coalesce(Change.sent_at, utcnow())))
            elif kind == "cursor":  # never backwards: a late bundle may trail an online sync
                stored = s.get(Meta, cursor_key(hq_fingerprint))
                held = tuple(int(x) for x in stored.value.split(":")) if stored else (-1, -1)
                incoming = (int(line["tx"]), int(line["seq"]))
                if incoming > held:
                    s.merge(Meta(key=cursor_key(hq_fingerprint), value=f"{incoming[0]}:{incoming[1]}"))
            elif kind == "change":
                applier = applier or Applier(s, user_name, archive.device_id, archive.clock, registry)
                batch.append(Incoming(line["device"], line["payload"], base64.b64decode(line["sig"])))
                found += 1
                if len(batch) >= PUSH_BATCH:
                    applier.apply_all(batch)
                    batch = []
        if applier and batch:
            applier.apply_all(batch)
        stats = applier.stats if applier else None
        for key_name, value in ((_IN_NUMBER, str(header.number)), (_IN_HASH, bf.file_hash(path))):
            s.merge(Meta(key=key_name, value=value))
        result = BundleResult(header.number, found, stats.applied if stats else 0,
                              stats.duplicates if stats else 0, stats.quarantined if stats else 0,
                              stats.conflicts if stats else 0, dry_run)
        if dry_run:
            raise _DryRun(result)
        from desktop_app.store.audit_chain import AuditChain

        chain = AuditChain(s)
        chain.append(at=utcnow(), user_name=user_name, device_id=archive.device_id, action="bundle.import",
                     detail={"number": header.number, "changes": found, "applied": result.new})
        chain.record_head()
    return result


# -- headquarters side ------------------------------------------------------------------------------


def import_office_bundle(central: CentralStore, path: Path, *, dry_run: bool = False,
                         reply: Path | None = None) -> BundleResult:
    """Refusals are recorded at headquarters (``sync_bundle_refusals``) and raised."""
    try:
        return _import_office_bundle(central, path, dry_run, reply)
    except BundleError as exc:
        if not dry_run:
            _record_refusal(central, path, exc.message)
        raise


def _record_refusal(central: CentralStore, path: Path, reason: str) -> None:
    try:
        sender = bf.read_header(path).sender
    except BundleError:
        sender = ""
    with central.transaction() as conn:
        conn.execute(insert(cs.bundle_refusals).values(file=path.name[:255], sender=sender[:64], reason=reason,
                                                       received_at=utcnow().isoformat(timespec="microseconds")))


def _import_office_bundle(central: CentralStore, path: Path, dry_run: bool, reply: Path | None) -> BundleResult:
    header = bf.read_header(path)
    hq_sign, hq_box = central.hq_private()
    hq = central.hq_public()
    if header.kind != "office":
        raise BundleError("this is not an office bundle")
    if header.recipient != hq.fingerprint:
        raise BundleError("the bundle is addressed to another headquarters key")
    device = _device(central, header.sender)
    bf.verify_signature(path, bytes(device["sign_public"]))
    _check_sequence(header, int(device["bundle_in_number"]), str(device["bundle_in_hash"]))
    try:
        return _store_office_bundle(central, path, header, device, hq_sign, hq_box, dry_run, reply)
    except _DryRun as preview:
        return preview.result


def _store_office_bundle(central: CentralStore, path: Path, header: bf.BundleHeader, device: dict[str, Any],
                         hq_sign: Any, hq_box: X25519PrivateKey, dry_run: bool, reply: Path | None) -> BundleResult:
    found = stored = duplicates = refused = 0
    office_cursor = (-1, -1)
    with central.transaction() as conn:
        head: ChainHead | None = None
        batch: list[SignedChange] = []
        scopes: list[str] = []

        def flush() -> None:
            nonlocal stored, duplicates, refused
            if batch:
                pushed = central.push_on(conn, header.sender, batch, scopes)
                stored, duplicates, refused = (stored + pushed.stored, duplicates + pushed.duplicates,
                                               refused + pushed.quarantined)
                batch.clear()
                scopes.clear()

        for line in bf.read_lines(path, hq_box):
            if line.get("t") == "head":
                head = ChainHead(int(line["seq"]), str(line["hash"]))
            elif line.get("t") == "cursor":
                office_cursor = (int(line["tx"]), int(line["seq"]))
            elif line.get("t") == "change":
                found += 1
                batch.append(SignedChange(WireChange.from_payload(line["payload"]), line["payload"],
                                          base64.b64decode(line["sig"])))
                scopes.append(str(line["scope"]))
                if len(batch) >= PUSH_BATCH:
                    flush()
        flush()
        if head is not None and head.seq < int(device["chain_seq"]):
            raise BundleError(f"the office's audit history went backwards (headquarters saw entry "
                              f"{device['chain_seq']}, the bundle ends at {head.seq})")
        central.push_on(conn, header.sender, [], [], head=head)
        central.set_bundle_numbers(conn, header.sender, incoming=(header.number, bf.file_hash(path)))
        if dry_run:
            raise _DryRun(BundleResult(header.number, found, stored, duplicates, refused, dry_run=True))
    reply_path = None
    if reply is not None:
        reply_path = export_return_bundle(central, header.sender, office_cursor, header.number, reply, hq_sign)
    return BundleResult(header.number, found, stored, duplicates, refused, reply=reply_path)


def export_return_bundle(central: CentralStore, device_id: str, cursor: tuple[int, int], ack: int, out: Path,
                         hq_sign: Any = None) -> Path:
    """Headquarters' changes in the office's scope after its cursor, the device registry, and the
    acknowledgement of the office bundle received."""
    hq_sign = hq_sign or central.hq_private()[0]
    device = _device(central, device_id)
    keys = PublicKeys("device", device_id, bytes(device["sign_public"]), bytes(device["box_public"]))
    registry = central.registry()
    rows = []
    position = cursor
    while True:  # collect first: the header must state the count (bounded by the office's scope)
        page = central.pull(device_id, position, 5000)
        if not page:
            break
        rows.extend(page)
        position = (page[-1].tx, page[-1].seq)

    def lines() -> Iterator[dict[str, Any]]:
        yield {"t": "registry", "devices": [{"id": k, "sign": base64.b64encode(v.sign_public).decode(),
                                             "revoked": v.revoked} for k, v in registry.items()]}
        yield {"t": "ack", "office_bundle": ack}
        for row in rows:
            yield {"t": "change", "device": row.incoming.device_id, "payload": row.incoming.payload,
                   "sig": base64.b64encode(row.incoming.signature).decode()}
        yield {"t": "cursor", "tx": position[0], "seq": position[1]}

    number = int(device["bundle_out_number"]) + 1
    ephemeral = X25519PrivateKey.generate()
    header = _with_crypto(bf.BundleHeader("return", "hq", keys.fingerprint, number, str(device["bundle_out_hash"]),
                                          utcnow().isoformat(), b"", b"", len(rows) + 3), ephemeral)
    digest = bf.write_bundle(out, header, lines(), sender_key=hq_sign, recipient_box=keys.box_public,
                             ephemeral=ephemeral)
    with central.transaction() as conn:
        central.set_bundle_numbers(conn, device_id, outgoing=(number, digest))
    return out


# -- shared ---------------------------------------------------------------------------------------


class _DryRun(Exception):
    """Raised out of the transaction so a preview rolls everything back."""

    def __init__(self, result: BundleResult) -> None:
        super().__init__("dry run")
        self.result = result



def _check_sequence(header: bf.BundleHeader, last_number: int, last_hash: str) -> None:
    if header.number <= last_number:
        raise BundleError(f"bundle {header.number} was already imported (replayed or older than bundle "
                          f"{last_number})")
    if header.number > last_number + 1:
        raise BundleError(f"bundle {last_number + 1} is missing: import it before bundle {header.number}")
    if header.previous != last_hash:
        raise BundleError(f"bundle {header.number} does not follow the bundle imported before it")


def _device(central: CentralStore, device_id: str) -> dict[str, Any]:
    try:
        device = central.device_row(device_id)
    except Exception:
        raise BundleError(f"the bundle comes from an unknown device {device_id}") from None
    if device["revoked"]:
        raise BundleError(f"the bundle comes from revoked device {device_id}")
    return device


def _with_crypto(header: bf.BundleHeader, ephemeral: X25519PrivateKey) -> bf.BundleHeader:
    import os

    return bf.BundleHeader(header.kind, header.sender, header.recipient, header.number, header.previous,
                           header.created_at, ephemeral.public_key().public_bytes_raw(), os.urandom(8), header.count)


def _meta(session: Any) -> dict[str, str]:
    return {m.key: m.value for m in session.scalars(select(Meta))}


def _remember_hq(session: Any, meta: dict[str, str], hq: PublicKeys) -> None:
    sign_b64, box_b64 = base64.b64encode(hq.sign_public).decode(), base64.b64encode(hq.box_public).decode()
    if _HQ_SIGN in meta and (meta[_HQ_SIGN], meta.get(_HQ_BOX)) != (sign_b64, box_b64):
        raise BundleError("this headquarters key differs from the one used before; check the key file")
    session.merge(Meta(key=_HQ_SIGN, value=sign_b64))
    session.merge(Meta(key=_HQ_BOX, value=box_b64))


__all__ = ["BundleError", "BundleResult", "export_office_bundle", "export_return_bundle", "import_office_bundle",
           "import_return_bundle"]
