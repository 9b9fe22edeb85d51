"""Hybrid logical clock: orders changes across devices even when wall clocks are skewed.

A timestamp is ``WWWWWWWWWWWWW.CCCC.device``: wall milliseconds, a counter that breaks ties within
one millisecond (or while the wall clock lags a time already seen), and the device id as the final
tie-breaker, so any two timestamps compare the same way on every replica.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def format_hlc(wall_ms: int, counter: int, device_id: str) -> str:
    return f"{wall_ms:013d}.{counter:04d}.{device_id}"


def parse_hlc(stamp: str) -> tuple[int, int, str]:
    wall, counter, device = stamp.split(".", 2)
    return int(wall), int(counter), device


class HybridClock:
    def __init__(self, device_id: str, last: str | None = None,
                 now: Callable[[], float] = time.time) -> None:
        self._device_id = device_id
        self._now = now
        self._lock = threading.Lock()
        self._wall, self._counter = (0, 0)
        if last:
            self._wall, self._counter, _ = parse_hlc(last)

    def tick(self) -> str:
        with self._lock:
            physical = int(self._now() * 1000)
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._counter += 1
            return format_hlc(self._wall, self._counter, self._device_id)

    def last(self) -> str:
        with self._lock:
            return format_hlc(self._wall, self._counter, self._device_id)

    def observe(self, remote: str) -> None:
        """Move past a timestamp received from another device."""
        wall, counter, _ = parse_hlc(remote)
        with self._lock:
            if (wall, counter) > (self._wall, self._counter):
                self._wall, self._counter = wall, counter
