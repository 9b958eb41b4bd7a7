"""The PostgreSQL database: the same group commit as SQLite's, over asyncpg.

One writer connection runs the groups (storage/group_commit.py): every write waiting at that
moment in one transaction, one commit (synchronous_commit stays on: a write is acknowledged
after the server flushed it), then each caller is answered. Reads go through a small pool,
so they never wait behind a group. Several processes may write at once: PostgreSQL's row
locks keep them apart, and a group that lost a deadlock or a serialization race is run
again. Changes other processes make to facts and campaigns arrive by LISTEN/NOTIFY
(storage/postgres/watch.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

import asyncpg

from storage.errors import READ_UNAVAILABLE_MESSAGE, Busy, DiskFull, Unavailable
from storage.group_commit import GroupCommit, Pending, Statement, fail_all, runs, settle
from storage.postgres.conn import PgConn, arguments, as_rows, translate
from storage.postgres.migrate import apply_migrations
from storage.postgres.pipeline import run_pipelined, statement_rows
from storage.postgres.purge import vacuum_full
from storage.postgres.watch import PgChangeWatch
from storage.sql import Dialect, OnChange, Row, WriteJob

log = logging.getLogger("counterwatch.db")

READERS = 4  # pooled read connections per process
# How long a write waits for a row another process holds locked before it is refused as
# Busy: long enough for a group commit, short enough to answer in chat.
LOCK_TIMEOUT_MS = 5000
GROUP_ATTEMPTS = 3  # a group that lost a deadlock or serialization race runs again
_RACES = (asyncpg.DeadlockDetectedError, asyncpg.SerializationError)
# The server is gone, restarting or refusing connections: nothing to do but try again later.
# (OSError covers a refused or reset connection and a connect timeout.)
_OUTAGES = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.CannotConnectNowError,
)


class _StatementFailed(Exception):
    """A plain statement failed outside a savepoint: the group is run again, guarded."""


class PgDatabase(GroupCommit):
    dialect: Dialect = "postgres"

    def __init__(self, url: str, writer: asyncpg.Connection, pool: asyncpg.Pool) -> None:
        super().__init__()
        self.url = url
        self._writer = writer
        self._pool = pool
        self._watch = PgChangeWatch(url, lambda: self._writer.get_server_pid())

    @classmethod
    async def open(cls, url: str, *, readers: int = READERS, watch: bool = True) -> PgDatabase:
        """Connect (migrating first, under the migration lock). `watch`: listen for other
        processes' changes (False: only when `poll_changes` is called)."""
        writer = await _connect(url)
        try:
            await apply_migrations(writer)
            pool = await asyncpg.create_pool(url, min_size=1, max_size=readers)
        except BaseException:
            await writer.close()
            raise
        db = cls(url, writer, pool)
        db._start_writer()
        if watch:
            await db._watch.start()
        return db

    async def close(self) -> None:
        """Finish queued writes, then close every connection."""
        await self._watch.stop()
        await self._stop_writer()
        await self._pool.close()
        await self._writer.close()

    @property
    def elsewhere_generation(self) -> int:
        return self._watch.generation

    def on_change_elsewhere(self, callback: OnChange, tables: frozenset[str] | None = None) -> None:
        self._watch.subscribe(callback, tables)

    async def poll_changes(self) -> bool:
        return await self._watch.poll()

    async def checkpoint_truncate(self) -> bool:
        """Nothing to fold: PostgreSQL's WAL is the server's (see purge_erased). True."""
        return True

    async def purge_erased(self, tables: Sequence[str]) -> list[str]:
        """Old row versions stay in a table's files, even after VACUUM: rewrite the tables
        (storage/postgres/purge.py says why, and what it costs)."""
        return await vacuum_full(self.url, tables)

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        translated = translate(sql)
        try:
            records = await self._pool.fetch(translated.sql, *arguments(translated, params))
        except _OUTAGES as exc:
            raise Unavailable(READ_UNAVAILABLE_MESSAGE) from exc
        return as_rows(records)

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        rows = await self.fetchall(sql, params)
        return rows[0] if rows else None

    async def _commit_group(self, batch: list[Pending]) -> None:
        guarded = False
        for attempt in range(1, GROUP_ATTEMPTS + 1):
            try:
                await self._ensure_writer()
                outcomes = await self._run_group(batch, guarded)
            except _StatementFailed:
                guarded = True  # each statement in its own savepoint this time
                continue
            except _RACES:
                if attempt < GROUP_ATTEMPTS:
                    continue
                fail_all(batch, Busy())
                return
            except Exception as exc:
                # A writer connection closed under us (asyncpg then says InterfaceError):
                # the server went away mid-group, an outage like any other.
                failure = _group_failure(exc)
                if self._writer.is_closed() and not isinstance(failure, Unavailable):
                    failure = Unavailable()
                    failure.__cause__ = exc
                fail_all(batch, failure)
                self._note_outcome(failure)
                _log_group_failure(exc, len(batch))
                return
            self.commits += 1
            self._note_outcome(None)
            settle(batch, outcomes)
            return
        fail_all(batch, Busy())

    async def _run_group(self, batch: list[Pending], guarded: bool) -> list[tuple[bool, Any]]:
        conn = PgConn(self._writer)
        outcomes: list[tuple[bool, Any]] = []
        async with self._writer.transaction():
            for run in runs(batch):
                if not isinstance(run, list):
                    outcomes.append(await self._job(conn, run))
                elif guarded:
                    for statement in run:
                        outcomes.append(await self._guarded(conn, statement))
                else:
                    outcomes.extend(await self._pipelined(run))
        return outcomes

    async def _pipelined(self, run: list[Statement]) -> list[tuple[bool, Any]]:
        try:
            return [(True, rows) for rows in await run_pipelined(self._writer, run)]
        except asyncpg.PostgresError as exc:
            if isinstance(exc, _RACES):
                raise
            # Without a savepoint the whole transaction is now aborted: run the group
            # again with one per statement (rare: sign-ups meet conflicts in SQL).
            raise _StatementFailed() from exc

    async def _guarded(self, conn: PgConn, statement: Statement) -> tuple[bool, Any]:
        try:
            async with self._writer.transaction():  # a savepoint
                return True, await statement_rows(conn, statement)
        except asyncpg.PostgresError as exc:
            return False, _refusal_or(exc)

    async def _job(self, conn: PgConn, job: WriteJob[Any]) -> tuple[bool, Any]:
        # A job may run again (when the group is), so it must do nothing but database
        # work: every job in storage/ is written so.
        try:
            async with self._writer.transaction():  # a savepoint
                return True, await job(conn)
        except _RACES:
            raise
        except Exception as exc:
            return False, _refusal_or(exc)

    async def _ensure_writer(self) -> None:
        """A writer whose connection broke (the server restarted) is replaced."""
        if self._writer.is_closed():
            log.warning("database writer connection was lost; reconnecting")
            self._writer = await _connect(self.url)


