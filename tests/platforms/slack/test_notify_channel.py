"""Follow notifications when a member's DMs are closed: the Slack notify channel, on the wire."""

from __future__ import annotations

from dataclasses import replace

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.deps import Deps
from bot.core.messengers import Messengers
from bot.platforms.slack.delivery import Delivery
from bot.platforms.slack.messenger import SlackMessenger
from lexicon.stored import say
from notifications.delivery import deliver_due
from storage.db import Database
from storage.outbox.repository import OutboxStore
from storage.viewer import EVERYONE
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.notify_helpers import queue_notification

CHANNEL = "CNOTIFY"


def slack_deps(deps: Deps, messenger: SlackMessenger, channel: str) -> Deps:
    messengers = Messengers()
    messengers.register(messenger)
    settings = replace(deps.settings, slack_notify_channel_id=channel)
    return replace(deps, settings=settings, messengers=messengers)


async def test_closed_dms_fall_back_to_the_channel_escaped(
    fake_slack: FakeSlack, deps: Deps, db: Database
) -> None:
    await queue_notification(
        db, "slack", "T1", "U42", "Zed <!channel> & co", "Greenfield, WI <@U1> changed"
    )
    fake_slack.refused_channels.add("DU42")  # the DM is refused: not_in_channel
    async with aiohttp.ClientSession() as session:
        client = AsyncWebClient(token="xoxb-test", base_url=fake_slack.api_url, session=session)
        report = await deliver_due(
            slack_deps(deps, SlackMessenger(Delivery(client, session)), CHANNEL)
        )
    assert (report.delivered, report.in_channel) == (1, 1)
    dm, post = fake_slack.calls("chat.postMessage")
    assert dm.body["channel"] == "DU42"
    assert post.body["channel"] == CHANNEL
    assert post.body["text"] == (
        "For Zed &lt;!channel&gt; &amp; co (direct messages closed):\n"
        "Greenfield, WI &lt;@U1&gt; changed"
    )


async def test_an_outage_is_retried_not_posted_in_the_channel(
    fake_slack: FakeSlack, deps: Deps, db: Database
) -> None:
    await queue_notification(db, "slack", "T1", "U42", "Zed", "changed")
    fake_slack.refuse_all_methods.add("conversations.open")  # fake_refusal: not "DMs closed"
    async with aiohttp.ClientSession() as session:
        client = AsyncWebClient(token="xoxb-test", base_url=fake_slack.api_url, session=session)
        report = await deliver_due(
            slack_deps(deps, SlackMessenger(Delivery(client, session)), CHANNEL)
        )
    assert (report.delivered, report.failed) == (0, 1)
    assert fake_slack.calls("chat.postMessage") == []
    [stuck] = await OutboxStore(db).pending(10, EVERYONE)
    assert "fake_refusal" in say(stuck.last_error)
