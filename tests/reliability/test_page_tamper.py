"""Structural tampering with a closed archive (issue 9, item 5): truncation, swapped pages and a page
from another archive. Each damaged copy must be refused at unlock with a clear error or reported
by ``verify`` as not ok — never a crash and never an archive that opens and verifies.

Truncation: every page boundary plus 40 random lengths (seed 20261127). Swaps: 60 random page pairs
(seed 20261129). Foreign pages: every page of a second archive made with the same passphrase (its
own data key), and every page of an older copy of a *different* archive encrypted under the same
key — which SQLCipher cannot tell from a genuine page, so only the audit state binding catches it.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from desktop_app.services import Services
from tests.factories import organ_uscc
from tests.reliability.test_fuzz_flips import _fill, _place, _try

PAGE = 4096


def _closed_archive(services: Services) -> tuple[Path, bytes, bytes]:
    _fill(services, 10, 5)
    archive = services.ctx.archive
    services.close()
    head = archive.path.with_name(archive.path.name + ".head").read_bytes()
    return archive.path, archive.path.read_bytes(), head


def _outcomes(path: Path, head: bytes, copies: list[bytes], folder: Path) -> Counter[str]:
    keys = path.with_name(path.name + ".keys")
    outcomes: Counter[str] = Counter()
    for n, data in enumerate(copies):
        outcome, _ = _try(_place(folder / f"copy{n % 2}", keys, data, None, head))
        outcomes[outcome] += 1
    return outcomes


def _assert_all_refused_or_caught(outcomes: Counter[str]) -> None:
    bad = {k: v for k, v in outcomes.items() if k not in ("refused", "caught")}
    assert not bad, f"{bad} (all outcomes: {outcomes})"


def test_truncated_archives_are_refused_or_caught(admin: Services, tmp_path: Path) -> None:
    path, data, head = _closed_archive(admin)
    rng = random.Random(20261127)
    lengths = sorted({*range(0, len(data), PAGE), *(rng.randrange(1, len(data)) for _ in range(40))})
    outcomes = _outcomes(path, head, [data[:n] for n in lengths], tmp_path)
    print(f"truncations: {len(lengths)} lengths, {dict(outcomes)}")
    _assert_all_refused_or_caught(outcomes)


def test_swapped_pages_are_refused_or_caught(admin: Services, tmp_path: Path) -> None:
    path, data, head = _closed_archive(admin)
    pages = len(data) // PAGE
    rng = random.Random(20261129)
    copies = []
    for _ in range(60):
        a, b = rng.sample(range(pages), 2)
        damaged = bytearray(data)
        damaged[a * PAGE:(a + 1) * PAGE], damaged[b * PAGE:(b + 1) * PAGE] = data[b * PAGE:(b + 1) * PAGE], \
            data[a * PAGE:(a + 1) * PAGE]
        copies.append(bytes(damaged))
    outcomes = _outcomes(path, head, copies, tmp_path)
    print(f"page swaps: {dict(outcomes)}")
    _assert_all_refused_or_caught(outcomes)


def test_a_page_from_another_archive_is_refused_or_caught(make_archive: Callable[..., Services],
                                                         tmp_path: Path) -> None:
    mine = make_archive("office.db")
    mine.units.add(name="广州市天河区人力资源和社会保障局", uscc=organ_uscc(1), division_code="440106")
    path, data, head = _closed_archive(mine)
    other = make_archive("other.db")
    other.units.add(name="广州市天河区人力资源和社会保障局", uscc=organ_uscc(1), division_code="440106")
    _, foreign, _ = _closed_archive(other)
    pages = min(len(data), len(foreign)) // PAGE
    copies = [data[:p * PAGE] + foreign[p * PAGE:(p + 1) * PAGE] + data[(p + 1) * PAGE:] for p in range(pages)]
    outcomes = _outcomes(path, head, copies, tmp_path)
    print(f"foreign pages (other key): {dict(outcomes)}")
    _assert_all_refused_or_caught(outcomes)


def test_a_page_of_another_database_under_the_same_key_is_caught(admin: Services, tmp_path: Path) -> None:
    """Same key, different content: SQLCipher's HMAC passes (it binds page numbers, not archives),
    so only the audit checks can catch it. Found a gap, now fixed: the swapped-in meta page carried
    a later audit head; the sign-in's own audit entry re-derived the head from the chain and hid it.
    Unlock now refuses a chain whose end disagrees with the head recorded in the database."""
    path, data, head = _closed_archive(admin)
    twin = tmp_path / "twin.db"
    twin.write_bytes(data)
    twin.with_name("twin.db.keys").write_bytes(path.with_name(path.name + ".keys").read_bytes())
    twin.with_name("twin.db.head").write_bytes(head)
    services = _reopen(twin)
    _fill(services, 40, 3)
    services.close()
    foreign = twin.read_bytes()
    changed = [p for p in range(min(len(data), len(foreign)) // PAGE)
               if data[p * PAGE:(p + 1) * PAGE] != foreign[p * PAGE:(p + 1) * PAGE]]
    assert changed
    copies = [data[:p * PAGE] + foreign[p * PAGE:(p + 1) * PAGE] + data[(p + 1) * PAGE:] for p in changed]
    outcomes = _outcomes(path, head, copies, tmp_path)
    print(f"pages of a diverged copy (same key): {len(changed)} pages, {dict(outcomes)}")
    _assert_all_refused_or_caught(outcomes)


def _reopen(path: Path) -> Services:
    from desktop_app.store.archive import Archive
    from tests.factories import PASSPHRASE, TODAY

    return Services.for_user(*Archive.unlock(path, "admin", PASSPHRASE), today=lambda: TODAY)


