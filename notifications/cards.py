"""The card refresher: a posted campaign card's count stays true, its edits paced.

Sign-ups, leaves and the close mark a campaign's cards stale (storage does, in the same
transaction). Each pass claims the stale cards that are due and edits each once with the
card as it stands now, so any number of sign-ups between two passes make one edit; a card
is not due again before CARD_EDIT_EVERY has passed since its last edit (Discord and Slack
rate-limit message edits). The campaign's close makes the last edit: "Closed on ...",
buttons disabled. A card whose message is gone is forgotten; a rate limit waits as long as
the platform asked; other failures are retried with a capped backoff.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.core import tracebacks
from bot.core.deps import Deps
from bot.core.messengers import CardEditFailed, CardGone
from bot.core.models import Reply
from bot.core.polling import poll_until_stopped
from lexicon.backoff import doubling
from storage.cards.models import Card

log = logging.getLogger("counterwatch.cards")

# (deps, a posted card) -> the card as it stands now, None once the campaign is gone; written
# by the campaigns feature (commands/campaigns/cards.py), passed in by main.
CardRender = Callable[[Deps, Card], Awaitable[Reply | None]]

CARD_EDIT_EVERY = dt.timedelta(seconds=5)
POLL_SECONDS = 1.0
BATCH = 50
EDIT_TIMEOUT_S = 30.0  # one stuck request must not hold every other card
FIRST_RETRY = dt.timedelta(seconds=10)
MAX_RETRY = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class RefreshReport:
    edited: int = 0
    forgotten: int = 0  # messages found deleted
    failed: int = 0  # to be retried


def retry_delay(attempts: int) -> dt.timedelta:
    """10 s, 20 s, 40 s ... capped at 15 minutes."""
    return doubling(attempts, FIRST_RETRY, MAX_RETRY)


async def refresh_due_cards(
    deps: Deps, render: CardRender, every: dt.timedelta = CARD_EDIT_EVERY, limit: int = BATCH
) -> RefreshReport:
    """One pass: edit every stale card that is due, on the platforms running here."""
    platforms = deps.messengers.editing_platforms
    if not platforms:
        return RefreshReport()
    cards = await deps.storage.cards.claim_due(platforms, deps.clock(), every, limit)
    # One render per campaign and workspace per pass: a campaign's cards in one workspace
    # say the same words (its language may differ from another workspace's).
    rendered: dict[tuple[int, str, str, str], Reply | None] = {}
    edited = forgotten = failed = 0
    for card in cards:
        key = (card.campaign_id, card.platform, card.workspace, card.workspace_locale)
        if key not in rendered:
            rendered[key] = await render(deps, card)
        outcome = await _edit(deps, card, rendered[key], every)
        edited += outcome == "edited"
        forgotten += outcome == "forgotten"
        failed += outcome == "failed"
    return RefreshReport(edited, forgotten, failed)


async def _edit(deps: Deps, card: Card, reply: Reply | None, every: dt.timedelta) -> str:
    store = deps.storage.cards
    editor = deps.messengers.editor(card.platform)
    if reply is None or editor is None:  # the campaign was deleted; or the platform stopped
        return "skipped"
    try:
        async with asyncio.timeout(EDIT_TIMEOUT_S):
            await editor.edit_card(card.workspace, card.channel, card.message_id, reply)
    except CardGone:
        await store.forget(card.id, deps.clock())
        log.info("card %d on %s: its message is gone; forgotten", card.id, card.platform)
        return "forgotten"
    except Exception as exc:
        await store.retry(card.id, _retry_at(deps, card, exc, every), card.attempts + 1)
        log.warning("card %d on %s not edited: %s", card.id, card.platform, _reason(exc))
        return "failed"
    await store.edited(card.id, deps.clock())
    return "edited"


def _retry_at(deps: Deps, card: Card, exc: Exception, every: dt.timedelta) -> dt.datetime:
    """When to try again: as late as the platform asked (429), else after the backoff;
    never sooner than the pacing allows."""
    now = deps.clock()
    if isinstance(exc, CardEditFailed) and exc.retry_after is not None:
        wait = dt.timedelta(seconds=exc.retry_after)
    else:
        wait = retry_delay(card.attempts + 1)
    return now + max(wait, every)


def _reason(exc: Exception) -> str:
    # Types and the adapter's own reason only: an unexpected exception may quote the card.
    if isinstance(exc, CardEditFailed):
        return str(exc)[:200] or "edit failed"
    return f"unexpected {tracebacks.describe(exc)}"


async def run_card_refresher(
    deps: Deps,
    stop: asyncio.Event,
    render: CardRender,
    every: dt.timedelta = CARD_EDIT_EVERY,
    poll_seconds: float = POLL_SECONDS,
) -> None:
    """Refresh cards until `stop` is set; started by wiring.py beside the delivery loop."""

    async def one_pass() -> bool:
        report = await refresh_due_cards(deps, render, every)
        return report.edited + report.forgotten + report.failed >= BATCH  # more due now

    await poll_until_stopped(stop, one_pass, poll_seconds, log, "card")
