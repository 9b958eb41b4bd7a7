"""The worker process: limits itself, then runs one job at a time from its pipe.

Its address space is capped (RLIMIT_AS) a fixed budget above what it holds once Jinja is
imported, so a runaway string ends in MemoryError here, not in the bot's memory. Time is
the parent's to enforce: a job that overruns is killed with its process (templating/pool.py).
"""

from __future__ import annotations

import contextlib
import os
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

# Imported by the forkserver before it forks any worker: a replacement starts warm.
import templating.jobs  # noqa: F401
from templating.engine import RenderError
from templating.validate import TemplateRejected

READY = "ready"
OK = "ok"
REFUSED = "refused"  # the template broke a rule: the message is for the organizer
MEMORY = "memory"
FAILED = "failed"  # anything else: only the exception's type comes back, never its text
NICENESS = 10  # the worker yields the CPU to the bot's loop when both want it

Job = tuple[Callable[..., Any], tuple[Any, ...]]


def serve(conn: Connection, memory_budget: int) -> None:
    """The worker's whole life: limits, then a job in, a tagged result out, until EOF."""
    with contextlib.suppress(OSError, AttributeError):  # no os.nice on Windows
        os.nice(NICENESS)
    limit_memory(memory_budget)
    # The parent may be gone by the time a worker is up (the bot stopped while its pool was
    # starting): then the worker ends quietly, like one whose parent closes the pipe later.
    with contextlib.suppress(OSError):
        conn.send((READY, os.getpid()))
        while True:
            try:
                job: Job = conn.recv()
            except EOFError:  # the parent closed the pipe
                return
            conn.send(run(job))


def run(job: Job) -> tuple[str, Any]:
    function, args = job
    try:
        return OK, function(*args)
    except (TemplateRejected, RenderError) as exc:
        return REFUSED, str(exc)
    except MemoryError:
        return MEMORY, None
    except Exception as exc:  # a bug or a hole in the sandbox: fail this job, keep serving
        return FAILED, type(exc).__name__


def limit_memory(budget: int) -> None:
    """Cap the address space at its current size plus `budget` bytes."""
    size = _address_space()
    if size is None:
        return
    limit = size + budget
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit already applies
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")
