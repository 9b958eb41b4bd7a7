"""Noticing changes that another process committed to the same database file.

Several processes may share one file (the bot and an `import-atlas`, two bots), and each
keeps things in memory (the campaign cache, the place index). SQLite's `PRAGMA data_version`
changes, on a connection, when ANOTHER connection committed: asked on our writer (which our
own reader never writes through), it therefore moves only for other processes' commits, not
for our own. One poll every `every_s` seconds costs one pragma; when it moved, `generation`
goes up (a cache compares it: no I/O on its hot path) and every subscriber is awaited.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger("counterwatch.db")

WATCH_EVERY_S = 0.5  # how stale another process's change may look here, at most
OnChange = Callable[[], Awaitable[None]]


class ChangeWatch:
    def __init__(self, data_version: Callable[[], Awaitable[int]], every_s: float) -> None:
        self._data_version = data_version
        self._every_s = every_s
        self._seen: int | None = None
        self._subscribers: list[OnChange] = []
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()  # the timer and an explicit poll never overlap
        self.generation = 0  # bumped once per change noticed

    def subscribe(self, callback: OnChange) -> None:
        self._subscribers.append(callback)

    async def start(self) -> None:
        self._seen = await self._data_version()
        if self._every_s > 0:
            self._task = asyncio.create_task(self._loop(), name="counterwatch-db-watch")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def poll(self) -> bool:
        """Look now; True when another connection committed since the last look."""
        async with self._lock:
            version = await self._data_version()
            if version == self._seen:
                return False
            self._seen = version
            self.generation += 1
            for callback in list(self._subscribers):
                try:
                    await callback()
                except Exception as exc:  # one failing reload must not stop the others
                    # The type only: a message could quote data.
                    log.error("reload after an outside change failed: %s", type(exc).__name__)
            return True

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self._every_s)
            try:
                await self.poll()
            except Exception as exc:  # e.g. the database is closing; look again next time
                log.warning("could not check for outside changes: %s", type(exc).__name__)
