"""The follow-notification delivery loop: at least once, retried with backoff, never dropped.

A notification is claimed before it is sent (storage leases it to this process, so a second
process on the same database sends other rows) and marked delivered only after its
messenger returned; a crash in between sends it again once the lease lapses (at least
once). When the follower's direct messages are closed (a permanent DeliveryError), it goes
to the platform's configured notify channel instead, naming the follower by display name
only (no mention, no ping). A failure (DeliveryError, no messenger for that platform yet,
DMs closed and no channel or the channel failing too, anything unexpected) is recorded with
its error and retried later; admins see what is stuck with /facts outbox.

Campaign announcements (rows with an `announcement_id`) travel the same way with two
differences: closed DMs are final for them (the row gives up and counts as failed, since
posting a campaign's message in a public channel is not what the member agreed to), and
after ANNOUNCE_ATTEMPTS failures they give up too. They come in bursts (one per member),
so consecutive sends on one platform are paced (ANNOUNCE_PACE_S).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from bot.core import tracebacks
from bot.core.deps import Deps
from bot.core.messengers import DeliveryError, DirectMessenger
from bot.core.polling import poll_until_stopped
from bot.core.settings import Settings
from lexicon.i18n import DEFAULT, N_, _, using
from lexicon.stored import is_stored, say, store
from notifications.announcements import in_current_language
from storage.outbox.models import Notification

log = logging.getLogger("counterwatch.delivery")

POLL_SECONDS = 5.0
BATCH = 100
ANNOUNCE_ATTEMPTS = 6  # with the backoff: about 16 minutes of retries, then counted failed
# Seconds between two announcement DMs on one platform: under Discord's 50 requests/s and
# Slack's ~1 message/s (each DM also opens a conversation, Tier 3: 50+/min).
ANNOUNCE_PACE_S = {"discord": 0.05, "slack": 1.0}


@dataclass(frozen=True)
class DeliveryReport:
    delivered: int
    failed: int
    in_channel: int = 0  # of the delivered: posted in the notify channel (DMs closed)
    gave_up: int = 0  # of the failed: announcements that will not be tried again


@dataclass(frozen=True)
class _Outcome:
    error: str  # '' when delivered
    in_channel: bool = False
    final: bool = False  # retrying cannot help (an announcement to closed DMs)


def notify_channel(settings: Settings, platform: str) -> str:
    """The channel a platform's notifications fall back to ('' when none is configured)."""
    channels = {
        "discord": settings.discord_notify_channel_id,
        "slack": settings.slack_notify_channel_id,
    }
    return channels.get(platform, "").strip()


def channel_text(item: Notification) -> str:
    """The notification as a channel post: the follower by display name, never a mention;
    its frame in the current language (the follower's, as the notice itself)."""
    who = item.user_name.strip() or _("a follower")
    return _("For {who} (direct messages closed):").format(who=who) + "\n" + item.text


async def deliver_due(
    deps: Deps, limit: int = BATCH, pace: Mapping[str, float] = ANNOUNCE_PACE_S
) -> DeliveryReport:
    """One pass over what is due now; returns how many went out and how many failed."""
    delivered = failed = in_channel = gave_up = 0
    store = deps.storage.outbox
    last_announcement: dict[str, float] = {}  # platform -> loop time of its last one
    loop = asyncio.get_running_loop()
    for item in await store.claim(deps.clock(), limit):
        if item.announcement_id is not None:
            previous = last_announcement.get(item.platform)
            if previous is not None:
                await asyncio.sleep(max(0.0, previous + pace.get(item.platform, 0.0) - loop.time()))
            last_announcement[item.platform] = loop.time()
        outcome = await _send(deps, item)
        error = outcome.error
        now = deps.clock()
        if (
            error
            and item.announcement_id is not None
            and (outcome.final or item.attempts + 1 >= ANNOUNCE_ATTEMPTS)
        ):
            await store.give_up(item.id, now, error)
            failed += 1
            gave_up += 1
            log.warning(
                "announcement message %d to %s given up: %s", item.id, item.platform, say(error)
            )
        elif error:
            await store.mark_failed(item.id, now, error)
            failed += 1
            # Ids and the error class only: never the message text.
            log.warning("notification %d to %s failed: %s", item.id, item.platform, say(error))
        else:
            await store.mark_delivered(item.id, now)
            delivered += 1
            in_channel += outcome.in_channel
    return DeliveryReport(delivered, failed, in_channel, gave_up)


