"""The reminder loop: a due reminder becomes outbox rows (then delivered by
notifications/delivery.py) in one transaction, so it is sent once, also when it fell due
while the bot was down (the first pass after a restart sends it) or two processes run."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot import tracebacks
from bot.deps import Deps

log = logging.getLogger("counterwatch.reminders")

POLL_SECONDS = 20.0


async def send_due_reminders(deps: Deps) -> int:
    """One pass: queue every due reminder; returns how many reminders went out."""
    sent = await deps.storage.reminders.send_due(deps.clock())
    for reminder_id, queued in sent:
        log.info("reminder R%d queued %d messages", reminder_id, queued)  # ids, never text
    return len(sent)


async def run_reminders(
    deps: Deps, stop: asyncio.Event, poll_seconds: float = POLL_SECONDS
) -> None:
    """Until `stop` is set; started by main.py beside the delivery loop."""
    while not stop.is_set():
        try:
            await send_due_reminders(deps)
        except Exception as exc:
            log.error(
                "reminder pass failed; retrying after the pause: %s", tracebacks.describe(exc)
            )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
