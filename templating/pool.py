"""Organizers' templates run in worker processes with a memory and a time limit.

The charts' pattern (charts/worker.py: processes, niced, behind a bounded queue), with
what a process pool executor cannot do: kill the one worker that overruns and start
another. Each worker is a process of its own with a pipe; the loop never blocks on it
(it waits for the pipe to become readable), so a hostile template can only fail itself:
- memory: the worker caps its address space (templating/child.py): MemoryError there;
- time: a job not answered within `time_limit` has its worker killed and replaced;
- queue: at most `capacity` jobs running or waiting, and none waits for a worker longer
  than `wait_limit`: past either, TemplateBusy at once.
Workers fork from a forkserver that has imported Jinja and the rules, so a replacement is
ready in milliseconds.

The pool holds no asyncio object bound to a loop between jobs, so one pool serves every
loop of a process (the tests run one loop per test).
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError as FutureCancelled
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from templating import child

T = TypeVar("T")

# Leave a core to the event loop: on a two-core host one worker, never more than two.
WORKERS = max(1, min(2, (os.cpu_count() or 2) - 1))
WAITING = 4  # beyond the jobs in progress
TIME_LIMIT_S = 0.5  # a letter renders in ~1 ms; ten times the longest shipped one is ~20 ms
WAIT_LIMIT_S = 0.4  # queued at most this long: refused or answered within ~1 s in all
MEMORY_BUDGET = 256 * 1024 * 1024  # address space a worker may add; a draft needs ~1 MB
START_LIMIT_S = 30.0  # the first worker waits for the forkserver to import Jinja
BUSY = "too many templates are being drafted right now; try again in a minute"


class IsolatedError(Exception):
    """A custom template could not be run; the message is one line fit for the organizer."""


class TemplateRefused(IsolatedError):
    """It broke a rule (validation, the sandbox, the output cap)."""


class TemplateStopped(IsolatedError):
    """Its worker was stopped: out of time, out of memory, or failed."""


class TemplateBusy(IsolatedError):
    """Too many custom templates are running or waiting."""


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection


class TemplatePool:
    def __init__(
        self,
        workers: int = WORKERS,
        waiting: int = WAITING,
        *,
        time_limit: float = TIME_LIMIT_S,
        wait_limit: float = WAIT_LIMIT_S,
        memory_budget: int = MEMORY_BUDGET,
    ) -> None:
        self.capacity = workers + waiting
        self.time_limit = time_limit
        self.wait_limit = wait_limit
        self.memory_budget = memory_budget
        self._workers = workers
        self._in_flight = 0
        self._free: list[Future[_Worker]] = []  # started or starting, not running a job
        self._waiters: deque[asyncio.Future[Future[_Worker]]] = deque()
        # Starting, killing and reaping processes block: one thread does them off the loop.
        self._starter: ThreadPoolExecutor | None = None

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def start(self) -> None:
        """Start the workers now rather than on the first job (idempotent)."""
        if self._starter is None:
            self._starter = ThreadPoolExecutor(1, thread_name_prefix="template-workers")
            self._free = [self._starter.submit(self._spawn) for _ in range(self._workers)]

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in a worker: its result, or an IsolatedError saying why not."""
        if self._in_flight >= self.capacity:
            raise TemplateBusy(BUSY)
        self._in_flight += 1
        try:
            slot = await self._acquire()
            try:
                worker = await self._started(slot)
            except asyncio.CancelledError:
                self._release(slot)  # still starting: the next job takes it
                raise
            value: T = await self._exchange(worker, function, args)
            return value
        finally:
            self._in_flight -= 1

    async def _acquire(self) -> Future[_Worker]:
        self.start()
        if self._free:
            return self._free.pop()
        waiter: asyncio.Future[Future[_Worker]] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        taken = False
        try:
            async with asyncio.timeout(self.wait_limit):
                slot = await waiter
                taken = True
                return slot
        except TimeoutError:
            raise TemplateBusy(BUSY) from None
        finally:
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)
            if not taken and waiter.done() and not waiter.cancelled():
                self._release(waiter.result())  # handed over just as the wait ended

    async def _started(self, slot: Future[_Worker]) -> _Worker:
        try:
            async with asyncio.timeout(START_LIMIT_S):
                # Shielded: a cancelled wait must not cancel the start itself.
                return await asyncio.shield(asyncio.wrap_future(slot))
        except (TimeoutError, OSError, EOFError, FutureCancelled):
            slot.add_done_callback(_discard)  # if it ever starts, nobody will use it
            self._release(self._submit(self._spawn))
            raise TemplateStopped("no template worker could be started") from None

    async def _exchange(self, worker: _Worker, function: Callable[..., T], args: Any) -> T:
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()
        fd = worker.conn.fileno()
        try:
            worker.conn.send((function, args))
            loop.add_reader(fd, _settle, readable)
            try:
                async with asyncio.timeout(self.time_limit):
                    await readable
            finally:
                loop.remove_reader(fd)
            tag, value = worker.conn.recv()  # readable: the worker answered (or died: EOF)
        except TimeoutError:
            self._replace(worker)
            raise TemplateStopped(f"took longer than {self.time_limit:g} s") from None
        except (EOFError, OSError):
            self._replace(worker)
            raise TemplateStopped("its worker stopped") from None
        except BaseException:  # cancelled mid-job: the worker's state is unknown
            self._replace(worker)
            raise
        self._release(_done(worker))
        result: T = _outcome(tag, value, self.memory_budget)
        return result

    def _release(self, slot: Future[_Worker]) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                with contextlib.suppress(RuntimeError):  # its loop has closed
                    waiter.set_result(slot)
                    return
        self._free.append(slot)

    def _replace(self, worker: _Worker) -> None:
        """Kill the worker (its job overran or its state is unknown); start another."""
        with contextlib.suppress(OSError, ValueError):
            worker.process.kill()
        worker.conn.close()
        self._submit(worker.process.join)
        self._release(self._submit(self._spawn))

    def _submit(self, function: Callable[[], T]) -> Future[T]:
        self.start()
        assert self._starter is not None
        return self._starter.submit(function)

    def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("forkserver")
        # Forked from a server that imported the rules and the main module once (each
        # child would import the main module again otherwise), never from the bot itself:
        # its threads' locks would be copied mid-operation.
        context.set_forkserver_preload(["__main__", "templating.child"])
        ours, theirs = context.Pipe()
        process = context.Process(
            target=child.serve,
            args=(theirs, self.memory_budget),
            daemon=True,  # ends with the bot
            name="template-worker",
        )
        process.start()
        theirs.close()
        if not ours.poll(START_LIMIT_S):
            process.kill()
            raise OSError("the template worker did not start")
        ours.recv()  # (READY, pid)
        return _Worker(process, ours)

    def close(self) -> None:
        for slot in self._free:
            slot.add_done_callback(_discard)
        self._free.clear()
        if self._starter is not None:
            self._starter.shutdown(wait=False, cancel_futures=True)
            self._starter = None


def _settle(readable: asyncio.Future[None]) -> None:
    if not readable.done():
        readable.set_result(None)


def _discard(slot: Future[_Worker]) -> None:
    if not slot.cancelled() and slot.exception() is None:
        worker = slot.result()
        worker.conn.close()
        worker.process.kill()


def _done(worker: _Worker) -> Future[_Worker]:
    slot: Future[_Worker] = Future()
    slot.set_result(worker)
    return slot


def _outcome(tag: str, value: Any, memory_budget: int) -> Any:
    if tag == child.OK:
        return value
    if tag == child.REFUSED:
        raise TemplateRefused(str(value))
    if tag == child.MEMORY:
        raise TemplateStopped(f"needed more than {memory_budget // 2**20} MB")
    raise TemplateStopped(f"failed ({value})")


_default: TemplatePool | None = None


def default_pool() -> TemplatePool:
    """The process-wide pool, started on the first custom template (its workers stay up)."""
    global _default
    if _default is None:
        _default = TemplatePool()
    return _default
