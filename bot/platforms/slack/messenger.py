"""Slack direct messages for the platform-neutral notifier (bot/notify.py)."""

from __future__ import annotations

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.messengers import DeliveryError
from bot.platforms.slack.delivery import Delivery, slack_error

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
                f"Slack did not take the DM: {slack_error(exc)}", permanent=_refused(exc)
            ) from exc

    async def send_channel(self, workspace: str, channel_id: str, text: str) -> None:
        try:
            await self._delivery.send_channel_text(channel_id, text)
        except (SlackClientError, TimeoutError, aiohttp.ClientError) as exc:
            raise DeliveryError(
                f"Slack did not take the channel post: {slack_error(exc)}",
                permanent=_refused(exc),
            ) from exc


def _refused(exc: Exception) -> bool:
    return isinstance(exc, SlackApiError) and slack_error(exc) in DM_CLOSED_ERRORS
