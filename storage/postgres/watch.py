"""Noticing what other processes changed, on PostgreSQL: LISTEN/NOTIFY.

Triggers on the tables that processes keep in memory (the facts behind the place index,
the campaigns) notify the channel CHANNEL when a transaction changed them (migration 0015);
PostgreSQL delivers a notification only once that transaction committed, and one per
transaction however many rows it touched. Each process listens on a connection of its own.
A notification from our own writer is ignored: the process that wrote already refreshed
what it keeps. Any other bumps `generation` (caches compare it, no I/O on their hot path),
and the subscribers (the place index's reload) run once per burst, not once per change.
If the listening connection breaks, it is opened again and everything counts as changed:
what was sent meanwhile is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import asyncpg

from storage.sql import OnChange

log = logging.getLogger("counterwatch.db")

CHANNEL = "counterwatch_changes"
COALESCE_S = 0.05  # a burst of notifications (an import) gives one reload
RECONNECT_EVERY_S = 1.0


class PgChangeWatch:
    def __init__(self, url: str, own_writer_pid: Callable[[], int]) -> None:
        self._url = url
        self._own_writer_pid = own_writer_pid
        self._conn: asyncpg.Connection | None = None
        self._subscribers: list[OnChange] = []
        self._pending: asyncio.Task[None] | None = None
        self._reconnecting: asyncio.Task[None] | None = None
        self._polled = 0  # the generation the last poll() reported
        self._stopped = False
        self.generation = 0  # bumped once per change noticed

    def subscribe(self, callback: OnChange) -> None:
        self._subscribers.append(callback)

    async def start(self) -> None:
        conn: asyncpg.Connection = await asyncpg.connect(self._url)
        await conn.add_listener(CHANNEL, self._on_notice)
        conn.add_termination_listener(self._on_lost)
        self._conn = conn

    async def stop(self) -> None:
        self._stopped = True
        for task in (self._pending, self._reconnecting):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._conn is not None and not self._conn.is_closed():
            await self._conn.close()
        self._conn = None

    async def poll(self) -> bool:
        """True when another process's change was noticed since the last poll. One round
        trip first: a notification committed before it started has arrived by its end."""
        if self._conn is not None and not self._conn.is_closed():
            await self._conn.execute("SELECT 1")
        if self._pending is not None:
            await asyncio.shield(self._pending)  # its reload finishes before we answer
        changed = self.generation != self._polled
        self._polled = self.generation
        return changed

    def _on_notice(self, conn: object, pid: int, channel: str, payload: object) -> None:
        if pid == self._own_writer_pid():
            return
        self._changed()

    def _changed(self) -> None:
        self.generation += 1
        if self._pending is None or self._pending.done():
            self._pending = asyncio.get_running_loop().create_task(self._run_subscribers())

    async def _run_subscribers(self) -> None:
        await asyncio.sleep(COALESCE_S)
        for callback in list(self._subscribers):
            try:
                await callback()
            except Exception as exc:  # one failing reload must not stop the others
                # The type only: a message could quote data.
                log.error("reload after an outside change failed: %s", type(exc).__name__)

    def _on_lost(self, conn: object) -> None:
        if self._stopped:
            return
        log.warning("lost the connection that listens for other processes' changes")
        self._conn = None
        self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        while not self._stopped:
            try:
                await self.start()
            except (OSError, asyncpg.PostgresError) as exc:
                log.warning("could not listen again yet: %s", type(exc).__name__)
                await asyncio.sleep(RECONNECT_EVERY_S)
                continue
            self._changed()  # whatever was sent while we were away is unknown
            return