async def _send(deps: Deps, item: Notification) -> _Outcome:
    messenger = deps.messengers.get(item.platform)
    if messenger is None:
        return _Outcome(store(N_("no {platform} connection is running"), platform=item.platform))
    try:
        await messenger.send_direct(
            item.workspace, item.user_id, await _in_their_language(deps, item)
        )
    except DeliveryError as exc:
        if not exc.permanent:
            return _Outcome(store(N_("delivery failed: {reason}"), reason=_reason(exc)))
        if item.announcement_id is not None:
            return _Outcome(store(N_("DMs closed: {reason}"), reason=_reason(exc)), final=True)
        return await _send_to_channel(deps, messenger, item, _reason(exc))
    except Exception as exc:  # a bug in an adapter must not stop every other delivery
        # Frames and types only: the exception's message may quote the notification's text.
        log.error("messenger for %s raised: %s", item.platform, tracebacks.describe(exc))
        return _Outcome(store(N_("unexpected {error}"), error=type(exc).__name__))
    return _Outcome("")


async def _in_their_language(deps: Deps, item: Notification) -> str:
    """An announcement's frame in the language the member chose (/language), else English:
    no request of theirs is running, so their platform's locale is not known here."""
    if item.announcement_id is None:
        return item.text
    chosen = await deps.storage.languages.remembered(item.platform, item.user_id, deps.clock())
    with using(chosen or DEFAULT):
        return in_current_language(item.text)


async def _send_to_channel(
    deps: Deps, messenger: DirectMessenger, item: Notification, dm_error: str
) -> _Outcome:
    """The fallback when DMs are closed; the DM is tried again first on every retry."""
    channel = notify_channel(deps.settings, item.platform)
    if not channel:
        return _Outcome(
            store(
                N_("DMs closed ({reason}); no {platform} notify channel is set"),
                reason=dm_error,
                platform=item.platform,
            )
        )
    try:
        chosen = await deps.storage.languages.remembered(item.platform, item.user_id, deps.clock())
        with using(chosen or DEFAULT):
            text = channel_text(item)
        await messenger.send_channel(item.workspace, channel, text)
    except DeliveryError as exc:
        return _Outcome(
            store(
                N_("DMs closed ({reason}); the notify channel failed: {channel_reason}"),
                reason=dm_error,
                channel_reason=_reason(exc),
            )
        )
    except Exception as exc:
        log.error(
            "messenger for %s raised on its channel: %s", item.platform, tracebacks.describe(exc)
        )
        return _Outcome(
            store(
                N_("DMs closed; unexpected {error} in the notify channel"), error=type(exc).__name__
            )
        )
    log.info("notification %d posted in the %s notify channel", item.id, item.platform)
    return _Outcome("", in_channel=True)


def _reason(exc: DeliveryError) -> str:
    """The adapter's reason: a stored sentence (said in the reader's language by /facts
    outbox) whole, any other text cut to 200 characters."""
    text = str(exc)
    return text if is_stored(text) else text[:200] or type(exc).__name__


async def run_delivery(deps: Deps, stop: asyncio.Event, poll_seconds: float = POLL_SECONDS) -> None:
    """Deliver until `stop` is set; started by wiring.py beside the chat platforms."""

    async def one_pass() -> bool:
        report = await deliver_due(deps)
        return report.delivered + report.failed >= BATCH  # more are due right now

    await poll_until_stopped(stop, one_pass, poll_seconds, log, "delivery")
