"""Follow notifications when a member's DMs are closed: the notify channel, on the wire."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.messengers import DeliveryError
from notifications.delivery import deliver_due
from storage.db import Database
from testkit.fake_discord import payloads
from tests.platforms.discord.conftest import RunningBot
from tests.platforms.discord.test_lifecycle import wait_for_messenger
from tests.platforms.discord.wire import pings_nobody
from tests.platforms.notify_helpers import queue_notification

CLOSED_USER = "600000000000000009"


async def test_closed_dms_fall_back_to_the_channel_with_mentions_off(
    bot: RunningBot, db: Database
) -> None:
    await wait_for_messenger(bot)
    deps = bot.dispatcher.deps
    deps = replace(
        deps, settings=replace(deps.settings, discord_notify_channel_id=payloads.CHANNEL_ID)
    )
    queued = await queue_notification(
        db, "discord", payloads.GUILD_ID, CLOSED_USER, "Zed @everyone <@&1>",
        "Greenfield, WI changed @here",
    )  # fmt: skip
    assert queued == 1
    bot.fake.closed_dm_users.add(CLOSED_USER)
    report = await deliver_due(deps)
    assert (report.delivered, report.in_channel) == (1, 1)
    path = f"/api/v10/channels/{payloads.CHANNEL_ID}/messages"
    [post] = [r for r in bot.fake.requests if r.method == "POST" and r.path == path]
    assert post.body["content"] == (
        "For Zed @everyone <@&1> (direct messages closed):\nGreenfield, WI changed @here"
    )
    assert pings_nobody(post.body)
    # The DM was tried first, and refused by Discord (403).
    dm_posts = [
        r
        for r in bot.fake.requests
        if r.method == "POST" and r.path.endswith("/messages") and r.path != path
    ]
    assert len(dm_posts) == 1


async def test_a_channel_of_another_server_is_refused(bot: RunningBot) -> None:
    messenger = await wait_for_messenger(bot)
    before = len(bot.fake.requests)
    with pytest.raises(DeliveryError) as refused:
        await messenger.send_channel("999", payloads.CHANNEL_ID, "hello")
    assert refused.value.permanent
    assert not [r for r in bot.fake.requests[before:] if r.method == "POST"]
