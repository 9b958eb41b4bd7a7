"""Group commit, whichever the backend: writes are queued, and one writer task runs every
write waiting at that moment in ONE transaction, commits once, and only then answers each
caller. A write is therefore acknowledged only after it is durable, and many concurrent
writes share one commit (one fsync).

A backend supplies `_commit_group` (run a group in a transaction, then settle each caller's
future) and may queue its own housekeeping items (SQLite's WAL checkpoint) through `_submit`.

A command's replay record rides on its first write (storage/replay.py): such a write becomes
a job that records the key, then does the write, in one savepoint. `write_fault` says whether
the latest group failed for want of the database (disk full, server gone), for /healthz.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from storage import replay
from storage.errors import Unavailable
from storage.sql import Conn, Row, WriteJob

T = TypeVar("T")
MAX_BATCH = 500  # writes per commit; bounds the time one group holds its locks


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: tuple[Any, ...]
    # Run when `sql` returned and changed nothing, in the same transaction ("why not?").
    otherwise: tuple[str, tuple[Any, ...]] | None = None

    async def rows(self, conn: Conn) -> list[Row]:
        """Run it as a job would (its `otherwise` included); backends run runs of
        statements their own, cheaper way."""
        cursor = await conn.execute(self.sql, self.params)
        rows = list(await cursor.fetchall())
        if self.otherwise is not None and not rows and cursor.rowcount < 1:
            cursor = await conn.execute(*self.otherwise)
            rows = list(await cursor.fetchall())
        return rows


def _claimed(claim: replay.Claim, job: WriteJob[T]) -> WriteJob[T]:
    """`job`, preceded by the request's replay record, in the same savepoint."""

    async def run(conn: Conn) -> T:
        await replay.record(conn, claim)
        return await job(conn)

    return run


# Plain slotted class: one is built per write, on the hot path of a sign-up.
@dataclass(slots=True)
class Pending:
    job: Any  # a WriteJob, a Statement, or a backend's own housekeeping item
    future: asyncio.Future[Any]


class GroupCommit:
    """The queue and the writer task; subclasses say how a group is committed."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[Pending | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._loop = asyncio.get_running_loop()  # opened (and used) inside one event loop
        self.commits = 0  # how many group commits ran; benchmarks report it
        # "" while writes commit; else why the latest failed ("disk full", ...): /healthz.
        self.write_fault = ""

    def _start_writer(self) -> None:
        self._task = asyncio.create_task(self._write_loop(), name="counterwatch-writer")

    async def _stop_writer(self) -> None:
        """Finish what is queued, then stop."""
        if self._task is not None:
            await self._queue.put(None)
            await self._task
            self._task = None

    def _submit(self, job: Any) -> asyncio.Future[Any]:
        if self._task is None or self._task.done():
            raise RuntimeError("the database is closed")
        pending = Pending(job, self._loop.create_future())
        self._queue.put_nowait(pending)
        return pending.future

    async def write(self, job: WriteJob[T]) -> T:
        """Run `job` in the writer's transaction; return once that transaction committed."""
        claim = replay.take_claim()
        result: T = await self._submit(job if claim is None else _claimed(claim, job))
        return result

    async def write_statement(
        self,
        sql: str,
        params: Iterable[Any] = (),
        *,
        otherwise: tuple[str, Iterable[Any]] | None = None,
    ) -> list[Row]:
        """Run ONE SQL statement as a write; return its rows (if any) once committed.

        When it neither returns rows nor changes any and `otherwise` (sql, params) is
        given, that statement runs right after it, in the same transaction, and ITS rows
        are returned: a sign-up that inserted nothing learns why (already there since...,
        campaign closed) in the same trip, while one that inserted needs no RETURNING.
        For hot paths (a sign-up) this is many times cheaper than a job: a backend runs a
        run of statements without a savepoint each."""
        fallback = None if otherwise is None else (otherwise[0], tuple(otherwise[1]))
        statement = Statement(sql, tuple(params), fallback)
        claim = replay.take_claim()
        rows: list[Row] = await self._submit(
            statement if claim is None else _claimed(claim, statement.rows)
        )
        return rows

    def _note_outcome(self, failure: BaseException | None) -> None:
        """After each group: a failure for want of the database marks writes as failing,
        a commit clears it (anything else, e.g. Busy, is not the database's fault)."""
        if failure is None:
            self.write_fault = ""
        elif isinstance(failure, Unavailable):
            self.write_fault = failure.fault

    async def _write_loop(self) -> None:
        stopping = False
        while not stopping:
            first = await self._queue.get()
            if first is None:
                break
            # One turn of the loop first: the callers just answered by the previous commit
            # mostly come straight back with their next write, and joining this group costs
            # them nothing, while a group of their own would cost another commit.
            await asyncio.sleep(0)
            batch = [first]
            while len(batch) < MAX_BATCH and not self._queue.empty():
                item = self._queue.get_nowait()
                if item is None:
                    stopping = True
                    break
                batch.append(item)
            await self._run_batch(batch)

    async def _run_batch(self, batch: list[Pending]) -> None:
        await self._commit_group(batch)

    async def _commit_group(self, batch: list[Pending]) -> None:
        raise NotImplementedError


def runs(batch: list[Pending]) -> Iterator[list[Statement] | WriteJob[Any]]:
    """The batch in order: consecutive statements grouped in a list, each job on its own."""
    statements: list[Statement] = []
    for pending in batch:
        job = pending.job
        if isinstance(job, Statement):
            statements.append(job)
            continue
        if statements:
            yield statements
            statements = []
        yield job
    if statements:
        yield statements


def settle(batch: list[Pending], outcomes: list[tuple[bool, Any]]) -> None:
    """Answer each caller with its own outcome, after the group committed."""
    for pending, (ok, value) in zip(batch, outcomes, strict=True):
        if pending.future.done():
            continue  # the caller went away (cancelled); its write still committed
        if ok:
            pending.future.set_result(value)
        else:
            pending.future.set_exception(value)


def fail_all(batch: list[Pending], failure: Exception) -> None:
    """The group did not commit: nothing in it is durable, every caller is told."""
    for pending in batch:
        if not pending.future.done():
            pending.future.set_exception(failure)
