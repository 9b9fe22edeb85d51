"""Bundles under attack (issue 9, item 6): bit flips anywhere in a valid office bundle and in a valid
return bundle, truncations at random lengths, changed header fields, an unknown signer, a revoked
signer, the wrong recipient, a replay, an older bundle than the last one, a gap.

Every such bundle must be refused with ``BundleError`` (never another exception) and change nothing:
at headquarters no change, quarantine entry, device row or bundle counter moves; at the office no
row of any synchronised table moves, and exactly one audit entry (``bundle.refused``) is written per
refusal.

Flips and truncations: fast tier 200 (seed 20261127), ``--slow`` 2,000 (seed 6006). Per tier, half
go to the office bundle at headquarters and half to the return bundle at the office; of each half,
80 % are single-bit flips at a uniformly random position and 20 % truncations to a uniformly random
length.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import struct
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from desktop_app.services import Services
from desktop_app.services.persons import PersonDraft
from desktop_app.services.records import RecordDraft
from desktop_app.store.archive import Archive
from desktop_app.store.models import AuditEntry, Base
from desktop_app.sync import central_schema as cs
from desktop_app.sync.bundle_format import MAGIC
from desktop_app.sync.bundles import (
    BundleError,
    export_office_bundle,
    export_return_bundle,
    import_office_bundle,
    import_return_bundle,
)
from desktop_app.sync.central import CentralStore
from desktop_app.sync.device import public_keys
from tests.factories import PASSPHRASE, TODAY, id_number, organ_uscc
from tests.sync_helpers import UNIT_A, make_office

# Headquarters' tables that hold what a bundle could change (a future table recording refusals is
# deliberately not among them: see test_headquarters_records_each_refused_bundle).
HQ_TABLES = (cs.changes, cs.quarantine, cs.devices, cs.device_scopes, cs.hq_keys, cs.hq_public)
# Every table of the office's archive but the audit trail, which is counted on its own; in meta
# only the chain's head copy may move (with the refusal's own audit entry).
OFFICE_TABLES = tuple(sorted(set(Base.metadata.tables) - {"audit_entries"}))


@dataclass(frozen=True)
class Kit:
    """Files made once per module; every test works on copies."""

    folder: Path
    offline_device: str

    def central(self, name: str, into: Path) -> CentralStore:
        """A copy of a central store: 'before' (nothing imported), 'after' (office bundle 1 imported)."""
        shutil.copyfile(self.folder / f"central-{name}.db", into / f"central-{name}.db")
        return CentralStore(str(into / f"central-{name}.db"))

    def office(self, into: Path) -> Services:
        """The air-gapped office as it was after exporting bundles 1-3 (no return bundle imported)."""
        for suffix in ("", ".keys", ".head"):
            source = self.folder / f"offline.db{suffix}"
            if source.exists():
                shutil.copyfile(source, into / f"offline.db{suffix}")
        archive, user = Archive.unlock(into / "offline.db", "admin", PASSPHRASE)
        return Services.for_user(archive, user, today=lambda: TODAY)

    def bundle(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    folder = tmp_path_factory.mktemp("bundles")
    work = folder / "work"
    work.mkdir()
    hq = CentralStore.initialize(str(work / "central.db"))
    offline = make_office(work, "offline", hq, ["44"])
    online = make_office(work, "online", hq, ["44"])
    offline.services.units.add(name=UNIT_A, uscc=organ_uscc(1), division_code="440106")
    person = offline.services.persons.add(PersonDraft(name="张三", id_number=id_number(1), unit_name=UNIT_A))
    offline.services.records.add(person.id, RecordDraft(kind="嘉奖", decided_on=TODAY, document_no="穗府〔2026〕1号",
                                                        authority="广州市人民政府", facts="年度考核优秀"))
    online.services.units.add(name="仁化县审计局", uscc=organ_uscc(2, "440224"), division_code="440224")
    online.services.persons.add(PersonDraft(name="李四", id_number=id_number(2), unit_name="仁化县审计局"))
    online.sync()
    for number in (1, 2, 3):  # 2 and 3 repeat 1's changes (unacknowledged) under the next numbers
        export_office_bundle(offline.archive, "admin", hq.hq_public(), folder / f"office-{number}.ifb")
    offline.services.close()
    for suffix in ("", ".keys", ".head"):
        if (work / f"offline.db{suffix}").exists():
            shutil.copyfile(work / f"offline.db{suffix}", folder / f"offline.db{suffix}")
    hq.engine.dispose()
    shutil.copyfile(work / "central.db", folder / "central-before.db")
    import_office_bundle(hq, folder / "office-1.ifb", reply=folder / "return-1.ifb")
    hq.engine.dispose()
    shutil.copyfile(work / "central.db", folder / "central-after.db")
    import_office_bundle(hq, folder / "office-2.ifb", reply=folder / "return-2.ifb")
    # Strangers: an office headquarters never enrolled, and another headquarters.
    other = CentralStore.initialize(str(work / "other-central.db"))
    stranger = make_office(work, "stranger", other, ["44"])  # enrolled at the other headquarters only
    export_office_bundle(stranger.archive, "admin", hq.hq_public(), folder / "unknown-signer.ifb")
    foreigner = make_office(work, "foreigner", other, ["44"])
    export_office_bundle(foreigner.archive, "admin", other.hq_public(), folder / "other-hq.ifb")
    # The other headquarters enrolls the offline office's keys and signs a return bundle for it.
    offline_again, _ = Archive.unlock(folder / "offline.db", "admin", PASSPHRASE)
    with offline_again.session(write=True) as s:
        keys = public_keys(s, offline_again.device_id, "offline")
    offline_again.close()
    other.enroll(keys, ["44"])
    export_return_bundle(other, keys.key_id, (-1, -1), 1, folder / "return-foreign-signer.ifb")
    # A return bundle for the online office (the wrong recipient for the offline one).
    online_export = folder / "online-office-1.ifb"
    export_office_bundle(online.archive, "admin", hq.hq_public(), online_export)
    import_office_bundle(hq, online_export, reply=folder / "return-for-online.ifb")
    for closing in (stranger, foreigner, online, offline):
        closing.central.close()
    for office in (stranger, foreigner, online):
        office.services.close()
    other.close()
    hq.close()
    return Kit(folder, keys.key_id)


# -- what must not move ------------------------------------------------------------------------------


def _refusals(hq: CentralStore) -> int:
    with hq.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(cs.bundle_refusals)).scalar() or 0)


def _hq_state(hq: CentralStore) -> dict[str, list[tuple[Any, ...]]]:
    with hq.engine.connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in HQ_TABLES}


def _office_state(services: Services) -> tuple[dict[str, list[tuple[Any, ...]]], int]:
    with services.ctx.read() as s:
        tables = {t: sorted(map(tuple, s.execute(text(f"SELECT * FROM {t}"))), key=repr) for t in OFFICE_TABLES}
        tables["meta"] = [row for row in tables["meta"] if row[0] != "audit_head"]
        audit = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    return tables, audit


def _last_audit(services: Services) -> tuple[str, bool]:
    with services.ctx.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        return entry.action, entry.success


class HqJudge:
    """Imports at headquarters; each refusal must leave headquarters' tables exactly as they were."""

    def __init__(self, hq: CentralStore, folder: Path) -> None:
        self.hq = hq
        self.folder = folder
        self.outcomes: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.problems: list[str] = []

    def refused(self, name: str, content: bytes, match: str = "") -> None:
        path = self.folder / "candidate.ifb"
        path.write_bytes(content)
        before, refusals, refused_before = _hq_state(self.hq), _refusals(self.hq), self.outcomes["refused"]
        try:
            import_office_bundle(self.hq, path)
        except BundleError as exc:
            self.outcomes["refused"] += 1
            self.reasons[re.sub(r"[0-9a-f]{32}|\d+", "N", exc.message)[:70]] += 1
            if match and match not in exc.message:
                self.problems.append(f"{name}: refused, but for another reason: {exc.message}")
        except Exception as exc:  # any other exception is a crash, not a refusal
            self.outcomes["crash"] += 1
            self.problems.append(f"{name}: {type(exc).__name__}: {exc}")
        else:
            self.outcomes["accepted"] += 1
            self.problems.append(f"{name}: accepted")
        if _hq_state(self.hq) != before:
            self.problems.append(f"{name}: headquarters changed")
        if _refusals(self.hq) != refusals + (1 if self.outcomes["refused"] > refused_before else 0):
            self.problems.append(f"{name}: not exactly one refusal record at headquarters")


