"""Slack DMs for follow notifications, and workspace admins read with users.info."""

from __future__ import annotations

import aiohttp
import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.messengers import DeliveryError
from bot.core.models import Role
from bot.platforms.slack.delivery import Delivery
from bot.platforms.slack.messenger import SlackMessenger
from bot.platforms.slack.roles import WORKSPACE_ADMIN_CACHE_SECONDS, RoleResolver
from tests.platforms.fake_slack.server import FakeSlack
from tests.platforms.slack.conftest import HttpSlack


def client(fake: FakeSlack, session: aiohttp.ClientSession) -> AsyncWebClient:
    return AsyncWebClient(token="xoxb-test", base_url=fake.api_url, session=session)


async def test_a_dm_opens_the_conversation_and_posts_escaped_text(fake_slack: FakeSlack) -> None:
    async with aiohttp.ClientSession() as session:
        messenger = SlackMessenger(Delivery(client(fake_slack, session), session))
        await messenger.send_direct("T1", "U42", "New fact for <!channel> & you")
    [opened] = fake_slack.calls("conversations.open")
    assert opened.body["users"] == "U42"
    [posted] = fake_slack.calls("chat.postMessage")
    assert posted.body["channel"] == "DU42"
    assert posted.body["text"] == "New fact for &lt;!channel&gt; &amp; you"


async def test_a_refused_dm_is_a_delivery_error(fake_slack: FakeSlack) -> None:
    fake_slack.refused_channels.add("DU42")
    async with aiohttp.ClientSession() as session:
        messenger = SlackMessenger(Delivery(client(fake_slack, session), session))
        with pytest.raises(DeliveryError):
            await messenger.send_direct("T1", "U42", "hello")


async def test_the_running_app_registers_its_messenger(http_slack: HttpSlack) -> None:
    messenger = http_slack.running.dispatcher.deps.messengers.get("slack")
    assert messenger is not None
    await messenger.send_direct("T1", "U9", "hi")
    assert http_slack.fake.calls("chat.postMessage")[0].body["channel"] == "DU9"


async def test_workspace_admins_are_admins_and_the_answer_is_cached(fake_slack: FakeSlack) -> None:
    fake_slack.workspace_admins.add("UWS")
    async with aiohttp.ClientSession() as session:
        roles = RoleResolver(frozenset(), frozenset({"UORG"}), client(fake_slack, session))
        assert await roles.role_of("UWS") is Role.ADMIN
        assert await roles.role_of("UWS") is Role.ADMIN
        assert await roles.role_of("UORG") is Role.ORGANIZER
        assert await roles.role_of("U1") is Role.MEMBER
    assert [c.body["user"] for c in fake_slack.calls("users.info")] == ["UWS", "UORG", "U1"]


async def test_the_role_cache_is_bounded_and_its_answers_expire(fake_slack: FakeSlack) -> None:
    """At most `size` members remembered (the least recently asked forgotten first), each
    answer for WORKSPACE_ADMIN_CACHE_SECONDS: past either, Slack is asked again."""
    fake_slack.workspace_admins.add("UWS")
    now = [0.0]
    async with aiohttp.ClientSession() as session:
        roles = RoleResolver(
            frozenset(), frozenset(), client(fake_slack, session), clock=lambda: now[0], size=2
        )
        for user in ("UWS", "U1", "UWS", "U2"):  # UWS asked again: U1 is the oldest now
            await roles.role_of(user, "T1")
        assert len(fake_slack.calls("users.info")) == 3
        assert await roles.role_of("UWS", "T1") is Role.ADMIN  # still remembered
        await roles.role_of("U1", "T1")  # forgotten: asked again
        assert len(fake_slack.calls("users.info")) == 4
        now[0] = WORKSPACE_ADMIN_CACHE_SECONDS + 1
        fake_slack.workspace_admins.discard("UWS")  # no longer an admin: seen once expired
        assert await roles.role_of("UWS", "T1") is Role.MEMBER
    assert [c.body["user"] for c in fake_slack.calls("users.info")] == [
        "UWS",
        "U1",
        "U2",
        "U1",
        "UWS",
    ]


async def test_listed_ids_need_no_api_call(fake_slack: FakeSlack) -> None:
    roles = RoleResolver(frozenset({"UA"}), frozenset({"UO"}))
    assert await roles.role_of("UA") is Role.ADMIN
    assert await roles.role_of("UO") is Role.ORGANIZER
    assert await roles.role_of("UX") is Role.MEMBER
    assert not fake_slack.calls("users.info")
