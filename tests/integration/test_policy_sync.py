"""Two offices change the policy profile offline: both store a version 2. After a sync every
replica holds both rows and reads "version 2" as the same one, the one that is also current (the
last created), so a decision recomputed under its version gets the same rules everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.services.policy import current_policy, policy_by_version
from desktop_app.sync.central import CentralStore
from tests.sync_helpers import Office, make_office


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    hq = CentralStore.initialize(f"sqlite:///{tmp_path / 'central.db'}")
    a, b = make_office(tmp_path, "a", hq, ["44"]), make_office(tmp_path, "b", hq, ["44"])
    yield a, b
    a.close()
    b.close()
    hq.close()


def test_a_version_number_two_offices_both_used_means_one_profile_everywhere(
        offices: tuple[Office, Office]) -> None:
    a, b = offices
    assert a.services.policy.update({"objection.accept_days": "4"}, note="甲").version == 2
    assert b.services.policy.update({"objection.accept_days": "6"}, note="乙").version == 2  # created later
    for _ in range(2):
        a.sync()
        b.sync()
    for office in (a, b):
        history = office.services.policy.history()
        # both offices stored the built-in version 1 before their change, then their version 2:
        # every row is kept (nothing is lost)
        assert [v.version for v in history] == [1, 1, 2, 2]
        assert history[0].settings == history[1].settings
        with office.services.ctx.read() as s:
            current = current_policy(s)
            assert current.version == 2
            assert policy_by_version(s, 2).settings() == current.profile.settings()
            assert current.profile.settings()["objection.accept_days"] == 6
    assert a.services.policy.version(2).settings == b.services.policy.version(2).settings
