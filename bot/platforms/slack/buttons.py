"""A pressed Block Kit button (`block_actions`): its value is a command line, run as the
person who clicked and answered only to them.

Acknowledged at once (Slack wants it within 3 s); the answer follows on the payload's
response_url as an ephemeral message that leaves the card itself as it is. A repeated
delivery of one click (same trigger_id) runs once (in this process: memory; elsewhere: the
replay record its command's first write carries); a second click is the command again,
whose own write path counts a sign-up once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import replace
from typing import Any

import aiohttp
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.core.dispatch import Dispatcher, Identity
from bot.core.incidents import incident_reply
from bot.core.models import Reply
from bot.core.replay_scope import is_replay
from bot.platforms.slack.dedupe import SeenRequests
from bot.platforms.slack.delivery import Delivery, ReplyTarget
from bot.platforms.slack.render import render_reply

log = logging.getLogger("counterwatch.slack")

Body = dict[str, Any]
Ack = Callable[..., Awaitable[Any]]


class ButtonPresses:
    def __init__(
        self,
        dispatcher: Dispatcher,
        delivery: Delivery,
        session: aiohttp.ClientSession,
        seen: SeenRequests,
        identity: Callable[[Body, str, str], Awaitable[Identity]],
        spawn: Callable[[Coroutine[Any, Any, None]], object],
    ) -> None:
        self._dispatcher = dispatcher
        self._delivery = delivery
        self._session = session
        self._seen = seen
        self._identity = identity
        self._spawn = spawn

    async def on_action(self, ack: Ack, body: Body) -> None:
        await ack()
        actions = body.get("actions") or []
        if not actions:
            return
        key = "button:" + str(body.get("trigger_id") or actions[0].get("action_ts") or "")
        if not self._seen.first_time(key):
            return
        self._spawn(self._run(body, str(actions[0].get("value") or ""), key))  # verbatim

    async def _run(self, body: Body, action: str, key: str) -> None:
        user = body.get("user") or {}
        channel = str((body.get("channel") or {}).get("id") or "")
        target = ReplyTarget(
            user_id=str(user.get("id", "")),
            channel=channel,
            response_url=str(body.get("response_url") or ""),
        )
        try:
            identity = await self._identity(body, channel, key)
            log.debug("slack button")
            reply = replace(await self._dispatcher.run_text(identity, action), private=True)
        except Exception as exc:
            reply = incident_reply("slack button", exc)
        if not is_replay(reply):  # a replayed click: the first delivery answered
            await self._answer(target, reply)

    async def _answer(self, target: ReplyTarget, reply: Reply) -> None:
        message = render_reply(reply)
        if message.files or not target.response_url:
            await self._delivery.send(target, reply)
            return
        # A new ephemeral message for the clicker: the card they clicked stays as posted.
        payload = {**message.payload(), "replace_original": False}
        webhook = AsyncWebhookClient(url=target.response_url, session=self._session)
        response = await webhook.send_dict(payload)
        if response.status_code != 200:
            log.warning("response_url post answered HTTP %s", response.status_code)
