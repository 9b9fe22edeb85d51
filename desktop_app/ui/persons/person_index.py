"""Search over all persons in display order, without Qt (runs in the task thread).

The full display order for a sort key is fetched once (rowids, an index-only scan) and cached;
each search asks the database only which rowids match and orders them by their cached position.
Changes to persons drop the cache.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, replace

from desktop_app.domain.consequences import Flag
from desktop_app.services.ui_queries import UiQueries


@dataclass(frozen=True, slots=True)
class SearchCriteria:
    text: str = ""
    unit_id: uuid.UUID | None = None
    flag: Flag | None = None
    sort: str = "name"
    descending: bool = False

    def with_(self, **changes: object) -> SearchCriteria:
        return replace(self, **changes)  # type: ignore[arg-type]


class PersonIndex:
    def __init__(self, queries: UiQueries) -> None:
        self.queries = queries
        self._orders: dict[str, tuple[list[int], dict[int, int]]] = {}
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        with self._lock:
            self._orders.clear()

    def order(self, sort: str) -> tuple[list[int], dict[int, int]]:
        with self._lock:
            cached = self._orders.get(sort)
        if cached is None:
            ordered = self.queries.person_order(sort)
            cached = (ordered, {rowid: i for i, rowid in enumerate(ordered)})
            with self._lock:
                self._orders[sort] = cached
        return cached

    def search(self, criteria: SearchCriteria) -> list[int]:
        found = self.queries.matching_persons(criteria.text, unit_id=criteria.unit_id, flag=criteria.flag)
        ordered, position = self.order(criteria.sort)
        if found is None:
            result = list(ordered)
        else:
            if any(rowid not in position for rowid in found):  # added since the order was cached
                self.invalidate()
                ordered, position = self.order(criteria.sort)
            result = sorted(found, key=lambda rowid: position.get(rowid, len(position)))
        if criteria.descending:
            result.reverse()
        return result
