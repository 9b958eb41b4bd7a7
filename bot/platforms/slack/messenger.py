"""Slack direct messages for the platform-neutral notifier (bot/notify.py), and edits of
the campaign cards the app posted (`chat.update`)."""

from __future__ import annotations

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.core.messengers import CardEditFailed, CardGone, DeliveryError
from bot.core.models import Reply
from bot.platforms.slack.delivery import Delivery, slack_error
from bot.platforms.slack.render import render_reply
from lexicon.i18n import N_
from lexicon.stored import store

# Slack's answers meaning "this person cannot be messaged directly" (as opposed to an
# outage): the delivery loop then posts in the notify channel instead of only retrying.
DM_CLOSED_ERRORS = frozenset(
    {
        "cannot_dm_bot",
        "messages_tab_disabled",
        "user_disabled",
        "user_not_found",
        "user_not_visible",
        "restricted_action",
        "channel_not_found",
        "not_in_channel",
        "is_archived",
    }
)


# chat.update's answers meaning the card's message will never be there again.
CARD_GONE_ERRORS = frozenset({"message_not_found", "channel_not_found"})
DEFAULT_RETRY_AFTER_S = 30.0  # a 429 without Retry-After


class SlackMessenger:
    """`conversations.open` + `chat.postMessage`; any failure is a DeliveryError."""

    platform = "slack"

    def __init__(self, delivery: Delivery) -> None:
        self._delivery = delivery

    async def send_direct(self, workspace: str, user_id: str, text: str) -> None:
        # One Counterwatch process serves one Slack workspace (its bot token's), so
        # `workspace` needs no routing here.
        try:
            await self._delivery.send_direct_text(user_id, text)
        except (SlackClientError, TimeoutError, aiohttp.ClientError) as exc:
            raise DeliveryError(
                store(N_("Slack did not take the DM: {error}"), error=slack_error(exc)),
                permanent=_refused(exc),
            ) from exc

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        try:
            await self._delivery.send_channel_text(channel_id, text)
        except (SlackClientError, TimeoutError, aiohttp.ClientError) as exc:
            raise DeliveryError(
                store(N_("Slack did not take the channel post: {error}"), error=slack_error(exc)),
                permanent=_refused(exc),
            ) from exc

    async def edit_card(self, workspace: str, channel: str, message_id: str, reply: Reply) -> None:
        """chat.update with the card as it is now. Slack has no disabled buttons: a closed
        card's are gone, and its last line (a context block) says it is closed."""
        message = render_reply(reply)
        try:
            await self._delivery.update_message(channel, message_id, message)
        except SlackApiError as exc:
            code = slack_error(exc)
            if code in CARD_GONE_ERRORS:
                raise CardGone(code) from None
            if exc.response.status_code == 429:
                raise CardEditFailed("rate limited", retry_after=_retry_after(exc)) from None
            raise CardEditFailed(f"Slack did not take the edit: {code}") from None
        except (SlackClientError, TimeoutError, aiohttp.ClientError) as exc:
            raise CardEditFailed(f"Slack did not take the edit: {slack_error(exc)}") from None


def _retry_after(exc: SlackApiError) -> float:
    headers = exc.response.headers or {}
    value = headers.get("Retry-After") or headers.get("retry-after")
    try:
        return float(value) if value else DEFAULT_RETRY_AFTER_S
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER_S


def _refused(exc: Exception) -> bool:
    return isinstance(exc, SlackApiError) and slack_error(exc) in DM_CLOSED_ERRORS