class OfficeJudge:
    """Imports at the office; each refusal must change no row and add exactly one audit entry."""

    def __init__(self, services: Services, folder: Path) -> None:
        self.services = services
        self.folder = folder
        self.outcomes: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.problems: list[str] = []

    def refused(self, name: str, content: bytes, match: str = "") -> None:
        path = self.folder / "candidate.ifb"
        path.write_bytes(content)
        tables, audit = _office_state(self.services)
        try:
            import_return_bundle(self.services.ctx.archive, "admin", path)
        except BundleError as exc:
            self.outcomes["refused"] += 1
            self.reasons[re.sub(r"[0-9a-f]{32}|\d+", "N", exc.message)[:70]] += 1
            if match and match not in exc.message:
                self.problems.append(f"{name}: refused, but for another reason: {exc.message}")
        except Exception as exc:
            self.outcomes["crash"] += 1
            self.problems.append(f"{name}: {type(exc).__name__}: {exc}")
        else:
            self.outcomes["accepted"] += 1
            self.problems.append(f"{name}: accepted")
        tables_after, audit_after = _office_state(self.services)
        if tables_after != tables:
            changed = [t for t in OFFICE_TABLES if tables_after[t] != tables[t]]
            self.problems.append(f"{name}: the office's tables changed: {changed}")
        if audit_after != audit + 1 or _last_audit(self.services) != ("bundle.refused", False):
            self.problems.append(f"{name}: {audit_after - audit} audit entries, last {_last_audit(self.services)}")


