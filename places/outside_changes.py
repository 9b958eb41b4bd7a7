"""Reloading the place index when another process committed, at most every few seconds.

The database tells us THAT another process committed, not what (SQLite's data_version is
one number for the whole file). Beside a second bot process that is nearly every moment:
a Slack worker records every request it receives (the retry dedupe) and each commit would
otherwise make every other worker re-read every place. So one reload at once, then none
for `every_s`; a change noticed within that window is reloaded at its end, never dropped.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger("counterwatch.places")

# How stale another process's fact change may look here, at most (plus the watch's poll).
RELOAD_EVERY_S = 5.0


class Reloadable(Protocol):
    async def reload(self) -> None: ...


class OutsideChanges:
    """Subscribe `changed` to the database's outside-change watch."""

    def __init__(
        self,
        index: Reloadable,
        every_s: float = RELOAD_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._index = index
        self._every_s = every_s
        self._clock = clock
        self._quiet_until = float("-inf")
        self._later: asyncio.Task[None] | None = None

    async def changed(self) -> None:
        now = self._clock()
        if now >= self._quiet_until:
            await self._reload(now)
        elif self._later is None:
            self._later = asyncio.create_task(self._reload_later(self._quiet_until - now))

    async def settled(self) -> None:
        """Wait for a reload put off to the end of the window (tests)."""
        if self._later is not None:
            await asyncio.shield(self._later)

    async def _reload(self, now: float) -> None:
        self._quiet_until = now + self._every_s
        await self._index.reload()

    async def _reload_later(self, delay: float) -> None:
        await asyncio.sleep(delay)
        self._later = None  # a change noticed during this reload gets a reload of its own
        try:
            await self._reload(self._clock())
        except Exception as exc:  # e.g. the database closed meanwhile; the type only
            log.warning("could not reload the places after an outside change: %s",
                        type(exc).__name__)  # fmt: skip
