"""Gateway behaviours: compression, RECONNECT -> RESUME, INVALID_SESSION -> IDENTIFY on the
configured gateway, graceful stop, direct messages."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest

from bot.core.deps import Deps
from bot.core.messengers import DeliveryError, DirectMessenger
from bot.platforms.discord.handling import STOPPING_MESSAGE
from testkit.fake_discord import FakeDiscord
from testkit.waiting import eventually
from tests.platforms.discord.conftest import RunningBot, running_bot
from tests.platforms.discord.wire import DEFERRED, final_message, message_data, pings_nobody

READY_WAIT_S = 10.0


async def test_gateway_identifies_once_over_zlib_stream(bot: RunningBot) -> None:
    gateway = bot.fake.gateway
    assert gateway.compressed_connections == 1
    (identify,) = gateway.identifies
    assert identify["token"] == "fake-token"
    assert identify["shard"] == [0, 1]  # AutoShardedClient, shard count from GET /gateway/bot
    assert identify["intents"] == 1  # guilds only: nothing privileged
    gateway_bot = [r for r in bot.fake.requests if r.path == "/api/v10/gateway/bot"]
    assert len(gateway_bot) == 1


async def test_reconnect_request_leads_to_resume_and_service_continues(bot: RunningBot) -> None:
    gateway = bot.fake.gateway
    before = await bot.fake.send_interaction("/probe echo", {"words": "before"})
    await final_message(bot.fake, before)
    await gateway.request_reconnect()
    await asyncio.wait_for(gateway.connected.wait(), READY_WAIT_S)
    (resume,) = gateway.resumes
    assert resume["session_id"] == "session-1"
    assert resume["seq"] >= 3  # READY, GUILD_CREATE and the interaction were seen
    assert len(gateway.identifies) == 1  # resumed, not re-identified
    after = await bot.fake.send_interaction("/probe echo", {"words": "after"})
    _, received = await final_message(bot.fake, after)
    assert message_data(received)["content"] == "You said: after"


async def test_invalid_session_re_identifies_on_the_gateway_the_api_base_named(
    bot: RunningBot,
) -> None:
    # discord.py's own fallback after op 9 d=false is wss://gateway.discord.gg: the bot
    # must come back to the gateway GET /gateway/bot gave it, through DISCORD_API_BASE.
    gateway = bot.fake.gateway
    await gateway.invalidate_session(resumable=False)
    await asyncio.wait_for(gateway.connected.wait(), READY_WAIT_S)
    assert len(gateway.identifies) == 2 and not gateway.resumes  # a new session, not a resume
    assert gateway.connections == 2
    gateway_bot = [r for r in bot.fake.requests if r.path == "/api/v10/gateway/bot"]
    assert len(gateway_bot) == 1  # the address fetched at start is the one reused
    after = await bot.fake.send_interaction("/probe echo", {"words": "new session"})
    _, received = await final_message(bot.fake, after)
    assert message_data(received)["content"] == "You said: new session"


async def test_unreachable_resume_address_falls_back_to_the_configured_gateway(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    # The resume fails to connect, so discord.py reconnects from scratch (Shard.reconnect),
    # through the same fallback address as after INVALID_SESSION.
    fake.gateway.resume_url = f"ws://127.0.0.1:{unused_port()}/gateway"
    async with running_bot(fake, deps, tmp_path):
        await fake.gateway.request_reconnect()
        await asyncio.wait_for(fake.gateway.connected.wait(), READY_WAIT_S)
        assert len(fake.gateway.identifies) == 2 and not fake.gateway.resumes
        assert fake.gateway.connections == 2
        after = await fake.send_interaction("/probe echo", {"words": "reconnected"})
        _, received = await final_message(fake, after)
        assert message_data(received)["content"] == "You said: reconnected"


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_stop_finishes_in_flight_turns_new_away_and_closes(bot: RunningBot) -> None:
    slow = await bot.fake.send_interaction("/probe slow")
    assert (await bot.fake.callback(slow)).body["type"] == DEFERRED
    bot.stop.set()
    await asyncio.wait_for(bot.gate.closing.wait(), READY_WAIT_S)
    late = await bot.fake.send_interaction("/probe echo", {"words": "too late"})
    _, turned_away = await final_message(bot.fake, late)
    assert message_data(turned_away)["content"] == STOPPING_MESSAGE
    assert not bot.task.done()  # still waiting for the slow command
    bot.slow_release.set()
    followup = await bot.fake.followup(slow)
    assert followup.body["content"] == "slow work done"
    await asyncio.wait_for(bot.task, READY_WAIT_S)
    await asyncio.wait_for(bot.fake.gateway.closed_by_client.wait(), READY_WAIT_S)


async def wait_for_messenger(bot: RunningBot) -> DirectMessenger:
    # on_ready comes after discord.py's guild-ready wait; poll the registry, bounded.
    messengers = bot.dispatcher.deps.messengers
    await eventually(lambda: messengers.get("discord") is not None, timeout_s=READY_WAIT_S)
    messenger = messengers.get("discord")
    assert messenger is not None
    return messenger


async def test_direct_messages_are_sent_without_mentions(bot: RunningBot) -> None:
    messenger = await wait_for_messenger(bot)
    text = "New fact for Greenfield @everyone [see](https://evil.example) **now**"
    await messenger.send_direct("800", "600000000000000007", text)
    posted = await bot.fake.wait_request(
        lambda r: r.method == "POST" and r.path.endswith("/messages")
    )
    # Markdown is neutralised like in replies; the bare link stays as typed.
    assert posted.body["content"] == (
        "New fact for Greenfield @everyone \\[see\\](https://evil.example) \\*\\*now\\*\\*"
    )
    assert pings_nobody(posted.body)


async def test_closed_dms_raise_delivery_error(bot: RunningBot) -> None:
    messenger = await wait_for_messenger(bot)
    bot.fake.closed_dm_users.add("600000000000000008")
    with pytest.raises(DeliveryError):
        await messenger.send_direct("800", "600000000000000008", "hello")
    with pytest.raises(DeliveryError):
        await messenger.send_direct("800", "not-an-id", "hello")


async def test_a_failing_discord_call_is_contained_and_service_continues(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    # The first answer is refused by Discord (the interaction expired): the adapter's own
    # error path (tree.on_error) takes it; the bot keeps serving.
    bot.fake.expire_next_callbacks = 2  # the answer, then the on_error notice
    doomed = await bot.fake.send_interaction("/probe echo", {"words": "late"})
    path = f"/api/v10/interactions/{doomed['id']}/{doomed['token']}/callback"
    await bot.fake.wait_request(lambda r: r.path == path and "incident" in str(r.body).lower())
    # The incident is logged by its exception types and frames, never by their messages
    # (which, for other failures, may quote what the user typed).
    incidents = [r.getMessage() for r in caplog.records if r.getMessage().startswith("incident")]
    assert incidents and all("discord.errors.NotFound" in m for m in incidents)
    assert not any("Unknown interaction" in m for m in incidents)
    assert not any(r.exc_info for r in caplog.records)  # no raw traceback with messages
    assert bot.fake.expire_next_callbacks == 0
    after = await bot.fake.send_interaction("/probe echo", {"words": "next"})
    _, received = await final_message(bot.fake, after)
    assert message_data(received)["content"] == "You said: next"
    assert not bot.task.done()


async def test_rest_base_and_gateway_are_restored_when_the_bot_stops(bot: RunningBot) -> None:
    # Only to observe the library's globals, never to mock them.
    from discord.gateway import DiscordWebSocket
    from discord.http import Route

    assert bot.fake.api_base == Route.BASE
    assert str(DiscordWebSocket.DEFAULT_GATEWAY) == bot.fake.gateway.ws_url
    bot.stop.set()
    await asyncio.wait_for(bot.task, READY_WAIT_S)
    assert Route.BASE == "https://discord.com/api/v10"
    assert str(DiscordWebSocket.DEFAULT_GATEWAY) == "wss://gateway.discord.gg/"
