"""Group commit, whichever the backend: writes are queued, and one writer task runs every
write waiting at that moment in ONE transaction, commits once, and only then answers each
caller. A write is therefore acknowledged only after it is durable, and many concurrent
writes share one commit (one fsync).

A backend supplies `_commit_group` (run a group in a transaction, then settle each caller's
future) and may queue its own housekeeping items (SQLite's WAL checkpoint) through `_submit`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from storage.sql import Row, WriteJob

T = TypeVar("T")
MAX_BATCH = 500  # writes per commit; bounds the time one group holds its locks


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: tuple[Any, ...]
    # Run when `sql` returned and changed nothing, in the same transaction ("why not?").
    otherwise: tuple[str, tuple[Any, ...]] | None = None


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
        result: T = await self._submit(job)
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
        rows: list[Row] = await self._submit(Statement(sql, tuple(params), fallback))
        return rows

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