# -- damage ---------------------------------------------------------------------------------------


def _flip(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    position, bit = rng.randrange(len(data)), rng.randrange(8)
    damaged = bytearray(data)
    damaged[position] ^= 1 << bit
    return f"flip byte {position} bit {bit}", bytes(damaged)


def _truncate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    length = rng.randrange(len(data))
    return f"truncated to {length} bytes", data[:length]


def _damaged(data: bytes, count: int, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    for i in range(count):
        yield (_truncate if i % 5 == 4 else _flip)(data, rng)


def _with_header(data: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    """The same bundle with one header field changed (its body and signature untouched)."""
    start = len(MAGIC)
    (length,) = struct.unpack(">I", data[start:start + 4])
    header = json.loads(data[start + 4:start + 4 + length])
    change(header)
    raw = json.dumps(header, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return MAGIC + struct.pack(">I", len(raw)) + raw + data[start + 4 + length:]


def _set(field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda header: header.__setitem__(field, value)


def _header_cases(data: bytes) -> dict[str, bytes]:
    header = json.loads(data[len(MAGIC) + 4:len(MAGIC) + 4 + struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])[0]])
    cases = {
        "kind": _set("kind", "return" if header["kind"] == "office" else "office"),
        "sender": _set("sender", "0" * len(header["sender"])),
        "recipient": _set("recipient", "f" * len(header["recipient"])),
        "number+1": _set("number", header["number"] + 1),
        "previous": _set("previous", "a" * 64),
        "created_at": _set("created_at", "2020-01-01T00:00:00+00:00"),
        "count+1": _set("count", header["count"] + 1),
        "count-1": _set("count", header["count"] - 1),
        "nonce_prefix": _set("nonce_prefix", "AAAAAAAAAAA="),
        "ephemeral": _set("ephemeral", "A" * 43 + "="),
        "format": _set("format", 2),
        "extra field": _set("note", "x"),
        "field removed": lambda h: h.pop("previous"),
    }
    return {name: _with_header(data, change) for name, change in cases.items()}


def _report(side: str, judge: HqJudge | OfficeJudge, expected: int) -> None:
    print(f"{side}: {dict(judge.outcomes)}; reasons: {dict(judge.reasons.most_common())}")
    assert not judge.problems, "\n".join(judge.problems[:30])
    assert judge.outcomes["refused"] == expected


# -- the office bundle at headquarters ------------------------------------------------------------


def _fuzz_office_bundle(kit: Kit, tmp_path: Path, count: int, seed: int) -> None:
    hq = kit.central("before", tmp_path)
    judge = HqJudge(hq, tmp_path)
    rng = random.Random(seed)
    for name, damaged in _damaged(kit.bundle("office-1.ifb"), count, rng):
        judge.refused(name, damaged)
    assert import_office_bundle(hq, kit.folder / "office-1.ifb").new > 0  # the undamaged one still goes in
    hq.close()
    _report("office bundle", judge, count)


def _fuzz_return_bundle(kit: Kit, tmp_path: Path, count: int, seed: int) -> None:
    services = kit.office(tmp_path)
    judge = OfficeJudge(services, tmp_path)
    rng = random.Random(seed)
    try:
        for name, damaged in _damaged(kit.bundle("return-1.ifb"), count, rng):
            judge.refused(name, damaged)
        assert import_return_bundle(services.ctx.archive, "admin", kit.folder / "return-1.ifb").new > 0
        assert services.maintenance.verify().ok
    finally:
        services.close()
    _report("return bundle", judge, count)


def test_flipped_and_truncated_office_bundles_are_refused(kit: Kit, tmp_path: Path) -> None:
    _fuzz_office_bundle(kit, tmp_path, 100, 20261127)


def test_flipped_and_truncated_return_bundles_are_refused(kit: Kit, tmp_path: Path) -> None:
    _fuzz_return_bundle(kit, tmp_path, 100, 20261127)


@pytest.mark.slow
def test_many_flipped_and_truncated_office_bundles_are_refused(kit: Kit, tmp_path: Path) -> None:
    _fuzz_office_bundle(kit, tmp_path, 1000, 6006)


@pytest.mark.slow
def test_many_flipped_and_truncated_return_bundles_are_refused(kit: Kit, tmp_path: Path) -> None:
    _fuzz_return_bundle(kit, tmp_path, 1000, 6006)


# -- deliberate attacks ------------------------------------------------------------------------------


def test_office_bundle_attacks_are_refused_at_headquarters(kit: Kit, tmp_path: Path) -> None:
    hq = kit.central("before", tmp_path)
    judge = HqJudge(hq, tmp_path)
    first, second, third = (kit.bundle(f"office-{n}.ifb") for n in (1, 2, 3))
    for name, content in _header_cases(first).items():
        judge.refused(f"header {name}", content)
    judge.refused("unknown signer", kit.bundle("unknown-signer.ifb"), "unknown device")
    judge.refused("wrong recipient", kit.bundle("other-hq.ifb"), "another headquarters")
    judge.refused("gap (bundle 2 first)", second, "bundle 1 is missing")
    judge.refused("empty file", b"")
    assert import_office_bundle(hq, kit.folder / "office-1.ifb").number == 1
    judge.refused("replay", first, "already imported")
    judge.refused("gap (bundle 3 after 1)", third, "bundle 2 is missing")
    assert import_office_bundle(hq, kit.folder / "office-2.ifb").number == 2
    judge.refused("older than the last", first, "older than bundle 2")
    hq.revoke(kit.offline_device)
    judge.refused("revoked signer", third, "revoked")
    hq.close()
    _report("attacks at headquarters", judge, sum(judge.outcomes.values()))


def test_return_bundle_attacks_are_refused_and_audited_at_the_office(kit: Kit, tmp_path: Path) -> None:
    services = kit.office(tmp_path)
    judge = OfficeJudge(services, tmp_path)
    first, second = kit.bundle("return-1.ifb"), kit.bundle("return-2.ifb")
    try:
        for name, content in _header_cases(first).items():
            judge.refused(f"header {name}", content)
        judge.refused("unknown signer (another headquarters)", kit.bundle("return-foreign-signer.ifb"),
                      "signature does not match")
        judge.refused("wrong recipient", kit.bundle("return-for-online.ifb"), "another office")
        judge.refused("office bundle instead", kit.bundle("office-1.ifb"), "not a return bundle")
        judge.refused("gap (bundle 2 first)", second, "bundle 1 is missing")
        assert import_return_bundle(services.ctx.archive, "admin", kit.folder / "return-1.ifb").number == 1
        judge.refused("replay", first, "already imported")
        assert import_return_bundle(services.ctx.archive, "admin", kit.folder / "return-2.ifb").number == 2
        judge.refused("older than the last", first, "older than bundle 2")
        assert services.maintenance.verify().ok
    finally:
        services.close()
    _report("attacks at the office", judge, sum(judge.outcomes.values()))


def test_headquarters_records_each_refused_bundle(kit: Kit, tmp_path: Path) -> None:
    hq = kit.central("before", tmp_path)
    bad = tmp_path / "bad.ifb"
    data = kit.bundle("office-1.ifb")
    bad.write_bytes(data[:len(data) // 2])
    try:
        rows = _all_central_rows(hq)
        with pytest.raises(BundleError):
            import_office_bundle(hq, bad)
        assert _all_central_rows(hq) == rows + 1, "no refusal record at headquarters"
    finally:
        hq.close()


def _all_central_rows(hq: CentralStore) -> int:
    """Rows in every table of the central store, whatever tables a later migration adds."""
    with hq.engine.connect() as conn:
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return sum(int(conn.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar() or 0) for n in names)
