"""Seen-request memory, so a request Slack delivers twice has one effect.

Slack resends what it believes went unacknowledged: HTTP retries (header
`X-Slack-Retry-Num`), Socket Mode redeliveries, a user's double submit. Every
delivery of one slash command carries the same `trigger_id` (and `response_url`),
which Slack mints per invocation, so that is the key; a modal submission is keyed
by its view id and the submitted values. Keys live for `ttl` seconds, longer than
Slack's retry window (three retries within minutes) and far longer than a
trigger_id is valid (3 s), and the table is bounded so a flood cannot grow it.
`SeenRequests` is the memory of one process. What every process shares and a restart
keeps is the replay record a command that writes stores with its first write
(storage/replay.py): a request replayed after a restart, or delivered to another worker,
within the signature's validity still has one effect, while a look-up needs no database.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

DEFAULT_TTL_SECONDS = 15 * 60
DEFAULT_MAX_KEYS = 50_000


class SeenRequests:
    """A bounded TTL set: `first_time(key)` is True once per key within the TTL."""

    def __init__(
        self,
        ttl: float = DEFAULT_TTL_SECONDS,
        max_keys: int = DEFAULT_MAX_KEYS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._max_keys = max_keys
        self._clock = clock
        self._expiry: OrderedDict[str, float] = OrderedDict()

    def first_time(self, key: str) -> bool:
        now = self._clock()
        self._evict(now)
        if key in self._expiry:
            return False
        self._expiry[key] = now + self._ttl
        return True

    def forget(self, key: str) -> None:
        """Let `key` through again (a delivery that had no effect, e.g. rejected input)."""
        self._expiry.pop(key, None)

    def __len__(self) -> int:
        return len(self._expiry)

    def _evict(self, now: float) -> None:
        # Insertion order is expiry order (constant TTL), so expired keys sit at the front.
        while self._expiry:
            key, expires = next(iter(self._expiry.items()))
            if expires > now and len(self._expiry) < self._max_keys:
                break
            del self._expiry[key]
