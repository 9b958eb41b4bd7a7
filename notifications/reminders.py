"""The reminder loop: a due reminder becomes outbox rows (then delivered by
notifications/delivery.py) in one transaction, so it is sent once, also when it fell due
while the bot was down (the first pass after a restart sends it) or two processes run."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from bot.core.deps import Deps
from bot.core.polling import poll_until_stopped
from storage.campaigns.models import EndedCampaign

# (the ended campaign, today) -> the organizers' message; written by the campaigns feature
Summary = Callable[[EndedCampaign, str], str]

log = logging.getLogger("counterwatch.reminders")

POLL_SECONDS = 20.0


async def send_due_reminders(deps: Deps) -> int:
    """One pass: queue every due reminder; returns how many reminders went out."""
    sent = await deps.storage.reminders.send_due(deps.clock())
    for reminder_id, queued in sent:
        log.info("reminder R%d queued %d messages", reminder_id, queued)  # ids, never text
    return len(sent)


async def close_ended_campaigns(deps: Deps, summary: Summary) -> int:
    """Close the campaigns whose end date has passed; their organizers get `summary`."""
    today = deps.today().isoformat()
    closed = await deps.storage.campaigns.close_ended(
        today, deps.clock(), lambda c: summary(c, today)
    )
    for campaign in closed:
        log.info("campaign %d ended; closed with %d sign-ups", campaign.id, campaign.signups)
    return len(closed)


async def run_reminders(
    deps: Deps, stop: asyncio.Event, summary: Summary, poll_seconds: float = POLL_SECONDS
) -> None:
    """Until `stop` is set; started by wiring.py beside the delivery loop."""

    async def one_pass() -> bool:
        await send_due_reminders(deps)
        await close_ended_campaigns(deps, summary)
        return False

    await poll_until_stopped(stop, one_pass, poll_seconds, log, "reminder")
