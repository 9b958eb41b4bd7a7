"""Shards split across processes: two clients (shards [0] and [1] of 2) on one fake Discord.

Each IDENTIFYs its own shard only, the one holding shard 0 syncs the commands (the other
does not even read them), and an interaction on either shard is answered.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.core.deps import Deps
from bot.core.dispatch import Dispatcher
from bot.platforms.discord import run_discord
from commands import build_registry
from testkit.fake_discord import FakeDiscord, interactions, payloads
from tests.platforms.discord.conftest import discord_settings
from tests.platforms.discord.wire import MESSAGE, final_message, message_data, visible_text

COMMANDS_PATH = f"/api/v10/applications/{payloads.APP_ID}/commands"
STARTUP_S = 15


@contextlib.asynccontextmanager
async def shard_process(
    fake: FakeDiscord, deps: Deps, tmp_path: Path, shard_id: int
) -> AsyncIterator[None]:
    """What one bot process of a two-process deployment runs: shard `shard_id` of 2."""
    settings = replace(
        discord_settings(fake, tmp_path, guild=False),
        discord_shard_count=2,
        discord_shard_ids=(shard_id,),
    )
    dispatcher = Dispatcher(build_registry(), replace(deps, settings=settings))
    stop = asyncio.Event()
    task = asyncio.create_task(run_discord(dispatcher, stop))
    connected = asyncio.create_task(fake.gateway.shard_connected(shard_id).wait())
    await asyncio.wait({task, connected}, timeout=STARTUP_S, return_when=asyncio.FIRST_COMPLETED)
    connected.cancel()
    if task.done():
        task.result()  # startup failed: show why
    assert fake.gateway.shard_connected(shard_id).is_set(), f"shard {shard_id} never connected"
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, STARTUP_S)


@contextlib.asynccontextmanager
async def kept_discord_globals() -> AsyncIterator[None]:
    """discord.py keeps its REST base and fallback gateway in class attributes, which two
    clients in one process share: whatever order they stop in, put them back."""
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


async def test_two_processes_each_serve_their_shard_and_one_syncs(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    fake.recommended_shards = 2
    async with (
        kept_discord_globals(),
        shard_process(fake, deps, tmp_path, 0),
        shard_process(fake, deps, tmp_path, 1),
    ):
        assert sorted(tuple(i["shard"]) for i in fake.gateway.identifies) == [(0, 2), (1, 2)]
        command_puts = [r for r in fake.requests if r.method == "PUT" and r.path == COMMANDS_PATH]
        command_reads = [r for r in fake.requests if r.method == "GET" and r.path == COMMANDS_PATH]
        assert len(command_puts) == 1 and len(command_reads) == 1
        # Discord sends direct messages to shard 0 and the test guild's events to shard 1
        # ((guild id >> 22) % 2): one interaction of each kind, each answered.
        in_dm = await fake.send_interaction("/help", invoker=interactions.Invoker(in_guild=False))
        in_guild = await fake.send_interaction("/help", shard=1)
        for sent in (in_dm, in_guild):
            kind, received = await final_message(fake, sent)
            assert kind == MESSAGE and "/ring" in visible_text(message_data(received))


async def test_a_process_without_shard_0_never_touches_the_commands(
    fake: FakeDiscord, deps: Deps, tmp_path: Path
) -> None:
    fake.recommended_shards = 2
    async with kept_discord_globals(), shard_process(fake, deps, tmp_path, 1):
        assert list(fake.gateway.shards) == [1]
    assert [i["shard"] for i in fake.gateway.identifies] == [[1, 2]]
    assert not [r for r in fake.requests if r.path == COMMANDS_PATH]
