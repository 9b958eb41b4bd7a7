"""Slack direct messages for the platform-neutral notifier (bot/notify.py)."""

from __future__ import annotations

import aiohttp
from slack_sdk.errors import SlackClientError

from bot.notify import DeliveryError
from bot.platforms.slack.delivery import Delivery, slack_error


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
            raise DeliveryError(f"Slack did not take the DM: {slack_error(exc)}") from exc
