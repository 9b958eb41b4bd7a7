"""Rendering off the event loop: a small process pool behind a bounded queue.

A process, not a thread: matplotlib holds the GIL for most of a render, and a thread would
stall the loop (the chat connections' heartbeats) for as long as the interpreter lets it run
between switches. A separate process never touches our GIL; the loop only pickles a few
numbers over and gets the PNG bytes back.

The queue is bounded: when `capacity` renders are already running or waiting, a new one is
refused at once (ChartBusy) and the command answers with its figures as text. A burst of
/ring stats therefore costs a few seconds of charts, never an unbounded backlog of memory.

A job is a frozen value and drawing is deterministic, so the last pictures drawn are kept by
their job: the same /ring stats asked again (until a fact changes its figures) is answered
without a render.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
from collections import OrderedDict
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from charts.jobs import ChartJob

# Leave a core to the event loop: on a two-core host one worker, never more than two.
WORKERS = max(1, min(2, (os.cpu_count() or 2) - 1))
NICENESS = 10  # the workers yield the CPU to the bot's loop when both want it
WAITING = 6  # beyond the renders in progress
KEPT = 32  # pictures kept by their job (a national map is about 100 KB)


class ChartBusy(Exception):
    """Too many charts are being drawn right now; the caller answers without one."""


def _warm() -> None:
    """Lower the worker's priority, and import matplotlib when it starts, not during the
    first render. Without the nice, a busy host's scheduler makes the loop's process wait
    behind the workers' rendering (measured: 80 ms stalls on two loaded cores)."""
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(NICENESS)
    import charts.draw  # noqa: F401


class ChartRenderer:
    def __init__(
        self, workers: int = WORKERS, waiting: int = WAITING, *, processes: bool = True
    ) -> None:
        self.capacity = workers + waiting
        self._in_flight = 0  # only touched from the event loop's thread
        self._drawn: OrderedDict[ChartJob, bytes] = OrderedDict()  # least recently used first
        self._pool: Executor
        if processes:
            # spawn: forking a process that runs aiosqlite's and aiohttp's threads can copy
            # a lock held mid-operation into the child.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_warm)
        else:
            self._pool = ThreadPoolExecutor(workers, thread_name_prefix="charts")

    @property
    def in_flight(self) -> int:
        return self._in_flight

    async def render(self, job: ChartJob) -> bytes:
        kept = self._drawn.get(job)
        if kept is not None:
            self._drawn.move_to_end(job)
            return kept
        if self._in_flight >= self.capacity:
            raise ChartBusy
        from charts.draw import draw_png  # the parent imports matplotlib only when drawing

        self._in_flight += 1
        try:
            png = await asyncio.get_running_loop().run_in_executor(self._pool, draw_png, job)
        finally:
            self._in_flight -= 1
        self._drawn[job] = png
        while len(self._drawn) > KEPT:
            self._drawn.popitem(last=False)
        return png

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


_default: ChartRenderer | None = None


def default_renderer() -> ChartRenderer:
    """The process-wide renderer, started on the first chart (its workers then stay up)."""
    global _default
    if _default is None:
        _default = ChartRenderer()
    return _default


async def render_png(job: ChartJob, renderer: ChartRenderer | None = None) -> bytes:
    return await (renderer or default_renderer()).render(job)