async def _connect(url: str) -> asyncpg.Connection:
    conn: asyncpg.Connection = await asyncpg.connect(
        url, server_settings={"lock_timeout": str(LOCK_TIMEOUT_MS)}
    )
    return conn


def _refusal_or(exc: Exception) -> Exception:
    if isinstance(exc, asyncpg.DiskFullError):
        return DiskFull()
    if isinstance(exc, _OUTAGES):
        return Unavailable()
    if isinstance(exc, asyncpg.LockNotAvailableError):
        return Busy()
    return exc


def _group_failure(exc: Exception) -> Exception:
    failure = _refusal_or(exc)
    if failure is not exc:
        failure.__cause__ = exc
    return failure


def _log_group_failure(exc: Exception, size: int) -> None:
    if isinstance(exc, asyncpg.LockNotAvailableError):
        log.debug("database busy (rows locked by another process); %d writes refused", size)
    elif isinstance(exc, asyncpg.DiskFullError):
        log.error("database disk is full; %d writes refused", size)
    elif isinstance(exc, (*_OUTAGES, asyncpg.InterfaceError)):
        # One line per group: a traceback each while the server is down says nothing more.
        log.error("database server unavailable (%s); %d writes refused", type(exc).__name__, size)
    else:
        log.exception("group commit failed; %d writes refused", size)
