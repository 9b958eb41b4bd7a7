"""The one poll loop: run a pass, pause, again, until told to stop. The delivery loop, the
reminder loop and the card refresher are each this loop around their own pass."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from bot.core import tracebacks

# One pass; True when it did a whole batch, so more may be due right now.
Pass = Callable[[], Awaitable[bool]]


async def poll_until_stopped(
    stop: asyncio.Event, one_pass: Pass, poll_seconds: float, log: logging.Logger, what: str
) -> None:
    """Run `one_pass` until `stop` is set: at once again while it reports a full batch,
    otherwise after `poll_seconds` (setting `stop` ends the pause). A failing pass is logged
    (exception types and frames, never a message) and tried again after the pause: a
    database that is briefly busy must not end the loop."""
    while not stop.is_set():
        try:
            more_due = await one_pass()
        except Exception as exc:
            log.error(
                "%s pass failed; retrying after the pause: %s", what, tracebacks.describe(exc)
            )
            more_due = False
        if more_due:
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
