"""SLACK_WORKERS=N: N worker processes serving Slack over HTTP on one port.

The parent binds nothing and serves nothing: it starts N copies of the command line
(`main.py slack-worker <n>`), each of which opens its own database connection and its own
listening socket on SLACK_PORT with SO_REUSEPORT, so the kernel spreads incoming
connections across them. The parent forwards SIGTERM/SIGINT (through `stop`), restarts a
worker that dies unexpectedly after a growing pause (one log line each time, never a tight
loop), and returns once every worker has exited.

What the workers share lives in the database: a retried Slack request is deduplicated in
`seen_requests` whichever worker it reaches, and the outbox is claimed with a lease.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import time
from collections.abc import Sequence
from dataclasses import dataclass

from lexicon.backoff import doubling

log = logging.getLogger("counterwatch.slack.workers")

# Pause before restarting a worker that died: doubled after each quick death, up to the cap,
# and back to the first once a worker has lived for STABLE_S.
FIRST_BACKOFF_S = 0.5
MAX_BACKOFF_S = 30.0
STABLE_S = 60.0
# A worker asked to stop finishes the requests it accepted (the HTTP server waits 10 s, the
# commands in flight are drained) before this runs out; then it is killed.
STOP_TIMEOUT_S = 30.0
# main.py's exit code for a configuration or start-up problem: restarting would not help.
CANNOT_START = 2
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class WorkerCannotStart(Exception):
    """A worker exited with CANNOT_START (bad token, unreachable API, unusable database)."""


@dataclass
class Backoff:
    quick_deaths: int = 0  # in a row, each after a run shorter than STABLE_S

    def after(self, lived_s: float) -> float:
        """The pause before the next start, given how long the last run lived."""
        if lived_s >= STABLE_S:
            self.quick_deaths = 0
        self.quick_deaths += 1
        return doubling(self.quick_deaths, FIRST_BACKOFF_S, MAX_BACKOFF_S)


async def supervise_workers(command: Sequence[str], count: int, stop: asyncio.Event) -> int:
    """Run `count` workers (`command` + their number) until `stop` is set; the exit code."""
    could_not_start = False
    try:
        async with asyncio.TaskGroup() as group:
            for number in range(1, count + 1):
                group.create_task(_keep_running(command, number, stop))
    except* WorkerCannotStart:
        could_not_start = True
    if could_not_start:
        log.error("a slack worker could not start; stopped them all")
        return CANNOT_START
    log.info("slack workers stopped")
    return 0


async def _keep_running(command: Sequence[str], number: int, stop: asyncio.Event) -> None:
    backoff = Backoff()
    while not stop.is_set():
        started = time.monotonic()
        process = await asyncio.create_subprocess_exec(*command, str(number))
        log.info("slack worker %d started (pid %d)", number, process.pid)
        code = await _until_exit_or_stop(process, stop)
        if stop.is_set():
            return
        if code == CANNOT_START:
            stop.set()  # the others would fail alike: stop them too
            raise WorkerCannotStart(number)
        pause = backoff.after(time.monotonic() - started)
        log.warning(
            "slack worker %d (pid %d) exited unexpectedly (%s); restarting in %.1f s",
            number,
            process.pid,
            _describe(code),
            pause,
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), pause)  # a stop during the pause ends it


async def _until_exit_or_stop(process: asyncio.subprocess.Process, stop: asyncio.Event) -> int:
    exited = asyncio.create_task(process.wait())
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({exited, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not exited.done():
        await _stop(process, exited)
    return exited.result()


async def _stop(process: asyncio.subprocess.Process, exited: asyncio.Task[int]) -> None:
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(asyncio.shield(exited), STOP_TIMEOUT_S)
    except TimeoutError:
        log.warning("slack worker pid %d did not stop within %.0f s; killing it", process.pid,
                    STOP_TIMEOUT_S)  # fmt: skip
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await exited


def stop_with_parent() -> None:
    """In a worker: have the kernel send SIGTERM when the supervising process dies (even by
    SIGKILL), so no orphan keeps serving the port alone (Linux; elsewhere a no-op)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before we asked: stop now
        os.kill(os.getpid(), signal.SIGTERM)


def _describe(code: int) -> str:
    if code < 0:
        return f"signal {signal.Signals(-code).name}"
    return f"exit code {code}"
