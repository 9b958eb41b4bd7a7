"""Requests already handled, remembered across restarts for a while (replay protection)."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class RequestDedupe(Protocol):
    """A TTL set of request keys shared by every process on the database and surviving a
    restart: a request delivered again (a platform retry, a replay within the signature's
    validity) is recognised and handled once."""

    async def first_time(self, key: str, now: dt.datetime, ttl: dt.timedelta) -> bool:
        """True exactly once per key within `ttl` (the first caller, in any process)."""
        ...

    async def forget(self, key: str) -> None:
        """Let `key` through again (a delivery that had no effect, e.g. rejected input)."""
        ...

    async def purge(self, now: dt.datetime, ttl: dt.timedelta) -> int:
        """Delete the records older than `ttl`; returns how many."""
        ...
