"""The SQLite database: one writer with group commit, one reader, migrations at open.

Writes never go straight to a connection: they are queued (storage/group_commit.py), and the
writer task runs every job waiting at that moment inside one transaction (each job in its own
SAVEPOINT, so one failing job does not undo the others), commits once, and only then answers
each caller. A write is therefore acknowledged only after it is durable (WAL +
synchronous=FULL), and many concurrent writes share one fsync.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import aiosqlite

from storage.db_statements import run_in_savepoint, run_statements
from storage.db_watch import WATCH_EVERY_S, ChangeWatch
from storage.errors import Busy, DiskFull, is_busy, is_disk_full
from storage.group_commit import GroupCommit, Pending, fail_all, runs, settle
from storage.migrate import apply_migrations, execute_while_busy
from storage.sql import Dialect, OnChange, Row

log = logging.getLogger("counterwatch.db")

# How long a write waits for another process's write lock (an import, a second bot) before
# it is refused as Busy: long enough for a group commit, short enough to answer in chat.
BUSY_TIMEOUT_MS = 5000
# The writer and the reader are threads (aiosqlite), and each statement they run takes the
# GIL back from the event loop. With CPython's default 5 ms switch interval a busy loop (a
# burst of button presses) makes every statement of a group wait up to 5 ms: a group of 500
# sign-ups took 1.5-2.5 s in `bench card_joins`, and half the confirmations came after
# Discord's 3 s. At 0.5 ms that group takes a few hundred ms.
SWITCH_INTERVAL_S = 0.0005
# What purge_erased names when a reader kept the WAL from being emptied (a later
# checkpoint does it).
WAL_LEFT = "write-ahead log"


class _Checkpoint(NamedTuple):
    """Copy the WAL into the database and truncate it, between two groups."""


class Database(GroupCommit):
    dialect: Dialect = "sqlite"

    def __init__(
        self,
        path: str,
        writer: aiosqlite.Connection,
        reader: aiosqlite.Connection,
        watch_every_s: float = WATCH_EVERY_S,
    ) -> None:
        super().__init__()
        self.path = path
        self._writer = writer
        self.reader = reader
        self._watch = ChangeWatch(self._data_version, watch_every_s)

    @classmethod
    async def open(
        cls,
        path: str | Path,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        watch_every_s: float = WATCH_EVERY_S,
    ) -> Database:
        """Open (creating and migrating if needed). `watch_every_s`: how often to look for
        changes another process committed (0: only when `poll_changes` is called)."""
        path = str(path)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        writer = await _connect(path, busy_timeout_ms)
        try:
            # Switching a new file to WAL takes a lock without SQLite's busy handler: several
            # processes creating the database at once retry it.
            await execute_while_busy(writer, "PRAGMA journal_mode=WAL")
            await writer.execute("PRAGMA synchronous=FULL")
            await apply_migrations(writer)
            reader = await _connect(path, busy_timeout_ms)
            await reader.execute("PRAGMA query_only=ON")
        except BaseException:
            await writer.close()
            raise
        db = cls(path, writer, reader, watch_every_s)
        db._start_writer()
        await db._watch.start()
        return db

    async def close(self) -> None:
        """Finish queued writes, then close both connections."""
        await self._watch.stop()
        await self._stop_writer()
        await self.reader.close()
        await self._writer.close()

    # Changes another process committed (see storage/db_watch.py).
    @property
    def elsewhere_generation(self) -> int:
        """Goes up each time a change by another process is noticed: a cache holding what it
        read at generation g is stale once this differs from g."""
        return self._watch.generation

    def on_change_elsewhere(self, callback: OnChange, tables: frozenset[str] | None = None) -> None:
        """Await `callback` (e.g. a reload) whenever another process changed the database.
        (`tables` is not used: SQLite's data_version does not say which table changed.)"""
        self._watch.subscribe(callback)

    async def poll_changes(self) -> bool:
        """Look for another process's changes now (the watch also does, every so often)."""
        return await self._watch.poll()

    async def _data_version(self) -> int:
        # On the writer: its data_version moves only for commits by other connections.
        rows = list(await self._writer.execute_fetchall("PRAGMA data_version"))
        return int(rows[0][0])

    async def checkpoint_truncate(self) -> bool:
        """Move every committed page into the database file and truncate the WAL to zero.

        After an erasure: with secure_delete the erased rows are zeroed in the pages that
        held them, but older copies of those pages still sit in the WAL until it is
        checkpointed (and survive a crash there). Runs on the writer between two groups, so
        never inside a transaction. False when a reader (another process) kept it from
        completing: the WAL is then reset by a later checkpoint."""
        done: bool = await self._submit(_Checkpoint())
        return done

    async def purge_erased(self, tables: Sequence[str]) -> list[str]:
        """secure_delete zeroed the erased rows in every table's pages as they were deleted
        or overwritten: only the WAL's older copies of those pages are left to clear."""
        if await self.checkpoint_truncate():
            return []
        log.warning(
            "purge after erasure: a reader kept the WAL from being emptied; erased rows stay"
            " in it until a checkpoint completes (PRAGMA wal_checkpoint(TRUNCATE))"
        )
        return [WAL_LEFT]

    # One trip to the reader thread per query (execute + fetch together), not three
    # (execute, fetch, close): under load every trip waits for a turn of the event loop.
    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        return list(await self.reader.execute_fetchall(sql, tuple(params)))

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> Row | None:
        rows = list(await self.reader.execute_fetchall(sql, tuple(params)))
        return rows[0] if rows else None

    async def _run_batch(self, batch: list[Pending]) -> None:
        group: list[Pending] = []
        for pending in batch:
            if not isinstance(pending.job, _Checkpoint):
                group.append(pending)
                continue
            if group:  # what was queued before the checkpoint is in it
                await self._commit_group(group)
                group = []
            await self._checkpoint(pending)
        if group:
            await self._commit_group(group)

    async def _checkpoint(self, pending: Pending) -> None:
        try:
            rows = list(await self._writer.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)"))
        except Exception as exc:
            if not pending.future.done():
                pending.future.set_exception(exc)
            return
        # (busy, wal frames, frames checkpointed): busy=1 when a reader kept it from finishing.
        done = bool(rows) and int(rows[0][0]) == 0
        if not done:
            log.warning("WAL checkpoint could not finish (a reader is active); retried later")
        if not pending.future.done():
            pending.future.set_result(done)

    async def _commit_group(self, batch: list[Pending]) -> None:
        conn = self._writer
        changes = conn.total_changes
        group = list(runs(batch))
        outcomes: list[tuple[bool, Any]] = []
        try:
            # BEGIN and COMMIT ride along with a run of statements when one starts or ends
            # the group: a group of sign-ups only is ONE call to the writer thread.
            begun = committed = False
            for index, run in enumerate(group):
                if isinstance(run, list):
                    begin, commit = index == 0, index == len(group) - 1
                    outcomes.extend(await run_statements(conn, run, begin=begin, commit=commit))
                    begun, committed = True, commit
                    continue
                if not begun:
                    await conn.execute("BEGIN IMMEDIATE")
                    begun = True
                outcomes.append(await run_in_savepoint(conn, run))
            if not committed:
                await conn.execute("COMMIT")
            self.commits += 1
        except BaseException as exc:
            # The commit itself failed (disk full, I/O error, or another process held the
            # write lock past the busy timeout): nothing in the group is durable.
            with contextlib.suppress(Exception):
                await conn.execute("ROLLBACK")
            busy = is_busy(exc)
            failure = _group_failure(exc, busy)
            fail_all(batch, failure)
            self._note_outcome(failure)
            if not isinstance(exc, Exception):
                raise
            _log_group_failure(exc, busy, len(batch))
            return
        outcomes = [_disk_full_as_refusal(outcome) for outcome in outcomes]
        # A statement refused for a full disk fails alone; the disk is full all the same.
        refused = next((v for ok, v in outcomes if not ok and isinstance(v, DiskFull)), None)
        # Only a group that changed rows proves the disk takes writes again: one that
        # changed nothing (a poll for due work) commits on a full disk too.
        if refused is not None or conn.total_changes != changes:
            self._note_outcome(refused)
        settle(batch, outcomes)


def _disk_full_as_refusal(outcome: tuple[bool, Any]) -> tuple[bool, Any]:
    ok, value = outcome
    return (False, DiskFull()) if not ok and is_disk_full(value) else outcome


def _log_group_failure(exc: Exception, busy: bool, size: int) -> None:
    if busy:
        # Expected while another process imports, and every caller is told to try
        # again: DEBUG, so that a CLI's answer stays the one line it prints.
        log.debug("database busy (another process is writing); %d writes refused", size)
    elif is_disk_full(exc):
        # Every caller is told in one line; a traceback per group would only help
        # fill what is left of the disk.
        log.error("database disk is full; %d writes refused", size)
    else:
        log.exception("group commit failed; %d writes refused", size)


def _group_failure(exc: BaseException, busy: bool) -> Exception:
    if busy or is_disk_full(exc):
        failure: Exception = Busy() if busy else DiskFull()
        failure.__cause__ = exc
        return failure
    return exc if isinstance(exc, Exception) else RuntimeError("writer stopped")


async def _connect(path: str, busy_timeout_ms: int) -> aiosqlite.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (group commit, migrations).
    conn = await aiosqlite.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    await conn.execute("PRAGMA foreign_keys=ON")
    # Deleted content is overwritten with zeros, not left in free space: /forgetme erases.
    await conn.execute("PRAGMA secure_delete=ON")
    await conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
    return conn
