"""Waiting for something another task or process does: poll a check until it holds, with a
generous bound that only turns a hang into a failure, never a timing assertion."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


async def eventually(
    check: Callable[[], Awaitable[bool]] | Callable[[], bool],
    timeout_s: float = 30.0,
    every_s: float = 0.05,
) -> float:
    """Poll `check` (a function, plain or async) until it returns True; the seconds it took
    (for reports). Fails after `timeout_s`."""
    started = time.monotonic()
    while not await _holds(check):
        if time.monotonic() - started > timeout_s:
            raise AssertionError(f"not seen within {timeout_s} s")
        await asyncio.sleep(every_s)
    return time.monotonic() - started


async def _holds(check: Callable[[], Awaitable[bool]] | Callable[[], bool]) -> bool:
    result = check()
    if isinstance(result, bool):
        return result
    return await result
