"""What a command built from one facts snapshot, kept until the snapshot changes.

`/ring lookup` is the busiest command, and its answer about a place depends on nothing but
the lookup facts (Ring's partnerships, its dated timeline, the dataset dates) and the place
index: building it (each agency's jurisdiction, the dated lines about what a partnership
means today) was most of the command's CPU time, repeated for every asker. The place index
installs a NEW `LookupFacts` object with every reload (any change to the facts), so an
answer is kept only while the very object it was built from is current; nothing here
depends on the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Bounds the memory: one answer is a few KB and the index holds tens of thousands of places.
MAX_ENTRIES = 2048


class PerSnapshot(Generic[K, V]):
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._snapshot: object | None = None
        self._values: dict[K, V] = {}
        self._max = max_entries

    def get(self, snapshot: object, key: K, build: Callable[[], V]) -> V:
        """The value for `key` built from `snapshot` (built now, if not yet)."""
        if snapshot is not self._snapshot:
            self._snapshot, self._values = snapshot, {}
        value = self._values.get(key)
        if value is None:
            value = build()
            if len(self._values) >= self._max:
                self._values.clear()  # simplest fair bound: start over
            self._values[key] = value
        return value
