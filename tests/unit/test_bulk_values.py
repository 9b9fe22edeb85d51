"""The bulk writer's one-pass change-log JSON is the same text as the digest path's
``canonical_json(mapping_values(row))``: the change log, revisions, digests and sync depend on it."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.enums import PersonStatus
from desktop_app.store.bulk import _values_json
from desktop_app.store.digest import mapping_values
from desktop_app.store.types import canonical_json

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(),
    st.uuids(), st.dates(), st.datetimes(timezones=st.none() | st.just(UTC)), st.binary(max_size=40),
    st.sampled_from(list(PersonStatus)),
)


@given(st.dictionaries(st.text(min_size=1, max_size=12), scalars, max_size=12))
def test_one_pass_json_is_the_digest_paths_text(row: dict[str, object]) -> None:
    assert _values_json(row) == canonical_json(mapping_values(row))


def test_a_value_without_a_canonical_form_is_refused_as_before() -> None:
    row = {"id": uuid.uuid4(), "day": date(2026, 11, 27), "at": datetime(2026, 11, 27, 8, 0), "bad": object()}
    with pytest.raises(TypeError):
        canonical_json(mapping_values(row))
    with pytest.raises(TypeError):
        _values_json(row)
